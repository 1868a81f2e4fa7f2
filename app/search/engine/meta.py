"""The per-document "meta" column as Python lists and numpy vectors: ranking and facet counts.

The column is read once per segment (`_SegmentMeta`, kept while the segment lives) and
merged into vectors over all global docnums (`_MetaArrays`), so counting facets over all
matches and sorting by date are vector operations, never stored-field loads.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, Literal

from whoosh.reading import IndexReader

from app.search.engine.schema import _FIELD_SEP, _TAG_SEP

SortOrder = Literal["relevance", "date"]


def _numpy() -> Any:
    """numpy, imported on first use: every search needs it, but the window paints first (`SearchIndex.warm`).

    Its BLAS thread pool is kept to one thread: the index does element-wise vector work, no linear
    algebra, and the pool's threads otherwise spin at start, 80 ms of CPU in every process."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import numpy

    return numpy


class _SegmentMeta:
    """Per-segment columns as Python lists, indexed by segment-local docnum."""

    __slots__ = ("dates", "ids", "kinds", "publishers", "tags", "years")

    def __init__(self, raw_values: Iterable[bytes]) -> None:
        self.ids: list[int] = []
        self.kinds: list[str] = []
        self.publishers: list[str] = []
        self.dates: list[str] = []
        self.years: list[str] = []
        self.tags: list[tuple[str, ...]] = []
        for raw in raw_values:
            parts = raw.decode("utf-8").split(_FIELD_SEP) if raw else []
            if len(parts) != 5:
                parts = ["-1", "", "", "", ""]
            doc_id, kind, publisher, date, tags = parts
            self.ids.append(int(doc_id))
            self.kinds.append(kind)
            self.publishers.append(publisher)
            self.dates.append(date)
            self.years.append(date[:4])
            self.tags.append(tuple(tags.split(_TAG_SEP)) if tags else ())

    def extend(self, other: _SegmentMeta) -> None:
        for name in self.__slots__:
            getattr(self, name).extend(getattr(other, name))


class _MetaArrays:
    """The merged meta columns as numpy vectors and facet codes, for vector ranking and facet counts."""

    def __init__(self, meta: _SegmentMeta) -> None:
        np = _numpy()
        self.meta = meta
        self.ids = np.asarray(meta.ids, dtype=np.int64)
        self.dates = np.asarray(meta.dates, dtype="U8")  # 'YYYYMMDD' keys, '' when undated
        self.facets: dict[str, tuple[list[str], Any]] = {
            name: _codes(values)
            for name, values in (("kind", meta.kinds), ("publisher", meta.publishers), ("year", meta.years))
        }
        tag_docs: list[int] = []
        tag_values: list[str] = []
        for docnum, tags in enumerate(meta.tags):
            for tag in tags:
                tag_docs.append(docnum)
                tag_values.append(tag)
        self.tag_docs = np.asarray(tag_docs, dtype=np.int64)
        self.tag_names, self.tag_codes = _codes(tag_values)
        self.live = np.ones(len(meta.ids), dtype=bool)
        self.generation: int | None = None

    def set_live(self, reader: IndexReader, generation: int) -> None:
        live = _numpy().ones(len(self.meta.ids), dtype=bool)
        deleted = list(_deleted(reader))
        if deleted:
            live[deleted] = False
        self.live, self.generation = live, generation


def _codes(values: list[str]) -> tuple[list[str], Any]:
    """Distinct values and each item's index among them (facets are counted with numpy.bincount)."""
    index: dict[str, int] = {}
    codes = [index.setdefault(value, len(index)) for value in values]
    return list(index), _numpy().asarray(codes, dtype=_numpy().int64)


def _ranked(matched: Any, scores: Any, arrays: _MetaArrays, sort: SortOrder, limit: int) -> list[tuple[int, float]]:
    """The best `limit` (docnum, score) pairs: by score, ties by docnum; or newest first, undated last."""
    np = _numpy()
    if limit <= 0 or not len(matched):
        return []
    if sort == "date":
        order = np.lexsort((arrays.ids[matched], arrays.dates[matched]))[::-1][:limit]
        chosen = matched[order]
    else:
        chosen_scores = scores[matched]
        if len(matched) > limit:  # keep the top `limit` and every tie of the last one, then sort those
            cut = len(matched) - limit
            keep = chosen_scores >= np.partition(chosen_scores, cut)[cut]
            matched, chosen_scores = matched[keep], chosen_scores[keep]
        chosen = matched[np.lexsort((matched, -chosen_scores))[:limit]]
    return list(zip(chosen.tolist(), scores[chosen].tolist(), strict=True))


def _facets(arrays: _MetaArrays, mask: Any, matched: Any) -> dict[str, dict[str, int]]:
    """Counts over all matches by kind, publisher, year and tag."""
    np = _numpy()
    out: dict[str, dict[str, int]] = {}
    for name, (names, codes) in arrays.facets.items():
        out[name] = _ordered(zip(names, np.bincount(codes[matched], minlength=len(names)).tolist(), strict=True))
    tagged = arrays.tag_codes[mask[arrays.tag_docs]] if len(arrays.tag_docs) else arrays.tag_codes
    counts = np.bincount(tagged, minlength=len(arrays.tag_names)).tolist()
    out["tag"] = _ordered(zip(arrays.tag_names, counts, strict=True))
    return out


def _deleted(reader: IndexReader) -> set[int]:
    """Global docnums of deleted documents (MultiReader.all_doc_ids asks per document: slow)."""
    if not reader.doc_count_all() or not reader.has_deletions():
        return set()
    out: set[int] = set()
    for leaf, offset in reader.leaf_readers():
        if leaf.has_deletions():
            out.update(d + offset for d in leaf.deleted_docs_set)
    return out


def _ordered(counts: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Most frequent first, empty values (no publisher, undated) left out."""
    return {k: v for k, v in sorted(counts, key=lambda kv: (-kv[1], kv[0])) if k and v > 0}
