"""Writing and merging Whoosh segments in bulk, instead of Whoosh's SegmentWriter.

Whoosh's SegmentWriter sends every posting through a sorting pool of Python tuples,
then looks each document's field length up again while writing, and merges segments
the same way; at 20,000 reports that would be most of an import's time. Here a batch's
postings are collected per term in memory (documents arrive in docnum order, so lists
stay sorted) and written block by block into Whoosh's W3 postings writer, and merges
stream term by term, copying postings with docnums shifted. The files are ordinary W3
segments: the TOC, readers, deletions and locking stay Whoosh's. The block-level reads
and writes use Whoosh's private internals and live in `whoosh_internals`.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import Any

from whoosh import fields
from whoosh.codec.base import Segment
from whoosh.codec.whoosh3 import W3Codec, W3TermInfo
from whoosh.filedb.filestore import Storage
from whoosh.reading import SegmentReader

from app.search.engine.analysis import DocumentAnalysis, _FastText
from app.search.engine.whoosh_internals import read_lengths, read_term_postings, segment_terms, write_term

VOCABULARY_EXT = ".vcb"  # a segment's "did you mean" words; Whoosh deletes it with the segment
VOCABULARY_FIELDS = ("title", "body", "footnotes")
MERGE_FACTOR = 8  # segments of one size tier merged together
MAX_DELETED = 0.3  # a segment with more deleted documents than this is rewritten when merging

_Posting = tuple[list[int], list[tuple[bytes, int, float, bytes]]]
"""A term's documents, and the (term, frequency, weight, value) item each document's analysis gave it."""
_FREQUENCY, _WEIGHT, _VALUE = itemgetter(1), itemgetter(2), itemgetter(3)


class SegmentBuilder:
    """Collects documents (as Whoosh field dicts) and writes them as one new segment."""

    def __init__(self, schema: fields.Schema) -> None:
        self.schema = schema
        self._postings: dict[str, dict[bytes, _Posting]] = {}
        self._lengths: dict[str, list[int]] = {n: [] for n in schema.scorable_names()}
        self._docs: list[tuple[dict[str, Any], dict[str, Any]]] = []  # (stored, columns)

    def __len__(self) -> int:
        return len(self._docs)

    def add(self, values: dict[str, Any], analysed: DocumentAnalysis | None = None) -> None:
        """Analyse one document, as `SegmentWriter.add_document` would (no boosts, no vectors).

        A text field uses its `analysed` terms when they were computed from the same text. Each
        posting keeps its analysis item whole (split into weights and values when written): two
        appends per posting instead of three and an unpacking.
        """
        docnum = len(self._docs)
        schema = self.schema
        stored: dict[str, Any] = {}
        columns: dict[str, Any] = {}
        for name, value in values.items():
            if value is None:
                continue
            field = schema[name]
            if field.indexed:
                per_field = self._postings.setdefault(name, {})
                given = analysed.get(name) if analysed and isinstance(field, _FastText) else None
                items = field.index(value) if given is None else field.index(value, given=given)
                if not isinstance(items, list):  # Whoosh's own fields give a generator
                    items = list(items)
                for item in items:
                    posting = per_field.get(item[0])
                    if posting is None:
                        per_field[item[0]] = ([docnum], [item])
                    else:
                        posting[0].append(docnum)
                        posting[1].append(item)
                if field.scorable:
                    self._lengths[name].append(sum(map(_FREQUENCY, items)))
            if field.stored:
                stored[name] = value
            if field.column_type is not None:
                columns[name] = field.to_column_value(value)
        for lengths in self._lengths.values():
            if len(lengths) == docnum:  # field absent from this document
                lengths.append(0)
        self._docs.append((stored, columns))

    def write(self, codec: W3Codec, storage: Storage, indexname: str) -> Segment:
        """Write the collected documents as a new segment (not yet in any TOC)."""
        segment = codec.new_segment(storage, indexname)
        perdoc = codec.per_document_writer(storage, segment)
        scorable = list(self._lengths.items())
        for docnum, (stored, columns) in enumerate(self._docs):
            perdoc.start_doc(docnum)
            for name, lengths in scorable:
                if lengths[docnum] or name in stored:
                    perdoc.add_field(name, self.schema[name], stored.get(name), lengths[docnum])
            for name, value in stored.items():
                if name not in self._lengths:
                    perdoc.add_field(name, self.schema[name], value, 0)
            for name, value in columns.items():
                perdoc.add_column_value(name, self.schema[name].column_type, value)
            perdoc.finish_doc()
        perdoc.close()
        writer = codec.field_writer(storage, segment)
        for name in sorted(self._postings):
            terms = self._postings[name]
            writer.start_field(name, self.schema[name])
            lengths = self._lengths.get(name)
            for btext in sorted(terms):
                ids, items = terms[btext]
                write_term(writer, btext, ids, list(map(_WEIGHT, items)), list(map(_VALUE, items)), lengths)
            writer.finish_field()
        writer.close()
        _write_vocabulary(storage, segment, (t for n in VOCABULARY_FIELDS for t in self._postings.get(n, ())))
        segment.set_doc_count(len(self._docs))
        return segment


def vocabulary_words(terms: Iterable[bytes]) -> set[str]:
    """The indexed words worth suggesting: alphabetic, three letters or more."""
    return {t for t in (b.decode("utf-8") for b in terms) if len(t) > 2 and t.isalpha()}


def _write_vocabulary(storage: Storage, segment: Segment, terms: Iterable[bytes]) -> None:
    """Save the segment's suggestion words, so "did you mean" needs no walk over its term table."""
    with segment.create_file(storage, VOCABULARY_EXT) as out:
        out.write("\n".join(sorted(vocabulary_words(terms))).encode("utf-8"))


def read_vocabulary(storage: Storage, segment: Segment) -> set[str] | None:
    """The words saved by `_write_vocabulary`, or None for a segment written without them."""
    name = segment.make_filename(VOCABULARY_EXT)
    if not storage.file_exists(name):
        return None
    with storage.open_file(name) as data:
        text = data.read().decode("utf-8")
    return set(text.split("\n")) if text else set()


# -------------------------------------------------------------------- merging


def plan_merge(segments: list[Segment]) -> list[Segment]:
    """Segments worth merging now: a full size tier, plus emptied or mostly-deleted ones."""
    tiers: dict[int, list[Segment]] = {}
    chosen: list[Segment] = []
    for seg in segments:
        live = seg.doc_count()
        if live == 0 or seg.deleted_count() > MAX_DELETED * seg.doc_count_all():
            chosen.append(seg)
            continue
        tiers.setdefault(int(math.log(live, MERGE_FACTOR)), []).append(seg)
    carried = sum(s.doc_count() for s in chosen)
    for tier in sorted(tiers):
        group = tiers[tier]
        if len(group) >= MERGE_FACTOR or (carried and len(group) + 1 >= MERGE_FACTOR):
            chosen.extend(group)
            carried += sum(s.doc_count() for s in group)
        elif carried:
            break
    return chosen if len(chosen) > 1 or any(s.doc_count() < s.doc_count_all() for s in chosen) else []


def merge(schema: fields.Schema, codec: W3Codec, storage: Storage, indexname: str,
          segments: list[Segment]) -> Segment | None:  # fmt: skip
    """Write the live documents of `segments` as one new segment; None if none is left."""
    readers = [SegmentReader(storage, schema, seg) for seg in segments]
    try:
        docmaps: list[list[int]] = []
        total = 0
        for reader in readers:
            deleted = reader.deleted_docs_set if reader.has_deletions() else frozenset()
            docmap = []
            for docnum in range(reader.doc_count_all()):
                if docnum in deleted:
                    docmap.append(-1)
                else:
                    docmap.append(total)
                    total += 1
            docmaps.append(docmap)
        if total == 0:
            return None
        segment = codec.new_segment(storage, indexname)
        lengths = _copy_documents(schema, codec, storage, segment, readers, docmaps)
        writer = codec.field_writer(storage, segment)
        current: str | None = None
        vocabulary: list[bytes] = []
        for (name, btext), parts in _merged_terms(readers):
            if name != current:
                if current is not None:
                    writer.finish_field()
                writer.start_field(name, schema[name])
                current = name
            ids: list[int] = []
            weights: list[float] = []
            values: list[bytes] = []
            for index, terminfo in parts:
                _read_postings(readers[index], name, terminfo, docmaps[index], ids, weights, values)
            if ids:
                write_term(writer, btext, ids, weights, values, lengths.get(name))
                if name in VOCABULARY_FIELDS:
                    vocabulary.append(btext)
        if current is not None:
            writer.finish_field()
        writer.close()
        _write_vocabulary(storage, segment, vocabulary)
        segment.set_doc_count(total)
        return segment
    finally:
        for reader in readers:
            reader.close()


def _copy_documents(schema: fields.Schema, codec: W3Codec, storage: Storage, segment: Segment,
                    readers: list[SegmentReader], docmaps: list[list[int]]) -> dict[str, list[int]]:  # fmt: skip
    """Stored fields, field lengths and columns of the live documents; returns the new lengths."""
    perdoc = codec.per_document_writer(storage, segment)
    scorable = list(schema.scorable_names())
    column_fields = [(n, schema[n].column_type) for n in schema.names() if schema[n].column_type is not None]
    lengths: dict[str, list[int]] = {n: [] for n in scorable}
    docnum = 0
    for reader, docmap in zip(readers, docmaps, strict=True):
        old_lengths = {n: read_lengths(reader, n) for n in scorable}
        cols = {n: reader.column_reader(n, column, translate=False) for n, column in column_fields
                if reader.has_column(n)}  # fmt: skip
        for old, new in enumerate(docmap):
            if new < 0:
                continue
            stored = reader.stored_fields(old)
            perdoc.start_doc(docnum)
            for name in scorable:
                length = old_lengths[name][old]
                lengths[name].append(length)
                if length or name in stored:
                    perdoc.add_field(name, schema[name], stored.get(name), length)
            for name, value in stored.items():
                if name not in lengths and name in schema:
                    perdoc.add_field(name, schema[name], value, 0)
            for name, column in column_fields:
                if name in cols:
                    perdoc.add_column_value(name, column, cols[name][old])
            perdoc.finish_doc()
            docnum += 1
    perdoc.close()
    return lengths


def _merged_terms(readers: list[SegmentReader]) -> Iterator[tuple[tuple[str, bytes], list[tuple[int, W3TermInfo]]]]:
    """Every (field, term) of the segments in sorted order, with each segment's term info."""
    streams = [_terms_of(i, reader) for i, reader in enumerate(readers)]
    key: tuple[str, bytes] | None = None
    parts: list[tuple[int, W3TermInfo]] = []
    for term, index, info in heapq.merge(*streams, key=lambda item: item[0]):
        if term != key:
            if key is not None:
                yield key, parts
            key, parts = term, []
        parts.append((index, info))
    if key is not None:
        yield key, parts


def _terms_of(index: int, reader: SegmentReader) -> Iterable[tuple[tuple[str, bytes], int, W3TermInfo]]:
    return ((term, index, info) for term, info in segment_terms(reader))


def _read_postings(reader: SegmentReader, name: str, terminfo: W3TermInfo, docmap: list[int],
                   ids: list[int], weights: list[float], values: list[bytes]) -> None:  # fmt: skip
    """Append one segment's postings of a term, docnums mapped (deleted documents dropped)."""
    seg_ids: list[int] = []
    seg_weights: list[float] = []
    seg_values: list[bytes] = []
    read_term_postings(reader, name, terminfo, seg_ids, seg_weights, seg_values)
    mapped = list(map(docmap.__getitem__, seg_ids))
    if -1 not in mapped:
        ids.extend(mapped)
        weights.extend(seg_weights)
        values.extend(seg_values)
        return
    for new, weight, value in zip(mapped, seg_weights, seg_values, strict=True):
        if new >= 0:
            ids.append(new)
            weights.append(weight)
            values.append(value)
