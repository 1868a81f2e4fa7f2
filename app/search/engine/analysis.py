"""How text fields are indexed: the Whoosh analyzer and the fast path that gives its terms, and the
compact positions format.

Words become terms in `terms` (one definition for the index, queries, snippets and highlights). Indexing is cheap
enough for an import of thousands of reports: text fields use `_FastText`, whose `index()`
tokenises with one C-level `re.findall` and a stem cache instead of Whoosh's token-object
pipeline, yet yields exactly the terms and positions its `analyzer` (used to parse queries)
gives. An import's worker processes run the same analysis (`analyse_fields`); the result travels
with its document (`IndexDoc.analysis`) and is used only for the text it was computed from.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import filterfalse
from typing import Any

from whoosh import analysis, fields, formats

from app.search.engine.folding import fold
from app.search.engine.terms import STOP_WORDS, TOKEN_PATTERN, _stem_cache, stem

# TOKEN_PATTERN with possessive quantifiers: the same tokens (a word's characters are never given
# back to a joiner), found a fifth faster; in ASCII text \w is matched as ASCII, twice as fast again.
_FAST_TOKEN_PATTERN = r"\w++(?:[-.]\w++)*+"
_FAST_TOKEN_RE = re.compile(_FAST_TOKEN_PATTERN)
_ASCII_TOKEN_RE = re.compile(_FAST_TOKEN_PATTERN, re.ASCII)
# Typographic characters that are never part of a token; as spaces, they leave the same tokens.
_TYPOGRAPHIC_SEPARATORS = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u00b7\u00ab\u00bb\u00a0\u2009\u202f"
_LOWERS_APART = "\u0130"  # İ: the one character whose lower case ("i" + combining dot) splits a word
_JOINERS = re.compile(r"[-.]")


class _FoldFilter(analysis.Filter):
    """Accent folding between lower-casing and stop words, as `_token_positions` does."""

    def __call__(self, tokens: Iterable[Any]) -> Iterable[Any]:
        for token in tokens:
            token.text = fold(token.text)
            yield token


def _text_analyzer() -> analysis.Analyzer:
    """Whoosh's StemmingAnalyzer with accent folding after lower-casing."""
    chain = analysis.RegexTokenizer(expression=TOKEN_PATTERN) | analysis.LowercaseFilter() | _FoldFilter()
    return chain | analysis.StopFilter(minsize=1) | analysis.StemFilter(cachesize=50000)


Analysis = list[tuple[bytes, int, float, bytes]]
"""What a text field's `index()` yields for one value: (term, frequency, weight, encoded positions)."""


@dataclass(frozen=True, slots=True)
class AnalysedText:
    """One text with its index terms, computed where the CPU is free (an import's worker processes).

    The text travels with its terms so that they are used only for that exact text: the
    document the index is given later may differ (edited, or stored differently).
    """

    text: str
    terms: Analysis


DocumentAnalysis = dict[str, AnalysedText]
"""A document's analysed text fields, by field name (title, body, footnotes, notes)."""


def analyse_fields(*, title: str = "", body: str = "", footnotes: str = "", notes: str = "") -> DocumentAnalysis:
    """The index terms of a document's text fields (empty ones left out), for `IndexDoc.analysis`."""
    texts = {"title": title, "body": body, "footnotes": footnotes, "notes": notes}
    return {name: AnalysedText(text, _TEXT_FIELD.index(text)) for name, text in texts.items() if text}


_BIG_ENDIAN = sys.byteorder == "big"
_WIDE = b"\xff"  # marks a uint32 position array (odd length); uint16 arrays have an even length


class _CompactPositions(formats.Positions):
    """Positions as a little-endian uint16 array (uint32 after one marker byte past 65,535 tokens).

    Whoosh's own format pickles position deltas, so a phrase check would unpickle every
    posting of every word one by one; plain arrays are joined and read by numpy in one
    go (`evaluation._position_keys`), and encode without pickle in the import's workers.
    Whoosh's matchers still work: they decode through these methods.
    """

    def encode(self, poslist: list[int]) -> bytes:
        wide = bool(poslist) and max(poslist) > 0xFFFF
        packed = array("I" if wide else "H", poslist)
        if _BIG_ENDIAN:
            packed.byteswap()
        return _WIDE + packed.tobytes() if wide else packed.tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        wide = len(valuestring) & 1
        packed = array("I" if wide else "H", valuestring[1:] if wide else valuestring)
        if _BIG_ENDIAN:
            packed.byteswap()
        return packed.tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // 4 if len(valuestring) & 1 else len(valuestring) // 2

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * self.field_boost

    def decode_position_boosts(self, valuestring: bytes) -> list[tuple[int, float]]:
        return [(pos, 1) for pos in self.decode_positions(valuestring)]


def _token_positions(text: str) -> dict[str, list[int]]:
    """Index term -> sorted positions, as the StemmingAnalyzer would give them, plus the parts of
    hyphenated words (Nagorno-Karabakh is also found by "karabakh"; PMN-2 and E-001 stay whole).

    Stop words take no position, except those before the first kept word (Whoosh's StopFilter
    keeps that word's original position). Positions are collected per distinct word first, so
    stemming and the hyphen check run once per word, not per token.
    """
    if not text.isascii():  # curly quotes and dashes alone should not take the slower path
        text = _without_typographic_separators(text)
    if text.isascii():  # the common case: lowered first, and \w matched as ASCII (twice as fast)
        words = _ASCII_TOKEN_RE.findall(text.lower())
    elif _LOWERS_APART not in text:
        words = list(map(fold, _FAST_TOKEN_RE.findall(text.lower())))
    else:
        words = [fold(word.lower()) for word in _FAST_TOKEN_RE.findall(text)]
    stop = STOP_WORDS
    lead = 0
    for word in words:
        if word not in stop:
            break
        lead += 1
    by_word: defaultdict[str, list[int]] = defaultdict(list)
    for pos, word in enumerate(filterfalse(stop.__contains__, words), lead):  # stop words left out at C speed
        by_word[word].append(pos)
    positions: dict[str, list[int]] = {}
    unsorted: set[str] = set()
    stems = _stem_cache
    for word, found in by_word.items():
        stemmed = stems.get(word)
        if stemmed is None:
            stemmed = stem(word)
        known = positions.get(stemmed)
        if known is None:
            positions[stemmed] = found
        else:  # another word with the same stem (mine, mines): merged, sorted below
            known.extend(found)
            unsorted.add(stemmed)
        if "-" in word or "." in word:
            parts = _JOINERS.split(word)
            if all(len(part) > 1 and part.isalpha() for part in parts):
                for part in parts:
                    if part not in stop:
                        _add_positions(positions, unsorted, stem(part), found)
    for term in unsorted:
        positions[term].sort()
    return positions


def _add_positions(positions: dict[str, list[int]], unsorted: set[str], term: str, found: list[int]) -> None:
    """A hyphenated word's part: its positions added to its term's (a copy: the whole word keeps its own)."""
    known = positions.get(term)
    if known is None:
        positions[term] = list(found)
    else:
        known.extend(found)
        unsorted.add(term)


def _without_typographic_separators(text: str) -> str:
    """The text with its curly quotes, dashes, ellipses and thin or no-break spaces as plain spaces."""
    for char in _TYPOGRAPHIC_SEPARATORS:
        if char in text:
            text = text.replace(char, " ")
    return text


class _FastText(fields.TEXT):
    """TEXT whose indexing skips Whoosh's per-token objects; terms equal `analyzer`'s."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if isinstance(self.format, formats.Positions):
            self.format = _CompactPositions(field_boost=self.format.field_boost)

    def index(self, value: Any, *, given: AnalysedText | None = None, **kwargs: Any) -> Analysis:
        """A list, not Whoosh's generator: cheaper for the hundreds of terms of a report.

        `given` terms are used if they were computed from this very text (by `analyse_fields`,
        whose field is unboosted); any other text is analysed here.
        """
        if not isinstance(value, str):
            return list(super().index(value, **kwargs))
        if given is not None and given.text == value and self.format.field_boost == 1.0:
            return given.terms
        positions = _token_positions(value)
        boost = self.format.field_boost
        # fewer characters than 65,536 means fewer tokens: every position fits the narrow array unchecked,
        # and on a little-endian machine the array's bytes are `_CompactPositions.encode`'s
        if len(value) <= 0xFFFF and not _BIG_ENDIAN and isinstance(self.format, _CompactPositions):
            return [(word.encode(), len(found), len(found) * boost, array("H", found).tobytes())
                    for word, found in positions.items()]  # fmt: skip
        encode = self.format.encode
        return [(word.encode(), len(found), len(found) * boost, encode(found)) for word, found in positions.items()]


_TEXT_FIELD = _FastText(analyzer=_text_analyzer(), phrase=True)
