"""Batches of an import: transactions that share the archive, savepoints after a failure, prefetching.

Kept apart from `app.importing.importer` (which decides what goes into the batches and
what each file's event says) because how a batch holds the database is a
concern of its own: when its transaction begins and ends, how a file that fails
is rolled back alone, how other writers of this process and of other processes
get their turn, and which prepared files are ready to go in without waiting.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator

from sqlalchemy import event
from sqlalchemy.orm import Session

from app.archive.folder import Archive, storage_problem
from app.errors import ArchiveError
from app.importing.prepare import Prepared
from app.importing.storage import FAILED, IMPORTED, UPDATED, StoreResult
from app.library.stored_text import path_text

log = logging.getLogger(__name__)

OTHERS_TIMEOUT = 2.0  # the longest the import waits for another thread's write before its next batch
SHARED_WAIT = 0.05  # waiting longer than this for the lock means another process writes too…
SHARED_MEMORY = 5.0  # …so for this long afterwards…
COURTESY_PAUSE = 0.15  # …pause this long before each batch (longer than SQLite's 100 ms between two tries)
CHECKPOINT_PAGES = 10_000  # write-ahead log pages (4 kB) before an import's commit copies them (SQLite: 1,000)

Store = Callable[[Session, Prepared], StoreResult]  # app.importing.storage.store_prepared
Stored = tuple[Prepared, str, int | None, str | None]  # the file, outcome, document id, reason


def store_batch(archive: Archive, first: Prepared, ready: Prefetched, transactions: Transactions, store: Store, *,
                size: int, seconds: float, saved: int) -> list[Stored]:
    """Store `first` and the files ready after it in one transaction (each with `store`); commit.

    The batch ends after `size` files or `seconds`, when no prepared file is
    waiting (the write lock is never held while a worker parses), or when
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
                deadline = time.monotonic() + seconds
                prepared: Prepared | None = first
                while prepared is not None:
                    taken.append(prepared)
                    stored.append((prepared, *_store_unguarded(store, session, prepared)))
                    if len(stored) >= size or time.monotonic() >= deadline or transactions.others_waiting:
                        break
                    prepared = ready.next(wait=False)
        except _FileFailed:  # rolled back: the same files again, each in its savepoint
            stored = []
            with archive.session() as session:
                transactions.begin(session)
                for prepared in taken:
                    stored.append((prepared, *_store_one(store, session, prepared)))
    except Exception as e:
        problem = storage_problem(e)
        if problem is None:  # a bug while beginning or committing: these files fail, the import goes on
            log.exception("storing a batch from %s failed", first.path)
            reason = f"internal error: {type(e).__name__}: {e}"
            reached = len(stored)
            return [(p, FAILED, None, reason) if outcome in (IMPORTED, UPDATED) else (p, outcome, doc_id, why)
                    for p, outcome, doc_id, why in stored] + [
                (p, FAILED, None, reason) for p in (taken[reached:] or ([] if stored else [first]))]
        raise ArchiveError(  # a full disk, a read-only folder or a held lock stops the import
            f"import stopped at {path_text(first.path.name)}: {problem}. The {saved} document(s) imported before "
            "are saved; import again to finish."
        ) from e
    return stored


class _FileFailed(Exception):
    """A file of a batch stored without savepoints failed: the batch is stored again with them."""


def _store_unguarded(store: Store, session: Session, prepared: Prepared) -> StoreResult:
    try:
        return store(session, prepared)
    except Exception as e:
        if storage_problem(e) is not None:  # the disk or a lock: the next files would fail the same way
            raise
        raise _FileFailed from e


def _store_one(store: Store, session: Session, prepared: Prepared) -> StoreResult:
    """Store one file in a savepoint: a bug rolls back this file alone, and the batch goes on."""
    try:
        with session.begin_nested():
            return store(session, prepared)
    except Exception as e:
        if storage_problem(e) is not None:  # the disk or a lock: the next files would fail the same way
            raise
        log.exception("import of %s failed", prepared.path)
        return FAILED, None, f"internal error: {type(e).__name__}: {e}"


class Prefetched:
    """Prepared files pulled from the workers by a thread, so that a batch can take only those ready.

    A batch holds the database's write lock; waiting in it for a worker still
    parsing a large file would keep other writers out for nothing.
    """

    _END = object()

    def __init__(self, stream: Iterator[Prepared], ahead: int) -> None:
        self._stream = stream
        self._queue: queue.Queue[object] = queue.Queue(ahead)  # bounded: the workers still wait for us
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


class Transactions:
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
      every `app.importing.importer.INDEX_INTERVAL`); once the import has had to wait for
      the lock itself, it knows it shares the archive and pauses for
      COURTESY_PAUSE before each batch for a while, so the two take turns.
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
