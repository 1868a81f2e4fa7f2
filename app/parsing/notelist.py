"""Find the note list at the end of a document and read its notes.

The note list is a trailing run of paragraphs that (nearly) all start with a
`[N]` marker, numbers ascending, and whose numbers are largely the markers of
the body. That last test is what separates a real note list from an
encyclopedia article whose paragraphs merely begin with displaced markers.
A "Notes" / "Footnotes" / "References" / "Endnotes" heading also introduces
a list, and then `N. text`, `N) text` and `^N text` entries are read too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from app.parsing.dates import first_date
from app.parsing.normalise import Block

MAX_NOTE_NUMBER = 999

_BRACKET_NOTE = re.compile(r"\s*\[([0-9]{1,3})\](?!\s*\[[0-9])[.:)]?\s*(.*)")
_PLAIN_NOTE = re.compile(r"\s*(?:\^|↑)?\s*([0-9]{1,3})(?:[.):]\s*|\s+)(\S.*)?")
_CARET_NOTE = re.compile(r"\s*(?:\^|↑)\s*(?:[a-z](?:\s+[a-z])*\s+)?(\S.*)")
_NOTES_HEADING = re.compile(
    r"\s*(?:notes?|foot\s*notes?|end\s*notes?|references?|sources?|citations?|notes and references"
    r"|references and notes|notes and sources|sources and notes)\s*:?\s*",
    re.IGNORECASE,
)
_BODY_MARKER = re.compile(r"\[([0-9]{1,3})\]")
_URL_START = re.compile(r"(?i)(?:https?://|www\.)")
_URL_TAIL = re.compile(r"(?i)(?:https?://|www\.|[a-z0-9-]+\.[a-z]{2,}/)\S*[/\-_=?&.]$")

_MAX_JUNK_LINES = 3
_MAX_GAP = 5  # a plain "N." entry may skip a few missing notes, no more (else it is wrapped text)
_MAX_JUNK_LINE_CHARS = 120


@dataclass(slots=True)
class RawNote:
    """A note as read from the list: its number and its text, unwrapped onto one line."""

    number: int
    text: str


@dataclass(slots=True)
class NoteListSplit:
    """The body blocks (the note list cut off) and the notes read from the list."""

    body: list[Block]
    notes: list[RawNote]


class _Kind(Enum):
    NOTE = 1  # first line is "[N] text"
    LONE = 2  # first line is "[N]" alone; its text follows
    CONTINUATION = 3  # a wrapped tail of the previous note
    OTHER = 4


def join_wrapped(lines: list[str]) -> str:
    """Unwrap a note's lines onto one line; a URL broken after '/' or '-' is rejoined without a space."""
    pieces: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if pieces and not line[0].isupper() and _URL_TAIL.search(pieces[-1][-200:].rsplit(" ", 1)[-1]):
            pieces[-1] += line
        else:
            pieces.append(line)
    return " ".join(" ".join(pieces).split())


def _block_kind(block: Block) -> _Kind:
    first = _BRACKET_NOTE.fullmatch(block[0])
    if first:
        return _Kind.NOTE if first.group(2).strip() else _Kind.LONE
    head = block[0].lstrip()
    if head[:1].islower() or _URL_START.match(head):
        return _Kind.CONTINUATION
    return _Kind.OTHER


def _is_junk(block: Block) -> bool:
    """A short trailing block (caption, signature) that may follow a note list."""
    return len(block) <= _MAX_JUNK_LINES and all(len(line) <= _MAX_JUNK_LINE_CHARS for line in block)


def _read_entries(lines: list[tuple[int, int, str]], styles: str) -> list[tuple[int, int, int, list[str]]]:
    """Group lines into entries (block, line, number, lines); lines before the first entry are ignored.

    `styles` is "bracket" (only `[N]`) or "any" (also `N.`, `^N`, and unnumbered `^` entries).
    """
    entries: list[tuple[int, int, int, list[str]]] = []
    next_number = 1
    for block_index, line_index, text in lines:
        match = _BRACKET_NOTE.fullmatch(text)
        number: int | None = None
        body = ""
        if match:
            number, body = int(match.group(1)), match.group(2)
        elif styles == "any":
            plain = _PLAIN_NOTE.fullmatch(text)
            caret = _CARET_NOTE.fullmatch(text)
            dated = first_date(text[:40])
            if dated is not None and dated.start <= 1:
                pass  # "3 March 2012." is the wrapped tail of a note, not note 3
            elif plain and next_number <= int(plain.group(1)) <= next_number + _MAX_GAP:
                number, body = int(plain.group(1)), plain.group(2) or ""
            elif caret and not plain:
                number, body = next_number, caret.group(1)
        if number is not None and 0 < number <= MAX_NOTE_NUMBER:
            entries.append((block_index, line_index, number, [body] if body.strip() else []))
            next_number = number + 1
        elif entries:
            entries[-1][3].append(text)
    return entries


def _last_list(entries: list[tuple[int, int, int, list[str]]]) -> list[tuple[int, int, int, list[str]]]:
    """Entries from the last restart of numbering (back to 1, or a big drop) to the end.

    A small step back is OCR disorder inside one list; a restart means what came
    before was body text or another list.
    """
    start = 0
    for i in range(1, len(entries)):
        previous, number = entries[i - 1][2], entries[i][2]
        if number < previous and (number == 1 or number < previous - _MAX_GAP):
            start = i
    return entries[start:]


def _cut(blocks: list[Block], block_index: int, line_index: int) -> list[Block]:
    body = [list(block) for block in blocks[:block_index]]
    if line_index > 0:
        body.append(list(blocks[block_index][:line_index]))
    return body


def _notes(entries: list[tuple[int, int, int, list[str]]]) -> list[RawNote]:
    return [RawNote(number, join_wrapped(lines)) for _, _, number, lines in entries]


def _from_heading(blocks: list[Block]) -> NoteListSplit | None:
    """A list introduced by a Notes-like heading standing alone as the first line of a block."""
    for index in range(len(blocks) - 1, 0, -1):
        block = blocks[index]
        if not _NOTES_HEADING.fullmatch(block[0]):
            continue
        lines = [(b, i, text) for b in range(index, len(blocks)) for i, text in enumerate(blocks[b])]
        lines = lines[1:]
        if not lines:
            continue
        entries = _read_entries(lines, "any")
        if not entries or (entries[0][0], entries[0][1]) != (lines[0][0], lines[0][1]):
            continue
        return NoteListSplit(_cut(blocks, index, 0), _notes(entries))
    return None


def _trailing_run_start(blocks: list[Block], end: int) -> int | None:
    """Index of the first block of the trailing run of note blocks ending before `end`."""
    start: int | None = None
    index = end - 1
    while index >= 0:
        kind = _block_kind(blocks[index])
        if kind in (_Kind.NOTE, _Kind.LONE):
            start = index
        elif kind is _Kind.OTHER and index > 0 and _block_kind(blocks[index - 1]) is _Kind.LONE:
            pass  # the text of a lone "[N]" line
        elif kind is not _Kind.CONTINUATION:
            break
        index -= 1
    return start


def _inner_list_start(block: Block, need_two: bool) -> int | None:
    """Where a note list begins inside a block, when text extraction left no blank line before it.

    Alone (no note blocks after it) it must hold at least two notes, so a wrapped
    paragraph with one line opening on a displaced marker is not taken for a list.
    """
    starts = [i for i in range(1, len(block)) if _BRACKET_NOTE.fullmatch(block[i])]
    if not starts or (need_two and len(starts) < 2):
        return None
    return starts[0]


def _body_markers(blocks: list[Block], block_index: int, line_index: int) -> set[int]:
    found: set[int] = set()
    for b, block in enumerate(blocks[: block_index + 1]):
        for i, line in enumerate(block):
            if (b, i) >= (block_index, line_index):
                break
            found.update(int(n) for n in _BODY_MARKER.findall(line))
    return found


def _list_start(blocks: list[Block], end: int) -> tuple[int, int] | None:
    """(block, line) where a trailing note list ending before block `end` begins, if any."""
    start = _trailing_run_start(blocks, end)
    first = (start, 0) if start is not None else None
    edge = (start if start is not None else end) - 1
    if edge >= 0:
        inner = _inner_list_start(blocks[edge], need_two=start is None)
        if inner is not None:
            first = (edge, inner)
    return None if first is None or first == (0, 0) else first


def _from_trailing_run(blocks: list[Block]) -> NoteListSplit | None:
    end = len(blocks)
    first = _list_start(blocks, end)
    if first is None and blocks and _is_junk(blocks[-1]):
        end -= 1
        first = _list_start(blocks, end)
    if first is None:
        return None
    lines = [(b, i, text) for b in range(first[0], end) for i, text in enumerate(blocks[b]) if (b, i) >= first]
    entries = _last_list(_read_entries(lines, "bracket"))
    if not entries:
        return None
    first_block, first_line = entries[0][0], entries[0][1]
    if first_block == 0 and first_line == 0:
        return None
    numbers = {entry[2] for entry in entries}
    referenced = _body_markers(blocks, first_block, first_line)
    overlap = len(numbers & referenced)
    starts_at_one = entries[0][2] == 1 and len(entries) >= 2
    if overlap * 2 < len(numbers) and not starts_at_one:
        return None
    body = _cut(blocks, first_block, first_line) + [list(block) for block in blocks[end:]]
    return NoteListSplit(body, _notes(entries))


def split_note_list(blocks: list[Block]) -> NoteListSplit:
    """Cut the note list off the end of the document; no list found leaves the blocks as they are."""
    found = _from_heading(blocks) or _from_trailing_run(blocks)
    return found or NoteListSplit([list(block) for block in blocks], [])
