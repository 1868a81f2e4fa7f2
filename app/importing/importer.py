"""Import files and folders into an archive, as a generator of progress events.

The GUI worker and the CLI drive the same generator; stopping iteration (or
calling `close()`) cancels it. Worker processes read and parse the files
(`app.importing.prepare`); this process stores each document, links it and queues it for
the index.

Documents are stored in batches: one transaction for up to BATCH_DOCUMENTS
files or BATCH_SECONDS, whichever comes first.
Committing each document cost more than storing it: the pages shared by all
documents (indexes, the ends of tables) were written again every time, and the
write-ahead log was copied into the database every fifty documents; a batch
writes them once (and the import's commits copy the log less often). A document
that fails (a bug) is still rolled back alone and the import goes on: the batch
is then stored again with a savepoint per document. How a batch holds the
database is `app.importing.batches`; what storing one file writes is
`app.importing.storage`.

Each file's event is yielded only after its batch has committed, so an event
always means "in the database", and a crash or a cancel leaves every document
either fully imported or not at all. A cancel takes effect after the batch
whose event was the last one taken: the rest of that batch is kept too (the
first batch holds a single file, so the first files show up at once, and
batches grow from there). A batch takes only files already prepared, so it
never holds the write lock while a worker parses. A full disk, a read-only
folder or a lock held too long stops the import: the batch under way is rolled
back and the message counts only the committed documents. The search index is
given only committed documents: a large import's index process analyses their
texts as they commit, and a smaller import's workers computed the terms, which
travel with each document.
"""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Generator, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from app.archive.folder import Archive
from app.importing.batches import COURTESY_PAUSE, Prefetched, Transactions, store_batch
from app.importing.index_process import BackgroundIndexer
from app.importing.interrupts import deferred_interrupt
from app.importing.prepare import prepared_stream
from app.importing.storage import DUPLICATE, IMPORTED, UNCHANGED, UPDATED, known_hashes, store_prepared
from app.importing.storage import FAILED as FAILED  # the outcomes are decided there; callers take them from here
from app.importing.workers import Workers, parallel
from app.library.stored_text import path_text
from app.readers import iter_candidate_files
from app.search.indexing import DocumentAnalysis
from app.search.service import apply_changes, rebuild
from app.search.service import update as update_index
from db.models import Document, ImportFailure, ImportRun

log = logging.getLogger(__name__)

INDEX_BATCH = 1000  # at most this many documents per index commit during an import…
INDEX_INTERVAL = 10.0  # …and at least every this many seconds (bigger batches: fewer, cheaper segments)
BACKGROUND_INDEX_MIN = INDEX_BATCH  # files from which the index is written in a process of its own
ENDING_BATCH_MIN = INDEX_BATCH // 5  # near the end, a batch this large goes to the index process early…
BATCH_DOCUMENTS = 64  # at most this many documents per database transaction…
BATCH_SECONDS = 0.4  # …held at most about this long (a crash loses no more work, a cancel waits no longer)
PREFETCH = BATCH_DOCUMENTS  # prepared files taken from the workers ahead of the database

Unindexed = dict[int, DocumentAnalysis | None]
"""Committed documents not yet handed to the index, in order, each with its workers' analysis if any."""


@dataclass(slots=True)
class ImportEvent:
    """Progress after one file: `done` of `total` files handled."""

    done: int
    total: int
    path: Path
    outcome: str
    reason: str | None = None
    document_id: int | None = None


@dataclass(slots=True)
class ImportSummary:
    imported: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    duplicates: list[tuple[Path, int]] = field(default_factory=list)  # (path, id of the same content)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    notices: list[tuple[Path, str]] = field(default_factory=list)  # imported, but a size limit left part out
    cancelled: bool = False
    run_id: int | None = None

    @property
    def handled(self) -> int:
        """Files handled so far, whatever their outcome."""
        return (len(self.imported) + len(self.updated) + len(self.unchanged) + len(self.duplicates)
                + len(self.failed))  # fmt: skip

    def add(self, event: ImportEvent) -> None:
        if event.outcome in (IMPORTED, UPDATED):
            (self.imported if event.outcome == IMPORTED else self.updated).append(event.document_id or 0)
            if event.reason:
                self.notices.append((event.path, event.reason))
        elif event.outcome == UNCHANGED:
            self.unchanged.append(event.path)
        elif event.outcome == DUPLICATE:
            self.duplicates.append((event.path, event.document_id or 0))
        else:
            self.failed.append((event.path, event.reason or "unknown error"))


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def import_paths(archive: Archive, paths: Iterable[Path], *, summary: ImportSummary | None = None,
                 workers: Workers | None = None) -> Generator[ImportEvent, None, ImportSummary]:  # fmt: skip
    """Import every supported file under `paths`; yields an ImportEvent per file, once it is committed.

    `summary`, if given, is filled as files are committed: a caller that cancels (closes the
    generator) reads there what was kept, including the batch under way when it cancelled.
    `workers`: worker processes the caller started for these files (`start_workers`); the
    import closes them when it is done with them.
    """
    named = [Path(p).expanduser() for p in paths]
    summary = ImportSummary() if summary is None else summary
    with archive.session() as session:
        run = ImportRun(started_at=_now(), paths="\n".join(path_text(p) for p in named))
        session.add(run)
        session.flush()
        summary.run_id = run.id
    files: list[Path] = []
    for p in named:
        if not p.exists() and not p.is_symlink():
            summary.failed.append((p, "no such file or folder"))
            continue
        files.extend(iter_candidate_files([p]))
    total = len(files) + len(summary.failed)
    done = len(summary.failed)
    unindexed: Unindexed = {}
    indexed_at = time.monotonic()
    absolute_files = resolved_paths(files)
    background = _background_indexer(archive, len(absolute_files))
    stream = prepared_stream(absolute_files, known_hashes(archive), workers=workers, analyse=background is None)
    ready = Prefetched(stream, PREFETCH)
    transactions = Transactions(archive)
    size = 1  # the first files show up at once; then batches double up to BATCH_DOCUMENTS
    interrupted = False
    try:
        while (first := ready.next()) is not None:
            events, fed = [], []
            with deferred_interrupt():  # a commit and its count in the run's record go together
                stored = store_batch(archive, first, ready, transactions, store_prepared, size=size,
                                     seconds=BATCH_SECONDS, saved=len(summary.imported) + len(summary.updated))
                for prepared, outcome, doc_id, reason in stored:
                    if outcome in (IMPORTED, UPDATED) and prepared.parsed is not None and prepared.parsed.notices:
                        reason = "; ".join(prepared.parsed.notices)
                    done += 1
                    event = ImportEvent(done, total, prepared.path, outcome, reason, doc_id)
                    summary.add(event)  # committed: the run's record counts it even if the import stops now
                    events.append(event)
                    if outcome in (IMPORTED, UPDATED) and doc_id is not None:
                        unindexed[doc_id] = prepared.analysis
                        fed.append(doc_id)
            if background is not None:
                background.feed(fed)
            size = min(2 * size, BATCH_DOCUMENTS)
            if (len(unindexed) >= INDEX_BATCH or time.monotonic() - indexed_at >= INDEX_INTERVAL
                    or _ending(background, len(unindexed), total - done)):  # fmt: skip
                _index(archive, unindexed, background)
                if background is not None:  # writing the index here left the lock free; so does this pause,
                    time.sleep(COURTESY_PAUSE)  # long enough for another process's waiting write to get in
                indexed_at = time.monotonic()
            yield from events
    except GeneratorExit:  # closed by the GUI or the CLI
        summary.cancelled = True
        raise
    except KeyboardInterrupt:  # Ctrl-C in the CLI: the process ends, so does its index process
        summary.cancelled = interrupted = True
        raise
    finally:
        transactions.close()
        ready.close()
        if workers is not None:  # the stream closes them, unless it never started
            workers.close()
        try:
            if background is None:
                _index(archive, unindexed)
            elif interrupted:
                background.stop()  # what it had not committed stays queued: the next open catches up
            else:
                _last_hand_over(archive, unindexed, background, cancelled=summary.cancelled)
        finally:
            _finish_run(archive, summary)
    return summary


def resolved_paths(paths: list[Path]) -> list[Path]:
    """Each path as `path.resolve()` gives it (`path.absolute()` if it has gone), each folder resolved once:
    resolving every file's whole path again took a tenth of a second per thousand files."""
    folders: dict[Path, Path] = {}
    resolved = []
    for path in paths:
        try:
            link = stat.S_ISLNK(os.lstat(path).st_mode)
        except OSError:
            resolved.append(path.absolute())
            continue
        if link:
            resolved.append(path.resolve() if path.exists() else path.absolute())
            continue
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = path.parent.resolve()
        resolved.append(folder / path.name)
    return resolved


def _ending(background: BackgroundIndexer | None, unindexed: int, remaining: int) -> bool:
    """…once the files left are half as many: the index process writes it while they are parsed, and
    the import's end waits only for a smaller last segment (the one after a full batch would be the
    rest of the files, written after them)."""
    return background is not None and unindexed >= ENDING_BATCH_MIN and 2 * remaining <= unindexed


def _background_indexer(archive: Archive, count: int) -> BackgroundIndexer | None:
    """An index process for an import of `count` files, when it is large enough to be worth one.

    A new archive's empty index is built first, so that every batch can go to it.
    """
    if count < BACKGROUND_INDEX_MIN or not parallel(count):
        return None
    try:
        index = archive.index
        if index.needs_rebuild and not _has_documents(archive):
            for _ in rebuild(archive):
                pass
        return BackgroundIndexer(archive)
    except Exception:  # the import indexes in its own process, as for a small import
        log.exception("cannot start the index process")
        return None


def _last_hand_over(archive: Archive, unindexed: Unindexed, background: BackgroundIndexer, *,
                    cancelled: bool) -> None:  # fmt: skip
    """The last batch to the index process, then its end. A cancelled import does not wait for it
    (the user would wait for a merge): the process indexes the rest on its own, then exits."""
    _index(archive, unindexed, background, wait=not cancelled)
    background.close(wait=not cancelled)
    if not cancelled:
        _index_queued(archive)


def _index_queued(archive: Archive) -> None:
    """After an index process: what is still queued, such as an edit made meanwhile by the GUI or
    another process, which gave up waiting for the index while the index process wrote it."""
    try:
        for _ in update_index(archive):
            pass
    except Exception:
        log.exception("indexing the queued documents failed; left queued for the next open")


def _has_documents(archive: Archive) -> bool:
    with archive.session() as session:
        return session.scalar(select(Document.id).limit(1)) is not None


def _index(archive: Archive, unindexed: Unindexed, background: BackgroundIndexer | None = None, *,
           wait: bool = True) -> None:  # fmt: skip
    """Index a batch (handed to the index process if there is one, which analyses the texts itself);
    on failure the rows stay in index_queue and the next open catches up. Without `wait` (a cancel)
    the batch is handed over without waiting, and never indexed here."""
    doc_ids = list(unindexed)
    analyses = {doc_id: analysis for doc_id, analysis in unindexed.items() if analysis}
    try:
        if archive.index.needs_rebuild:  # new or unusable index: build it from the database, batch included
            for _ in rebuild(archive, analyses=analyses):
                pass
        elif doc_ids:
            handed = background is not None and background.submit(doc_ids, wait=wait)
            if not handed and wait:  # no index process, or it has died
                apply_changes(archive, doc_ids, merge=True, analyses=analyses)
    except Exception:
        log.exception("indexing %d documents failed; left queued", len(doc_ids))
    unindexed.clear()


def _finish_run(archive: Archive, summary: ImportSummary) -> None:
    """Record the run's outcome; never masks the error that ended the import (e.g. a full disk)."""
    try:
        _record_run(archive, summary)
    except Exception:
        log.exception("recording import run %s failed", summary.run_id)


def _record_run(archive: Archive, summary: ImportSummary) -> None:
    with archive.session() as session:
        run = session.get(ImportRun, summary.run_id)
        if run is None:
            return
        run.finished_at = _now()
        run.imported = len(summary.imported)
        run.updated = len(summary.updated)
        run.unchanged = len(summary.unchanged) + len(summary.duplicates)
        run.failed = len(summary.failed)
        run.cancelled = summary.cancelled
        for path, reason in summary.failed:
            run.failures.append(ImportFailure(path=path_text(path), reason=reason))


def run_import(archive: Archive, paths: Iterable[Path], *, workers: Workers | None = None) -> ImportSummary:
    """Drive `import_paths` to the end (for callers that need no progress)."""
    gen = import_paths(archive, paths, workers=workers)
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value
