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

from app.parsing.dates import find_dates, first_date
from app.parsing.headline import LETTERHEAD, LineClass, classify, strip_trailing_byline
from app.parsing.normalise import Line

SCAN_LINES = 14
_LOOKAHEAD = 3  # lines after a covering note where its headline may stand
_WRAP_LINES = 8  # lines of a wrapped paragraph looked at on each side to judge it
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
_DESCRIPTOR_OPENING = re.compile(
    r"(?i)^(?:(?:opening|closing|keynote)\s+)?(?:address|speech|remarks|paper|lecture)\s+(?:by|to|at|presented|delivered)\b"
    r"|^(?:paper\s+)?(?:presented|delivered)\s+(?:at|to)\b"
)


@dataclass(slots=True)
class Header:
    """What the header says, and which lines it used (they are not body sections)."""

    title: str = UNTITLED
    title_line: int | None = None
    title_lines: list[int] = field(default_factory=list)  # a headline wrapped over several lines
    letterhead: list[int] = field(default_factory=list)  # offices, names, descriptions: publisher cues
    classes: dict[int, LineClass] = field(default_factory=dict)  # header lines other than the title and dates
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
    """Title, date and label from the lines before the first prose paragraph.

    Every header line is classed (app.parsing.headline): letterhead lines —
    kind labels, offices, names, codes, addresses, descriptions of the
    occasion, OCR debris — are header lines but never the title. The title is
    the first remaining line (joined with the next when a headline wraps),
    preferring one that does not name an event or institution. A document
    whose first paragraph is a covering note may have its headline just after it.
    """
    header = Header()
    classes: dict[int, LineClass] = {}
    window = _window(lines)
    for index in window:
        text = lines[index].stripped
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
            header.letterhead.append(index)
            continue
        if _KIND_LABEL.fullmatch(text):
            header.header_lines.add(index)
            header.kind_labels.append(text.strip(" :").lower())
            continue
        line_class = classify(text)
        if line_class is LineClass.KIND_LABEL:
            header.kind_labels.append(" ".join(text.lower().split()))
        classes[index] = line_class
    _extend_descriptors(lines, classes)
    _choose_title(header, lines, classes)
    for index, line_class in classes.items():
        if line_class in LETTERHEAD:
            header.header_lines.add(index)
            header.letterhead.append(index)
    header.letterhead.sort()
    header.classes = classes
    if header.first_prose is None:
        header.first_prose = next((i for i in range(len(lines)) if _prose_at(lines, i)), None)
    _settle_title(header, lines)
    _settle_date(header, lines)
    return header


def _opens_body(text: str) -> bool:
    return is_prose(text) and not _DESCRIPTOR_OPENING.match(text)


def _prose_at(lines: list[Line], index: int) -> bool:
    """Whether the line is running text, judged by its whole paragraph (OCR and e-mail text wrap lines)."""
    block = lines[index].block
    near = lines[max(0, index - _WRAP_LINES) : index + _WRAP_LINES + 1]
    return _opens_body(" ".join(line.stripped for line in near if line.block == block))


def _window(lines: list[Line]) -> list[int]:
    """Indices of the header lines: up to the first prose paragraph (a description of the
    occasion is not prose here), or just past it when it is a covering note before the headline."""
    window: list[int] = []
    for index in range(min(SCAN_LINES, len(lines))):
        if _prose_at(lines, index):
            if any(_title_like(lines[i].stripped) and classify(lines[i].stripped) is LineClass.CANDIDATE
                   for i in window):
                break
            after = _headline_after_note(lines, index)
            if after is None:
                break
            window.extend(range(index + 1, after + 1))
            break
        window.append(index)
    return window


def _headline_after_note(lines: list[Line], prose: int) -> int | None:
    """The last header line index when a capitals headline follows a first prose paragraph closely."""
    for index in range(prose + 1, min(prose + 1 + _LOOKAHEAD, len(lines))):
        text = lines[index].stripped
        if _prose_at(lines, index):
            return None
        letters = [c for c in text if c.isalpha()]
        if len(text.split()) >= 3 and letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
            end = index
            while end + 1 < len(lines) and not _prose_at(lines, end + 1) and end - prose < 6:
                end += 1
            return end
    return None


def _extend_descriptors(lines: list[Line], classes: dict[int, LineClass]) -> None:
    """'Address to the Youth Association' / 'Canberra' / date: the place belongs to the description."""
    for index, line_class in list(classes.items()):
        if line_class is not LineClass.DESCRIPTOR:
            continue
        following = index + 1
        while following in classes and len(lines[following].stripped.split()) <= 3:
            if classes[following] not in (LineClass.CANDIDATE, LineClass.WEAK):
                break
            classes[following] = LineClass.DESCRIPTOR
            following += 1


def _choose_title(header: Header, lines: list[Line], classes: dict[int, LineClass]) -> None:
    """The first candidate line (wrapped headlines joined), else the first weak one, else a
    description of the occasion ("Remarks by Ambassador … at the Review Conference")."""
    for wanted in (LineClass.CANDIDATE, LineClass.WEAK, LineClass.DESCRIPTOR):
        for index, line_class in classes.items():
            if line_class is wanted and _title_like(lines[index].stripped):
                header.title_line = index
                header.header_lines.add(index)
                header.title_lines = [index]
                following = index + 1
                while (following in classes and classes[following] is wanted
                       and _continues(lines[header.title_lines[-1]].stripped, lines[following].stripped)):
                    header.title_lines.append(following)
                    header.header_lines.add(following)
                    following += 1
                for other in header.title_lines:
                    classes.pop(other, None)
                return


def _continues(first: str, second: str) -> bool:
    """Whether `second` carries on a headline that wrapped after `first`."""
    if len(first) + len(second) > MAX_TITLE_CHARS or not _title_like(second):
        return False
    if first.endswith((":", ",", "–", "—", "-", "&")) or re.search(r"(?i)\b(?:and|of|the|for|in|on|to|a)$", first):
        return True
    return _capitals(first) and _capitals(second)


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _settle_title(header: Header, lines: list[Line]) -> None:
    if header.title_line is not None:
        raw = " ".join(lines[i].stripped for i in header.title_lines or [header.title_line])
        header.numbered_title = bool(_NUMBERED_TITLE.match(raw))
        header.title = clean_title(strip_trailing_byline(raw)) or UNTITLED
        return
    source = header.first_prose
    if source is None:
        source = next((i for i in range(len(lines)) if i not in header.header_lines), None)
    if source is not None:  # the whole first paragraph: OCR and e-mail text wrap it over lines
        block = lines[source].block
        paragraph = " ".join(line.stripped for line in lines[source : source + _WRAP_LINES] if line.block == block)
        opening = strip_dateline(paragraph)
        header.title = glued_headline(opening) or shorten(opening) or UNTITLED


_GLUE = re.compile(  # "… continues to grow The Australian Democrats say …": a headline run into its text
    r"(?<=[a-z’'”)?!])\s+(?=(?:The|A|An|This|These|Today|Yesterday)\s+[A-Z]?[a-z]+)"
)
_GLUE_BLOCKERS = re.compile(r"(?i)\b(?:by|of|in|to|at|from|with|for|and|on|as|is|was|said|says|told|that)$")


def glued_headline(text: str) -> str | None:
    """The headline at the start of a paragraph it was run into by text extraction, if there is one.

    Mid-sentence, a capitalised 'The' or 'This' rarely follows a lower-case word other than a
    preposition or verb of saying ("in The Hague", "told The Times"), so that seam ends the headline.
    """
    for match in _GLUE.finditer(text[:200]):
        head = text[: match.start()]
        words = head.split()
        if 3 <= len(words) <= 16 and not _GLUE_BLOCKERS.search(head) and not _SENTENCE_END.search(head):
            return head
    return None


def _settle_date(header: Header, lines: list[Line]) -> None:
    """Fall back to a dateline in the first paragraph, then to a full date inside a header line
    ("MDC 20 10 March 1995", "The Hon Julie Bishop MP 26 September 2014", "Address by … Canberra,
    12 May 1994"), then to a month there, then to a date in the title line."""
    if header.date is not None:
        return
    if header.first_prose is not None and header.first_prose < SCAN_LINES:
        iso = _dateline(lines[header.first_prose].stripped)
        if iso:
            header.date, header.date_label, header.dateline = iso, "published", True
            return
    for precision in (10, 7):  # a full date first, then a month ("Report excerpt - March 2023")
        for index in sorted(header.classes):
            found = [d for d in find_dates(lines[index].stripped) if len(d.iso) == precision]
            if found:
                header.date, header.date_label = found[0].iso, "published"
                header.header_lines.add(index)
                return
    if header.title_line is not None:
        found = first_date(lines[header.title_line].stripped)
        if found:
            header.date = found.iso
