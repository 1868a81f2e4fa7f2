"""Notes at the page foot of a PDF: found from their size and position, numbered in sequence.

A court opinion sets its notes in 12 pt under 14 pt text, a LaTeX report in
8 pt under 10 pt: the note size is learnt from the document (the size of
its numbered lines in small type at page feet), never fixed. Lines come from
`pdf_lines`; `pdf_layout` renders the body and its markers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from app.readers.pdf_lines import Line
from app.readers.pdf_text import logical

_NUMBER_START = re.compile(r"^(\d{1,4})[.)]?\s+(?=\S)")
_SYMBOL_NOTE = re.compile(r"^[*†‡§]+\s*\w")
SENTENCE_END = re.compile(r"[.!?:;”\"’')\]]\s*$")


def _note_start(line: Line) -> tuple[int, str, bool] | None:
    """(number, text after it, raised) when a line starts with a note number."""
    if line.raised and line.raised[0][0] == 0:
        start, end = line.raised[0]
        digits = line.text[start:end].strip()
        if digits.isdecimal():
            return int(digits), line.text[end:].strip(), True
    match = _NUMBER_START.match(line.text.strip())
    if match:
        return int(match.group(1)), line.text.strip()[match.end():], False
    return None


def _foot_run(page: list[Line], fits: Callable[[Line], bool]) -> list[Line]:
    """The lines at the foot of a page, top down, that all satisfy `fits`."""
    ordered = sorted(page, key=lambda line: -line.y)
    start = len(ordered)
    while start > 0 and fits(ordered[start - 1]):
        start -= 1
    return ordered[start:]


def _note_size(pages: list[list[Line]], body_size: float) -> float | None:
    """The size the notes are set in: that of numbered lines in small type at page feet."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in _foot_run(page, lambda line: line.size <= body_size - 0.75):
            if _note_start(line) is not None:
                sizes[line.size] += 1
    return sizes.most_common(1)[0][0] if sizes else None


@dataclass(slots=True)
class Notes:
    """The notes found at page feet, and what the body needs to cite them."""

    bodies: list[list[Line]] = field(default_factory=list)  # each page without its notes
    texts: dict[int, list[str]] = field(default_factory=dict)  # note number -> its lines
    symbol: list[str] = field(default_factory=list)  # notes marked `*`, `†`: no number to cite them by
    shift: dict[int, int] = field(default_factory=dict)  # page -> added to its numbers (restarted series)


def split_notes(pages: list[list[Line]], body_size: float) -> Notes:
    """Take the notes off each page's foot; a note unfinished at a foot runs on at the next.

    The notes of a page are the lines at its foot in the document's note
    size; where notes are set as large as the body, the foot from the first
    line that starts with a raised number some raised marker above points to.
    Numbering that starts again (a report's chapters) goes on from the last
    note, and the markers of those pages with it, so every note keeps its own number.
    """
    note_size = _note_size(pages, body_size)
    found = Notes()
    notes = found.texts
    symbol_notes: list[list[str]] = []
    last: int | None = None
    shift = 0
    open_note = False
    bodies = found.bodies
    for page in pages:
        if note_size is not None:
            run = _foot_run(page, lambda line: abs(line.size - note_size) <= 0.6 and line.size < body_size - 0.4)
        else:  # no numbered notes: small type at the foot may still hold a symbol note
            run = _foot_run(page, lambda line: line.size <= body_size - 0.75)
        if not any(_note_start(line) for line in run):
            run = _raised_foot(page, last) or run
        taken: set[int] = set()
        current: int | None = last if open_note else None
        symbol = False
        for index, line in enumerate(run):
            start = _note_start(line)
            if start is not None and start[2] and last is not None and start[0] + shift <= last and start[0] <= 3:
                shift = last  # raised numbering starts again: a new chapter's notes
            number = _accept(start if start is None else (start[0] + shift, start[1], start[2]), last)
            if number is not None and start is not None:
                current, last, symbol = number, number, False
                notes[number] = [logical(start[1])] if start[1] else []
            elif current is None and (symbol or (index == 0 and _SYMBOL_NOTE.match(line.text))):
                if not symbol:
                    symbol_notes.append([])
                symbol = True
                symbol_notes[-1].append(logical(line.text))
            elif current is None:
                continue  # small type above the first note: body text
            else:
                notes[current].append(logical(line.text))
            taken.add(id(line))
        open_note = False
        if taken:
            tail = run[-1]
            right = sorted(line.x1 for line in page)[len(page) * 9 // 10]
            open_note = not SENTENCE_END.search(tail.text) or tail.x1 >= right - 2 * tail.size
        if shift and page:
            found.shift[page[0].page] = shift
        bodies.append([line for line in page if id(line) not in taken])
    found.symbol = [" ".join(lines) for lines in symbol_notes]
    return found


def _raised_foot(page: list[Line], last: int | None) -> list[Line]:
    """The page foot from a line that starts with a raised number which a raised marker above cites."""
    ordered = sorted(page, key=lambda line: -line.y)
    cited: set[int] = set()
    for index, line in enumerate(ordered):
        start = _note_start(line)
        if start is not None and start[2] and start[0] in cited and (last is None or start[0] > last):
            return ordered[index:]
        for begin, end in line.raised:
            digits = line.text[begin:end].strip()
            if begin > 0 and digits.isdecimal():
                cited.add(int(digits))
    return []


def _accept(start: tuple[int, str, bool] | None, last: int | None) -> int | None:
    """The note number a line starts, if it continues the document's sequence of notes.

    A raised number may open the sequence anywhere (an excerpt's notes start at 57); a plain
    number opens it only at 1-3, and then each plain number must follow closely.
    """
    if start is None:
        return None
    number, _text, raised = start
    if last is None:
        return number if raised or number <= 3 else None
    if raised:
        return number if last < number <= last + 50 else None
    return number if last < number <= last + 2 else None
