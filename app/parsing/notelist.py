"""Find the note list at the end of a document and read its notes.

The note list is a trailing run of paragraphs that (nearly) all start with a
`[N]` marker, numbers ascending, and whose numbers are largely the markers of
the body. That last test is what separates a real note list from an
encyclopedia article whose paragraphs merely begin with displaced markers.
A "Notes" / "Footnotes" / "References" / "Endnotes" heading also introduces
a list, and then `N. text`, `N) text`, `N text` and `^N text` entries are read
too; such a list may also simply trail the text when the body has its markers.
Note numbers have no size limit: an entry is told from a wrapped line that
starts with a bracketed year ("[2000] 2 AC 118") by the sequence, since a note
number follows the one before it. Lists with bare markers in the body, and notes
flattened into the text by PDF conversion, are left to `inline_notes`.
"""

from __future__ import annotations

import re
from enum import Enum

from app.parsing.dates import first_date
from app.parsing.inline_notes import find_inline_notes, mark_bare_markers
from app.parsing.normalise import Block, assemble
from app.parsing.rawnotes import NOTES_HEADING, NoteListSplit, RawNote, join_wrapped

__all__ = ["NoteListSplit", "RawNote", "join_wrapped", "split_note_list"]

_BRACKET_NOTE = re.compile(r"\s*\[([0-9]{1,7})\](?!\s*\[[0-9])[.:)]?\s*(.*)")
# possessive leading blanks: two `\s*` around an optional caret split an indent every possible way
_PLAIN_NOTE = re.compile(r"\s*+(?:\^|↑)?\s*+([0-9]{1,7})(?:[.):]\s*|\s+)(\S.*)?")
_CARET_NOTE = re.compile(r"\s*+(?:\^|↑)\s*+(?:[a-z](?:\s+[a-z])*\s+)?(\S.*)")
_FIRST_PLAIN = re.compile(r"\s*+(?:\^|↑)?\s*+1(?:[.):]\s*|\s+)\S")
_BODY_MARKER = re.compile(r"\[([0-9]{1,7})\]")
_URL_START = re.compile(r"(?i)(?:https?://|www\.)")
_UNFINISHED = re.compile(r"[^\W\d_]|[,;:(/&\-–]")  # a last character that leaves a note's sentence open

_MAX_JUNK_LINES = 3
_MAX_GAP = 5  # a plain "N." entry may skip a few missing notes, no more (else it is wrapped text)
_MAX_JUMP = 100  # an entry further ahead opens a list only if the next two follow it; in a list it is wrapped text
_LOOKAHEAD_LINES = 20
_MAX_JUNK_LINE_CHARS = 120
_PLAIN_TRIES = 3  # lines opening on "1" tried, from the end, as the start of a trailing plain list
_MIN_PLAIN_NOTES = 3  # a list without a heading needs this many notes, every one with its marker in the body
_PLAIN_LINES_PER_NOTE = 5  # a list without a heading is dense: its lines mostly open notes
_MAX_WRAP_LINES = 4  # a block continuing a note across a blank line is short


class _Kind(Enum):
    NOTE = 1  # first line is "[N] text"
    LONE = 2  # first line is "[N]" alone; its text follows
    CONTINUATION = 3  # a wrapped tail of the previous note
    OTHER = 4


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


def _line_entry(text: str, styles: str) -> tuple[str, int, str]:
    """(style, number, text) of a line that opens an entry, ("", 0, "") otherwise."""
    match = _BRACKET_NOTE.fullmatch(text)
    if match:
        return "bracket", int(match.group(1)), match.group(2)
    if styles != "any":
        return "", 0, ""
    plain = _PLAIN_NOTE.fullmatch(text)
    dated = first_date(text[:40])
    if dated is not None and dated.start <= 1:
        return "", 0, ""  # "3 March 2012." is the wrapped tail of a note, not note 3
    if plain:
        return "plain", int(plain.group(1)), plain.group(2) or ""
    caret = _CARET_NOTE.fullmatch(text)
    return ("caret", 0, caret.group(1)) if caret else ("", 0, "")


def _confirmed(parsed: list[tuple[str, int, str]], index: int, number: int) -> bool:
    """Whether the next two entry-like lines after `index` continue the numbering from `number`.

    Two, because law-report years can stand in order ("[2002] FCAFC 429", then "[2003] FCA 8").
    """
    needed = 2
    for style, following, _ in parsed[index + 1 : index + 1 + _LOOKAHEAD_LINES]:
        if style != "bracket":
            continue
        if not number < following <= number + _MAX_GAP:
            return False
        number, needed = following, needed - 1
        if not needed:
            return True
    return False


def _read_entries(lines: list[tuple[int, int, str]], styles: str) -> list[tuple[int, int, int, list[str]]]:
    """Group lines into entries (block, line, number, lines); lines before the first entry are ignored.

    `styles` is "bracket" (only `[N]`) or "any" (also `N.`, `N)`, `N`, `^N`, and
    unnumbered `^` entries). A number far ahead of the one before it opens an
    entry only if the next entry follows it: otherwise it is a wrapped line.
    """
    parsed = [_line_entry(text, styles) for _, _, text in lines]
    entries: list[tuple[int, int, int, list[str]]] = []
    next_number = 1
    for index, (block_index, line_index, text) in enumerate(lines):
        style, number, body = parsed[index]
        if style == "bracket":
            accepted = number < next_number + _MAX_JUMP or (not entries and _confirmed(parsed, index, number))
        elif style == "plain":
            accepted = next_number <= number <= next_number + _MAX_GAP
        else:
            accepted, number = style == "caret", next_number
        if accepted and number > 0:
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
        if not NOTES_HEADING.fullmatch(block[0]):
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
    """Index of the first block of the trailing run of note blocks ending before `end`.

    A short block that does not look like a note belongs to the run when the
    note before it breaks off mid-sentence: its text wrapped across a blank line.
    """
    start: int | None = None
    index = end - 1
    while index >= 0:
        kind = _block_kind(blocks[index])
        if kind in (_Kind.NOTE, _Kind.LONE):
            start = index
        elif kind is _Kind.OTHER and index > 0 and _block_kind(blocks[index - 1]) is _Kind.LONE:
            pass  # the text of a lone "[N]" line
        elif kind is _Kind.OTHER and start is not None and index > 0 and _wraps_on(blocks[index - 1], blocks[index]):
            pass
        elif kind is not _Kind.CONTINUATION:
            break
        index -= 1
    return start


def _wraps_on(previous: Block, block: Block) -> bool:
    """Whether `block` continues the note that `previous` leaves unfinished."""
    if len(block) > _MAX_WRAP_LINES or _block_kind(previous) not in (_Kind.NOTE, _Kind.CONTINUATION):
        return False
    last = previous[-1].rstrip()
    return bool(last) and _UNFINISHED.fullmatch(last[-1]) is not None


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


def _from_plain_trailing(blocks: list[Block]) -> NoteListSplit | None:
    """A `1. text` / `1 text` / `^1 text` list trailing the text without a heading (checked by the caller)."""
    lines = [(b, i, text) for b, block in enumerate(blocks) for i, text in enumerate(block)]
    tries = 0
    for index in range(len(lines) - 2, 0, -1):
        if not _FIRST_PLAIN.match(lines[index][2]):
            continue
        entries = _read_entries(lines[index:], "any")
        dense = len(lines) - index <= _PLAIN_LINES_PER_NOTE * len(entries)
        if len(entries) >= 3 and dense and (entries[0][0], entries[0][1]) == lines[index][:2] and entries[0][2] == 1:
            return NoteListSplit(_cut(blocks, lines[index][0], lines[index][1]), _notes(entries))
        tries += 1
        if tries >= _PLAIN_TRIES:
            return None
    return None


def _bracket_share(split: NoteListSplit) -> float:
    """The share of the list's notes that have a `[N]` marker in the body."""
    numbers = {note.number for note in split.notes}
    if not numbers:
        return 0.0
    marked = {int(n) for n in _BODY_MARKER.findall(assemble(split.body))}
    return len(numbers & marked) / len(numbers)


def split_note_list(blocks: list[Block]) -> NoteListSplit:
    """Cut the note list off the document; no list found leaves the blocks as they are.

    A list laid out as a list, with `[N]` markers in the body, is taken as it
    is. Otherwise notes flattened into the text (`inline_notes`) are tried, and
    a laid-out list keeps its place only if they give no more notes; its bare
    markers ("rights.12") are then rewritten as `[N]`.
    """
    found = _from_heading(blocks) or _from_trailing_run(blocks)
    if found is not None and _bracket_share(found) >= 0.5:
        return found
    plain = _from_plain_trailing(blocks) if found is None else None
    if plain is not None and _bracket_share(plain) >= 0.5:
        return plain
    inline = find_inline_notes(blocks)
    if found is not None:
        if inline is not None and len(inline.notes) > len(found.notes):
            return inline
        marked = mark_bare_markers(found.body, {note.number for note in found.notes})
        return NoteListSplit(marked, found.notes) if marked is not None else found
    if plain is not None and len(plain.notes) >= _MIN_PLAIN_NOTES:
        marked = mark_bare_markers(plain.body, {note.number for note in plain.notes}, 1.0)
        if marked is not None and (inline is None or len(plain.notes) >= len(inline.notes)):
            return NoteListSplit(marked, plain.notes)
    return inline or NoteListSplit([list(block) for block in blocks], [])
