"""Resolve "Ibid." and its relatives to the source they repeat.

"Ibid", "Id.", "loc. cit." and "op. cit." at the start of a note name the
previous note's source (the previous note that exists: a missing note cannot be
referred to). "Author, op. cit." names the last earlier note by that author.
The note keeps its own text; `resolved_text` spells the source out with the
note's own rest appended ("Ibid; and X" -> "<source>; and X", "Ibid at 10966"
-> "<source>, at 10966"). Chains resolve through the earlier resolution, and
always point backwards, so they terminate.
"""

from __future__ import annotations

import re

from app.model import Footnote

_IBID = re.compile(
    r"\s*(?i:see,?\s+(?:also,?\s+)?)?(?:(?i:ibid(?:em)?|loc\.?\s*cit|op\.?\s*cit)(?![\w-])\.?"
    r"|(?:Id|id)\.|Id(?=\s+at\b|\s*[,;]|\s*$)|(?i:idem)(?![\w-])\.?)"
)
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


def resolve_ibids(notes: list[Footnote]) -> None:
    """Fill `ibid_of` and `resolved_text` in place; `notes` must be sorted by number.

    A pin cite replaces the previous one rather than piling up: "Ibid at 5"
    after "Ibid at 4" spells out the source once, with "at 5".
    """
    bases: dict[int, str] = {}  # note number -> the source it names, without its own pin cite
    for index, note in enumerate(notes):
        note.ibid_of = None
        note.resolved_text = None
        bases[note.number] = note.text
        if index == 0:
            continue
        rest = ibid_rest(note.text)
        source: Footnote | None = notes[index - 1]
        if rest is None:
            author = _AUTHOR_CIT.match(note.text)
            if not author:
                continue
            source = _author_source(notes, index, author.group("author")) or source
            rest = note.text[author.end() :].strip()
        if source is None or source.number >= note.number:
            continue
        base = bases.get(source.number, source.text)
        note.ibid_of = source.number
        note.resolved_text = compose(base, rest)
        pin_only = not rest.strip(" .,") or _PIN.match(rest.lstrip(", "))
        grows = not pin_only and len(note.resolved_text) <= MAX_BASE_CHARS
        bases[note.number] = note.resolved_text if grows else base
