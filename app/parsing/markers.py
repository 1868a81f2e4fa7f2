"""Find footnote markers `[N]` in the body text.

Square-bracketed numbers are not all markers: `[75]-[81]` and "at [75]" are
paragraph pin cites, `[2003] HCA 2` is a law report's year, and a number far
beyond the note list is noise. Note numbers have no size limit (annual reports
carry thousands of notes), so a year is told from a marker by the SEQUENCE, not
by its size: markers come in running order, each new number at most a little
above the highest before it (`JUMP`), while "[2000]" in a text whose markers
have reached 15 jumps far ahead. A big jump is believed only when the next
markers continue from it (a text whose notes start at 1201). Everything else of
the form `[N]` is a marker, wherever it stands (after a word, at a paragraph
start, doubled as `[6][7]`, or alone); numbers may repeat (a note cited twice).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.model import Marker

NO_LIST_LIMIT = 500  # without a note list, larger numbers are not footnote references
JUMP = 50  # a marker more than this above every marker before it needs the next markers to follow it
MAX_GAP = 3  # how far ahead the next marker may be and still follow a jump
YEARS = (1800, 2099)  # bracketed numbers in this range may be a law report's or an event's year

_N = r"\[[0-9]{1,7}\]"
_DASH = r"[ \t]{0,3}[-–—‒−][ \t]{0,3}"
# One scan: pin cites are matched (and skipped) as a whole, so their numbers never look like markers.
_SCAN = re.compile(
    rf"(?P<range>{_N}(?:{_DASH}{_N})+)"
    rf"|(?P<pin>(?:(?<![A-Za-z])(?i:at|paras?|paragraphs?|pp?\.?)[ \t]{{1,3}}|[¶§][ \t]{{0,3}}){_N}(?:{_DASH}{_N})*)"
    r"|\[(?P<number>[1-9][0-9]{0,6})\]"
)
# "[2003] HCA 2", "[1999] 2 AC 629", "[1996] Admin Review 46": a law report cited by its year.
_LAW_REPORT = re.compile(
    r"[ \t]{0,3}(?:[0-9]{1,3}[ \t]+)?[A-Z][A-Za-z.]{0,12}(?:[ \t]+[A-Z][A-Za-z.]{0,12})?[ \t]+[0-9]"
)


_BRACKET = re.compile(r"\[[0-9]")
_REACH = 16  # longest text before a pin cite's bracket: "paragraphs" and 3 spaces (13), with room


def marker_limit(note_numbers: set[int]) -> int:
    """The largest number accepted as a marker: a little beyond the note list, if there is one."""
    if not note_numbers:
        return NO_LIST_LIMIT
    top = max(note_numbers)
    return max(2 * top, top + 50)


def find_markers(text: str, note_numbers: set[int] | None = None) -> list[Marker]:
    """Markers in reading order, offsets of the whole `[N]`."""
    limit = marker_limit(note_numbers or set())
    found = [
        Marker(int(digits), match.start(), match.end())
        for match in _scan(text)
        if (digits := match.group("number")) is not None and int(digits) <= limit and not _law_report(text, match)
    ]
    markers: list[Marker] = []
    high = 0
    notes = note_numbers or set()
    for index, marker in enumerate(found):
        if marker.number > high + JUMP and not _followed(found, index) and not _numbered_aside(marker.number, notes):
            continue
        markers.append(marker)
        high = max(high, marker.number)
    return markers


def _numbered_aside(number: int, notes: set[int]) -> bool:
    """A note numbered after the main run (Wikipedia's explanatory notes follow its citations) may be
    cited early; a number that could be a year still needs the sequence."""
    return number in notes and not YEARS[0] <= number <= YEARS[1]


def _law_report(text: str, match: re.Match[str]) -> bool:
    """Whether a bracketed year opens a law-report citation ("[2003] HCA 2")."""
    number = int(match.group("number"))
    return YEARS[0] <= number <= YEARS[1] and _LAW_REPORT.match(text, match.end()) is not None


def _followed(found: list[Marker], index: int) -> bool:
    """Whether the markers after `index` continue the numbering from it (two of them, if there are two)."""
    number = found[index].number
    following = found[index + 1 : index + 3]
    if not following:
        return False
    for marker in following:
        if not number < marker.number <= number + MAX_GAP:
            return False
        number = marker.number
    return True


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
