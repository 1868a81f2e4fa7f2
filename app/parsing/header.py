"""Read a document's header: title line, date line and its label.

The header is the few short lines before the first prose paragraph. Only dates
found there count as the document's date (a date in the body is what the
document talks about, not when it was written). When there is no title line
(a press release opening with its date), a title is made from the first
sentence so a document is never listed untitled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.parsing.dates import first_date
from app.parsing.normalise import Line

SCAN_LINES = 10
MAX_TITLE_CHARS = 250
MAX_TITLE_WORDS = 30
SYNTH_TITLE_CHARS = 80
UNTITLED = "Untitled document"

_LABELS = {
    "last updated": "last updated",
    "last modified": "last updated",
    "last revised": "last updated",
    "updated": "last updated",
    "modified": "last updated",
    "revised": "last updated",
    "published": "published",
    "posted": "published",
    "issued": "published",
    "released": "published",
    "dated": "published",
    "date": "published",
    "press release": "published",
    "news release": "published",
    "media release": "published",
    "press statement": "published",
    "delivered": "delivered",
    "as delivered": "delivered",
}
_LABEL = re.compile(
    r"(?i)\s*(?P<label>"
    + "|".join(k.replace(" ", r"\s+") for k in sorted(_LABELS, key=len, reverse=True))
    + r")(?:\s+on)?\s*[:\-–—|]?\s*"
)
_PLACE_PREFIX = re.compile(r"\(?[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}\s*[,:–—-]?\s*")
_DATE_SUFFIX = re.compile(r"[\s.,;:)|–—-]*")
_KIND_LABEL = re.compile(
    r"(?i)\s*(?:press release|news release|media release|press statement|for immediate release|news"
    r"|statement|joint statement|speech|remarks|communiqu[ée]|media advisory|op-ed|opinion)\s*:?\s*"
)
_GREETING = re.compile(
    r"(?i)\s*(?:ladies and gentlemen|mr\.?\s+(?:president|chair)|madam\s+(?:president|chair)|madame"
    r"|excellenc|distinguished|dear\b|honou?rable|good (?:morning|afternoon|evening)|thank you)"
)
_BYLINE = re.compile(r"(?:By|BY|Author:|Written by)\s+[A-Z][\w.'’-]*(?:,?\s+(?:and\s+)?[A-Z][\w.'’-]*){0,6}")
_NUMBERED_TITLE = re.compile(r"(?i)^No\.?\s*:?\s*[0-9]+\s*/\s*[0-9]+\s*[,:;–—-]?\s*")
_MARKERS = re.compile(r"\[[0-9]{1,4}\]")
_HASHES = re.compile(r"^#{1,6}\s+")
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|No|Jr|Sr|vs))[.!?](?=\s+[A-Z“\"(]|$)")
_DATELINE_TAIL = re.compile(r"\s*\)?\s*[-–—:]")


@dataclass(slots=True)
class Header:
    """What the header says, and which lines it used (they are not body sections)."""

    title: str = UNTITLED
    title_line: int | None = None
    date: str | None = None
    date_label: str | None = None
    header_lines: set[int] = field(default_factory=set)
    kind_labels: list[str] = field(default_factory=list)
    first_prose: int | None = None
    numbered_title: bool = False
    date_first: bool = False  # the document opens with a bare date line (press-release style)
    dateline: bool = False  # the first paragraph opens with a news dateline ("GENEVA, 3 May 2020 –")


def is_prose(text: str) -> bool:
    """A paragraph of running text rather than a title, heading or date line."""
    if len(text) >= 200:
        return True
    words = len(text.split())
    if words >= 25:
        return True
    return words >= 10 and text.rstrip("”\"’')").endswith((".", "!", "?"))


def date_line(text: str) -> tuple[str, str | None] | None:
    """(iso, label) when a whole line is a date, optionally labelled or placed ("Geneva, 3 May 2020")."""
    if len(text) > 100:
        return None
    found = first_date(text)
    if found is None or not _DATE_SUFFIX.fullmatch(text[found.end :]):
        return None
    prefix = text[: found.start]
    if not prefix.strip():
        return found.iso, None
    label = _LABEL.fullmatch(prefix)
    if label:
        return found.iso, _LABELS[" ".join(label.group("label").lower().split())]
    if _PLACE_PREFIX.fullmatch(prefix):
        return found.iso, None
    return None


def clean_title(text: str) -> str:
    """A title line without reference numbers ("No:493/22,"), markers or Markdown hashes."""
    title = _HASHES.sub("", text.strip())
    title = _MARKERS.sub("", title)
    unnumbered = _NUMBERED_TITLE.sub("", title)
    title = unnumbered if unnumbered.strip() else title
    return " ".join(title.split())


def shorten(text: str, limit: int = SYNTH_TITLE_CHARS) -> str:
    """The first sentence of `text`, cut at a word boundary with an ellipsis when too long."""
    text = " ".join(_MARKERS.sub("", text[: limit * 20]).split())
    end = _SENTENCE_END.search(text)
    sentence = text[: end.start()] if end else text
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return (cut or sentence[:limit]) + "…"


def _title_like(text: str) -> bool:
    if not text or len(text) > MAX_TITLE_CHARS or text.startswith("[") or _GREETING.match(text):
        return False
    words = len(text.split())
    return words <= MAX_TITLE_WORDS and not (text.endswith((".", "!")) and words > 12)


def _dateline_match(text: str) -> tuple[str, int] | None:
    """(iso, end of the dateline) for a news dateline opening a paragraph ("GENEVA, 20 September 2013 – ...")."""
    head = text[:120]
    found = first_date(head)
    if found is None or found.start > 50:
        return None
    tail = _DATELINE_TAIL.match(head, found.end)
    prefix = head[: found.start]
    if tail is None or (prefix.strip() and not _PLACE_PREFIX.fullmatch(prefix)):
        return None
    return found.iso, tail.end()


def _dateline(text: str) -> str | None:
    found = _dateline_match(text)
    return found[0] if found else None


def strip_dateline(text: str) -> str:
    """A paragraph without its opening news dateline, so its first sentence can be read."""
    found = _dateline_match(text)
    return text[found[1] :].lstrip() if found else text


def read_header(lines: list[Line]) -> Header:
    """Title, date and label from the lines before the first prose paragraph."""
    header = Header()
    title_closed = False
    for index, line in enumerate(lines[:SCAN_LINES]):
        text = line.stripped
        if is_prose(text):
            header.first_prose = index
            break
        dated = date_line(text)
        if dated is not None:
            header.header_lines.add(index)
            if header.date is None:
                header.date, label = dated
                header.date_label = label or "published"
                header.date_first = index == 0 and label is None
            continue
        if _BYLINE.fullmatch(text) and index > 0:
            header.header_lines.add(index)
            continue
        if _KIND_LABEL.fullmatch(text):
            header.header_lines.add(index)
            header.kind_labels.append(text.strip(" :").lower())
            continue
        if not title_closed and _title_like(text):
            header.title_line = index
            header.header_lines.add(index)
            title_closed = True
            continue
        title_closed = True
    if header.first_prose is None:
        header.first_prose = next((i for i, line in enumerate(lines) if is_prose(line.stripped)), None)
    _settle_title(header, lines)
    _settle_date(header, lines)
    return header


def _settle_title(header: Header, lines: list[Line]) -> None:
    if header.title_line is not None:
        raw = lines[header.title_line].stripped
        header.numbered_title = bool(_NUMBERED_TITLE.match(raw))
        header.title = clean_title(raw) or UNTITLED
        return
    source = header.first_prose
    if source is None:
        source = next((i for i in range(len(lines)) if i not in header.header_lines), None)
    if source is not None:
        header.title = shorten(strip_dateline(lines[source].stripped)) or UNTITLED


def _settle_date(header: Header, lines: list[Line]) -> None:
    """Fall back to a dateline in the first paragraph, then to a date in the title line."""
    if header.date is not None:
        return
    if header.first_prose is not None and header.first_prose < SCAN_LINES:
        iso = _dateline(lines[header.first_prose].stripped)
        if iso:
            header.date, header.date_label, header.dateline = iso, "published", True
            return
    if header.title_line is not None:
        found = first_date(lines[header.title_line].stripped)
        if found:
            header.date = found.iso
