"""Walking WordprocessingML: the text a reader sees, as tracked changes would read once accepted.

One `StoryWalker` reads one story (the body, or one footnote) into
paragraphs. What Word shows is kept — inserted text, field results, text
boxes once, hyperlinks with their URL — and what it hides or only shows in
review is dropped: deleted and moved-away text, field instructions,
comments, the note's own number mark. A table becomes one paragraph with a
line per row and its cells joined by " | ", as the HTML reader writes tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from app.readers.docx_package import Relationships
from app.readers.layout import link_text, one_line

W_NAMESPACES = frozenset(
    ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main")
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MATH = frozenset(
    ("http://schemas.openxmlformats.org/officeDocument/2006/math", "http://purl.oclc.org/ooxml/officeDocument/math")
)
_R_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)

# Never read: review-only content, formatting, and the marks that belong to other stories.
_SKIPPED = frozenset(
    "del moveFrom delText delInstrText commentReference commentRangeStart commentRangeEnd annotationRef "
    "footnoteRef endnoteRef separator continuationSeparator rPr pPr tblPr trPr tcPr sectPr sdtPr sdtEndPr "
    "bookmarkStart bookmarkEnd proofErr permStart permEnd lastRenderedPageBreak rt tblGrid".split()
)
_BLOCK_WRAPPERS = frozenset(("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag", "body", "txbxContent"))
_BREAKS = frozenset(("br", "cr"))
_PRIVATE_USE = range(0xE000, 0xF900)  # symbol-font glyphs (Wingdings bullets) that mean nothing as text
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]+)"|(\S+))', re.IGNORECASE)
_HIDDEN_FIELDS = re.compile(r"^\s*(?:TOC|INDEX|TOA)\b", re.IGNORECASE)  # tables of contents repeat the headings
_MAX_FIELD_DEPTH = 64
MAX_HEADING_CHARS = 250  # a heading style on a whole paragraph of prose is a misused style, not a heading
_HEADING_ID = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)


@dataclass(slots=True)
class Styles:
    """Paragraph styles that make headings: style id -> level (1-9), and the ids of the Title style."""

    levels: dict[str, int] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)
    known: set[str] = field(default_factory=set)  # every paragraph style styles.xml defines

    def heading_level(self, style: str | None, outline: int | None) -> int | None:
        if outline is not None:
            return outline
        if style is None:
            return None
        if style not in self.known:  # no styles part, or a style it lacks: Word's own ids say enough
            if style.casefold() == "title":
                self.titles.add(style)
            elif match := _HEADING_ID.match(style):
                self.levels[style] = int(match.group(1))
            self.known.add(style)
        return 1 if style in self.titles else self.levels.get(style)


@dataclass(slots=True)
class _Field:
    """A complex field (fldChar begin … separate … end) being read."""

    instruction: list[str] = field(default_factory=list)
    in_result: bool = False
    hidden: bool = False
    out: list[str] | None = None
    start: int = 0


def name(element: etree._Element) -> str:
    """The local name of a WordprocessingML element; 'mc:' or 'm:' before other known ones, '' otherwise."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""  # an unexpanded entity reference: no text
    qname = etree.QName(tag)
    if qname.namespace in W_NAMESPACES:
        return qname.localname
    if qname.namespace == _MC:
        return "mc:" + qname.localname
    if qname.namespace in _MATH:
        return "m:" + qname.localname
    return "?" + qname.localname


def w_attr(element: etree._Element, attribute: str) -> str | None:
    """An attribute in the w: namespace (`w:val`), or unprefixed as some writers put it."""
    for namespace in W_NAMESPACES:
        value = element.get(f"{{{namespace}}}{attribute}")
        if value is not None:
            return value
    return element.get(attribute)


def r_id(element: etree._Element) -> str | None:
    for namespace in _R_NAMESPACES:
        value = element.get(f"{{{namespace}}}id")
        if value is not None:
            return value
    return None


def child(element: etree._Element, local: str) -> etree._Element | None:
    for item in element:
        if name(item) == local:
            return item
    return None


NoteNumber = Callable[[str, str], "int | None"]


class StoryWalker:
    """Reads one story into `paragraphs`; `note_number(kind, id)` turns a reference into its marker number."""

    def __init__(self, styles: Styles, rels: Relationships, note_number: NoteNumber | None, limit: int) -> None:
        self.styles = styles
        self.rels = rels
        self.note_number = note_number  # None inside a note: a reference there has no place in the body
        self.limit = limit
        self.paragraphs: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.title: str | None = None
        self.size = 0
        self._fields: list[_Field] = []
        self._boxes: list[etree._Element] = []
        self._opening = 0  # non-empty paragraphs seen, for the Title paragraph

    @property
    def full(self) -> bool:
        return self.size > self.limit

    def blocks(self, parent: etree._Element) -> None:
        """Paragraphs and tables of a body, cell, text box or note, in order."""
        for element in parent:
            if self.full:
                return
            local = name(element)
            if local == "p":
                self._paragraph(element)
            elif local == "tbl":
                self._table(element)
            elif local in _BLOCK_WRAPPERS:
                self.blocks(element)
            elif local == "mc:AlternateContent":
                chosen = _alternative(element)
                if chosen is not None:
                    self.blocks(chosen)

    def _paragraph(self, paragraph: etree._Element) -> None:
        properties = child(paragraph, "pPr")
        style = outline = None
        if properties is not None:
            style_element, outline_element = child(properties, "pStyle"), child(properties, "outlineLvl")
            style = w_attr(style_element, "val") if style_element is not None else None
            outline = _outline(w_attr(outline_element, "val")) if outline_element is not None else None
        parts: list[str] = []
        self._inline(paragraph, parts)
        self._fields = [f for f in self._fields if f.in_result]  # an instruction never spans paragraphs
        text = "".join(parts)
        level = self.styles.heading_level(style, outline)
        heading = one_line(text) if level else ""
        if heading and len(heading) <= MAX_HEADING_CHARS:
            self.headings.append((level or 1, heading))
            text = heading
        if text.strip():
            self._opening += 1
            if self.title is None and style in self.styles.titles and self._opening <= 5:
                self.title = one_line(text)
            self.paragraphs.append(text)
            self.size += len(text) + 2
        boxes, self._boxes = self._boxes, []
        for box in boxes:  # text boxes anchored here read after the paragraph that holds them
            self.blocks(box)

    def _table(self, table: etree._Element) -> None:
        rows: list[str] = []
        for row in _rows(table):
            cells = [self._cell(cell) for cell in _cells(row)]
            line = " | ".join(cell for cell in cells if cell)
            if line:
                rows.append(line)
        if rows:
            text = "\n".join(rows)
            self.paragraphs.append(text)
            self.size += len(text) + 2

    def _cell(self, cell: etree._Element) -> str:
        """A cell's paragraphs (and nested tables) on one line; headings inside cells are not sections."""
        saved = self.paragraphs, self.headings, self.title, self._opening
        self.paragraphs, self.headings = [], []
        self._opening = 99  # a Title-styled cell is not the document's title
        self.blocks(cell)
        text = " ".join(one_line(p) for p in self.paragraphs)
        self.paragraphs, self.headings, self.title, self._opening = saved
        return text

    def _inline(self, parent: etree._Element, out: list[str]) -> None:
        for element in parent:
            local = name(element)
            if not local or local in _SKIPPED:
                continue
            if local == "t" or local == "m:t":
                if not self._suppressed():
                    out.append(element.text or "")
            elif local in ("tab", "ptab"):
                self._emit(out, "\t")
            elif local in _BREAKS:
                self._emit(out, "\n")
            elif local == "noBreakHyphen":
                self._emit(out, "-")
            elif local == "sym":
                self._emit(out, _symbol(w_attr(element, "char")))
            elif local in ("footnoteReference", "endnoteReference"):
                self._reference(element, local, out)
            elif local == "hyperlink":
                self._hyperlink(element, out)
            elif local == "fldChar":
                self._field_char(element, out)
            elif local == "instrText":
                self._instruction(element)
            elif local == "fldSimple":
                self._simple_field(element, out)
            elif local == "txbxContent":
                self._boxes.append(element)
            elif local == "mc:AlternateContent":
                chosen = _alternative(element)
                if chosen is not None:
                    self._inline(chosen, out)
            elif local == "ruby":
                base = child(element, "rubyBase")
                if base is not None:
                    self._inline(base, out)
            elif local in ("p", "tbl"):
                self._boxes.append(element)  # block content where inline was expected: read after
            else:  # runs, insertions, smart tags, drawings (which may hold text boxes), equations
                self._inline(element, out)

    def _emit(self, out: list[str], text: str) -> None:
        if text and not self._suppressed():
            out.append(text)

    def _suppressed(self) -> bool:
        """Inside a field instruction, or the result of a table of contents."""
        return any(not f.in_result or f.hidden for f in self._fields)

    def _reference(self, element: etree._Element, local: str, out: list[str]) -> None:
        if self.note_number is None or self._suppressed():
            return
        number = self.note_number(local.removesuffix("Reference"), w_attr(element, "id") or "")
        if number is not None:
            out.append(f"[{number}]")

    def _hyperlink(self, element: etree._Element, out: list[str]) -> None:
        inner: list[str] = []
        self._inline(element, inner)
        text = "".join(inner)
        url = self.rels.url(r_id(element))
        out.append(link_text(text, url) if url and text.strip() else text)

    def _field_char(self, element: etree._Element, out: list[str]) -> None:
        kind = w_attr(element, "fldCharType")
        if kind == "begin":
            if len(self._fields) >= _MAX_FIELD_DEPTH:
                self._fields.clear()  # a runaway nesting: give up on the fields, keep the text
            self._fields.append(_Field())
            self._emit_dropdown(element, out)
        elif kind == "separate" and self._fields:
            current = self._fields[-1]
            instruction = "".join(current.instruction)
            current.in_result, current.out, current.start = True, out, len(out)
            current.hidden = bool(_HIDDEN_FIELDS.match(instruction))
        elif kind == "end" and self._fields:
            current = self._fields.pop()
            link = _HYPERLINK_FIELD.match("".join(current.instruction))
            if link and current.in_result and current.out is out and not self._suppressed():
                shown = "".join(out[current.start :])
                del out[current.start :]
                out.append(link_text(shown, link.group(1) or link.group(2)) if shown.strip() else shown)

    def _emit_dropdown(self, element: etree._Element, out: list[str]) -> None:
        """A form's drop-down shows its chosen entry, which the field result leaves empty."""
        data = child(element, "ffData")
        choices = child(data, "ddList") if data is not None else None
        if choices is None or self._suppressed_outside():
            return
        result = child(choices, "result")
        entries = [w_attr(entry, "val") or "" for entry in choices if name(entry) == "listEntry"]
        index = int(w_attr(result, "val") or 0) if result is not None and (w_attr(result, "val") or "").isdigit() else 0
        if 0 <= index < len(entries):
            out.append(entries[index])

    def _suppressed_outside(self) -> bool:
        return any(not f.in_result or f.hidden for f in self._fields[:-1])

    def _simple_field(self, element: etree._Element, out: list[str]) -> None:
        instruction = w_attr(element, "instr") or ""
        if _HIDDEN_FIELDS.match(instruction):
            return
        inner: list[str] = []
        self._inline(element, inner)
        shown = "".join(inner)
        link = _HYPERLINK_FIELD.match(instruction)
        out.append(link_text(shown, link.group(1) or link.group(2)) if link and shown.strip() else shown)

    def _instruction(self, element: etree._Element) -> None:
        """Never shown; collected only to recognise HYPERLINK and table-of-contents fields."""
        if self._fields and not self._fields[-1].in_result:
            self._fields[-1].instruction.append(element.text or "")


def _alternative(element: etree._Element) -> etree._Element | None:
    """One branch of an mc:AlternateContent (the first Choice, else the Fallback), never both."""
    fallback = None
    for branch in element:
        local = name(branch)
        if local == "mc:Choice":
            return branch
        if local == "mc:Fallback":
            fallback = branch
    return fallback


def _rows(table: etree._Element) -> list[etree._Element]:
    """Rows, also those wrapped in content controls or tracked insertions (deleted rows are left out)."""
    rows = _unwrapped(table, "tr", ("sdt", "sdtContent", "customXml", "ins", "moveTo"))
    return [row for row in rows if (props := child(row, "trPr")) is None or child(props, "del") is None]


def _cells(row: etree._Element) -> list[etree._Element]:
    return _unwrapped(row, "tc", ("sdt", "sdtContent", "customXml"))


def _unwrapped(parent: etree._Element, wanted: str, wrappers: tuple[str, ...]) -> list[etree._Element]:
    """The `wanted` elements among `parent`'s children, in order, looking through `wrappers` (no recursion)."""
    found: list[etree._Element] = []
    stack = list(reversed(list(parent)))
    while stack:
        element = stack.pop()
        local = name(element)
        if local == wanted:
            found.append(element)
        elif local in wrappers:
            stack.extend(reversed(list(element)))
    return found


def _outline(value: str | None) -> int | None:
    """w:outlineLvl 0-8 is heading level 1-9; 9 means body text."""
    return int(value) + 1 if value is not None and value.isdigit() and int(value) < 9 else None


def _symbol(code: str | None) -> str:
    """A w:sym character: kept when it is a real Unicode character, dropped when it is a symbol-font glyph."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if value in _PRIVATE_USE or not 0x20 <= value <= 0x10FFFF:
        return ""
    return chr(value)
