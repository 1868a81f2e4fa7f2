"""DOCX reader: body, headings, footnotes and endnotes, straight from the package's XML parts.

python-docx has no API for footnotes or endnotes and docx2python flattens
them away from their references, so the parts are read with lxml (through
`Package`, which treats the zip as hostile). A `w:footnoteReference` or
`w:endnoteReference` becomes `[N]` where it stands; footnotes and endnotes
share one sequence numbered in order of first reference in the body, which
is how a reader meets them (Word numbers the two kinds apart, 1, 2 … and
i, ii …, which would make two notes "1"). Notes no body reference points to
are left out: in Word they only survive a tracked deletion of their mark.

The core properties are weak hints: dc:title only when the text gives no
title (it is often a template's or a letterhead's), dc:creator as the author
only when it reads as a name rather than a login ("Jane Smith", not "jsmith"), and no dates, because
dcterms:created/modified are when the file was made and saved, not when the
document was issued.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from app.errors import ReadError
from app.model import RawDocument
from app.readers import MAX_TEXT_CHARS
from app.readers.docx_package import Relationships, check_root, main_part, relationships
from app.readers.docx_text import StoryWalker, Styles, child, name, w_attr
from app.readers.hints import meaningful_title, person_or_body
from app.readers.layout import compose, one_line
from app.readers.package import Package

_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_MAX_BASED_ON = 12  # style inheritance chains are a few links long; a loop stops here
_DC = "http://purl.org/dc/elements/1.1/"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(data: bytes) -> RawDocument:
    """Read a .docx into the genre's layout; ReadError with one line when the package is not a readable one."""
    if data.startswith(_OLE_MAGIC):  # Word wraps a password-protected .docx in an OLE container
        raise ReadError("cannot read DOCX file: it is password-protected, or a legacy .doc file renamed: "
                        "remove the password or save it as .docx again")  # fmt: skip
    pkg = Package(data, "DOCX")
    part = main_part(pkg)
    root = pkg.xml(part)
    check_root(root, "document", pkg, "Word")
    rels = relationships(pkg, part)
    styles = _styles(pkg, rels.by_type.get("styles"))
    notes = _Notes(pkg, rels, styles)
    body = child(root, "body")
    walker = StoryWalker(styles, rels, notes.number, MAX_TEXT_CHARS)
    if body is not None:
        walker.blocks(body)
    hints: dict[str, object] = {}
    if walker.title:
        hints["title"] = walker.title
    core = _core_properties(pkg)
    if core is not None and (fallback := _core_text(core, "title", meaningful_title)):
        hints["fallback_title"] = fallback
    if core is not None and (creators := person_or_body(_core_text(core, "creator", str))):
        hints["authors"] = creators
    if core is not None and (language := _core_text(core, "language", str)):
        hints["language"] = language
    return RawDocument(
        text=compose(walker.paragraphs, notes.texts()), format="docx", headings=walker.headings, hints=hints
    )


class _Notes:
    """Footnotes and endnotes by id, numbered in order of first reference; their text read on demand."""

    def __init__(self, pkg: Package, rels: Relationships, styles: Styles) -> None:
        self._pkg, self._styles = pkg, styles
        self._parts: dict[str, tuple[dict[str, etree._Element], Relationships]] = {}
        for kind, default in (("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml")):
            part = rels.by_type.get(kind + "s") or (default if pkg.has(default) else None)
            root = pkg.xml_optional(part) if part else None
            if root is None or part is None:
                continue
            found = {
                w_attr(note, "id") or "": note
                for note in root
                if name(note) == kind and (w_attr(note, "type") or "normal") == "normal"
            }
            self._parts[kind] = (found, relationships(pkg, part))
        self._numbers: dict[tuple[str, str], int] = {}

    def number(self, kind: str, note_id: str) -> int | None:
        """The marker number of a reference; None when the note does not exist (or is a separator)."""
        key = (kind, note_id)
        if key not in self._numbers:
            if note_id not in self._parts.get(kind, ({}, None))[0]:
                return None
            self._numbers[key] = len(self._numbers) + 1
        return self._numbers[key]

    def texts(self) -> dict[int, str]:
        texts: dict[int, str] = {}
        for (kind, note_id), number in self._numbers.items():
            notes, rels = self._parts[kind]
            walker = StoryWalker(self._styles, rels, None, MAX_TEXT_CHARS // 10)
            walker.blocks(notes[note_id])
            texts[number] = one_line(" ".join(walker.paragraphs))
        return texts


def _styles(pkg: Package, part: str | None) -> Styles:
    """Heading levels of the paragraph styles: built-in names ("heading 2", "Title") and outline levels."""
    styles = Styles()
    root = pkg.xml_optional(part or "word/styles.xml")
    if root is None:
        return styles
    names: dict[str, str] = {}
    based_on: dict[str, str] = {}
    outlines: dict[str, int] = {}
    for style in root:
        if name(style) != "style" or w_attr(style, "type") not in (None, "paragraph"):
            continue
        style_id = w_attr(style, "styleId") or ""
        name_element, parent = child(style, "name"), child(style, "basedOn")
        styles.known.add(style_id)
        names[style_id] = (w_attr(name_element, "val") or "") if name_element is not None else ""
        if parent is not None:
            based_on[style_id] = w_attr(parent, "val") or ""
        properties = child(style, "pPr")
        outline = child(properties, "outlineLvl") if properties is not None else None
        value = w_attr(outline, "val") if outline is not None else None
        if value is not None and value.isdigit():
            outlines[style_id] = int(value)
    for style_id in names:
        level = _style_level(style_id, names, based_on, outlines)
        if level == 0:
            styles.titles.add(style_id)
        elif level is not None:
            styles.levels[style_id] = level
    return styles


def _style_level(
    style_id: str, names: dict[str, str], based_on: dict[str, str], outlines: dict[str, int]
) -> int | None:
    """0 for the Title style, 1-9 for a heading, None for body text; inherited through w:basedOn."""
    current: str | None = style_id
    for _ in range(_MAX_BASED_ON):
        if current is None or current not in names:
            return None
        style_name = names[current].strip()
        if style_name.casefold() == "title":
            return 0
        if match := _HEADING_NAME.match(style_name):
            return int(match.group(1))
        if current in outlines:
            return outlines[current] + 1 if outlines[current] < 9 else None
        current = based_on.get(current)
    return None


def _core_properties(pkg: Package) -> etree._Element | None:
    part = relationships(pkg, "").by_type.get("core-properties") or "docProps/core.xml"
    return pkg.xml_optional(part, 1024 * 1024)


def _core_text(core: etree._Element, field: str, clean: Callable[[str], str | None]) -> str | None:
    """A Dublin Core field of the core properties, cleaned: dc:title unless a placeholder or a file
    name, dc:creator as written (a name only when it reads as one: `person_or_body`)."""
    found = core.find(f"{{{_DC}}}{field}")
    return clean(one_line(found.text or "")) if found is not None and found.text else None
