"""Notes that PDF-to-text conversion flattened into the text, found by their numbering.

A converted paper loses its layout: page-foot notes become runs such as
"... p. 155.  7  Ibid, pp. 133-34.  8" between body paragraphs, endnotes run
together on a few lines, and the body's superscript markers become bare digits
glued to words ("legislation.12", "Five26,", "Act 1958 ,3"). Bare numbers are
everywhere in prose, so no number is believed on its own: the evidence is the
SEQUENCE. Body markers must form an increasing run n, n+1, n+2 ... in reading
order, and note starts with the same numbers must follow in the same order,
each after its own marker (`MIN_PAIRS`, `MIN_SHARE`). Ordinary numbers ("48
hours", "20 March 2006", page numbers alone on a line) are never note starts.

The notes found are cut out of the body (with a "Notes" heading right before
them) and their markers are rewritten as "[N]", so the marker search and the
reader treat them like any other marker. Every scan is linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from app.parsing.normalise import Block, assemble, split_blocks
from app.parsing.rawnotes import NOTES_HEADING, NoteListSplit, RawNote, join_wrapped

MIN_PAIRS = 3  # notes with a glued body marker needed before any bare number is believed
MIN_SHARE = 0.6  # share of the notes found that must have their marker, and of markers their note
MAX_GAP = 3  # numbers a run may skip at once (a marker or note lost in conversion)
REGION_CHARS = 3_000  # two note starts further apart are in different runs (pages)
MAX_DIGITS = 6
_CONTEXT = 60  # characters of a line looked at around a number
_CANDIDATES = 6  # starts of one number looked at after its marker

_GLUED, _SPACED = 1.0, 0.5  # a marker glued to its word is better evidence than one after a space
_GAP_COST = 0.5
_NUMBER = re.compile(r"[0-9]+")
_NON_SPACE = re.compile(r"\S")
# What every glued marker matches (and more): a letter or closing mark, digits, then a space or closing mark.
_NUMBER_END = re.compile(r"(?<![0-9])[1-9][0-9]{0,5}(?=[\s.,;:)\]\"'”’]|\Z)")
_HEADING_CHARS = 200
_CLOSERS = frozenset(".,;:!?)]\"'”’")
_SENTENCE_END = frozenset(".!?)\"'”’")
_AFTER_MARKER = frozenset(".,;:)]\"'”’")
_OPENERS = frozenset("\"“‘'«([*")
# Words written with a number after them ("Article 33", "No 6", "at 12", "n 4"): that number numbers no note.
_NUMBERING_WORDS = frozenset(
    """p pp para paras paragraph paragraphs n nn no nos nr s ss r rr art arts article articles cl clause clauses ch
    chap chapter vol vols volume fn sec section sections reg regs regulation sch schedule pt part parts item items
    fig figs figure page pages note notes rule rules table annex appendix version at number division series book
    line lines verse level step phase stage grade class type category resolution decision box map photo image
    exhibit round""".split()
)
# Abbreviations that a number follows directly ("p.12", "No.3", "s91", "n1"): that number is no marker either.
_ABBREVIATIONS = frozenset(
    """p pp para paras n nn no nos nr s ss r rr art arts cl ch chap vol vols fn sec secs reg regs sch pt pts fig figs
    op cit id ibid eg ie cf ed eds v vs at""".split()
)
_MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_LOWER_STARTS = frozenset(
    "ibid id idem cf see eg e.g ie i.e per supra infra above op loc quoted cited note available http https www".split()
)
_SECTION_START = re.compile(r"(?:s|ss|r|rr|reg|regs|art|arts|cl|para|paras|pt|sch|ch|p|pp)\.?\s?[0-9]")
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")


@dataclass(slots=True)
class _Marker:
    start: int
    end: int
    number: int
    weight: float
    bracketed: bool = False


class _Start(NamedTuple):
    """Where a note numbered so could start."""

    at: int  # offset of the number
    text: int  # offset of the note's text
    lone: bool  # the number stands alone on its line (a page number, most often)
    strong: bool  # set off as note numbers are: at a line's edge or by two spaces


@dataclass(slots=True)
class _Scan:
    markers: list[_Marker]
    starts: dict[int, list[_Start]]


class _Layout:
    """Line boundaries of the text, for constant-time 'which line' questions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def line(self, offset: int) -> tuple[int, int]:
        """(start, end) of the line holding `offset`; end is the offset of its newline or the text's end."""
        index = bisect_right(self.starts, offset) - 1
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return start, end


def find_inline_notes(blocks: list[Block]) -> NoteListSplit | None:
    """The notes flattened into the text and the body without them, or None without a believable run."""
    text = assemble(blocks)
    if not _glued_digits(text, MIN_PAIRS):
        return None  # too few digits glued to anything: no run of markers (most documents)
    layout = _Layout(text)
    scan = _scan(text, layout)
    marks = _marker_chain(scan.markers)
    if len(marks) < MIN_PAIRS:
        return None
    chosen = _start_chain(scan.starts, {n: m.start for n, m in marks.items()}, layout)
    pairs = sum(1 for number in chosen if number in marks)
    glued = sum(1 for number in chosen if number in marks and marks[number].weight == _GLUED)
    if glued < MIN_PAIRS or pairs < MIN_SHARE * len(chosen) or pairs < MIN_SHARE * len(marks):
        return None
    last = max(chosen)
    marks = {number: marker for number, marker in marks.items() if number <= last}  # the run ended before these
    notes, spans = _notes_and_spans(layout, chosen, sorted(m.start for m in marks.values()))
    edits = [(start, end, "") for start, end in spans]
    edits += [(m.start, m.end, f"[{m.number}]") for m in marks.values() if not m.bracketed]
    return NoteListSplit(split_blocks(_apply(text, edits)), notes)


def _glued_digits(text: str, wanted: int) -> bool:
    """Whether `wanted` numbers are glued to a word or to punctuation not after a digit ("3.5" is no marker).

    Digits are found by the regex engine and only their neighbours looked at in Python: a regex that
    tests every position for a letter or punctuation costs three times as much on a long text.
    """
    count = 0
    for match in _NUMBER_END.finditer(text):
        start = match.start()
        before = text[start - 1] if start else " "
        if before.isalpha() or (before in _CLOSERS and not (start > 1 and text[start - 2].isdigit())):
            count += 1
            if count >= wanted:
                return True
    return False


def mark_bare_markers(blocks: list[Block], numbers: set[int], share: float = MIN_SHARE / 2) -> list[Block] | None:
    """The blocks with bare markers of a known note list rewritten as "[N]", or None without a believable run.

    The run must hold `share` of the list's numbers (and two at least); a list
    without a heading to vouch for it is held to more by the caller.
    """
    if not numbers:
        return None
    text = assemble(blocks)
    scan = _scan(text, _Layout(text))
    marks = _marker_chain([m for m in scan.markers if m.number in numbers])
    if len(marks) < max(2, share * len(numbers)) or all(m.bracketed for m in marks.values()):
        return None
    edits = [(m.start, m.end, f"[{m.number}]") for m in marks.values() if not m.bracketed]
    return split_blocks(_apply(text, edits))


def _scan(text: str, layout: _Layout) -> _Scan:
    """Every number that could be a body marker or a note start, in one pass."""
    markers: list[_Marker] = []
    starts: dict[int, list[_Start]] = {}
    size = len(text)
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        digits = match.group()
        if len(digits) > MAX_DIGITS or digits[0] == "0":
            continue
        number = int(digits)
        before = text[start - 1] if start else "\n"
        after = text[end] if end < size else "\n"
        if before == "[" and after == "]":
            markers.append(_Marker(start - 1, end + 1, number, _GLUED, bracketed=True))
        elif before.isspace():
            if after.isspace() and (found := _note_start(text, layout, start, end)) is not None:
                starts.setdefault(number, []).append(found)
            if before == " " and _spaced_marker(text, start, end, after):
                markers.append(_Marker(start, end, number, _SPACED))
        elif weight := _glued_marker(text, start, end, before, after):
            markers.append(_Marker(start, end, number, weight))
    return _Scan(markers, starts)


def _word_before(text: str, end: int) -> str:
    """The letters just before `end` (at most 30)."""
    start = end
    while start > 0 and end - start < 30 and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


def _abbreviation_before(text: str, end: int) -> bool:
    """Whether the word ending at `end` is an abbreviation that takes a number ("p", "No", "s"), not "1980s"."""
    word = _word_before(text, end)
    head = end - len(word)
    return bool(word) and word.lower() in _ABBREVIATIONS and not (head > 0 and text[head - 1].isdigit())


def _in_url(text: str, start: int) -> bool:
    token_start = max(text.rfind(" ", max(0, start - 80), start), text.rfind("\n", max(0, start - 80), start))
    token = text[token_start + 1 : start]
    return "/" in token or "@" in token or "www." in token.lower()


def _glued_marker(text: str, start: int, end: int, before: str, after: str) -> float:
    """The weight of a number glued after a word or punctuation as a marker ("rights.12", "Five26,"); 0 if none.

    Numbers after a capital ("Applicant A65", "SBBK90", also "G8") or after a
    year or grouped digits ("in 2000.5", "25,000.34") count only as weak
    evidence, to fill a gap in a run.
    """
    if not (after.isspace() or (after in _AFTER_MARKER and not text[end + 1 : end + 2].isalnum())):
        return 0.0
    if _in_url(text, start):
        return 0.0
    if before.isalpha():
        if _abbreviation_before(text, start) or _word_before(text, start).lower() in _NUMBERING_WORDS:
            return 0.0  # "s91", "n1", "pp12", "Table2", "Article5"
        word = _word_before(text, start)
        return _GLUED if len(word) >= 2 and word[-1].islower() else _SPACED
    if before not in _CLOSERS or start < 2:
        return 0.0
    if text[start - 2].isdigit():
        if before != ".":
            return 0.0  # "10:30", "(1)2"
        head = start - 1
        while head > 0 and start - 1 - head < 12 and (text[head - 1].isdigit() or text[head - 1] == ","):
            head -= 1
        number = text[head : start - 1]
        if head > 0 and text[head - 1] in ".$£€":
            return 0.0
        if len(number) == 4 and number.isdigit() and 1000 <= int(number) <= 2099:
            return _GLUED  # a sentence ending in a year: "in 2000.5"
        return _SPACED if _GROUPED.fullmatch(number) else 0.0
    return 0.0 if _abbreviation_before(text, start - 1) else _GLUED


def _spaced_marker(text: str, start: int, end: int, after: str) -> bool:
    """A number one space after a sentence's end ("applicants. 25 The"): evidence only to fill a gap.

    Not before a lower-case word or a month ("by 5 votes", "Fund, 13 February").
    """
    if start < 3 or text[start - 2] not in _SENTENCE_END or text[start - 3].isdigit() or not after.isspace():
        return False
    word = text[end : end + 20].split(None, 1)
    if word and (word[0][:1].islower() or word[0].strip(".,;:").lower() in _MONTHS):
        return False
    return not _abbreviation_before(text, start - 2)


def _note_start(text: str, layout: _Layout, start: int, end: int) -> _Start | None:
    """The start of a note numbered by the digits at start:end, or None if they cannot number one.

    Not after a word that takes a number ("Article 33", "at 12") or a month,
    and not before a month ("20 March") or a lower-case word, except the few a
    note opens with ("ibid", "see", "cf", "s 474", a URL).
    """
    position = _NON_SPACE.search(text, end, min(len(text), end + 400))
    if position is None or not _opens_note(text, position.start()):
        return None
    line_start, line_end = layout.line(start)
    prefix = text[max(line_start, start - _CONTEXT) : start]  # bounded: a line may be a megabyte long
    suffix = text[end : min(line_end, end + _CONTEXT)]
    opens, closes = _blank(text, line_start, start), _blank(text, end, line_end)
    if not opens and prefix.strip():
        previous = prefix.rsplit(None, 1)[-1].strip(",:;(").lower().rstrip(".")
        if previous in _NUMBERING_WORDS or previous in _MONTHS:
            return None  # "Article 33", "No 6", "March 7"
    strong = opens or closes or prefix.endswith("  ") or suffix.startswith("  ")
    return _Start(start, position.start(), opens and closes, strong)  # alone on its line: a page number, mostly


def _opens_note(text: str, position: int) -> bool:
    """Whether a note's text can begin at `position`: a capital (not a month), a quote or bracket, or "ibid"."""
    first = text[position]
    if first in _OPENERS:
        return True
    if not first.isalpha():
        return False
    bare = text[position : position + 20].split(None, 1)[0].strip(".,;:()").lower()
    if first.isupper():
        return bare not in _MONTHS  # "20 March 2006" is a date
    return bare in _LOWER_STARTS or bare.startswith(("http", "www")) or _SECTION_START.match(text, position) is not None


def _marker_chain(markers: list[_Marker]) -> dict[int, _Marker]:
    """The best run of markers with increasing numbers in reading order (a longest-chain dynamic programme).

    Each marker extends the best run ending one to `MAX_GAP` numbers below it;
    skipped numbers cost a little, so a run with gaps loses to one without. On
    ties the earlier marker is kept.
    """
    score = [0.0] * len(markers)
    back = [-1] * len(markers)
    best: dict[int, int] = {}
    for index, marker in enumerate(markers):
        value, previous = marker.weight, -1
        for gap in range(1, MAX_GAP + 1):
            j = best.get(marker.number - gap)
            if j is not None and score[j] + marker.weight - _GAP_COST * (gap - 1) > value:
                value, previous = score[j] + marker.weight - _GAP_COST * (gap - 1), j
        score[index], back[index] = value, previous
        held = best.get(marker.number)
        if held is None or value > score[held]:
            best[marker.number] = index
    if not markers:
        return {}
    index = max(range(len(markers)), key=score.__getitem__)
    chain: dict[int, _Marker] = {}
    while index >= 0:
        chain[markers[index].number] = markers[index]
        index = back[index]
    return chain


def _first_after(starts: list[_Start], floor: int) -> int:
    """Index of the first start after offset `floor` (len(starts) if none)."""
    return bisect_right(starts, floor, key=_at)


def _at(start: _Start) -> int:
    return start.at


def _pick(starts: dict[int, list[_Start]], number: int, low: int, layout: _Layout) -> _Start | None:
    """The start of note `number` after `low`: the first set off as note numbers are, else the first.

    Only candidates before the next note's first possible start count. A
    number alone on its line is usually a page number: it starts a note only
    when the next note's number follows on the line of its text.
    """
    candidates = starts.get(number) or []
    following = starts.get(number + 1) or []
    bound_index = _first_after(following, low)
    bound = following[bound_index].at if bound_index < len(following) else None
    first = _first_after(candidates, low)
    weak: _Start | None = None
    for candidate in candidates[first : first + _CANDIDATES]:
        if bound is not None and candidate.at > bound and weak is not None:
            break
        if candidate.lone and not _followed(following, candidate, layout):
            continue
        if candidate.strong:
            return candidate
        weak = weak or candidate
    return weak


def _followed(following: list[_Start], candidate: _Start, layout: _Layout) -> bool:
    """Whether the next note starts on the line where `candidate`'s text begins ("36" / "Smith v Jones. 37 ...")."""
    index = _first_after(following, candidate.at)
    if index >= len(following):
        return False
    return layout.line(following[index].at) == layout.line(candidate.text)


def _start_chain(starts: dict[int, list[_Start]], marks: dict[int, int], layout: _Layout) -> dict[int, _Start]:
    """Note starts for the marker run's numbers, in order, each after its marker and before the next note.

    A note whose marker was lost is taken only inside a run of notes (no body
    marker between it and the note before it), never from the body.
    """
    positions = sorted(marks.values())
    chosen: dict[int, _Start] = {}
    floor = -1
    for number in range(min(marks), max(marks) + MAX_GAP + 1):
        marker = marks.get(number)
        low = max(floor, marker) if marker is not None else floor
        found = _pick(starts, number, low, layout)
        if found is not None:
            after = _pick(starts, number + 1, max(low, marks.get(number + 1, -1)), layout)
            if after is not None and after.at < found.at:
                found = None  # note `number` was lost: this one is body text further on
        if found is not None and marker is None and _marker_between(positions, floor, found.at):
            found = None
        if found is not None:
            chosen[number], floor = found, found.at
    return chosen


def _marker_between(positions: list[int], low: int, high: int) -> bool:
    index = bisect_right(positions, low)
    return index < len(positions) and positions[index] < high


def _notes_and_spans(
    layout: _Layout, chosen: dict[int, _Start], markers: list[int]
) -> tuple[list[RawNote], list[tuple[int, int]]]:
    """The notes' texts, and the spans of text (runs of notes) to cut from the body.

    A note runs to the next note's number when both are in one run (close, no
    body marker between); the last note of a run ends with the line its text
    starts on, because the body resumes on the next line.
    """
    text = layout.text
    ordered = sorted(chosen.items())
    notes: list[RawNote] = []
    spans: list[tuple[int, int]] = []
    run_start: int | None = None
    for index, (number, (start, text_start, _, _)) in enumerate(ordered):
        following = ordered[index + 1][1].at if index + 1 < len(ordered) else None
        joined = (
            following is not None
            and following - start <= REGION_CHARS
            and not _marker_between(markers, start, following)
        )
        end = following if joined and following is not None else _last_note_end(layout, text_start, following, markers)
        notes.append(RawNote(number, join_wrapped(text[text_start:end].split("\n"))))
        run_start = start if run_start is None else run_start
        if not joined:
            spans.append(_widen(layout, run_start, end))
            run_start = None
    return notes, spans


def _last_note_end(layout: _Layout, text_start: int, following: int | None, markers: list[int]) -> int:
    """The end of a run's last note: its line's end, or sooner where the next note or a body marker comes."""
    end = min(layout.line(text_start)[1], text_start + REGION_CHARS)
    if following is not None:
        end = min(end, following)
    index = bisect_right(markers, text_start)
    return min(end, markers[index]) if index < len(markers) else end


def _blank(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all white space, without copying it (lines may be a megabyte long)."""
    return _NON_SPACE.search(text, start, end) is None


def _widen(layout: _Layout, start: int, end: int) -> tuple[int, int]:
    """A run's span grown to whole lines where it fills them, with a notes heading just above it."""
    text = layout.text
    line_start, _ = layout.line(start)
    _, line_end = layout.line(end)
    if not _blank(text, line_start, start):
        return start, line_end if _blank(text, end, line_end) else end
    start = line_start
    if _blank(text, end, line_end):
        end = min(len(text), line_end + 1)
    heading_start = _heading_above(layout, start)
    return (heading_start if heading_start is not None else start), end


def _heading_above(layout: _Layout, start: int) -> int | None:
    """Start of a "Notes"/"Endnotes" line just above the line at `start` (blank and page-number lines between)."""
    index = bisect_right(layout.starts, start) - 1
    for line_index in range(index - 1, max(-1, index - 5), -1):
        line_start = layout.starts[line_index]
        line_end = layout.starts[line_index + 1] - 1
        if line_end - line_start > _HEADING_CHARS:
            return None
        line = layout.text[line_start:line_end].strip()
        if NOTES_HEADING.fullmatch(line):
            return line_start
        if line and not line.isdigit():
            return None
    return None


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    """The text with (start, end, replacement) edits made; an edit overlapping an earlier one is dropped."""
    pieces: list[str] = []
    position = 0
    for start, end, replacement in sorted(edits):
        if start < position:
            continue
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
