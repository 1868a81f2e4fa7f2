"""The note list's raw notes, shared by the two ways notes are found.

`notelist` reads lists laid out as lists; `inline_notes` finds notes that
PDF-to-text conversion flattened into the body. Both hand over `RawNote`s
unwrapped by `join_wrapped`, so they live here rather than in either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.parsing.normalise import Block

NOTES_HEADING = re.compile(
    r"\s*+(?:notes?|foot\s*notes?|end\s*notes?|references?|sources?|citations?|notes and references"
    r"|references and notes|notes and sources|sources and notes)\s*+:?\s*+",
    re.IGNORECASE,
)
_URL_TAIL = re.compile(r"(?i)(?:https?://|www\.|[a-z0-9-]+\.[a-z]{2,}/)\S*[/\-_=?&.]$")


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
