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


def without_surrogates(text: str) -> str:
    """`text` with each lone surrogate (an undecodable byte of a command-line argument) as U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


def clean_value(text: str) -> str:
    """A metadata value as stored: on one line, no controls or bidi overrides, no lone surrogates."""
    return clean_metadata(without_surrogates(text))


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
        authors=declared_authors(parsed.authors),
        language=language_tag(parsed.language) if parsed.language else None,
    )


MAX_AUTHOR_LENGTH = 200
MAX_AUTHORS = 100


def declared_authors(names: list[str]) -> list[str]:
    """Authors a file declared, as they can be stored: cleaned, split at ";", none over-long, no repeats."""
    found: list[str] = []
    for raw in names:
        for piece in str(raw).split(";"):
            name = " ".join(clean_value(piece).split())
            if name and len(name) <= MAX_AUTHOR_LENGTH and name not in found:
                found.append(name)
    return found[:MAX_AUTHORS]


def language_tag(value: str) -> str | None:
    """`value` as a BCP 47 tag in its usual case ("pt-BR", "zh-Hant-TW", "en"), or None when it is not one."""
    tag = value.strip().replace("_", "-")
    if not tag or len(tag) > 35 or _BCP47.match(tag) is None:
        return None
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(out[-1]) == 1:  # after a singleton (extension, x-): lower case
            out.append(part.lower())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


# BCP 47 as people write it: a language (2-3 letters: the 5-8 letter form is reserved and never assigned,
# and would let "English" through), up to three extended languages,
# script (4 letters), region (2 letters or 3 digits), variants, extensions and a private use part.
_BCP47 = re.compile(
    r"^[a-z]{2,3}(?:-[a-z]{3}){0,3}"
    r"(?:-[a-z]{4})?"
    r"(?:-(?:[a-z]{2}|\d{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|\d[a-z0-9]{3}))*"
    r"(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?$"
    r"|^x(?:-[a-z0-9]{1,8})+$",
    re.IGNORECASE,
)



def _optional(text: str | None) -> str | None:
    return (clean_value(text) or None) if text is not None else None


AUTHOR_SEPARATOR = "; "  # how Document.authors joins its names (a name never holds ";")


def author_names(stored: str | None) -> list[str]:
    """Document.authors as the list of names it joins, in order ([] when there are none)."""
    if not stored:
        return []
    return [name.strip() for name in stored.split(";") if name.strip()]
