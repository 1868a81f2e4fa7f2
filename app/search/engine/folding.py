"""Accent folding: "brûlée" is found by "brulee", "Besançon" by "besancon".

Reports of the genre mix French, Spanish, Portuguese and Azerbaijani names with English
text, and researchers type them without accents. The index folds every word before it
stems it, the query is folded the same way by the same analyzer, and text that is
searched by pattern (snippets, the reader's highlights) uses `accent_tolerant`, which
matches a folded word in the unfolded text without changing any offset.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that do not decompose but that readers treat as a base letter with a mark.
_SPECIAL = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "þ": "th",
            "ħ": "h", "ŧ": "t"}  # fmt: skip
_LATIN_RANGES = ((0x00C0, 0x0250), (0x1E00, 0x1F00))


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """The word with the diacritics of Latin letters removed ("ağdam" → "agdam"); other scripts
    (Cyrillic "й", Greek tonos) are left as they are, and ASCII comes back unchanged."""
    if word.isascii():
        return word
    return "".join(_fold_char(c) for c in word)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    code = ord(char)
    if not any(low <= code < high for low, high in _LATIN_RANGES):
        return char
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if base.isascii() else char


def _variants() -> dict[str, str]:
    """Each ASCII letter → a regex class of it and every Latin letter that folds to it alone."""
    found: dict[str, set[str]] = {}
    for low, high in _LATIN_RANGES:
        for code in range(low, high):
            char = chr(code)
            if len(char.lower()) != 1:
                continue  # "İ" lowers to two characters
            base = _fold_char(char.lower())
            if len(base) == 1 and base.isascii() and base.isalpha() and char.lower() != base:
                found.setdefault(base, set()).add(char.lower())
                found[base].add(char.upper())
    return {base: "[" + base + base.upper() + "".join(sorted(chars)) + "]" for base, chars in found.items()}


_CLASSES = _variants()


def accent_tolerant(folded: str) -> str:
    """A regex matching `folded` (lower-case ASCII) with any diacritics on its letters, e.g. "brul" → br[uû…]l."""
    return "".join(_CLASSES.get(c, re.escape(c)) for c in folded)
