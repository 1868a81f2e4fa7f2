"""The document parser: RawDocument -> ParsedDocument.

    from app.parsing import parse
    parsed = parse(raw)

Steps, each in its own module: normalise the text (normalise), drop web
furniture (boilerplate), cut the note list off (notelist), read the header
(header: title, date, label), decide the kind (kind) and publisher (publisher,
organisations), find sections (sections) and markers (markers), and build the
footnotes (footnotes) with Ibid resolved (ibid), cut into sources (splitting)
and read as citations (citations, urls). `parse_date`, `find_url`,
`parse_citation` and friends are exported for other parts of the app.

`parse` never raises: a document that trips a bug still imports, with its
normalised text and a title, and the error is logged.
"""

from __future__ import annotations

import logging

from app.library.stored_text import clean_parsed
from app.model import KINDS, ParsedDocument, RawDocument
from app.parsing.boilerplate import strip_furniture
from app.parsing.caption import case_title, court_name, filing_firm
from app.parsing.citations import parse_citation, parse_citations
from app.parsing.dates import find_dates, parse_date
from app.parsing.footnotes import build_footnotes, missing_and_unreferenced
from app.parsing.header import UNTITLED, Header, clean_title, read_header, shorten
from app.parsing.kind import KindCues, detect_kind
from app.parsing.markers import find_markers
from app.parsing.normalise import Line, assemble, flatten, normalise_blocks, normalise_text
from app.parsing.notelist import split_note_list
from app.parsing.publisher import detect_publisher
from app.parsing.sections import detect_sections
from app.parsing.splitting import split_citations
from app.parsing.urls import find_url

__all__ = ["find_dates", "find_url", "parse", "parse_citation", "parse_citations", "parse_date", "split_citations"]

log = logging.getLogger(__name__)

_STRICT_HEADING_KINDS = frozenset({"speech", "statement", "press-release"})
_COURT_KINDS = frozenset({"court-decision", "legal-filing", "letter"})


def parse(raw: RawDocument) -> ParsedDocument:
    """Understand one document of the genre; never raises."""
    try:
        parsed = _parse(raw)
    except Exception:
        log.exception("parser failed; keeping the document with its text only")
        parsed = _fallback(raw)
    parsed = clean_parsed(parsed, UNTITLED)  # no terminal escapes or bidi overrides in stored metadata
    parsed.notices = [notice for notice in raw.notices if isinstance(notice, str)]
    return parsed


def _parse(raw: RawDocument) -> ParsedDocument:
    hints = raw.hints if isinstance(raw.hints, dict) else {}
    text = raw.text if isinstance(raw.text, str) else ""
    blocks, dropped = strip_furniture(normalise_blocks(text))
    split = split_note_list(blocks)
    blocks = split.body
    note_numbers = {note.number for note in split.notes}

    lines = flatten(blocks)
    header = read_header(lines)
    _release_title_line(header, lines, _hinted_str(hints, "title"))
    body = assemble(blocks)
    markers = find_markers(body, note_numbers)
    declared = hints.get("fallback_kind")
    declared = declared if isinstance(declared, str) and declared in KINDS else None
    kind = detect_kind(KindCues(lines, header, bool(split.notes), len(markers)), declared)
    kind = _hinted_kind(hints) or kind

    explicit = _explicit_headings(raw.headings)
    sections = detect_sections(lines, header.header_lines, explicit, strict=kind in _STRICT_HEADING_KINDS)
    footnotes = build_footnotes(split.notes)
    missing, unreferenced = missing_and_unreferenced(markers, footnotes)

    date, label = header.date, header.date_label
    hinted_date = parse_date(hints.get("date"))
    if hinted_date:
        date, label = hinted_date, label or "published"
    elif date is None and (fallback_date := parse_date(hints.get("fallback_date"))):
        date, label = fallback_date, "published"
    publisher = _hinted_str(hints, "publisher") or _court_publisher(kind, lines)
    publisher = publisher or detect_publisher(kind, lines, header, dropped)
    title = _title(_hinted_str(hints, "title"), _case_title(kind, lines) or header.title)
    if title == UNTITLED and (fallback_title := _hinted_str(hints, "fallback_title")):
        title = _title(fallback_title, "")
    return ParsedDocument(
        text=body,
        title=title,
        date=date,
        date_label=label if date else None,
        publisher=publisher,
        kind=kind,
        sections=sections,
        markers=markers,
        footnotes=footnotes,
        missing_footnotes=missing,
        unreferenced_footnotes=unreferenced,
        tags=_hinted_tags(hints),
        authors=_hinted_list(hints, "authors"),
        language=_hinted_str(hints, "language"),
    )


def _case_title(kind: str, lines: list[Line]) -> str | None:
    """A court paper is known by its case name; a letter about a case by its 'Re:' line."""
    return case_title(lines) if kind in _COURT_KINDS else None


def _court_publisher(kind: str, lines: list[Line]) -> str | None:
    """The court for its decisions and its clerk's letters; the signing firm for a filing."""
    if kind == "legal-filing":
        return filing_firm(lines)
    if kind in ("court-decision", "letter"):
        return court_name(lines)
    return None


def _release_title_line(header: Header, lines: list[Line], hinted_title: str | None) -> None:
    """With a declared title, a first line that is not that title is body (it may be a section)."""
    index = header.title_line
    if hinted_title is None or index is None:
        return
    line = " ".join(lines[index].stripped.split()).casefold()
    wanted = hinted_title.casefold()
    if line and (line in wanted or wanted in line):
        return
    header.header_lines.discard(index)
    header.title_line = None


def _title(hinted: str | None, detected: str) -> str:
    """The declared title wins, tidied like a title line ("No:493/22, " dropped) so formats agree."""
    if hinted:
        return clean_title(hinted) or hinted
    return detected or UNTITLED


def _explicit_headings(headings: object) -> list[tuple[int, str]]:
    """The reader's (level, text) headings, anything malformed left out."""
    found: list[tuple[int, str]] = []
    for item in headings if isinstance(headings, list | tuple) else []:
        if isinstance(item, list | tuple) and len(item) == 2 and isinstance(item[1], str):
            level = item[0] if isinstance(item[0], int) and not isinstance(item[0], bool) else 1
            found.append((level, item[1]))
    return found


def _hinted_str(hints: dict, key: str) -> str | None:
    value = hints.get(key)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _hinted_kind(hints: dict) -> str | None:
    value = _hinted_str(hints, "kind")
    if value is None:
        return None
    kind = value.lower().replace("_", "-").replace(" ", "-")
    return kind if kind in KINDS else None


def _hinted_list(hints: dict, key: str) -> list[str]:
    value = hints.get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        return []
    return [" ".join(item.split()) for item in value if isinstance(item, str) and item.strip()]


def _hinted_tags(hints: dict) -> list[str]:
    value = hints.get("tags")
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple):
        return []
    tags: list[str] = []
    for tag in value:
        cleaned = " ".join(str(tag).split())
        if cleaned and cleaned not in tags:
            tags.append(cleaned)
    return tags


def _fallback(raw: RawDocument) -> ParsedDocument:
    """The least a document needs to be imported: its text and a title."""
    try:
        text = normalise_text(raw.text if isinstance(raw.text, str) else "")
    except Exception:
        text = ""
    first = text.split("\n", 1)[0] if text else ""
    try:
        title = shorten(first) if first else UNTITLED
    except Exception:
        title = first[:80] or UNTITLED
    return ParsedDocument(text=text, title=title or UNTITLED)
