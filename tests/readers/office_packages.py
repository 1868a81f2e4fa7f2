"""Minimal DOCX and ODT packages built with zipfile, for the reader tests.

Each builder takes the XML of the body (and of the optional parts) and wraps
it in the namespaces and relationship files a real package carries.
"""

from __future__ import annotations

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_NAMESPACES = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
)
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SEPARATORS = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
              '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
              "</w:p></w:footnote>")  # fmt: skip


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs: str, style: str | None = None) -> str:
    """A w:p of runs; plain strings become runs, XML fragments (starting with '<') are kept."""
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return "<w:p>" + props + "".join(r if r.startswith("<") else run(r) for r in runs) + "</w:p>"


def note(kind: str, note_id: int, *paragraphs: str) -> str:
    """A footnote or endnote whose paragraphs open with the note's own mark, as Word writes them."""
    mark = f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{kind}Ref/></w:r>'
    body = "".join(f"<w:p>{mark if i == 0 else ''}{p if p.startswith('<') else run(' ' + p)}</w:p>"
                   for i, p in enumerate(paragraphs))  # fmt: skip
    return f'<w:{kind} w:id="{note_id}">{body}</w:{kind}>'


def ref(kind: str, note_id: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{kind}Reference w:id="{note_id}"/></w:r>'


STYLES = (
    f'<w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Section"><w:name w:val="My Section"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="SubSection"><w:name w:val="My Subsection"/>'
    '<w:basedOn w:val="Section"/></w:style>'
    "</w:styles>"
)


def docx(
    body: str,
    *,
    footnotes: str | None = None,
    endnotes: str | None = None,
    styles: str | None = STYLES,
    links: dict[str, str] | None = None,
    note_links: dict[str, str] | None = None,
    core_title: str | None = None,
    core_creator: str = "A. Writer",
    comments: str | None = None,
    main: str = "word/document.xml",
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A .docx whose w:body holds `body`; `links` maps relationship ids to external URLs."""
    rels = [("rIdStyles", "styles", "styles.xml")] if styles else []
    parts: dict[str, bytes | str] = {}
    folder = main.rsplit("/", 1)[0]
    if styles:
        parts[f"{folder}/styles.xml"] = _HEAD + styles
    for kind, xml in (("footnotes", footnotes), ("endnotes", endnotes), ("comments", comments)):
        if xml is not None:
            tag = kind[:-1] if kind != "comments" else "comments"
            root = f"w:{kind}" if kind != "comments" else "w:comments"
            parts[f"{folder}/{kind}.xml"] = f"{_HEAD}<{root} {_NAMESPACES}>{xml}</{root}>"
            rels.append((f"rId{tag}", kind, f"{kind}.xml"))
            if kind == "footnotes" and note_links:
                parts[f"{folder}/_rels/footnotes.xml.rels"] = _rels([], note_links)
    parts[main] = f"{_HEAD}<w:document {_NAMESPACES}><w:body>{body}<w:sectPr/></w:body></w:document>"
    name = main.rsplit("/", 1)[1]
    parts[f"{folder}/_rels/{name}.rels"] = _rels(rels, links or {})
    package_rels = [("rId1", "officeDocument", main)]
    if core_title is not None:
        parts["docProps/core.xml"] = (
            f'{_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-'
            'properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
            f"<dc:title>{core_title}</dc:title><dc:creator>{core_creator}</dc:creator>"
            "<dcterms:created>2017-01-31T12:58:00Z</dcterms:created></cp:coreProperties>"
        )
        package_rels.append(("rId2", "core", "docProps/core.xml"))
    parts["_rels/.rels"] = _rels(package_rels, {})
    parts["[Content_Types].xml"] = (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    parts.update(extra or {})
    return zip_bytes(parts)


def _rels(internal: list[tuple[str, str, str]], external: dict[str, str]) -> str:
    items = []
    for rel_id, kind, target in internal:
        rel_type = ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                    if kind == "core" else _REL_TYPE + kind)  # fmt: skip
        items.append(f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{target}"/>')
    for rel_id, url in external.items():
        items.append(f'<Relationship Id="{rel_id}" Type="{_REL_TYPE}hyperlink" Target="{url}" '
                     'TargetMode="External"/>')  # fmt: skip
    return (f'{_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(items) + "</Relationships>")  # fmt: skip


def zip_bytes(parts: dict[str, bytes | str], *, stored: tuple[str, ...] = ("mimetype",)) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for part, data in parts.items():
            compress = zipfile.ZIP_STORED if part in stored else zipfile.ZIP_DEFLATED
            package.writestr(part, data if isinstance(data, bytes) else data.encode("utf-8"), compress_type=compress)
    return buffer.getvalue()


ODT_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink"'
)


def odt_content(body: str, automatic_styles: str = "") -> str:
    return (f"{_HEAD}<office:document-content {ODT_NAMESPACES} office:version=\"1.3\">"
            f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")  # fmt: skip


def odt(body: str, *, automatic_styles: str = "", meta_title: str | None = None,
        mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:  # fmt: skip
    """An .odt whose office:text holds `body`."""
    parts: dict[str, bytes | str] = {"mimetype": mimetype, "content.xml": odt_content(body, automatic_styles)}
    if meta_title is not None:
        parts["meta.xml"] = (f"{_HEAD}<office:document-meta {ODT_NAMESPACES}><office:meta>"
                             f"<dc:title>{meta_title}</dc:title><dc:date>2020-02-14T09:39:00</dc:date>"
                             "<meta:creation-date>2017-01-31T12:58:00</meta:creation-date>"
                             "</office:meta></office:document-meta>")  # fmt: skip
    parts["META-INF/manifest.xml"] = (
        f'{_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        "</manifest:manifest>"
    )
    return zip_bytes(parts)
