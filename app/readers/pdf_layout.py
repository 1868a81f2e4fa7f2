"""Reading a PDF's lines as a report: page furniture dropped, notes taken off the page foot
(`pdf_notes`), markers from raised digits, paragraphs from gaps and indents, the title from large type.

Every threshold is relative to the document's own statistics — the size most
of its text has, the size its notes have, its line spacing, each page's text
column — never a fixed point size, so a court opinion in 14 pt with 12 pt
notes and a LaTeX report in 10 pt with 8 pt notes are read alike. Lines come
from `pdf_lines`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from app.readers.pdf_lines import Line
from app.readers.pdf_notes import SENTENCE_END, split_notes
from app.readers.pdf_text import logical

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
# Court-filing banners stamped on every page by CM/ECF and the appellate dockets.
_BANNER = re.compile(
    r"^(?:USCA\d*\s+|Appellate\s+)?Case:?\s*#?\s*\d[\w:.\-]*.{0,60}?\b(?:Document|Doc\.?|DktEntry|ID)\b", re.I)
_BANNER_DATE = re.compile(r"(?:Filed:?|,)\s*(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
_LITERAL_NOTE = re.compile(r"^\[\d{1,4}\]\s")  # a note list already written as `[N] text`
_LEADER = re.compile(r"(?:\.\s?){4,}\s*\S{1,8}\s*$")  # "Introduction . . . . 12"
_MARKER_DIGITS = re.compile(r"^\d{1,4}(?:\s*[,–-]\s*\d{1,4})*$")
_LIST_START = re.compile(r"^(?:\(?[0-9]{1,3}[.)]|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,4}[.)]|[•▪◦·\-–*])\s")
_HYPHENATED = re.compile(r"(\w+)[-\u00ad]$")
_WORD = re.compile(r"\w+(?:-\w+)*")
# Large type that names the issuer or the kind of paper, not the document: left to the parser.
_MASTHEAD = re.compile(
    r"\b(?:court|circuit|tribunal)\b|^(?:(?:media|press|news) release|policy brief|for immediate release)$", re.I)
_EDGE_LINES = 4  # lines at the top and at the foot of a page that may be running heads
_REPEATED = 0.4  # a head on at least this share of the pages is furniture
_HEAD_WORDS = 12  # running heads are short; a repeated full line of text is kept


@dataclass(slots=True)
class PdfText:
    """What the layout analysis found: body paragraphs, notes by number, a title in large type."""

    paragraphs: list[str] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)
    title: str | None = None
    filed: str | None = None  # ISO date of a court-filing banner


def analyse(pages: list[list[Line]]) -> PdfText:
    """Furniture, notes, markers, paragraphs and title of a document's lines, page by page."""
    lines = [line for page in pages for line in page]
    if not lines:
        return PdfText()
    body_size = _dominant_size(lines)
    pages = [_drop_margin_numbers(page) for page in _drop_furniture(pages, body_size)]
    found = split_notes(pages, body_size)
    vocabulary = _vocabulary(lines)
    body = [line for page in found.bodies for line in _reading_order(page)]
    numbers = set(found.texts)
    paragraphs = [_render_body(group, numbers, found.shift, vocabulary) for group in _paragraphs(body)]
    paragraphs += found.symbol  # after the body: they would cut the paragraph they stand under
    joined = {number: _join(parts, vocabulary) for number, parts in found.texts.items()}
    first = next((page for page in found.bodies if page), [])
    return PdfText([p for p in paragraphs if p.strip()], joined, _title(first, body_size), _filed_date(lines))


def _filed_date(lines: list[Line]) -> str | None:
    """The filing date a court-filing banner prints ("Filed 08/05/16", "Date Filed: 03/16/2022")."""
    for line in lines:
        if _BANNER.match(line.text.strip()) and (match := _BANNER_DATE.search(line.text)):
            month, day, year = (int(part) for part in match.groups())
            year += 0 if year >= 100 else 2000 if year < 70 else 1900
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _dominant_size(lines: list[Line]) -> float:
    """The size most characters of the document are set in."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0]


def _key(line: Line) -> str:
    """A line's text with digits and spacing normalised: running heads differ only in page numbers."""
    return " ".join(re.sub(r"\d+", "#", line.text.lower()).split())


def _drop_furniture(pages: list[list[Line]], body_size: float) -> list[list[Line]]:
    """Remove running heads and feet (lines repeated on many pages), page numbers and filing banners.

    Only lines at a page's top and foot are considered; a running head sits
    at the same height on every page, and a page number is not set larger
    than the text (a "2023" under a title is the title's).
    """
    edges = [_edge_lines(page) for page in pages]
    seen: dict[str, list[tuple[int, float]]] = {}
    for number, page_edges in enumerate(edges):
        for line in page_edges:
            seen.setdefault(_key(line), []).append((number, line.y))
    needed = max(2.0, _REPEATED * len(pages)) if len(pages) > 1 else float("inf")
    kept: list[list[Line]] = []
    counted: dict[tuple[str, int], bool] = {}
    for page, page_edges in zip(pages, edges, strict=True):
        drop: set[int] = set()
        for line in page_edges:
            key = _key(line)
            places = seen[key]
            repeated = (len(places) >= needed and len(line.text.split()) <= _HEAD_WORDS
                        and not (line.raised and line.raised[0][0] == 0))  # "¹ Ibid." at the same place
            if repeated and (key, round(line.y)) not in counted:
                counted[key, round(line.y)] = len({n for n, y in places
                                                   if abs(y - line.y) <= 0.3 * line.size + 1}) >= needed
            repeated = repeated and counted[key, round(line.y)]
            if _is_furniture(line, repeated, line.size <= body_size + 0.5):
                drop.add(id(line))
        kept.append([line for line in page if id(line) not in drop])
    return kept


def _edge_lines(page: list[Line]) -> list[Line]:
    ordered = sorted(page, key=lambda line: -line.y)
    return ordered[:_EDGE_LINES] + ordered[_EDGE_LINES:][-_EDGE_LINES:]


def _is_furniture(line: Line, repeated: bool, small: bool) -> bool:
    text = line.text.strip()
    return not text or repeated or (small and bool(_PAGE_NUMBER.match(text))) or bool(_BANNER.match(text))


def _drop_margin_numbers(page: list[Line]) -> list[Line]:
    """Remove pleading-paper line numbers: a column of bare 1, 2, 3 ... left of the text."""
    numbers = [line for line in page if line.text.strip().isdecimal() and int(line.text) <= 99]
    if len(numbers) < 8:
        return page
    column = Counter(round(line.x1) for line in numbers).most_common(1)[0][0]
    margin = [line for line in numbers if abs(line.x1 - column) <= 2]
    text_left = min((line.x0 for line in page if len(line.text) > 12), default=0.0)
    if len(margin) < 8 or column > text_left + 1:
        return page
    drop = {id(line) for line in margin}
    return [line for line in page if id(line) not in drop]


def _reading_order(page: list[Line]) -> list[Line]:
    """A single-column page's pieces in reading order: blocks drawn out of turn are put where they
    stand, and narrow blocks set beside the text (a FILED stamp drawn last but printed in the
    corner) come first, so they do not cut a paragraph that runs on to the next page. Columns
    keep their drawing order."""
    if len(page) < 2 or _two_columns(page):
        return page
    flows: list[list[Line]] = [[page[0]]]
    for previous, line in pairwise(page):
        if line.y > previous.y + max(line.size, previous.size):
            flows.append([line])
        else:
            flows[-1].append(line)
    width = max(line.x1 for line in page) - min(line.x0 for line in page)
    asides = [flow for flow in flows[1:] if all(line.x1 - line.x0 < 0.4 * width for line in flow)]
    flows = [flow for flow in flows if not any(flow is aside for aside in asides)]
    flows.sort(key=lambda flow: -flow[0].y)
    return [line for flow in asides + flows for line in flow]


def _two_columns(page: list[Line]) -> bool:
    left, right = min(line.x0 for line in page), max(line.x1 for line in page)
    middle = (left + right) / 2
    return min(sum(line.x1 < middle for line in page), sum(line.x0 > middle for line in page)) >= 0.25 * len(page)


# Body text --------------------------------------------------------------------------------------


def _line_gaps(body: list[Line]) -> dict[float, float]:
    """The usual distance between consecutive lines of each size (the leading)."""
    gaps: dict[float, list[float]] = {}
    for previous, line in pairwise(body):
        gap = previous.y - line.y
        if previous.page == line.page and previous.size == line.size and 0 < gap <= 2.5 * line.size:
            gaps.setdefault(line.size, []).append(gap)
    return {size: sorted(values)[len(values) // 2] for size, values in gaps.items()}


@dataclass(slots=True)
class _Frame:
    """Where a page's text column sits: its usual left and right edges."""

    left: float
    right: float
    columns: bool = False  # two columns side by side


def _frames(body: list[Line]) -> dict[int, _Frame]:
    """The text column of each page, from the edges most of its lines share."""
    by_page: dict[int, list[Line]] = {}
    for line in body:
        by_page.setdefault(line.page, []).append(line)
    frames: dict[int, _Frame] = {}
    for page, lines in by_page.items():
        left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
        right, count = Counter(round(line.x1) for line in lines).most_common(1)[0]
        if count < 3:  # ragged right: no shared edge
            right = sorted(line.x1 for line in lines)[len(lines) * 4 // 5]
        frames[page] = _Frame(left, right, _two_columns(lines))
    return frames


def _block_rights(body: list[Line]) -> tuple[list[float], list[bool]]:
    """For each line, the right edge of the run of lines that start where it starts, and whether
    it is alone in its run.

    A line ends a paragraph when it stops short of that edge although the
    next line's first word would have fitted; a block quote or an address
    block is measured against its own lines, not against the page. A line
    alone in its run (a heading, a one-line paragraph) is measured against
    the lines just above and below it.
    """
    rights = [0.0] * len(body)
    alone = [False] * len(body)
    start = 0
    for index in range(1, len(body) + 1):
        if index == len(body) or not _same_block(body[index - 1], body[index]):
            right = max(line.x1 for line in body[start:index])
            if index - start == 1:
                alone[start] = True
                line = body[start]
                near = [body[i] for i in (start - 1, start + 1) if 0 <= i < len(body)]
                right = max([right] + [other.x1 for other in near if other.page == line.page
                                       and abs(other.y - line.y) <= 3 * line.size
                                       and other.x0 < line.x1 and other.x1 > line.x0])
            rights[start:index] = [right] * (index - start)
            start = index
    return rights, alone


def _same_block(previous: Line, line: Line) -> bool:
    return (previous.page == line.page and abs(previous.x0 - line.x0) <= 1.5
            and abs(previous.size - line.size) <= 0.6 and 0 < previous.y - line.y <= 3 * line.size)


def _paragraphs(body: list[Line]) -> list[list[Line]]:
    """Group body lines into paragraphs: a break at a wider gap, an indent, a short or centred line,
    a table row, a change of size; across a page break only where the new page starts indented."""
    reading = _Reading(body, _line_gaps(body), _frames(body), *_block_rights(body))
    groups: list[list[Line]] = []
    for index, line in enumerate(body):
        if not groups or reading.breaks(index, groups[-1]):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _standalone(line: Line) -> bool:
    """A table row or a table-of-contents entry: a line of its own, never part of a paragraph."""
    return line.tabular or bool(_LEADER.search(line.text))


@dataclass(slots=True)
class _Reading:
    body: list[Line]
    leading: dict[float, float]
    frames: dict[int, _Frame]
    rights: list[float]
    alone: list[bool]

    def breaks(self, index: int, group: list[Line]) -> bool:
        """Whether body[index] starts a new paragraph after the lines of `group`."""
        previous, line = self.body[index - 1], self.body[index]
        size = max(previous.size, line.size)
        if abs(previous.size - line.size) > 0.6 or self.short(index - 1) or _LITERAL_NOTE.match(line.text):
            return True
        if _standalone(previous) or _standalone(line):
            return True
        frame = self.frames[line.page]
        indented = line.x0 > frame.left + 0.8 * size
        new_page = previous.page != line.page or line.y > previous.y + 0.5 * size  # or a new column
        wide_gap = previous.y - line.y > self.leading.get(line.size, 1.2 * line.size) * 1.35 + 0.5
        if self.centred(index - 1) or self.centred(index):  # a centred heading wrapped over lines runs on
            wide = previous.x1 - previous.x0 >= 0.6 * (frame.right - frame.left)
            return new_page or wide_gap or not wide or bool(SENTENCE_END.search(previous.text))
        if new_page:
            following = self.body[index + 1] if index + 1 < len(self.body) else None
            return indented and (following is None or following.page != line.page
                                 or line.x0 > following.x0 + 0.8 * size)
        if wide_gap:
            return True
        if indented and line.x0 > previous.x0 + 0.8 * size:  # an indent, unless a list item's hanging one
            return not (len(group) == 1 and _LIST_START.match(previous.text))
        if line.x0 < previous.x0 - 0.8 * size:  # back to the margin: the first line was indented, or a quote ended
            return len(group) > 1
        return False

    def short(self, index: int) -> bool:
        """A line that stops short of its block's right edge although the next word would have fitted,
        or one of a block of lines that all stop far short of the column's edge."""
        line = self.body[index]
        frame = self.frames[line.page]
        if not frame.columns and self.rights[index] < frame.left + 0.7 * (frame.right - frame.left):
            return True  # a block of short lines (an address, a list of names): each line stands alone
        room = self.rights[index] - line.x1
        if room < 1.5 * line.size or _HYPHENATED.search(line.text.rstrip()):
            return False
        following = self.body[index + 1] if index + 1 < len(self.body) else None
        if following is None or not following.text.strip():
            return True
        per_char = (line.x1 - line.x0) / max(len(line.text.rstrip()), 1)
        return room > 1.2 * (len(following.text.split()[0]) + 1) * per_char + 0.5 * line.size

    def centred(self, index: int) -> bool:
        """A line set alone in the middle of the column, room on both sides (a caption, a heading)."""
        line = self.body[index]
        if not self.alone[index]:
            return False
        frame = self.frames[line.page]
        margin = 2 * line.size
        middle = (frame.left + frame.right) / 2
        return (line.x0 > frame.left + margin and line.x1 < frame.right - margin
                and abs((line.x0 + line.x1) / 2 - middle) <= line.size)


def _render_body(group: list[Line], note_numbers: set[int], shift: dict[int, int], vocabulary: _Words) -> str:
    """A paragraph's text, raised digits as `[N]` markers."""
    lines = [logical(_with_markers(line, note_numbers, shift.get(line.page, 0))) for line in group]
    return _join(lines, vocabulary)


def _with_markers(line: Line, note_numbers: set[int], shift: int = 0) -> str:
    """The line's text with each raised number that can be a note marker written as `[N]`."""
    if not line.raised:
        return line.text.strip()
    text = line.text
    out: list[str] = []
    position = 0
    for start, end in line.raised:
        digits = text[start:end].strip()
        numbers = [int(n) + shift for n in re.findall(r"\d+", digits)] if _MARKER_DIGITS.match(digits) else []
        before = text[:start].rstrip()
        if not numbers or (before and before[-1].isdecimal()):
            continue
        if note_numbers and not all(number in note_numbers for number in numbers):
            continue
        if len(numbers) == 2 and re.search(r"[–-]", digits) and 0 < numbers[1] - numbers[0] <= 10:
            numbers = list(range(numbers[0], numbers[1] + 1))
        out.append(text[position:start])
        out.append("".join(f"[{number}]" for number in numbers))
        position = end
    out.append(text[position:])
    return "".join(out).strip()


@dataclass(slots=True)
class _Words:
    """The document's words, and whether it breaks words at line ends (LaTeX does, Word rarely)."""

    known: set[str]
    hyphenates: bool = False


def _vocabulary(lines: list[Line]) -> _Words:
    """Every word of the document, and how its line-end hyphens behave where the word occurs whole."""
    words = _Words(set())
    for line in lines:
        words.known.update(word.lower() for word in _WORD.findall(line.text))
    broken = whole = 0
    for previous, line in pairwise(lines):
        match, tail = _HYPHENATED.search(previous.text.rstrip()), _WORD.match(line.text.lstrip())
        if match and tail and tail.group(0)[0].islower():
            head, rest = match.group(1).lower(), tail.group(0).lower()
            whole += head + rest in words.known
            broken += f"{head}-{rest}" in words.known
    words.hyphenates = whole >= 2 and whole > 2 * broken
    return words


def _join(texts: list[str], words: _Words) -> str:
    """Join wrapped lines with spaces; a line ending in a hyphen or a dash joins without one.

    The hyphen of a word broken at the line end is dropped when the document
    writes the word whole elsewhere, or when it breaks words at line ends and
    never writes this one with a hyphen; it is kept otherwise
    ("anti-personnel", "91-21").
    """
    pieces: list[str] = []
    for text in texts:
        text = text.strip()
        if not text:
            continue
        last = pieces[-1] if pieces else ""
        match = _HYPHENATED.search(last)
        if match:
            tail = _WORD.match(text)
            head, rest = match.group(1).lower(), (tail.group(0) if tail else "").lower()
            url = "/" in last[last.rfind(" ") + 1:]
            soft = last.endswith("\u00ad") or (text[0].islower() and not url and (
                head + rest in words.known or (words.hyphenates and f"{head}-{rest}" not in words.known)))
            if soft:
                pieces[-1] = last[:-1]
            pieces.append(text)
        elif last.endswith(("—", "/")):
            pieces.append(text)
        else:
            pieces.append(f" {text}" if pieces else text)
    return "".join(pieces)


def _title(first_page: list[Line], body_size: float) -> str | None:
    """The first page's title when it is set in type clearly larger than the body text."""
    candidates = [line for line in first_page if len(re.findall(r"[^\W\d_]", line.text)) >= 3]
    if not candidates:
        return None
    largest = max(line.size for line in candidates)
    if largest < 1.3 * body_size:
        return None
    ordered = sorted(first_page, key=lambda line: -line.y)
    lettered = {id(line) for line in candidates}
    start = next(i for i, line in enumerate(ordered) if line.size >= largest - 0.6 and id(line) in lettered)
    parts = [ordered[start]]
    for line in ordered[start + 1:start + 4]:  # a title wrapped over lines of the same size
        if line.size < largest - 0.6 or parts[-1].y - line.y > 2.2 * largest:
            break
        parts.append(line)
    title = " ".join(logical(line.text) for line in parts)
    return title if 3 <= len(title) <= 250 and not _MASTHEAD.search(title) else None

