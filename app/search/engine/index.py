"""`SearchIndex`: the one object callers use to open, fill and search an archive's index.

It composes the other modules: `storage` (files, checks, batches, locks), `query`
(reading what was typed), `evaluation` (matching and BM25 over numpy vectors), `meta`
(facets, date order), `snippets` and `suggestions`. It keeps what searches reuse (one
searcher, per-segment columns, field lengths, posting lists) and drops it when the
segments change; a lock makes it safe to share between the UI and background threads.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Literal

from whoosh import index
from whoosh.reading import IndexReader, TermNotFound
from whoosh.searching import Searcher
from whoosh.writing import LockError, SegmentWriter

from app.search.engine.evaluation import _Evaluator, _field_matches, _PostingCache
from app.search.engine.meta import SortOrder, _facets, _MetaArrays, _numpy, _ranked, _SegmentMeta
from app.search.engine.query import TEXT_FIELDS, Query, TextMatch, Wanted, parse_query
from app.search.engine.schema import INDEX_NAME, IndexDoc, _codec, _key_to_iso
from app.search.engine.snippets import snippets
from app.search.engine.spans import matched_tokens
from app.search.engine.storage import (
    PID_FILE,
    IndexLockedError,
    IndexUnusableError,
    IndexWriter,
    _clear_stale_lock,
    _commit,
    _recreate,
    _release_pid,
    _write_meta,
    checked_open,
)
from app.search.engine.suggestions import Suggester, WordsOf
from app.search.engine.whoosh_internals import column_values, read_lengths
from app.search.notices import Notice, joined

log = logging.getLogger(__name__)

TextFor = Callable[[int], tuple[str, str]]
"""A document's (body, footnotes) from the database, by id: snippets need the text the index does not store."""
TextsFor = Callable[[list[int]], dict[int, tuple[str, str]]]
"""The same for several documents at once (one database round trip for a page of hits)."""

MAX_SNIPPETS = 3
_WORD_SAMPLE_DOCS = 3  # documents read to find the word a suggested term stands for
REBUILDING_NOTICE = Notice("rebuilding")


@dataclass(slots=True)
class Hit:
    id: int
    title: str
    date: str | None
    score: float
    snippets: list[str] = field(default_factory=list)  # HTML, matches in <b>…</b>
    matched_in: list[str] = field(default_factory=list)  # among title, body, footnotes, notes
    kind: str = ""
    publisher: str = ""
    annotation_ids: list[int] = field(default_factory=list)  # annotations whose note or tags matched (search.service)


@dataclass(slots=True)
class SearchResult:
    query: str
    notice: str | None  # told to the user: how a malformed query was searched (a `Notice`, which ui/ translates)
    suggestion: str | None  # a corrected full query ("did you mean"), or None
    total: int  # all matches, not only `hits`
    hits: list[Hit]
    facets: dict[str, dict[str, int]]  # kind/publisher/year/tag -> value -> count over all matches
    match_ids: frozenset[int] = frozenset()  # every matching document, e.g. to filter the library


class SearchIndex:
    """One archive's Whoosh index: open/recreate, batch writes, searches with one kept searcher."""

    def __init__(self, path: Path, ix: index.Index, *, needs_rebuild: bool, reason: str | None,
                 lock_timeout: float) -> None:  # fmt: skip
        self.path = path
        self.needs_rebuild = needs_rebuild
        self.rebuild_reason = reason
        self.lock_timeout = lock_timeout
        self._ix = ix
        self._lock = threading.RLock()
        self._searcher: Searcher = ix.searcher()
        self._segment_meta: dict[str, _SegmentMeta] = {}
        self._meta_key: tuple[str, ...] = ()
        self._meta: _SegmentMeta = _SegmentMeta(())
        self._suggester = Suggester()
        self._lengths: dict[str, list[int]] = {}
        self._segment_lengths: dict[tuple[str, str], list[int]] = {}
        self._cache = _PostingCache()
        self._np_lengths: dict[str, Any] = {}
        self._arrays: _MetaArrays | None = None
        # "ok", or "needs-rebuild"/"rebuilding": recorded so an unfinished rebuild is redone on open
        self._state = "needs-rebuild" if needs_rebuild else "ok"

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(cls, path: Path, *, lock_timeout: float = 10.0, recreate: bool = True) -> SearchIndex:
        """Open the index in `path`, recreating it empty (needs_rebuild=True) if unusable.

        Without `recreate` an unusable index raises IndexUnusableError instead: a helper process
        (an import's index process) must not empty the index the app is searching. With a Whoosh
        other than the tested one it raises `whoosh_internals.WhooshVersionError` and leaves the index.
        """
        path.mkdir(parents=True, exist_ok=True)
        reason, ix = checked_open(path)
        if reason is not None:
            if not recreate:
                raise IndexUnusableError(f"the search index needs a rebuild: {reason}")
            ix = _recreate(path)
        result = cls(path, ix, needs_rebuild=reason is not None, reason=reason, lock_timeout=lock_timeout)
        _write_meta(path, ix, state=result._state)
        return result

    def close(self) -> None:
        with self._lock:
            self._searcher.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- writing

    @contextlib.contextmanager
    def writer(self, *, merge: bool = False) -> Iterator[IndexWriter]:
        """A batch: one Whoosh writer and one commit; cancelled if the block raises."""
        with self._lock:
            raw = self._acquire_writer()
            batch = IndexWriter(raw, indexed=lambda: set(self._meta_for(self._fresh_searcher().reader()).ids))
            try:
                yield batch
                batch._flush()
                _commit(raw, batch._builder, "small" if merge else None)
            except BaseException:
                if not raw.is_closed:
                    raw.cancel()
                _release_pid(self.path)
                raise
            _release_pid(self.path)
            self._after_commit()

    def clear_and_rebuild(self, docs: Iterable[IndexDoc], batch: int = 1000) -> Iterator[int]:
        """Replace the whole index by `docs`, committing every `batch`; yields documents done.

        The meta file says "rebuilding" until the end, so a rebuild killed half-way
        is detected on the next open and started again.
        """
        with self._lock:
            # Wait for (or clear the stale lock of) any other writer before emptying the folder,
            # so a rebuild never deletes segments from under an import that is writing them.
            holder = self._acquire_writer()
            self._searcher.close()
            self._ix = _recreate(self.path, keep={f"{INDEX_NAME}_WRITELOCK", PID_FILE})
            holder.writelock.release()
            _release_pid(self.path)
            self._state = "rebuilding"
            self._after_commit()
        done = 0
        chunk: list[IndexDoc] = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) >= batch:
                self._add_fresh(chunk)
                done += len(chunk)
                chunk = []
                yield done
        if chunk:
            self._add_fresh(chunk)
            done += len(chunk)
        with self._lock:
            self.needs_rebuild = False
            self.rebuild_reason = None
            self._state = "ok"
            _write_meta(self.path, self._ix, state=self._state)
        yield done

    def _add_fresh(self, chunk: list[IndexDoc]) -> None:
        with self.writer(merge=True) as w:  # tiered merges as in an import: a rebuild leaves few segments
            w._fresh = True
            for doc in chunk:
                w.upsert(doc)

    def optimize(self) -> None:
        """Merge all segments into one: slow, for idle time; searches get faster."""
        with self._lock:
            self._merge("all")

    def merge_segments(self) -> None:
        """Merge only the segments of a full size tier: cheaper than optimize()."""
        with self._lock:
            self._merge("small")

    def _merge(self, how: Literal["small", "all"]) -> None:
        raw = self._acquire_writer()
        try:
            _commit(raw, None, how)
        except BaseException:
            if not raw.is_closed:
                raw.cancel()
            raise
        finally:
            _release_pid(self.path)
        self._after_commit()

    def _acquire_writer(self) -> SegmentWriter:
        kwargs = {"procs": 1, "limitmb": 128, "compound": False, "timeout": self.lock_timeout, "delay": 0.05,
                  "codec": _codec()}  # fmt: skip
        try:
            raw = self._ix.writer(**kwargs)
        except LockError:
            if not _clear_stale_lock(self.path):
                raise IndexLockedError(
                    "The search index is being written by another running Dossier; try again later."
                ) from None
            try:
                raw = self._ix.writer(**{**kwargs, "timeout": 1.0})
            except LockError:
                raise IndexLockedError("The search index is locked by another process.") from None
        (self.path / PID_FILE).write_text(str(os.getpid()), encoding="ascii")
        return raw

    def _after_commit(self) -> None:
        self._fresh_searcher()
        _write_meta(self.path, self._ix, state=self._state)

    # ---------------------------------------------------------------- reading

    def doc_count(self) -> int:
        with self._lock:
            return self._fresh_searcher().doc_count()

    def doc_ids(self) -> set[int]:
        """Ids of the documents in the index, to compare with the database."""
        with self._lock:
            searcher = self._fresh_searcher()
            meta = self._meta_for(searcher.reader())
            arrays = self._arrays_for(searcher.reader(), meta)
            return set(arrays.ids[arrays.live].tolist())

    def entries(self) -> dict[int, tuple[str, float]]:
        """Per indexed document: its stored title and when its segment was written (epoch seconds).

        For `app.archive.integrity`: a document changed after its segment was written, or whose
        title differs, is stale. One stored-field read per document (~0.1 s for 20,000).
        """
        # Its own searcher, not the kept one under the lock: this runs in the background when an
        # archive opens and must not make the user's first search wait half a second.
        with self._ix.searcher() as searcher:
            reader = searcher.reader()
            out: dict[int, tuple[str, float]] = {}
            if reader.doc_count_all() == 0:
                return out
            for leaf, _offset in reader.leaf_readers():
                try:
                    written = (self.path / f"{leaf.segment().segment_id()}.trm").stat().st_mtime
                except OSError:
                    written = 0.0
                for stored in leaf.all_stored_fields():
                    out[int(stored["id"])] = (stored.get("title", ""), written)
            return out

    def _fresh_searcher(self) -> Searcher:
        """The kept searcher, refreshed if another writer (or process) committed."""
        old = self._searcher
        if old.is_closed or old.reader().generation() != self._ix.latest_generation():
            # Not Searcher.refresh(): it reuses segment readers whose deletion lists are stale
            # and fails on an empty index; opening the segments anew costs a few milliseconds.
            self._searcher = self._ix.searcher()
            if not old.is_closed:
                old.close()
        return self._searcher

    def warm(self) -> None:
        """Load what every search needs (document columns, field lengths) ahead of the first query,
        so the user's first search after opening a large archive is as quick as the next ones."""
        with self._lock:
            reader = self._fresh_searcher().reader()
            if reader.doc_count_all() == 0:  # nothing to load (and no segments to read from)
                return
            self._meta_for(reader)
            for fieldname in TEXT_FIELDS:
                self._lengths_for(fieldname)
        _numpy()  # every search uses it (imported after the columns: the window paints meanwhile)
        with self._lock:
            reader = self._fresh_searcher().reader()
            self._arrays_for(reader, self._meta_for(reader))
            for fieldname in TEXT_FIELDS:
                self._np_lengths_for(fieldname)

    def _lengths_for(self, fieldname: str) -> list[int]:
        """Per-document lengths of a field (global docnums), for BM25's length normalisation."""
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = []
            for leaf, _offset in self._searcher.reader().leaf_readers():
                key = (leaf.segment().segment_id(), fieldname)
                part = self._segment_lengths.get(key)
                if part is None:
                    part = read_lengths(leaf, fieldname)
                    self._segment_lengths[key] = part
                lengths.extend(part)
            self._lengths[fieldname] = lengths
        return lengths

    def _np_lengths_for(self, fieldname: str) -> Any:
        """`_lengths_for` as a float64 numpy array (BM25 is computed on vectors)."""
        found = self._np_lengths.get(fieldname)
        if found is None:
            lengths = self._lengths_for(fieldname)
            found = self._np_lengths[fieldname] = _numpy().asarray(lengths, dtype=_numpy().float64)
        return found

    def _arrays_for(self, reader: IndexReader, meta: _SegmentMeta) -> _MetaArrays:
        """The meta columns as vectors (rebuilt when the segments change) with this generation's live mask."""
        if self._arrays is None or self._arrays.meta is not meta:
            self._arrays = _MetaArrays(meta)
        generation = reader.generation()
        if self._arrays.generation != generation:
            self._arrays.set_live(reader, generation)
        return self._arrays

    def _meta_for(self, reader: IndexReader) -> _SegmentMeta:
        if reader.doc_count_all() == 0:
            return _SegmentMeta(())
        leaves = reader.leaf_readers()
        key = tuple(leaf.segment().segment_id() for leaf, _ in leaves)
        if key != self._meta_key:
            merged = _SegmentMeta(())
            cache: dict[str, _SegmentMeta] = {}
            for (leaf, _offset), seg_id in zip(leaves, key, strict=True):
                seg = self._segment_meta.get(seg_id)
                if seg is None:
                    seg = _SegmentMeta(column_values(leaf.column_reader("meta", translate=False)))
                cache[seg_id] = seg
                merged.extend(seg)
            self._segment_meta, self._meta_key, self._meta = cache, key, merged
            self._lengths, self._np_lengths = {}, {}
            self._segment_lengths = {k: v for k, v in self._segment_lengths.items() if k[0] in cache}
            self._cache.keep_segments(set(cache))
        return self._meta

    # ---------------------------------------------------------------- search

    def search(
        self,
        text: str | Query,
        *,
        limit: int = 20,
        sort: SortOrder = "relevance",
        text_for: TextFor | None = None,
        texts_for: TextsFor | None = None,
    ) -> SearchResult:
        """Search with the query language (`query`); never raises on a malformed query.

        `text` may be a query already parsed (the service parses once for the index and the
        annotation matcher). Snippets need each hit's (body, footnotes) text: `texts_for` fetches them for all
        hits at once (one database round trip), `text_for` one document at a time.
        """
        parsed = parse_query(text) if isinstance(text, str) else text
        notices = list(parsed.notices)
        if self._state != "ok":  # never an empty result without saying why
            notices.insert(0, REBUILDING_NOTICE)
        notice = joined(notices)
        with self._lock:
            try:
                return self._search_once(parsed, notice, limit, sort, text_for, texts_for)
            except Exception:
                if self._searcher.reader().generation() == self._ix.latest_generation():
                    raise
                # Another process (an import's index process) committed a merge after this searcher
                # was opened and deleted the merged segments' files: search the new segments.
                log.info("segments merged away during a search; searching again")
                return self._search_once(parsed, notice, limit, sort, text_for, texts_for)

    def _search_once(self, parsed: Query, notice: str | None, limit: int, sort: SortOrder,
                     text_for: TextFor | None,
                     texts_for: TextsFor | None) -> SearchResult:  # fmt: skip
        searcher = self._fresh_searcher()
        reader = searcher.reader()
        meta = self._meta_for(reader)
        arrays = self._arrays_for(reader, meta)
        evaluator = _Evaluator(searcher, arrays, self._np_lengths_for, self._cache)
        mask, scores = evaluator.matches(parsed.root)
        matched = _numpy().flatnonzero(mask)
        ranked = _ranked(matched, scores, arrays, sort, limit)
        wanted = parsed.wanted()
        if texts_for is not None and ranked:
            fetched = texts_for([meta.ids[docnum] for docnum, _ in ranked])
            text_for = lambda doc_id: fetched.get(doc_id, ("", ""))  # noqa: E731
        hits = [self._hit(searcher, meta, docnum, score, wanted, evaluator, text_for) for docnum, score in ranked]
        facets = _facets(arrays, mask, matched)
        suggestion = self._suggester.suggest(parsed, reader, self._words_in_texts(reader, meta, text_for, texts_for))
        match_ids = frozenset(arrays.ids[matched].tolist())
        return SearchResult(parsed.text, notice, suggestion, len(matched), hits, facets, match_ids)

    @staticmethod
    def _words_in_texts(reader: IndexReader, meta: _SegmentMeta, text_for: TextFor | None,
                        texts_for: TextsFor | None) -> WordsOf | None:  # fmt: skip
        """How "did you mean" finds the words the archive writes for a term: in a few documents holding it."""
        if text_for is None and texts_for is None:
            return None

        def words_of(term: str) -> list[str]:
            try:
                docnums = list(islice(reader.postings("body", term).all_ids(), _WORD_SAMPLE_DOCS))
            except TermNotFound:
                return []
            doc_ids = [meta.ids[docnum] for docnum in docnums]
            if texts_for is not None:
                fetched = texts_for(doc_ids)
                bodies = [fetched.get(doc_id, ("", ""))[0] for doc_id in doc_ids]
            else:
                bodies = [text_for(doc_id)[0] for doc_id in doc_ids] if text_for is not None else []
            wanted = TextMatch(terms=frozenset({term}))
            return [body[start:end] for body in bodies for start, end, _t in matched_tokens(body, wanted, 20)]

        return words_of

    def _hit(self, searcher: Searcher, meta: _SegmentMeta, docnum: int, score: float, wanted: Wanted,
             evaluator: _Evaluator, text_for: TextFor | None) -> Hit:  # fmt: skip
        doc_id = meta.ids[docnum]
        title = searcher.stored_fields(docnum).get("title", "")
        matched_in = [name for name in TEXT_FIELDS if _field_matches(evaluator, docnum, name, wanted)]
        shown: list[str] = []
        if text_for is not None and ("body" in matched_in or "footnotes" in matched_in):
            body, notes = text_for(doc_id)
            for name, content in (("body", body), ("footnotes", notes)):
                if name in matched_in and len(shown) < MAX_SNIPPETS:
                    shown.extend(snippets(content, wanted.for_text(name), MAX_SNIPPETS - len(shown)))
        return Hit(doc_id, title, _key_to_iso(meta.dates[docnum]), round(score, 4), shown, matched_in,
                   meta.kinds[docnum], meta.publishers[docnum])
