"""Import files and folders into an archive, as a generator of progress events.

The GUI worker and the CLI drive the same generator; stopping iteration (or
calling `close()`) cancels it. Worker processes read and parse the files
(`app.prepare`); this process stores each document, links it and queues it for
the index.

Documents are stored in batches: one transaction for up to BATCH_DOCUMENTS
files or BATCH_SECONDS, whichever comes first.
Committing each document cost more than storing it: the pages shared by all
documents (indexes, the ends of tables) were written again every time, and the
write-ahead log was copied into the database every fifty documents; a batch
writes them once (and the import's commits copy the log less often, see
`_Transactions`). A document that fails (a bug) is still rolled back alone and
the import goes on: the batch is then stored again with a savepoint per
document (`_store_batch`).

Each file's event is yielded only after its batch has committed, so an event
always means "in the database", and a crash or a cancel leaves every document
either fully imported or not at all. A cancel takes effect after the batch
whose event was the last one taken: the rest of that batch is kept too (the
first batch holds a single file, so the first files show up at once, and
batches grow from there). A batch takes only files already prepared, so it
never holds the write lock while a worker parses. A full disk, a read-only
folder or a lock held too long stops the import: the batch under way is rolled
back and the message counts only the committed documents. The search index is
given only committed documents.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, event, select, update
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.orm import Session

from app.annotations import reanchor_document
from app.archive import Archive, storage_problem
from app.background_index import BackgroundIndexer
from app.errors import ArchiveError
from app.interrupts import deferred_interrupt
from app.linking import relink_document
from app.model import ParsedDocument
from app.prepare import Prepared, parallel, prepare, prepared_stream
from app.readers import iter_candidate_files
from app.search import apply_changes, rebuild
from app.search import update as update_index
from app.search_index import remember_analysis
from app.stored_text import path_text
from app.tags import add_declared_tags
from db.models import Document, Footnote, ImportFailure, ImportRun, Marker, Section

log = logging.getLogger(__name__)

INDEX_BATCH = 1000  # at most this many documents per index commit during an import…
INDEX_INTERVAL = 10.0  # …and at least every this many seconds (bigger batches: fewer, cheaper segments)
BACKGROUND_INDEX_MIN = INDEX_BATCH  # files from which the index is written in a process of its own
BATCH_DOCUMENTS = 64  # at most this many documents per database transaction…
BATCH_SECONDS = 0.4  # …held at most about this long (a crash loses no more work, a cancel waits no longer)
PREFETCH = BATCH_DOCUMENTS  # prepared files taken from the workers ahead of the database
OTHERS_TIMEOUT = 2.0  # the longest the import waits for another thread's write before its next batch
SHARED_WAIT = 0.05  # waiting longer than this for the lock means another process writes too…
SHARED_MEMORY = 5.0  # …so for this long afterwards…
COURTESY_PAUSE = 0.15  # …pause this long before each batch (longer than SQLite's 100 ms between two tries)
CHECKPOINT_PAGES = 10_000  # write-ahead log pages (4 kB) before an import's commit copies them (SQLite: 1,000)

IMPORTED, UPDATED, UNCHANGED, DUPLICATE, FAILED = "imported", "updated", "unchanged", "duplicate", "failed"


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


def _store_parts(session: Session, db: sqlite3.Connection, doc_id: int, parsed: ParsedDocument, *,
                 replace: bool) -> None:
    """Write the parsed structure of a document, replacing what it had.

    Through `db`, the session's own sqlite3 connection (same transaction): an
    import writes tens of rows per document, and SQLAlchemy's layer cost several
    times what SQLite takes for a statement.
    """
    if replace:
        for table in (Section, Marker, Footnote):
            session.execute(delete(table).where(table.document_id == doc_id))
    if parsed.sections:
        db.executemany(_SECTIONS, [(doc_id, x.title, x.level, x.start) for x in parsed.sections])
    if parsed.markers:
        db.executemany(_MARKERS, [(doc_id, m.number, m.start, m.end) for m in parsed.markers])
    citations = []
    for f in parsed.footnotes:
        footnote_id = db.execute(_FOOTNOTE, (doc_id, f.number, f.text, f.resolved_text, f.ibid_of)).lastrowid
        citations += [(footnote_id, position, c.text, c.author, c.title, c.publisher, c.place, c.date, c.url)
                      for position, c in enumerate(f.citations)]
    if citations:
        db.executemany(_CITATIONS, citations)


def _dbapi(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under the session, in the same transaction."""
    connection = session.connection().connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection


_SECTIONS = "INSERT INTO sections (document_id, title, level, start) VALUES (?, ?, ?, ?)"
_MARKERS = 'INSERT INTO markers (document_id, number, start, "end") VALUES (?, ?, ?, ?)'
_FOOTNOTE = "INSERT INTO footnotes (document_id, number, text, resolved_text, ibid_of) VALUES (?, ?, ?, ?, ?)"
_CITATIONS = (
    "INSERT INTO citations (footnote_id, position, text, author, title, publisher, place, date, url)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _metadata(parsed: ParsedDocument) -> dict[str, object]:
    return {
        "title": parsed.title, "date": parsed.date, "date_label": parsed.date_label, "publisher": parsed.publisher,
        "kind": parsed.kind, "text": parsed.text, "text_length": len(parsed.text),
    }


def store_prepared(session: Session, prepared: Prepared) -> tuple[str, int | None, str | None]:
    """Store one prepared file inside the caller's transaction: (outcome, document id, reason)."""
    if prepared.error is not None or prepared.sha is None:
        return FAILED, None, prepared.error or "cannot read"
    source = path_text(prepared.path)  # a name that is not UTF-8 kept as \xNN escapes
    db = _dbapi(session)  # plain statements: SQLAlchemy's layer cost more than SQLite (see _store_parts)
    same_content = db.execute(_BY_SHA, (prepared.sha,)).fetchone()
    if same_content is not None:
        same_id, same_source = same_content
        if same_source == source:
            return UNCHANGED, same_id, None
        return DUPLICATE, same_id, f"same content as document {same_id}"
    if prepared.parsed is None:  # was known when the workers started, and has gone since
        prepared = prepare(prepared.path)
        if prepared.parsed is None:
            return FAILED, None, prepared.error or "cannot read"
    parsed = prepared.parsed
    now = _now()
    found = db.execute(_BY_PATH, (source,)).fetchone()
    if found is None:
        outcome = IMPORTED
        doc_id = db.execute(_INSERT_DOCUMENT, (
            parsed.title, parsed.date, parsed.date_label, parsed.publisher, parsed.kind, source, prepared.format,
            prepared.sha, parsed.text, len(parsed.text), _timestamp(now), _timestamp(now),
        )).lastrowid
    else:
        outcome = UPDATED
        doc_id = found[0]
        values = {**_metadata(parsed), "format": prepared.format, "sha256": prepared.sha, "updated_at": now}
        session.execute(update(Document).where(Document.id == doc_id).values(**values))
    assert doc_id is not None
    _store_parts(session, db, doc_id, parsed, replace=outcome == UPDATED)
    if outcome == UPDATED:
        reanchor_document(session, doc_id, parsed.text)
    add_declared_tags(session, doc_id, parsed.tags)
    relink_document(session, doc_id, new=outcome == IMPORTED)
    db.execute(_QUEUE, (doc_id, _timestamp(now)))
    return outcome, doc_id, None


_timestamp = sqlite_dialect.DATETIME().bind_processor(sqlite_dialect.dialect())  # as SQLAlchemy stores them
_BY_SHA = "SELECT id, source_path FROM documents WHERE sha256 = ?"
_BY_PATH = "SELECT id FROM documents WHERE source_path = ?"
_INSERT_DOCUMENT = (
    "INSERT INTO documents (title, date, date_label, publisher, kind, source_path, format, sha256, text,"
    " text_length, imported_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_QUEUE = (
    "INSERT INTO index_queue (document_id, queued_at) VALUES (?, ?)"
    " ON CONFLICT (document_id) DO UPDATE SET queued_at = excluded.queued_at"
)


def _known_hashes(archive: Archive) -> frozenset[str]:
    with archive.session() as session:
        return frozenset(session.scalars(select(Document.sha256)))


def import_paths(archive: Archive, paths: Iterable[Path], *,
                 summary: ImportSummary | None = None) -> Generator[ImportEvent, None, ImportSummary]:  # fmt: skip
    """Import every supported file under `paths`; yields an ImportEvent per file, once it is committed.

    `summary`, if given, is filled as files are committed: a caller that cancels (closes the
    generator) reads there what was kept, including the batch under way when it cancelled.
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
    unindexed: list[int] = []
    indexed_at = time.monotonic()
    absolute_files = [path.resolve() if path.exists() else path.absolute() for path in files]
    background = _background_indexer(archive, len(absolute_files))
    ready = _Prefetched(prepared_stream(absolute_files, _known_hashes(archive), analyse=background is None))
    transactions = _Transactions(archive)
    size = 1  # the first files show up at once; then batches double up to BATCH_DOCUMENTS
    interrupted = False
    try:
        while (first := ready.next()) is not None:
            events = []
            with deferred_interrupt():  # a commit and its count in the run's record go together
                stored = _store_batch(archive, first, ready, transactions, summary, size)
                for prepared, outcome, doc_id, reason in stored:
                    if outcome in (IMPORTED, UPDATED) and prepared.parsed is not None and prepared.parsed.notices:
                        reason = "; ".join(prepared.parsed.notices)
                    done += 1
                    event = ImportEvent(done, total, prepared.path, outcome, reason, doc_id)
                    summary.add(event)  # committed: the run's record counts it even if the import stops now
                    events.append(event)
                    if outcome in (IMPORTED, UPDATED) and doc_id is not None:
                        unindexed.append(doc_id)
                        if prepared.analysis:
                            remember_analysis(prepared.analysis)
            size = min(2 * size, BATCH_DOCUMENTS)
            if len(unindexed) >= INDEX_BATCH or time.monotonic() - indexed_at >= INDEX_INTERVAL:
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


Stored = tuple[Prepared, str, int | None, str | None]  # the file, outcome, document id, reason


def _store_batch(archive: Archive, first: Prepared, ready: _Prefetched, transactions: _Transactions,
                 summary: ImportSummary, size: int) -> list[Stored]:
    """Store `first` and the files ready after it in one transaction; commit.

    The batch ends after `size` files or BATCH_SECONDS, when no prepared
    file is waiting (the write lock is never held while a worker parses), or when
    another thread of this process wants to write. The files are stored without
    savepoints first: a savepoint per file cost a fifth of the import process's
    time (SQLite journals every page a file touches, SQLAlchemy nests a
    transaction). If a file fails (a bug), the batch is rolled back and stored
    again with a savepoint per file, so that file is rolled back alone.
    """
    transactions.let_others_in()
    taken: list[Prepared] = []
    stored: list[Stored] = []
    try:
        try:
            with archive.session() as session:
                transactions.begin(session)
                deadline = time.monotonic() + BATCH_SECONDS
                prepared: Prepared | None = first
                while prepared is not None:
                    taken.append(prepared)
                    stored.append((prepared, *_store_unguarded(session, prepared)))
                    if len(stored) >= size or time.monotonic() >= deadline or transactions.others_waiting:
                        break
                    prepared = ready.next(wait=False)
        except _FileFailed:  # rolled back: the same files again, each in its savepoint
            stored = []
            with archive.session() as session:
                transactions.begin(session)
                for prepared in taken:
                    stored.append((prepared, *_store_one(session, prepared)))
    except Exception as e:
        problem = storage_problem(e)
        if problem is None:  # a bug while beginning or committing: these files fail, the import goes on
            log.exception("storing a batch from %s failed", first.path)
            reason = f"internal error: {type(e).__name__}: {e}"
            reached = len(stored)
            return [(p, FAILED, None, reason) if outcome in (IMPORTED, UPDATED) else (p, outcome, doc_id, why)
                    for p, outcome, doc_id, why in stored] + [
                (p, FAILED, None, reason) for p in (taken[reached:] or ([] if stored else [first]))]
        saved = len(summary.imported) + len(summary.updated)
        raise ArchiveError(  # a full disk, a read-only folder or a held lock stops the import
            f"import stopped at {path_text(first.path.name)}: {problem}. The {saved} document(s) imported before "
            "are saved; import again to finish."
        ) from e
    return stored


class _FileFailed(Exception):
    """A file of a batch stored without savepoints failed: the batch is stored again with them."""


def _store_unguarded(session: Session, prepared: Prepared) -> tuple[str, int | None, str | None]:
    try:
        return store_prepared(session, prepared)
    except Exception as e:
        if storage_problem(e) is not None:  # the disk or a lock: the next files would fail the same way
            raise
        raise _FileFailed from e


def _store_one(session: Session, prepared: Prepared) -> tuple[str, int | None, str | None]:
    """Store one file in a savepoint: a bug rolls back this file alone, and the batch goes on."""
    try:
        with session.begin_nested():
            return store_prepared(session, prepared)
    except Exception as e:
        if storage_problem(e) is not None:  # the disk or a lock: the next files would fail the same way
            raise
        log.exception("import of %s failed", prepared.path)
        return FAILED, None, f"internal error: {type(e).__name__}: {e}"


class _Prefetched:
    """Prepared files pulled from the workers by a thread, so that a batch can take only those ready.

    A batch holds the database's write lock; waiting in it for a worker still
    parsing a large file would keep other writers out for nothing.
    """

    _END = object()

    def __init__(self, stream: Iterator[Prepared]) -> None:
        self._stream = stream
        self._queue: queue.Queue[object] = queue.Queue(PREFETCH)  # bounded: the workers still wait for us
        self._stop = threading.Event()
        self._last: object = None  # the end, or the stream's error, once taken from the queue
        self._thread = threading.Thread(target=self._pump, name="import-prefetch", daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        last: object = self._END
        try:
            try:
                for prepared in self._stream:
                    if not self._put(prepared):
                        return
            finally:
                self._stream.close()  # the worker pool shuts down in this thread, where its generator runs
        except BaseException as e:  # handed to the importer, which raises it
            last = e
        self._put(last)

    def _put(self, item: object) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def next(self, *, wait: bool = True) -> Prepared | None:
        """The next prepared file; None at the end, or, without `wait`, when none is ready yet.

        An error of the stream is raised by the next call that waits: a batch under way commits first.
        """
        item = self._last
        if item is None:
            item = self._take(wait)
            if item is None:
                return None
            if not isinstance(item, Prepared):
                self._last = item
        if isinstance(item, Prepared):
            return item
        if wait and isinstance(item, BaseException):
            raise item
        return None

    def _take(self, wait: bool) -> object | None:
        if not wait:
            try:
                return self._queue.get_nowait()
            except queue.Empty:
                return None
        while True:
            try:
                return self._queue.get(timeout=1.0)
            except queue.Empty:
                if not self._thread.is_alive() and self._queue.empty():  # never, unless the thread was killed
                    raise RuntimeError("reading the files stopped unexpectedly") from None

    def close(self) -> None:
        """Stop the workers (the one at work finishes its files) and wait for them."""
        self._stop.set()
        self._thread.join()


class _Transactions:
    """How the import's batch transactions begin, and how they share the archive.

    SQLite makes a writer that finds the lock taken poll for it (every 100 ms
    after a while), and the import begins its next batch as soon as it has
    committed one: in the moment between, a poll rarely lands. So:
    - another thread of this process (the GUI, while the import runs on a worker
      thread) that starts writing raises a flag (engine events); the batch then
      ends after the current file, and the next one begins once that thread's
      transaction has ended (or after OTHERS_TIMEOUT);
    - another process gets in when the import waits for its workers or writes
      the index, or pauses after handing a batch to its index process (at least
      every INDEX_INTERVAL); once the import has had to wait for the lock itself,
      it knows it shares the archive and pauses for COURTESY_PAUSE before each
      batch for a while, so the two take turns.
    The import's commits also copy the write-ahead log into the database less
    often (CHECKPOINT_PAGES): at SQLite's 1,000 pages, an import stopped every
    fifty documents to copy and sync the pages, as long as storing them took.
    """

    def __init__(self, archive: Archive) -> None:
        self._engine = archive.engine
        self._importer = threading.get_ident()
        self._writing: set[int] = set()  # other threads with a write under way
        self._changed = threading.Condition()
        self._shared_until = 0.0
        self._checkpoints: dict[int, int] = {}  # id of a connection of ours → its setting before
        event.listen(self._engine, "before_cursor_execute", self._before_execute)
        event.listen(self._engine, "commit", self._ended)
        event.listen(self._engine, "rollback", self._ended)
        event.listen(self._engine, "checkin", self._checked_in)

    def _before_execute(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if threading.get_ident() != self._importer and statement.lstrip()[:7].upper().startswith(_WRITES):
            with self._changed:
                self._writing.add(threading.get_ident())

    def _ended(self, *_args: object) -> None:
        if threading.get_ident() in self._writing:
            with self._changed:
                self._writing.discard(threading.get_ident())
                self._changed.notify_all()

    def _checked_in(self, dbapi_connection: sqlite3.Connection | None, _record: object) -> None:
        before = self._checkpoints.pop(id(dbapi_connection), None)
        if before is not None and dbapi_connection is not None:  # back in the pool as it was
            dbapi_connection.execute(f"PRAGMA wal_autocheckpoint={before}")
        self._ended()  # another thread's session may close without commit or rollback

    @property
    def others_waiting(self) -> bool:
        return bool(self._writing)

    def let_others_in(self) -> None:
        """Before a batch: wait for this process's other writers; take turns with another process."""
        if self._writing:
            with self._changed:
                self._changed.wait_for(lambda: not self._writing, OTHERS_TIMEOUT)
        elif time.monotonic() < self._shared_until:
            time.sleep(COURTESY_PAUSE)

    def begin(self, session: Session) -> None:
        """Begin the batch's transaction with the write lock (waiting up to the busy timeout).

        Explicitly, because the sqlite3 module begins one only before a write: a
        savepoint opened first would start its own, committed by its release. And
        IMMEDIATE, because a transaction that reads first could not upgrade after
        another process wrote; it would fail at once instead of waiting.
        """
        started = time.monotonic()
        connection = session.connection()
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        if time.monotonic() - started > SHARED_WAIT:
            self._shared_until = time.monotonic() + SHARED_MEMORY
        raw = connection.connection.driver_connection
        if raw is not None and id(raw) not in self._checkpoints:
            self._checkpoints[id(raw)] = raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
            raw.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")

    def close(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._before_execute)
        event.remove(self._engine, "commit", self._ended)
        event.remove(self._engine, "rollback", self._ended)
        event.remove(self._engine, "checkin", self._checked_in)


_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def _background_indexer(archive: Archive, count: int) -> BackgroundIndexer | None:
    """An index process for an import of `count` files, when it is large enough to be worth one.

    A new archive's empty index is built first, so that every batch can go to it.
    """
    if count < BACKGROUND_INDEX_MIN or not parallel(count):
        return None
    try:
        index = archive.index
        if index.needs_rebuild and not _has_documents(archive):
            for _ in rebuild(archive, index):
                pass
        return BackgroundIndexer(archive)
    except Exception:  # the import indexes in its own process, as for a small import
        log.exception("cannot start the index process")
        return None


def _last_hand_over(archive: Archive, doc_ids: list[int], background: BackgroundIndexer, *,
                    cancelled: bool) -> None:  # fmt: skip
    """The last batch to the index process, then its end. A cancelled import does not wait for it
    (the user would wait for a merge): the process indexes the rest on its own, then exits."""
    _index(archive, doc_ids, background, wait=not cancelled)
    background.close(wait=not cancelled)
    if not cancelled:
        _index_queued(archive)


def _index_queued(archive: Archive) -> None:
    """After an index process: what is still queued, such as an edit made meanwhile by the GUI or
    another process, which gave up waiting for the index while the index process wrote it."""
    try:
        for _ in update_index(archive, archive.index):
            pass
    except Exception:
        log.exception("indexing the queued documents failed; left queued for the next open")


def _has_documents(archive: Archive) -> bool:
    with archive.session() as session:
        return session.scalar(select(Document.id).limit(1)) is not None


def _index(archive: Archive, doc_ids: list[int], background: BackgroundIndexer | None = None, *,
           wait: bool = True) -> None:  # fmt: skip
    """Index a batch (handed to the index process if there is one); on failure the rows stay in
    index_queue and the next open catches up. Without `wait` (a cancel) the batch is handed over
    without waiting, and never indexed here."""
    try:
        if archive.index.needs_rebuild:  # new or unusable index: build it from the database, batch included
            for _ in rebuild(archive, archive.index):
                pass
        elif doc_ids:
            handed = background is not None and background.submit(doc_ids, wait=wait)
            if not handed and wait:  # no index process, or it has died
                apply_changes(archive, archive.index, doc_ids, merge=True)
    except Exception:
        log.exception("indexing %d documents failed; left queued", len(doc_ids))
    doc_ids.clear()


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


def run_import(archive: Archive, paths: Iterable[Path]) -> ImportSummary:
    """Drive `import_paths` to the end (for callers that need no progress)."""
    gen = import_paths(archive, paths)
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value
