"""Resolve "Ibid." and its relatives to the source they repeat.

"Ibid", "Id.", "loc. cit." and "op. cit." at the start of a note name the
source of the last earlier note that CITED A SOURCE: a note that only comments
("This was later repealed.") is skipped (`sourcecues` holds the rule), and a
missing note cannot be referred to. A note that only repeats its source ("Ibid
at 5") is transparent: the next Ibid names that same source, so a chain always
points at the note that spells the source out. A note that adds sources ("Ibid;
and X") becomes a source itself. An "ibid" later in a note counts too when
what comes before it cites nothing ("Although they stress context. Ibid para
[48]", "s 7A, inserted by ibid."); after a citation it repeats that citation
within the note and is left alone. "Author, op. cit." names the last earlier
note by that author. With no earlier note that cites, the previous note is
taken, as the best guess.

The note keeps its own text; `resolved_text` spells the source out with the
note's own rest appended ("Ibid; and X" -> "<source>; and X", "Ibid at 10966"
-> "<source>, at 10966"). Targets always lie earlier, so chains terminate.
"""

from __future__ import annotations

import re

from app.model import Footnote
from app.parsing.sourcecues import MAX_NOTE_CHARS, cites_source, has_strong_cue

_IBID = re.compile(
    r"\s*(?i:see,?\s+(?:also,?\s+)?)?(?:(?i:ibid(?:em)?|loc\.?\s*cit|op\.?\s*cit)(?![\w-])\.?"
    r"|(?:Id|id)\.|Id(?=\s+at\b|\s*[,;]|\s*$)|(?i:idem)(?![\w-])\.?)"
)
_INNER_IBID = re.compile(r"(?i)(?<![\w-])ibid(?:em)?(?![\w-])\.?")
_AUTHOR_CIT = re.compile(r"\s*(?P<author>[^;“”\"]{2,80}?),?\s+(?i:op\.?\s*cit|loc\.?\s*cit)\b\.?")
MAX_BASE_CHARS = 2_000  # a chain of "Ibid; and ..." notes stops accumulating sources here
_PIN = re.compile(r"(?i)(?:at\b|p\.|pp\.|para|paras|page|pages|n\.|§|¶|[0-9])")


def ibid_rest(text: str) -> str | None:
    """What follows a leading Ibid-like word ("" for a bare "Ibid."), or None when the note is no Ibid."""
    match = _IBID.match(text)
    return text[match.end() :].strip() if match else None


def _strip_end(text: str) -> str:
    return text.rstrip().rstrip(".").rstrip()


def compose(source: str, rest: str) -> str:
    """The source spelled out, with the Ibid note's pin cite or further citations appended."""
    rest = rest.strip()
    if not rest or rest in {".", ","}:
        return source
    if rest[0] in ";,":
        return _strip_end(source) + rest
    if _PIN.match(rest):
        return f"{_strip_end(source)}, {rest}"
    base = source.rstrip()
    if not base.endswith((".", "!", "?", "”", '"')):
        base += "."
    return f"{base} {rest}"


def _author_source(notes: list[Footnote], index: int, author: str) -> Footnote | None:
    """The last note before `index` that names `author` (matched on its last word)."""
    key = author.split()[-1].strip(".,").lower() if author.split() else ""
    if len(key) < 3:
        return None
    for earlier in reversed(notes[:index]):
        if key in earlier.text.lower() and ibid_rest(earlier.text) is None:
            return earlier
    return None


def find_ibid(text: str) -> tuple[str, str] | None:
    """(text before, text after) an Ibid-like reference of the note, or None when the note is no Ibid."""
    rest = ibid_rest(text)
    if rest is not None:
        return "", rest
    inner = _INNER_IBID.search(text, 0, MAX_NOTE_CHARS)
    if inner is None or has_strong_cue(text[: inner.start()]):
        return None
    return text[: inner.start()], text[inner.end() :].strip()


def resolve_ibids(notes: list[Footnote]) -> None:
    """Fill `ibid_of` and `resolved_text` in place; `notes` must be sorted by number.

    A pin cite replaces the previous one rather than piling up: "Ibid at 5"
    after "Ibid at 4" spells out the source once, with "at 5".
    """
    bases: dict[int, str] = {}  # note number -> the source it names, without its own pin cite
    last_source: Footnote | None = None  # the last note that cited a source, after Ibids are seen through
    unread: list[Footnote] = []  # notes since then, not yet asked whether they cite a source (most never are)
    for index, note in enumerate(notes):
        note.ibid_of = None
        note.resolved_text = None
        bases[note.number] = note.text
        found = find_ibid(note.text)
        author = _AUTHOR_CIT.match(note.text) if found is None else None
        if found is None and not author:
            unread.append(note)
            continue
        last_source = next((n for n in reversed(unread) if cites_source(n.text)), None) or last_source
        unread.clear()
        source = last_source
        if found is None and author is not None:  # "Smith, at 5": the last note by that author
            source = _author_source(notes, index, author.group("author")) or source
            found = ("", note.text[author.end() :].strip())
        prefix, rest = found
        if source is None and index:
            source = notes[index - 1]
        if source is None or source.number >= note.number:
            continue
        base = bases.get(source.number, source.text)
        note.ibid_of = source.number
        note.resolved_text = prefix + compose(base, rest)
        pin_only = not rest.strip(" .,") or _PIN.match(rest.lstrip(", ")) is not None
        if pin_only and not has_strong_cue(prefix):
            last_source = source  # "Ibid at 5" repeats the source: the next Ibid names it too
        else:  # "Ibid; and X" cites X too: it is the next Ibid's source (grown no further past a bound)
            bases[note.number] = note.resolved_text if len(note.resolved_text) <= MAX_BASE_CHARS else base
            last_source = note
