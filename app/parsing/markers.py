"""Find footnote markers `[N]` in the body text.

Square-bracketed numbers are not all markers: `[2000]` is a law-report year,
`[75]-[81]` and "at [75]" are paragraph pin cites, and a number far beyond the
note list is noise. Everything else of the form `[N]` is a marker, wherever it
stands (after a word, at a paragraph start, doubled as `[6][7]`, or alone).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.model import Marker

MAX_MARKER = 999  # four digits in brackets are years or noise, never markers
NO_LIST_LIMIT = 500  # without a note list, larger numbers are not footnote references

_N = r"\[[0-9]{1,4}\]"
_DASH = r"[ \t]{0,3}[-–—‒−][ \t]{0,3}"
# One scan: pin cites are matched (and skipped) as a whole, so their numbers never look like markers.
_SCAN = re.compile(
    rf"(?P<range>{_N}(?:{_DASH}{_N})+)"
    rf"|(?P<pin>(?:(?<![A-Za-z])(?i:at|paras?|paragraphs?|pp?\.?)[ \t]{{1,3}}|[¶§][ \t]{{0,3}}){_N}(?:{_DASH}{_N})*)"
    r"|\[(?P<number>[1-9][0-9]{0,3})\]"
)


_BRACKET = re.compile(r"\[[0-9]")
_REACH = 16  # longest text before a pin cite's bracket: "paragraphs" and 3 spaces (13), with room


def marker_limit(note_numbers: set[int]) -> int:
    """The largest number accepted as a marker: a little beyond the note list, if there is one."""
    if not note_numbers:
        return NO_LIST_LIMIT
    top = max(note_numbers)
    return min(MAX_MARKER, max(2 * top, top + 50))


def find_markers(text: str, note_numbers: set[int] | None = None) -> list[Marker]:
    """Markers in reading order, offsets of the whole `[N]`."""
    limit = marker_limit(note_numbers or set())
    markers: list[Marker] = []
    for match in _scan(text):
        digits = match.group("number")
        if digits is not None and int(digits) <= limit:
            markers.append(Marker(int(digits), match.start(), match.end()))
    return markers


def _scan(text: str) -> Iterator[re.Match[str]]:
    """`_SCAN.finditer(text)`, trying only the positions where a match can start.

    Every match holds a `[digit`, at most `_REACH` characters after its start
    ("paragraphs   [9]"); letting the regex try every position of a long text
    costs more than the rest of the marker search.
    """
    pos = 0
    while (bracket := _BRACKET.search(text, pos)) is not None:
        found = None
        for start in range(max(pos, bracket.start() - _REACH), bracket.start() + 1):
            found = _SCAN.match(text, start)
            if found is not None:
                break
        if found is None:
            pos = bracket.start() + 1
            continue
        yield found
        pos = found.end()
