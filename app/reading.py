"""What the reader shows, in Document.text offsets, without Qt.

The reader view only draws what this module plans, so the rules for blocks,
markers, search-term matches and find-in-document are testable headless, and
every position the GUI reports (selections, annotations, scroll position) is
an offset into the same normalised text that search and export use.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal

BlockKind = Literal["title", "dateline", "heading", "paragraph"]
Span = tuple[int, int]

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class InlineMarker:
    """A `[N]` marker at text[start:end]; `present` is False when note N is missing."""

    number: int
    start: int
    end: int
    present: bool


@dataclass(frozen=True, slots=True)
class Block:
    """A heading or paragraph at text[start:end] (no surrounding blank lines)."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    markers: tuple[InlineMarker, ...] = ()


@dataclass(frozen=True, slots=True)
class RenderPlan:
    """A document ready to draw: its text, its blocks in order, and its header fields.

    `has_title_block` says the text opens with the title line, which the reader
    then draws as the header's title (so the title stays selectable and mapped).
    """

    text: str
    blocks: tuple[Block, ...]
    title: str
    date: str | None = None
    date_label: str | None = None
    publisher: str | None = None
    kind: str | None = None
    missing_footnotes: tuple[int, ...] = ()
    notes: dict[int, str] = field(default_factory=dict)

    @property
    def has_title_block(self) -> bool:
        return bool(self.blocks) and self.blocks[0].kind == "title"

    @property
    def markers(self) -> list[InlineMarker]:
        return [m for b in self.blocks for m in b.markers]


def plan_document(detail: Mapping[str, Any], text: str) -> RenderPlan:
    """Split the text into title/heading/paragraph blocks and attach its markers."""
    spans = _paragraph_spans(text)
    spans = _split_at_headings(text, spans, detail.get("sections") or [])
    heading_levels = {int(s["start"]): int(s.get("level") or 1) for s in detail.get("sections") or []}
    markers = _markers(detail, text)
    title = str(detail.get("title") or "").strip()

    blocks: list[Block] = []
    mi = 0
    for i, (start, end) in enumerate(spans):
        own: list[InlineMarker] = []
        while mi < len(markers) and markers[mi].start < start:
            mi += 1
        while mi < len(markers) and markers[mi].end <= end:
            own.append(markers[mi])
            mi += 1
        if start in heading_levels:
            kind: BlockKind = "heading"
            level = heading_levels[start]
        elif i == 0 and title and _same_words(text[start:end], title):
            kind, level = "title", 0
        elif i == 1 and blocks[0].kind == "title" and _is_dateline(text[start:end], detail.get("date"),
                                                                   detail.get("date_label")):  # fmt: skip
            kind, level = "dateline", 0
        else:
            kind, level = "paragraph", 0
        blocks.append(Block(kind, start, end, level, tuple(own)))
    return RenderPlan(
        text=text,
        blocks=tuple(blocks),
        title=title or "Untitled document",
        date=detail.get("date"),
        date_label=detail.get("date_label"),
        publisher=detail.get("publisher"),
        kind=detail.get("kind"),
        missing_footnotes=tuple(sorted(int(n) for n in detail.get("missing_footnotes") or [])),
        notes={int(f["number"]): _note_preview(f) for f in detail.get("footnotes") or []},
    )


_DATELINE_MAX = 80


def _is_dateline(line: str, date: str | None, label: str | None) -> bool:
    """Whether the line after the title states the document's date ("Last Updated: 28 November 2013"): the
    reader then draws it as the start of the header's meta line, instead of the date twice."""
    line = " ".join(line.split())
    if not date or len(line) > _DATELINE_MAX or not re.search(re.escape(date[:4]), line):
        return False
    words = line.casefold()
    return bool(label) and words.startswith(str(label).casefold().rstrip(":"))


def _note_preview(footnote: Mapping[str, Any]) -> str:
    """What hovering a marker shows: the note, with an Ibid spelled out."""
    text = str(footnote.get("text") or "").strip()
    resolved = footnote.get("resolved_text")
    if footnote.get("ibid_of") and resolved:
        return f"{text} → {resolved}"
    return text


def _paragraph_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for gap in _BLANK_LINES.finditer(text):
        spans.append((pos, gap.start()))
        pos = gap.end()
    spans.append((pos, len(text)))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_at_headings(text: str, spans: list[Span], sections: Iterable[Mapping[str, Any]]) -> list[Span]:
    """A heading is its own block even when the parser found it glued to a paragraph."""
    starts = sorted({int(s["start"]) for s in sections if 0 <= int(s["start"]) < len(text)})
    result: list[Span] = []
    for start, end in spans:
        cuts = {start, end}
        for h in starts[bisect_left(starts, start) : bisect_left(starts, end)]:  # the headings inside the span
            line_end = text.find("\n", h, end)
            cuts.update({h, end if line_end == -1 else line_end})
        points = sorted(cuts)
        for a, b in pairwise(points):
            a, b = _strip(text, a, b)
            if a < b:
                result.append((a, b))
    return result


def _markers(detail: Mapping[str, Any], text: str) -> list[InlineMarker]:
    """Markers whose offsets really point at `[N]` (a stale offset is drawn as plain text)."""
    noted = {int(f["number"]) for f in detail.get("footnotes") or []}
    found: list[InlineMarker] = []
    for m in detail.get("markers") or []:
        n, start, end = int(m["number"]), int(m["start"]), int(m["end"])
        if text[start:end] == f"[{n}]":
            found.append(InlineMarker(n, start, end, n in noted))
    found.sort(key=lambda m: m.start)
    return found


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# --- find in document -------------------------------------------------------------------


def find_all(text: str, needle: str) -> list[Span]:
    """Find-in-document: literal, case-insensitive, any run of whitespace matches any other."""
    words = needle.split()
    if not words:
        return []
    regex = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    return [(m.start(), m.end()) for m in regex.finditer(text)]


# --- back and forward ---------------------------------------------------------------------


@dataclass(slots=True)
class HistoryEntry:
    document_id: int
    offset: int = 0  # the text at the top of the view
    shift: int = 0  # where that text's line stood from the view's top edge, in pixels (a line cut, a gap)


@dataclass(slots=True)
class ReaderHistory:
    """Back/forward across documents, each remembered with the reader's position.

    Following a citation records where the reader was, so going back returns to
    the same paragraph, not to the top of the document.
    """

    entries: list[HistoryEntry] = field(default_factory=list)
    index: int = -1

    @property
    def current(self) -> HistoryEntry | None:
        return self.entries[self.index] if 0 <= self.index < len(self.entries) else None

    def visit(self, document_id: int, offset: int = 0, shift: int = 0) -> None:
        """A new document opened: forward entries are dropped; reopening the current one only moves."""
        if self.current is not None and self.current.document_id == document_id:
            self.current.offset, self.current.shift = offset, shift
            return
        del self.entries[self.index + 1 :]
        self.entries.append(HistoryEntry(document_id, offset, shift))
        self.index = len(self.entries) - 1

    def update_position(self, offset: int, shift: int = 0) -> None:
        if self.current is not None:
            self.current.offset, self.current.shift = offset, shift

    def can_go_back(self) -> bool:
        return self.index > 0

    def can_go_forward(self) -> bool:
        return self.index + 1 < len(self.entries)

    def back(self) -> HistoryEntry | None:
        if not self.can_go_back():
            return None
        self.index -= 1
        return self.current

    def forward(self) -> HistoryEntry | None:
        if not self.can_go_forward():
            return None
        self.index += 1
        return self.current

    def forget(self, document_id: int) -> None:
        """Drop a deleted document from the history, keeping the current entry if it survives."""
        current = self.current
        self.entries = [e for e in self.entries if e.document_id != document_id]
        if current is not None and current in self.entries:
            self.index = self.entries.index(current)
        else:
            self.index = min(self.index, len(self.entries) - 1)


def marker_numbers(markers: Sequence[InlineMarker]) -> dict[int, InlineMarker]:
    """The first marker of each footnote number (where 'show marker N' scrolls to)."""
    first: dict[int, InlineMarker] = {}
    for m in markers:
        first.setdefault(m.number, m)
    return first


# --- header text ---------------------------------------------------------------------------

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def display_date(iso: str | None) -> str:
    """'2022-11-14' → '14 November 2022'; a month or a year alone stays as precise as it is."""
    if not iso:
        return ""
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
    except (ValueError, IndexError):
        return iso
    return iso


# --- the footnote panel ----------------------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}'’”"


@dataclass(frozen=True, slots=True)
class DocumentLink:
    document_id: int
    title: str
    date: str | None


@dataclass(frozen=True, slots=True)
class FootnoteEntry:
    """One line of the footnote panel: a note, or the gap a missing note leaves."""

    number: int
    text: str = ""
    resolved_text: str | None = None
    ibid_of: int | None = None
    citations: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    links: tuple[DocumentLink, ...] = ()
    missing: bool = False
    has_marker: bool = True


def footnote_entries(detail: Mapping[str, Any]) -> list[FootnoteEntry]:
    """The document's footnotes and missing footnotes in number order, ready to list."""
    marked = {int(m["number"]) for m in detail.get("markers") or []}
    entries = [FootnoteEntry(int(n), missing=True) for n in detail.get("missing_footnotes") or []]
    for f in detail.get("footnotes") or []:
        citations = [c for c in f.get("citations") or [] if isinstance(c, Mapping)]
        urls = [str(c["url"]) for c in citations if c.get("url")]
        entries.append(
            FootnoteEntry(
                number=int(f["number"]),
                text=str(f.get("text") or "").strip(),
                resolved_text=f.get("resolved_text"),
                ibid_of=f.get("ibid_of"),
                citations=tuple(line for line in (citation_line(c) for c in citations) if line),
                urls=tuple(dict.fromkeys(urls)),
                links=tuple(
                    DocumentLink(int(link["document_id"]), str(link.get("title") or "Untitled"), link.get("date"))
                    for link in f.get("links") or []
                ),
                has_marker=int(f["number"]) in marked,
            )
        )
    entries.sort(key=lambda e: e.number)
    return entries


def citation_line(citation: Mapping[str, Any]) -> str:
    """A citation's parsed fields on one line: author · “title” · publisher (place) · date."""
    parts: list[str] = []
    author, title = citation.get("author"), citation.get("title")
    if author and author != title:
        parts.append(str(author))
    if title:
        parts.append(f"“{title}”")
    publisher, place = citation.get("publisher"), citation.get("place")
    if publisher and place:
        parts.append(f"{publisher} ({place})")
    elif publisher or place:
        parts.append(str(publisher or place))
    if citation.get("date"):
        parts.append(display_date(str(citation["date"])))
    return " · ".join(parts)


def _trim_url(url: str) -> str:
    """Drop sentence punctuation after a URL, but keep a closing parenthesis the URL opened."""
    while url and url[-1] in _URL_TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def split_urls(text: str, known: Iterable[str] = ()) -> list[tuple[str, str | None]]:
    """The text in runs, each with the URL it links to or None.

    `http(s)://` and `www.` URLs are found in the text; `known` URLs (the
    parser's citation URLs, already given a scheme) are also found where the
    text writes them bare, as in "asbarez.com/…".
    """
    bare = sorted({re.sub(r"^https?://", "", u, flags=re.IGNORECASE) for u in known if u}, key=len, reverse=True)
    alternatives = [_URL.pattern] + [r"(?<![\w./])" + re.escape(b) for b in bare if len(b) > 4]
    regex = re.compile("|".join(alternatives), re.IGNORECASE)
    runs: list[tuple[str, str | None]] = []
    pos = 0
    for m in regex.finditer(text):
        url = _trim_url(m.group())
        if not url:
            continue
        if m.start() > pos:
            runs.append((text[pos : m.start()], None))
        href = url if "://" in url else "https://" + url
        runs.append((url, href))
        pos = m.start() + len(url)
    if pos < len(text):
        runs.append((text[pos:], None))
    return runs
