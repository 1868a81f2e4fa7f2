"""ODT reader: OpenDocument text (and its flat one-file form, .fodt) with its native notes.

The parts are read with lxml through `Package` (odfpy would only add a
layer over the same XML and reads the whole package eagerly). Footnotes and
endnotes stand inside the text as `text:note`: each becomes `[N]` where it
stands and its `text:note-body` the note, both kinds in one sequence in
reading order, as the DOCX reader numbers them. Tracked changes read as
accepted (deleted text lives apart, in `text:tracked-changes`, which is
skipped), annotations (comments) are left out, a table is one paragraph with
a line per row and its cells joined by " | ". meta.xml's dc:title is only a
fallback title; its dates are when the file was made and saved, not when the
document was issued, so they are not used.
"""

from __future__ import annotations

from lxml import etree

from app.errors import ReadError
from app.model import RawDocument
from app.readers import MAX_TEXT_CHARS
from app.readers.docx_package import what_it_holds
from app.readers.docx_text import MAX_HEADING_CHARS
from app.readers.hints import meaningful_title, person_or_body
from app.readers.layout import compose, link_text, one_line
from app.readers.package import Package, parse_xml

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_XLINK = "http://www.w3.org/1999/xlink"
_DC = "http://purl.org/dc/elements/1.1/"
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
_PREFIXES = {_OFFICE: "office", _TEXT: "text", _TABLE: "table", _STYLE: "style", _DRAW: "draw", _SVG: "svg"}

_ODT_MIMETYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template")
# Not read: review marks, comments, tables of contents (they repeat the headings), forms and declarations.
_SKIPPED = frozenset(
    "text:tracked-changes text:change text:change-start text:change-end office:annotation office:annotation-end "
    "text:soft-page-break text:note-citation text:table-of-content text:illustration-index text:table-index "
    "text:object-index text:user-index text:alphabetical-index office:forms text:sequence-decls "
    "text:variable-decls text:user-field-decls text:bookmark text:bookmark-start text:bookmark-end "
    "text:reference-mark text:reference-mark-start text:reference-mark-end text:toc-mark text:toc-mark-start "
    "text:alphabetical-index-mark text:alphabetical-index-mark-start text:ruby-text draw:image office:event-listeners "
    "svg:title svg:desc".split()
)
_BLOCK_WRAPPERS = frozenset(
    "text:section text:list text:list-item text:list-header text:numbered-paragraph office:text draw:frame "
    "draw:text-box text:index-body text:bibliography".split()
)
_ROW_WRAPPERS = frozenset("table:table-header-rows table:table-rows table:table-row-group".split())


def read_odt(data: bytes) -> RawDocument:
    """Read an .odt package (or a flat .fodt XML file); ReadError with one line when it is not one."""
    if data[:4] == b"PK\x03\x04" or data[:2] == b"PK":
        pkg = Package(data, "ODT")
        _check_mimetype(pkg)
        manifest = pkg.read_optional("META-INF/manifest.xml", 4 * 1024 * 1024) or b""
        if b"encryption-data" in manifest:
            raise ReadError("cannot read ODT file: it is password-protected: save it again without a password")
        content = pkg.xml("content.xml")
        meta = pkg.xml_optional("meta.xml", 1024 * 1024)
    else:
        content = parse_xml(data, "ODT file", "(flat document)")
        meta = content
    if _name(content) not in ("office:document-content", "office:document"):
        raise ReadError(f"not an OpenDocument text: its content is a <{etree.QName(content).localname}>")
    body = content.find(f"{{{_OFFICE}}}body")
    text_root = body.find(f"{{{_OFFICE}}}text") if body is not None else None
    if text_root is None:
        raise ReadError("not an OpenDocument text: it holds no text body (a spreadsheet or a drawing?)")
    walker = _Walker(_title_styles(content))
    walker.blocks(text_root)
    hints: dict[str, object] = {"title": walker.title} if walker.title else {}
    if meta is not None and (fallback := _meta_title(meta)):
        hints["fallback_title"] = fallback
    if meta is not None:
        hints.update(_meta_author_and_language(meta))
    return RawDocument(
        text=compose(walker.paragraphs, walker.notes), format="odt", headings=walker.headings, hints=hints
    )


def _check_mimetype(pkg: Package) -> None:
    """An .odt must be a text document: an EPUB, a spreadsheet or a .docx renamed gets a reason."""
    if pkg.has("mimetype"):
        kind = pkg.read("mimetype", 256).decode("ascii", "replace").strip()
        if kind in _ODT_MIMETYPES:
            return
        raise ReadError(f"not an OpenDocument text: {what_it_holds(pkg) or f'its mimetype is {kind[:60]!r}'}")
    if not pkg.has("content.xml"):
        raise ReadError(f"not an OpenDocument text: {what_it_holds(pkg) or 'the zip holds no content.xml'}")


def _name(element: etree._Element) -> str:
    """'text:p' for the namespaces the reader knows, '' for an entity reference, '?local' otherwise."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    qname = etree.QName(tag)
    return f"{_PREFIXES.get(qname.namespace or '', '?')}:{qname.localname}"


class _Walker:
    """Reads office:text into paragraphs, headings and notes (numbered as met)."""

    def __init__(self, title_styles: set[str]) -> None:
        self.title_styles = title_styles
        self.paragraphs: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.notes: dict[int, str] = {}
        self.title: str | None = None
        self._boxes: list[etree._Element] = []
        self._in_note = False
        self._opening = 0
        self._size = 0

    def blocks(self, parent: etree._Element) -> None:
        for element in parent:
            if self._size > MAX_TEXT_CHARS:
                return
            local = _name(element)
            if local in ("text:p", "text:h"):
                self._paragraph(element, local == "text:h")
            elif local == "table:table":
                self._table(element)
            elif local in _BLOCK_WRAPPERS:
                self.blocks(element)

    def _paragraph(self, paragraph: etree._Element, is_heading: bool) -> None:
        parts: list[str] = []
        self._inline(paragraph, parts)
        text = "".join(parts)
        heading = one_line(text) if is_heading else ""
        if heading and len(heading) <= MAX_HEADING_CHARS:
            level = paragraph.get(f"{{{_TEXT}}}outline-level") or "1"
            self.headings.append((int(level) if level.isdigit() and 0 < int(level) < 100 else 1, heading))
            text = heading
        if text.strip():
            self._opening += 1
            style = paragraph.get(f"{{{_TEXT}}}style-name")
            if self.title is None and style in self.title_styles and self._opening <= 5:
                self.title = one_line(text)
                if not heading:
                    self.headings.append((1, self.title))
            self.paragraphs.append(text)
            self._size += len(text) + 2
        boxes, self._boxes = self._boxes, []
        for box in boxes:  # frames anchored here read after the paragraph that holds them
            self.blocks(box)

    def _table(self, table: etree._Element) -> None:
        rows: list[str] = []
        stack = list(reversed(list(table)))
        while stack:
            element = stack.pop()
            local = _name(element)
            if local in _ROW_WRAPPERS:
                stack.extend(reversed(list(element)))
            elif local == "table:table-row":
                cells = [self._cell(cell) for cell in element if _name(cell) == "table:table-cell"]
                if line := " | ".join(cell for cell in cells if cell):
                    rows.append(line)
        if rows:
            self.paragraphs.append("\n".join(rows))
            self._size += len(self.paragraphs[-1]) + 2

    def _cell(self, cell: etree._Element) -> str:
        saved = self.paragraphs, self.headings, self._opening
        self.paragraphs, self.headings, self._opening = [], [], 99
        self.blocks(cell)
        text = " ".join(one_line(p) for p in self.paragraphs)
        self.paragraphs, self.headings, self._opening = saved
        return text

    def _inline(self, parent: etree._Element, out: list[str]) -> None:
        if parent.text:
            out.append(parent.text)
        for element in parent:
            local = _name(element)
            if local and local not in _SKIPPED:
                self._element(element, local, out)
            if element.tail:
                out.append(element.tail)

    def _element(self, element: etree._Element, local: str, out: list[str]) -> None:
        if local == "text:s":
            count = element.get(f"{{{_TEXT}}}c") or "1"
            out.append(" " * min(int(count) if count.isdigit() else 1, 100))
        elif local == "text:tab":
            out.append("\t")
        elif local == "text:line-break":
            out.append("\n")
        elif local == "text:a":
            inner: list[str] = []
            self._inline(element, inner)
            text, url = "".join(inner), element.get(f"{{{_XLINK}}}href") or ""
            out.append(link_text(text, url) if url and text.strip() else text)
        elif local == "text:note":
            self._note(element, out)
        elif local == "draw:text-box":
            self._boxes.append(element)
        elif local in ("text:p", "text:h", "table:table", "text:list"):
            self._boxes.append(element)  # block content where inline was expected: read after
        elif local == "text:ruby":
            base = element.find(f"{{{_TEXT}}}ruby-base")
            if base is not None:
                self._inline(base, out)
        else:  # spans, fields showing their value, frames (which may hold text boxes), meta and the like
            self._inline(element, out)

    def _note(self, note: etree._Element, out: list[str]) -> None:
        body = note.find(f"{{{_TEXT}}}note-body")
        if self._in_note or body is None:
            return  # a note inside a note has no place in the body
        number = len(self.notes) + 1
        self.notes[number] = ""  # reserve the number before reading the body
        saved = self.paragraphs, self.headings, self._opening, self._boxes
        self.paragraphs, self.headings, self._opening, self._boxes, self._in_note = [], [], 99, [], True
        self.blocks(body)
        self.notes[number] = one_line(" ".join(self.paragraphs))
        self.paragraphs, self.headings, self._opening, self._boxes = saved
        self._in_note = False
        out.append(f"[{number}]")


def _title_styles(content: etree._Element) -> set[str]:
    """Paragraph style names that are, or derive from, the Title style (automatic styles like "P1")."""
    parents: dict[str, str] = {}
    styles = content.find(f"{{{_OFFICE}}}automatic-styles")
    for style in styles if styles is not None else []:
        style_name, parent = style.get(f"{{{_STYLE}}}name"), style.get(f"{{{_STYLE}}}parent-style-name")
        if style_name and parent:
            parents[style_name] = parent
    found = {"Title"}
    for style_name in parents:
        current: str | None = style_name
        for _ in range(12):
            if current is None:
                break
            if current.casefold() == "title":
                found.add(style_name)
                break
            current = parents.get(current)
    return found


def _meta_title(root: etree._Element) -> str | None:
    meta = root.find(f"{{{_OFFICE}}}meta")
    title = meta.find(f"{{{_DC}}}title") if meta is not None else None
    return meaningful_title(one_line(title.text or "")) if title is not None else None


def _meta_author_and_language(root: etree._Element) -> dict[str, object]:
    """dc:creator (else meta:initial-creator) when it reads as a name, not a login; dc:language."""
    meta = root.find(f"{{{_OFFICE}}}meta")
    if meta is None:
        return {}
    found: dict[str, object] = {}
    for field in (f"{{{_DC}}}creator", f"{{{_META}}}initial-creator"):
        element = meta.find(field)
        authors = person_or_body(one_line(element.text or "")) if element is not None and element.text else []
        if authors:
            found["authors"] = authors
            break
    language = meta.find(f"{{{_DC}}}language")
    if language is not None and language.text and language.text.strip():
        found["language"] = language.text.strip()
    return found
