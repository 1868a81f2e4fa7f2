""" "Did you mean": a corrected query when some of its words are found in no text field.

Each segment's suggestion words are saved with it (`segments.read_vocabulary`), so the
vocabulary of a new index generation is the union of per-segment sets kept in memory; the
closest index term is found with rapidfuzz's Levenshtein distance among terms of near length.
Terms are stems ("govern"), so the suggestion shows the word the archive's texts write for
that term most often ("government"), read from a few documents that hold it.
"""

from __future__ import annotations

import contextlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from itertools import chain

from whoosh.reading import IndexReader, TermNotFound

from app.search.engine.query import OPERATORS, TEXT_FIELDS, Phrase, Query, Word
from app.search.engine.segments import VOCABULARY_FIELDS, read_vocabulary, vocabulary_words
from app.search.engine.terms import TOKEN_RE, stem, term_of

WordsOf = Callable[[str], list[str]]


class Suggester:
    """Suggestions for one index; keeps the vocabulary of the latest generation and of each segment."""

    def __init__(self) -> None:
        self._vocabulary: tuple[int, dict[int, list[str]]] | None = None
        self._segment_vocabulary: dict[str, set[str]] = {}

    def suggest(self, parsed: Query, reader: IndexReader, words_of: WordsOf | None = None) -> str | None:
        """The query with words found in no text field replaced by the closest word of the archive; None if
        all are found. `words_of(term)` gives the words that stand for an index term in the archive's texts."""
        replacements: list[tuple[int, int, str]] = []
        for start, end, word in _suggestable_words(parsed):
            term = term_of(word)
            if term is None or any(c.isdigit() for c in word):
                continue
            if any(reader.doc_frequency(name, term) for name in TEXT_FIELDS):
                continue
            better = self._closest(term, word.lower(), reader, words_of)
            if better is not None:
                replacements.append((start, end, better.capitalize() if word[:1].isupper() else better))
        if not replacements:
            return None
        out = parsed.text
        for start, end, word in reversed(replacements):
            out = out[:start] + word + out[end:]
        return out

    def _closest(self, term: str, word: str, reader: IndexReader, words_of: WordsOf | None) -> str | None:
        by_length = self._words_by_length(reader)
        cutoff = 1 if len(word) <= 4 else 2 if len(word) <= 8 else 3
        # a word more than `cutoff` letters longer or shorter is further than `cutoff` edits away:
        # only words of near lengths are compared (same results, a third of the work)
        vocabulary = list(
            chain.from_iterable(by_length.get(n, ()) for n in range(len(term) - cutoff, len(term) + cutoff + 1))
        )
        vocabulary.sort()
        from rapidfuzz import process  # loaded only when a suggestion is wanted: not on every command's start
        from rapidfuzz.distance import Levenshtein

        found = process.extract(term, vocabulary, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=8)
        if not found:
            return None
        best = min(found, key=lambda f: (f[1], -sum(reader.doc_frequency(n, f[0]) for n in ("body", "title"))))
        return _archive_word(best[0], word, words_of) or _surface_form(best[0], word)

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


def _suggestable_words(parsed: Query) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) in the query text of each word worth correcting: running-text words and
    phrases, not prefixes, operators or other fields' values."""
    for leaf in parsed.leaves(negated=True):
        if not isinstance(leaf, (Word, Phrase)) or (leaf.field is not None and leaf.field not in TEXT_FIELDS):
            continue
        start, end = leaf.span
        for word in TOKEN_RE.finditer(parsed.text, start, end):
            if word.group() not in OPERATORS:
                yield word.start(), word.end(), word.group()


def _archive_word(term: str, typed: str, words_of: WordsOf | None) -> str | None:
    """The word the archive writes most often for an index term ("government" for "govern"), lower-cased;
    between equally common ones, the closest to what was typed."""
    if words_of is None:
        return None
    counts = Counter(word.lower() for word in words_of(term) if term_of(word) == term)
    if not counts:
        return None
    return min(counts, key=lambda w: (-counts[w], _distance(w, typed), w))


def _surface_form(term: str, typed: str) -> str:
    """A readable word for a stem when no text is at hand: the stem itself, or a common ending that stems
    back to it."""
    candidates = [term, term + "e", term[:-1] + "y" if term.endswith("i") else term, term + "s", term + "es",
                  term + "ed", term + "ing", term + "ion"]  # fmt: skip
    valid = [c for c in candidates if stem(c) == term]
    if not valid:
        return term
    return min(valid, key=lambda c: _distance(c, typed))


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (rapidfuzz, imported on first use)."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b)
