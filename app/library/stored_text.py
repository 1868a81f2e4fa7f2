"""Text as the archive stores it: metadata without control characters, paths any UTF-8 store accepts.

A document's metadata comes from whoever wrote the file: a title may carry terminal
escapes or bidi overrides (see `app.text_safety`), which are dropped before storage.
A file name need not be valid UTF-8 on POSIX; Python keeps the bad bytes as lone
surrogates, which SQLite, the log file and a terminal refuse ("UnicodeEncodeError").
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

from app.model import ParsedDocument
from app.text_safety import clean_metadata

_SURROGATES = re.compile("[\ud800-\udfff]")


def path_text(path: str | os.PathLike[str]) -> str:
    """`path` as storable text: unchanged when valid, else each undecodable byte as `\\xNN` (as `ls -b` shows it).

    Deterministic, so importing the same file again finds its document; the name is kept
    faithfully (only a name holding a literal `\\xNN` could read the same).
    """
    text = os.fspath(path)
    if _SURROGATES.search(text) is None:
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def clean_value(text: str) -> str:
    """A metadata value as stored: on one line, no controls or bidi overrides, no lone surrogates."""
    return clean_metadata(_SURROGATES.sub("\ufffd", text))


def clean_parsed(parsed: ParsedDocument, untitled: str) -> ParsedDocument:
    """`parsed` with its title, publisher, date label and tags cleaned; an emptied title becomes `untitled`."""
    tags: list[str] = []
    for tag in parsed.tags:
        cleaned = clean_value(tag)
        if cleaned and cleaned not in tags:
            tags.append(cleaned)
    return replace(
        parsed,
        title=clean_value(parsed.title) or untitled,
        publisher=_optional(parsed.publisher),
        date_label=_optional(parsed.date_label),
        tags=tags,
    )


def _optional(text: str | None) -> str | None:
    return (clean_value(text) or None) if text is not None else None


AUTHOR_SEPARATOR = "; "  # how Document.authors joins its names (a name never holds ";")


def author_names(stored: str | None) -> list[str]:
    """Document.authors as the list of names it joins, in order ([] when there are none)."""
    if not stored:
        return []
    return [name.strip() for name in stored.split(";") if name.strip()]
