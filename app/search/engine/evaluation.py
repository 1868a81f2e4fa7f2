"""Evaluating a parsed query over the whole index with numpy: matches, BM25 scores, phrases.

Whoosh's own matchers advance one posting at a time in Python; here each (segment,
field, term) posting list is read block by block once (`whoosh_internals.drain_matcher`),
kept in a bounded cache across searches, and turned into vectors as long as the index.
"""

from __future__ import annotations

import math
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator
from itertools import chain
from typing import Any

from whoosh import formats
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher

from app.search.engine.analysis import _CompactPositions
from app.search.engine.meta import _MetaArrays, _numpy
from app.search.engine.query import (
    TEXT_FIELDS,
    TITLE_BOOST,
    And,
    AndMaybe,
    DateRange,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Wanted,
    Word,
)
from app.search.engine.whoosh_internals import drain_matcher

_Postings = tuple["array[int]", "array[float]", list[bytes] | None]  # ids, weights, positions (if read)
_Match = tuple[Any, Any]  # numpy (mask, scores) over global docnums; scores are 0 outside the mask


_K1 = 1.2
_B = 0.75


class _Evaluator:
    """Evaluates a parsed query to (mask, scores) over all global docnums, one search at a time.

    Whoosh's own matchers advance one posting at a time in Python and unpickle
    positions for every block; here each (field, term) posting list is read
    block by block once, memoised, and turned into two numpy vectors as long as
    the index: a boolean mask of the matching documents and their BM25 scores
    (0 outside the mask). AND, OR and NOT are then vector operations, and the
    total, the ranking and the facets cover all matches at little extra cost.
    """

    def __init__(self, searcher: Searcher, arrays: _MetaArrays, lengths: Callable[[str], Any],
                 cache: _PostingCache) -> None:  # fmt: skip
        self.np = _numpy()
        self.searcher = searcher
        self._arrays = arrays
        self._cache = cache
        self.reader = searcher.reader()
        self.size = self.reader.doc_count_all()
        self.doc_count = max(1, self.size)
        self.leaves = self.reader.leaf_readers() if self.size else []
        self._lengths = lengths
        self.scores: dict[tuple[str, str], _Match] = {}
        self._values: dict[tuple[str, str], tuple[list[int], list[bytes]]] = {}

    def matches(self, root: Node | None) -> _Match:
        """The live documents matching the query tree, with their scores."""
        mask, score = self.run(root) if root is not None else self._none()
        return mask & self._arrays.live, score

    def _none(self) -> _Match:
        np = self.np
        return np.zeros(self.size, dtype=bool), np.zeros(self.size)

    def run(self, node: Node) -> _Match:
        if isinstance(node, (Word, Phrase, Prefix)):
            names = TEXT_FIELDS if node.field is None else (node.field,)
            boosts = [TITLE_BOOST if node.field is None and name == "title" else 1.0 for name in names]
            return self._any([self._leaf(node, name, boost) for name, boost in zip(names, boosts, strict=True)])
        if isinstance(node, Or):
            return self._any([self.run(c) for c in node.children])
        if isinstance(node, And):
            positive = [c for c in node.children if not isinstance(c, Not)]
            negative = [c.child for c in node.children if isinstance(c, Not)]
            return self._and([self.run(c) for c in positive], [self.run(c) for c in negative])
        if isinstance(node, Not):
            return self._and([], [self.run(node.child)])
        if isinstance(node, AndMaybe):
            (mask, score), (_optional_mask, optional) = self.run(node.required), self.run(node.optional)
            return mask, score + optional * mask
        return self._date_range(node)

    def _leaf(self, node: Word | Phrase | Prefix, fieldname: str, boost: float) -> _Match:
        """One leaf in one field: a word's terms all present, a phrase in order, or any term of a prefix."""
        if isinstance(node, Prefix):
            mask = self.np.zeros(self.size, dtype=bool)
            for text in self.reader.expand_prefix(fieldname, node.term):
                mask |= self.constant(fieldname, _as_text(text), boost)[0]
            return mask, mask * boost
        if isinstance(node, Phrase) and len(node.terms) > 1:
            return self.phrase(fieldname, node.terms, boost)
        return self._and([self.term(fieldname, text, boost) for text in node.terms], [])

    def _any(self, parts: list[_Match]) -> _Match:
        if not parts:
            return self._none()
        mask, score = parts[0]
        for part_mask, part_score in parts[1:]:
            mask, score = mask | part_mask, score + part_score
        return mask, score

    def _and(self, positive: list[_Match], negative: list[_Match]) -> _Match:
        if positive:
            mask, score = positive[0]
            for part_mask, part_score in positive[1:]:
                mask, score = mask & part_mask, score + part_score
        else:
            mask, score = self._arrays.live, self.np.zeros(self.size)
        for part_mask, _part_score in negative:
            mask = mask & ~part_mask
        return mask, score * mask

    def term(self, fieldname: str, text: str, boost: float) -> _Match:
        key = (fieldname, text)
        found = self.scores.get(key)
        if found is None:
            ids, weights = self._posting_arrays(fieldname, text)
            mask, score = self._none()
            mask[ids] = True
            score[ids] = self._bm25(fieldname, ids, weights)
            found = self.scores[key] = (mask, score)
        return found if boost == 1.0 else (found[0], found[1] * boost)

    def constant(self, fieldname: str, text: str, boost: float) -> _Match:
        """Documents holding the term, all scored `boost` (prefix expansions: no BM25 work)."""
        key = (fieldname, text)
        found = self.scores.get(key)
        if found is None:
            ids, _weights = self._posting_arrays(fieldname, text)
            mask = self.np.zeros(self.size, dtype=bool)
            mask[ids] = True
            found = self.scores[key] = (mask, mask * boost)
        return found

    def _date_range(self, node: DateRange) -> _Match:
        """Date ranges from the cached date column: one vector comparison, however many dates match."""
        low, high = node.low or "", node.high or "\uffff"
        dates = self._arrays.dates
        mask = (dates != "") & (dates >= low) & (dates <= high)
        if node.low_excluded:
            mask &= dates != low
        if node.high_excluded:
            mask &= dates != high
        return mask, mask * 1.0

    def _bm25(self, fieldname: str, ids: Any, weights: Any) -> Any:
        df = len(ids)
        if not df:
            return weights
        idf = math.log(1.0 + (self.doc_count - df + 0.5) / (df + 0.5))
        lengths = self._lengths(fieldname)
        avg = max(1.0, self.reader.field_length(fieldname) / self.doc_count)
        k_short = _K1 * (1 - _B)
        k_len = _K1 * _B / avg
        top = idf * (_K1 + 1)
        return top * weights / (weights + k_short + k_len * lengths[ids])

    def phrase(self, fieldname: str, words: tuple[str, ...], boost: float) -> _Match:
        """Documents holding the words at consecutive positions (stop words take no position).

        All postings' positions of each word become one sorted numpy array of
        (docnum << 32 | position) keys; shifting word k's keys back by k and
        intersecting the arrays leaves the phrase's starts, whatever the number of
        documents. A check per document in Python (~10 µs each) would take half a
        second for a phrase common to 14,000 reports.
        """
        np = self.np
        parts = [self.term(fieldname, w, 1.0) for w in words]
        if not parts:
            return self._none()
        mask = parts[0][0]
        for part_mask, _score in parts[1:]:
            mask = mask & part_mask
        if len(words) > 1 and mask.any():
            fmt = self.searcher.schema[fieldname].format
            counts = [int(part_mask.sum()) for part_mask, _score in parts]
            found = None
            for offset, word in sorted(enumerate(words), key=lambda ow: counts[ow[0]]):
                ids, values = self._positions(fieldname, word)
                shifted = _position_keys(fmt, ids, values) - offset
                found = shifted if found is None else _intersect_sorted(found, shifted)
                if not len(found):
                    break
            mask = np.zeros(self.size, dtype=bool)
            if found is not None and len(found):
                mask[found >> 32] = True  # a document with several starts is set again: same mask
        score = parts[0][1]
        for _mask, part_score in parts[1:]:
            score = score + part_score
        return mask, score * mask * boost

    def _positions(self, fieldname: str, text: str) -> tuple[list[int], list[bytes]]:
        """A term's docnums and encoded positions, as parallel lists (memoised for the query)."""
        key = (fieldname, text)
        found = self._values.get(key)
        if found is None:
            ids, _weights, values = self._postings(fieldname, text, values=True)
            found = self._values[key] = (ids, values)
        return found

    def _posting_arrays(self, fieldname: str, text: str) -> tuple[Any, Any]:
        """A term's global docnums (int64) and weights (float64) as numpy arrays."""
        np = self.np
        ids_parts: list[Any] = []
        weight_parts: list[Any] = []
        for (seg_ids, seg_weights, _values), offset in self._segment_postings(fieldname, text, values=False):
            if len(seg_ids):
                ids_parts.append(np.frombuffer(seg_ids, dtype=np.intc).astype(np.int64) + offset)
                weight_parts.append(np.frombuffer(seg_weights, dtype=np.float32).astype(np.float64))
        if not ids_parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        if len(ids_parts) == 1:
            return ids_parts[0], weight_parts[0]
        return np.concatenate(ids_parts), np.concatenate(weight_parts)

    def _postings(self, fieldname: str, text: str, *, values: bool) -> tuple[list[int], list[float], list[bytes]]:
        """All postings of a term as parallel lists of global docnums (deleted ones too: `matches` drops them)."""
        ids: list[int] = []
        weights: list[float] = []
        vals: list[bytes] = []
        for cached, offset in self._segment_postings(fieldname, text, values=values):
            ids.extend(map(offset.__add__, cached[0]) if offset else cached[0])
            weights.extend(cached[1])
            if values and cached[2] is not None:
                vals.extend(cached[2])
        return ids, weights, vals

    def _segment_postings(self, fieldname: str, text: str, *, values: bool) -> Iterator[tuple[_Postings, int]]:
        """Each segment's postings of a term (read once, then from the cache) with its docnum offset."""
        for leaf, offset in self.leaves:
            key = (leaf.segment().segment_id(), fieldname, text)
            cached = self._cache.get(key)
            if cached is None or (values and cached[2] is None):
                seg_ids: list[int] = []
                seg_weights: list[float] = []
                seg_values: list[bytes] | None = [] if values else None
                try:
                    matcher = leaf.postings(fieldname, text)
                except TermNotFound:
                    matcher = None
                if matcher is not None:
                    drain_matcher(matcher, seg_ids, seg_weights, seg_values)
                cached = (array("i", seg_ids), array("f", seg_weights), seg_values)
                self._cache.put(key, cached)
            yield cached, offset


def _position_keys(fmt: formats.Format, ids: list[int], values: list[bytes]) -> Any:
    """Sorted int64 keys docnum << 32 | position for every position of a term's postings.

    `ids` ascend and positions ascend within a posting, so the keys come out sorted.
    Compact positions (all uint16, the usual case) are joined and read in one numpy call.
    """
    np = _numpy()
    if isinstance(fmt, _CompactPositions):
        lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
        if not (lengths & 1).any():
            positions = np.frombuffer(b"".join(values), dtype="<u2").astype(np.int64)
            docs = np.repeat(np.asarray(ids, dtype=np.int64), lengths >> 1)
            return (docs << 32) | positions
    decoded = [fmt.decode_positions(v) for v in values]  # a very long document, or another format
    positions = np.fromiter(chain.from_iterable(decoded), dtype=np.int64)
    docs = np.repeat(np.asarray(ids, dtype=np.int64), [len(p) for p in decoded])
    return (docs << 32) | positions


def _intersect_sorted(a: Any, b: Any) -> Any:
    """Values present in both sorted arrays: binary search of the smaller in the larger."""
    np = _numpy()
    if len(a) > len(b):
        a, b = b, a
    if not len(a):
        return a
    at = np.searchsorted(b, a)
    at[at == len(b)] = 0
    return a[b[at] == a]


class _PostingCache:
    """Raw posting lists per (segment, field, term), bounded by total postings; segments never change."""

    def __init__(self, max_postings: int = 2_000_000) -> None:
        self._items: OrderedDict[tuple[str, str, str], _Postings] = OrderedDict()
        self._size = 0
        self._max = max_postings

    def get(self, key: tuple[str, str, str]) -> _Postings | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key: tuple[str, str, str], value: _Postings) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self._size -= _cost(old)
        self._items[key] = value
        self._size += _cost(value)
        while self._size > self._max and len(self._items) > 1:
            _key, dropped = self._items.popitem(last=False)
            self._size -= _cost(dropped)

    def keep_segments(self, segment_ids: set[str]) -> None:
        for key in [k for k in self._items if k[0] not in segment_ids]:
            self._size -= _cost(self._items.pop(key))


def _cost(postings: _Postings) -> int:
    """Cache cost in postings; a position value weighs like four (a bytes object vs an array slot)."""
    return len(postings[0]) * (5 if postings[2] is not None else 1)


def _field_matches(evaluator: _Evaluator, docnum: int, fieldname: str, wanted: Wanted) -> bool:
    """Whether a wanted term of this field matched the document (from the evaluator's memo)."""
    terms, prefixes = wanted.for_field(fieldname)
    for (name, text), (mask, _scores) in evaluator.scores.items():
        if name == fieldname and mask[docnum] and (text in terms or (prefixes and text.startswith(prefixes))):
            return True
    return False


def _as_text(value: str | bytes) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value
