""""Did you mean": a corrected query when some of its words are found in no text field.

Each segment's suggestion words are saved with it (`segments.read_vocabulary`), so the
vocabulary of a new index generation is the union of per-segment sets kept in memory; the
closest word is found with rapidfuzz's Levenshtein distance among words of near length,
and shown in a readable form (`_surface_form`) rather than as a stem.
"""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import chain

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from whoosh.reading import IndexReader, TermNotFound

from app.search_index.analysis import _TOKEN_RE, _stem, _term_of
from app.search_index.query import _LEX_RE, _OPERATORS
from app.search_index.schema import TEXT_FIELDS
from app.search_index.segments import VOCABULARY_FIELDS, read_vocabulary, vocabulary_words


class Suggester:
    """Suggestions for one index; keeps the vocabulary of the latest generation and of each segment."""

    def __init__(self) -> None:
        self._vocabulary: tuple[int, dict[int, list[str]]] | None = None
        self._segment_vocabulary: dict[str, set[str]] = {}

    def suggest(self, raw: str, reader: IndexReader) -> str | None:
        """Replace words found in no text field by the closest indexed word; None if all are found."""
        source = raw
        replacements: list[tuple[int, int, str]] = []
        for match in _suggestable_words(source):
            word = match.group()
            term = _term_of(word)
            if term is None or any(c.isdigit() for c in word):
                continue
            if any(reader.doc_frequency(name, term) for name in TEXT_FIELDS):
                continue
            better = self._closest(term, word.lower(), reader)
            if better is not None:
                replacements.append((match.start(), match.end(), better))
        if not replacements:
            return None
        out = source
        for start, end, word in reversed(replacements):
            out = out[:start] + word + out[end:]
        return out

    def _closest(self, term: str, word: str, reader: IndexReader) -> str | None:
        by_length = self._words_by_length(reader)
        cutoff = 1 if len(word) <= 4 else 2 if len(word) <= 8 else 3
        # a word more than `cutoff` letters longer or shorter is further than `cutoff` edits away:
        # only words of near lengths are compared (same results, a third of the work)
        vocabulary = list(chain.from_iterable(by_length.get(n, ()) for n in range(len(term) - cutoff,
                                                                                   len(term) + cutoff + 1)))
        vocabulary.sort()
        found = process.extract(term, vocabulary, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=8)
        if not found:
            return None
        best = min(found, key=lambda f: (f[1], -sum(reader.doc_frequency(n, f[0]) for n in ("body", "title"))))
        return _surface_form(best[0], word)

    def _words_by_length(self, reader: IndexReader) -> dict[int, list[str]]:
        """The suggestion words of all segments, sorted, by length (kept per index generation)."""
        generation = reader.generation()
        if self._vocabulary is None or self._vocabulary[0] != generation:
            words: set[str] = set()
            per_segment: dict[str, set[str]] = {}
            for leaf, _offset in reader.leaf_readers() if reader.doc_count_all() else []:
                seg_id = leaf.segment().segment_id()
                found = self._segment_vocabulary.get(seg_id)
                if found is None:
                    found = read_vocabulary(leaf.storage(), leaf.segment())
                if found is None:  # a segment without a word file (written by Whoosh's own writer): walk its terms
                    found = set()
                    for name in VOCABULARY_FIELDS:
                        with contextlib.suppress(TermNotFound):
                            found |= vocabulary_words(leaf.lexicon(name))
                per_segment[seg_id] = found
                words |= found
            self._segment_vocabulary = per_segment
            by_length: dict[int, list[str]] = defaultdict(list)
            for word in sorted(words):
                by_length[len(word)].append(word)
            self._vocabulary = (generation, dict(by_length))
        return self._vocabulary[1]


def _suggestable_words(source: str) -> Iterator[re.Match[str]]:
    """Words of the query worth correcting: not operators, field names, phrases' quotes or prefixes."""
    for match in _LEX_RE.finditer(source):
        if match.lastgroup not in ("word", "phrase"):
            continue
        if match.lastgroup == "word" and (match.group() in _OPERATORS or match.group().endswith("*")):
            continue
        before = source[: match.start()]
        field_match = re.search(r"([A-Za-z_]\w*):$", before)
        if field_match and field_match.group(1).lower() not in TEXT_FIELDS:
            continue
        for word in _TOKEN_RE.finditer(match.group()):
            if word.group() not in _OPERATORS:
                yield _Shifted(word, match.start())


class _Shifted:
    """A word match re-based onto the whole query string."""

    def __init__(self, inner: re.Match[str], offset: int) -> None:
        self._inner, self._offset = inner, offset

    def group(self) -> str:
        return self._inner.group()

    def start(self) -> int:
        return self._inner.start() + self._offset

    def end(self) -> int:
        return self._inner.end() + self._offset


def _surface_form(term: str, typed: str) -> str:
    """A readable word for a stem: the stem itself, or a common ending that stems back to it."""
    candidates = [term, term + "e", term[:-1] + "y" if term.endswith("i") else term, term + "s", term + "es",
                  term + "ed", term + "ing", term + "ion"]  # fmt: skip
    valid = [c for c in candidates if _stem(c) == term]
    if not valid:
        return term
    return min(valid, key=lambda c: Levenshtein.distance(c, typed))
