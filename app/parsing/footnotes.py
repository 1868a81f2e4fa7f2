"""Turn the note list into Footnote objects and compare it with the markers.

Notes are kept once per number (the first wins: a repeated number is OCR
noise or a second list), resolved for Ibid, split into citations, and checked
against the body's markers: a marker without a note is "missing", a note
without a marker is "unreferenced".
"""

from __future__ import annotations

import re

from app.model import Citation, Footnote, Marker
from app.parsing.citations import parse_citations
from app.parsing.ibid import resolve_ibids
from app.parsing.notelist import RawNote

_NOTE_REFERENCE = re.compile(r"\[([1-9][0-9]{0,6})\]")
_SCAN_CHARS = 20_000  # of one note's text


def build_footnotes(notes: list[RawNote]) -> list[Footnote]:
    """Footnotes sorted by number, Ibid resolved, citations read (an Ibid note cites its resolved source)."""
    by_number: dict[int, Footnote] = {}
    for note in notes:
        if note.number not in by_number:
            by_number[note.number] = Footnote(number=note.number, text=note.text)
    footnotes = [by_number[number] for number in sorted(by_number)]
    resolve_ibids(footnotes)
    previous: list[Citation] = []
    for footnote in footnotes:
        footnote.citations = parse_citations(footnote.resolved_text or footnote.text, previous)
        previous = footnote.citations
    return footnotes


def missing_and_unreferenced(markers: list[Marker], footnotes: list[Footnote]) -> tuple[list[int], list[int]]:
    """(marker numbers with no note, note numbers with no marker), each sorted and without repeats.

    A note cited by another note ("… is a de facto official language.[2]" in an explanatory note)
    is referenced too.
    """
    marked = {marker.number for marker in markers}
    noted = {footnote.number for footnote in footnotes}
    for footnote in footnotes:
        if "[" in footnote.text:
            cited = {int(n) for n in _NOTE_REFERENCE.findall(footnote.text[:_SCAN_CHARS])}
            marked |= (cited & noted) - {footnote.number}
    return sorted(marked - noted), sorted(noted - marked)
