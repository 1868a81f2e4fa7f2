"""How text becomes index terms: tokens, accent folding, stop words, stems, and the compact positions format.

One definition serves the index, the query parser, snippets and "did you mean", and is cheap
enough for an import of thousands of reports: text fields use `_FastText`, whose `index()`
tokenises with one C-level `re.findall` and a stem cache instead of Whoosh's token-object
pipeline, yet yields exactly the terms and positions its `analyzer` (used to parse queries)
gives. An import's worker processes run the same analysis (`analyse_texts`) and the main
process hands their results to the index (`remember_analysis`).
"""

from __future__ import annotations

import re
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from whoosh import analysis, fields, formats
from whoosh.lang.porter import stem as porter_stem

from app.folding import fold

TOKEN_PATTERN = r"\w+(?:[-.]\w+)*"
"""Keeps PMN-2, OZM-72, E-001, 1.5 and www.icbl.org as one token each."""

_TOKEN_RE = re.compile(TOKEN_PATTERN)
_ASCII_TOKEN_RE = re.compile(TOKEN_PATTERN, re.ASCII)  # the same tokens in ASCII text, found faster
_LOWERS_APART = "\u0130"  # İ: the one character whose lower case ("i" + combining dot) splits a word
_STOP_WORDS = analysis.STOP_WORDS
_JOINERS = re.compile(r"[-.]")

_stem_cache: dict[str, str] = {}


def _stem(word: str) -> str:
    """Porter stem with an unbounded-but-reset cache (Whoosh's StemFilter uses the same function)."""
    stemmed = _stem_cache.get(word)
    if stemmed is None:
        if len(_stem_cache) > 300_000:
            _stem_cache.clear()
        stemmed = _stem_cache[word] = porter_stem(word)
    return stemmed


def _term_of(token: str) -> str | None:
    """The index term for one token, or None for a stop word."""
    word = fold(token.lower())
    return None if word in _STOP_WORDS else _stem(word)


def analyse(text: str) -> list[str]:
    """The index terms of `text`, as body text is indexed: for matching short texts outside the index."""
    return [term for term in map(_term_of, re.findall(TOKEN_PATTERN, text)) if term]


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

_PREANALYSED: dict[str, Analysis] = {}
_PREANALYSED_MAX = 4000


def analyse_texts(texts: Iterable[str]) -> list[tuple[str, Analysis]]:
    """Index terms of texts, computed where the CPU is free (an import's worker processes).

    The main process hands the result to `remember_analysis`; a text field whose value
    is one of these texts then skips its own analysis. Any text that differs from what
    the database later gives the index is simply analysed again, so this is only a cache.
    """
    return [(text, list(_TEXT_FIELD.index(text))) for text in texts if text]


def remember_analysis(analysed: Iterable[tuple[str, Analysis]]) -> None:
    """Keep analyses from `analyse_texts` until the texts are indexed (bounded, oldest dropped)."""
    for text, items in analysed:
        _PREANALYSED[text] = items
    excess = len(_PREANALYSED) - _PREANALYSED_MAX
    if excess > 0:
        for key in list(_PREANALYSED)[:excess]:
            _PREANALYSED.pop(key, None)  # another thread may have used it meanwhile


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
    if text.isascii():  # the common case: lowered first, and \w matched as ASCII (twice as fast)
        words = _ASCII_TOKEN_RE.findall(text.lower())
    elif _LOWERS_APART not in text:
        words = list(map(fold, _TOKEN_RE.findall(text.lower())))
    else:
        words = [fold(word.lower()) for word in _TOKEN_RE.findall(text)]
    stop = _STOP_WORDS
    lead = 0
    for word in words:
        if word not in stop:
            break
        lead += 1
    by_word: defaultdict[str, list[int]] = defaultdict(list)
    for pos, word in enumerate([word for word in words if word not in stop], lead):
        by_word[word].append(pos)
    positions: dict[str, list[int]] = {}
    unsorted: set[str] = set()

    def add(term: str, found: list[int]) -> None:
        known = positions.get(term)
        if known is None:
            positions[term] = found
        else:  # another word with the same stem (mine, mines): merged, sorted below
            known.extend(found)
            unsorted.add(term)

    for word, found in by_word.items():
        stemmed = _stem_cache.get(word)
        add(stemmed if stemmed is not None else _stem(word), found)
        if "-" in word or "." in word:
            parts = _JOINERS.split(word)
            if all(len(part) > 1 and part.isalpha() for part in parts):
                for part in parts:
                    if part not in stop:
                        add(_stem(part), list(found))
    for term in unsorted:
        positions[term].sort()
    return positions


class _FastText(fields.TEXT):
    """TEXT whose indexing skips Whoosh's per-token objects; terms equal `analyzer`'s."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if isinstance(self.format, formats.Positions):
            self.format = _CompactPositions(field_boost=self.format.field_boost)

    def index(self, value: Any, **kwargs: Any) -> list[tuple[bytes, int, float, bytes]]:
        """A list, not Whoosh's generator: cheaper for the hundreds of terms of a report."""
        if not isinstance(value, str):
            return list(super().index(value, **kwargs))
        known = _PREANALYSED.pop(value, None) if _PREANALYSED and self.format.field_boost == 1.0 else None
        if known is not None:
            return known
        positions = _token_positions(value)
        boost = self.format.field_boost
        # fewer characters than 65,536 means fewer tokens: every position fits the narrow array unchecked
        narrow = len(value) <= 0xFFFF and not _BIG_ENDIAN and isinstance(self.format, _CompactPositions)
        encode = _narrow_positions if narrow else self.format.encode
        return [(word.encode("utf-8"), len(found), len(found) * boost, encode(found))
                for word, found in positions.items()]  # fmt: skip


def _narrow_positions(found: list[int]) -> bytes:
    """`_CompactPositions.encode` of positions known to be below 65,536, on a little-endian machine."""
    return array("H", found).tobytes()


_TEXT_FIELD = _FastText(analyzer=_text_analyzer(), phrase=True)
