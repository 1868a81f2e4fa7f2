"""A large import's index writes, in a process of their own.

During a large import the main process stores and links each document while two
worker processes read and parse the files. Written in the main process too, the
index batches (the texts' index terms, one segment per thousand documents, the
size-tier merges) stopped that pipeline for seconds at a time: the workers
filled their queue and waited while the main process wrote a segment, and both
cores sat half idle. Here one more process writes the index. The import hands
it the ids of committed documents and goes on; the process reads them from the
database (it only reads: the import stays the archive's one writer and never
waits for it), indexes them in one commit, and returns their queue stamps, which
the import clears. A batch that fails stays queued and the next open catches up,
as when the import wrote the index itself.

The import also shows the process each database batch as soon as it commits
(`feed`), and the process analyses those texts while the import goes on. A
batch's commit then finds its terms ready, and the import's end waits only for
the last segment's writing, not for a thousand documents' analysis. The terms
are used only for the very texts they were computed from (`AnalysedText`).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections import deque
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from app.archive.folder import Archive
from app.importing.child_process import spawn_pool
from app.search.answers import documents_texts
from app.search.engine import DocumentAnalysis, SearchIndex
from app.search.indexing import analyse_fields
from app.search.service import QueueStamps, index_documents, unqueue

log = logging.getLogger(__name__)

MAX_PENDING = 2  # batches handed over and not yet indexed; one more and the import waits (the index keeps up)

_archive: Archive | None = None  # in the index process
_index: SearchIndex | None = None
_analysed: dict[int, DocumentAnalysis] = {}  # fed documents' terms, until their batch is indexed


def _open_archive(folder: Path) -> None:
    global _archive
    _archive = Archive(folder)  # no migration: the importing process has opened (and migrated) it


def _started() -> None:
    """Nothing: submitted first, so that the process starts (and imports its modules) at once."""


def _analyse(doc_ids: list[int]) -> None:
    """In the index process: the index terms of these committed documents' body and notes, ready for
    their batch (the title and annotation notes are short, and analysed with the batch).

    Read with plain SQL: a feed is small, and the ORM's per-query cost would outweigh it. Never raises:
    a batch whose terms are missing analyses its texts itself.
    """
    assert _archive is not None
    try:
        with _archive.session() as session:
            rows = session.connection().connection.driver_connection
            assert isinstance(rows, sqlite3.Connection)
            texts = documents_texts(rows, doc_ids)
        for doc_id, (body, footnotes) in texts.items():
            _analysed[doc_id] = analyse_fields(body=body, footnotes=footnotes)
    except Exception:
        log.exception("analysing %d documents ahead of their batch failed", len(doc_ids))


def _index_batch(doc_ids: list[int]) -> QueueStamps:
    """In the index process: index these documents, merging size tiers as an import does."""
    global _index
    assert _archive is not None
    if _index is None:  # an unusable index raises: emptying it for a rebuild is the app's to do, not ours
        _index = SearchIndex.open(_archive.index_dir, recreate=False)
    analyses = {doc_id: terms for doc_id in doc_ids if (terms := _analysed.pop(doc_id, None)) is not None}
    return index_documents(_archive, doc_ids, merge=True, index=_index, analyses=analyses)


class BackgroundIndexer:
    """The import's side: hands batches over in order and clears the queue rows of those indexed."""

    def __init__(self, archive: Archive) -> None:
        self._archive = archive
        self._pool = spawn_pool(1, _open_archive, (archive.folder,))
        self._pool.submit(_started)  # started now, with the workers: ready by the first hand-over
        self._pending: deque[tuple[int, Future[QueueStamps]]] = deque()
        self.broken = False  # the process died: the import indexes the rest itself

    def feed(self, doc_ids: list[int]) -> None:
        """Show the process documents just committed, to analyse ahead of their batch; never waits."""
        if self.broken or not doc_ids:
            return
        with contextlib.suppress(BrokenProcessPool):  # gone: the next hand-over finds out, and the import
            self._pool.submit(_analyse, list(doc_ids))  # indexes the rest itself

    def submit(self, doc_ids: list[int], *, wait: bool = True) -> bool:
        """Hand these committed documents over (False if the process is gone); waits only while
        MAX_PENDING batches are still being indexed, and not at all without `wait`."""
        self._collect(wait=False)
        while wait and len(self._pending) >= MAX_PENDING:
            self._take_oldest()
        if self.broken:
            return False
        try:
            self._pending.append((len(doc_ids), self._pool.submit(_index_batch, list(doc_ids))))
        except BrokenProcessPool:  # killed by the system, say
            log.exception("the index process has stopped; the import indexes the rest itself")
            self.broken = True
            return False
        return True

    def _collect(self, *, wait: bool) -> None:
        while self._pending and (wait or self._pending[0][1].done()):
            self._take_oldest()

    def _take_oldest(self) -> None:
        count, future = self._pending.popleft()
        self._clear(count, future)

    def close(self, *, wait: bool = True) -> None:
        """Wait for every batch handed over, clear their queue rows, and stop the process.

        Without `wait` (a cancelled import, whose user should not wait for a merge) it returns
        at once: the process indexes what it was handed, each batch's rows are cleared as it
        ends, and the process then exits. Killed meanwhile, it leaves them queued for the next open.
        """
        if not wait:
            for count, future in self._pending:
                future.add_done_callback(lambda done, count=count: self._clear(count, done))
            self._pending.clear()
            self._pool.shutdown(wait=False)
            return
        try:
            self._collect(wait=True)
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def stop(self) -> None:
        """End the process now (an interrupted import): batches not yet indexed stay queued."""
        self._collect(wait=False)
        self._pending.clear()
        processes = list((self._pool._processes or {}).values())  # no public way before Python 3.14
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()

    def _clear(self, count: int, future: Future[QueueStamps]) -> None:
        """Clear the queue rows of a batch the process has indexed; a failed batch stays queued.

        Never raises: it also runs in the pool's thread after a cancelled import, where no
        one would see the error (and a failed future's error may be any BaseException).
        """
        error = None if future.cancelled() else future.exception()
        if future.cancelled() or error is not None:
            self.broken = self.broken or isinstance(error, BrokenProcessPool)
            log.error("indexing %d documents in the index process failed (%r); left queued", count, error)
            return
        try:
            unqueue(self._archive, future.result())
        except Exception:
            log.exception("clearing the queue rows of %d indexed documents failed; left queued", count)
