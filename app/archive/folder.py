"""An archive is one folder: `archive.sqlite3` (the truth) and derived data beside it.

`Archive` owns the engine and hands out one short session per operation
(`with archive.session() as s:`), committed on success and rolled back on any
error, so a failure never leaves half an operation in the database.

Opening never destroys or rewrites what it does not understand: a folder whose
database is missing or empty but which still holds other files is refused (it is a
damaged archive, not a new one), so is a schema made by a newer Dossier; and an
archive on a read-only medium is opened read-only, for reading commands only.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from app import __version__
from app.archive import layout
from app.archive.layout import DB_NAME, INDEX_DIR
from app.errors import ArchiveError, NoArchiveError
from db import migrate
from db.engine import BUSY_TIMEOUT_MS, make_engine, make_session_factory

if TYPE_CHECKING:
    from app.search.engine import SearchIndex

# SQLite's own files: a new archive's folder may hold them (another process is creating it).
_SQLITE_FILES = {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}-journal"}
RECOVERY = (
    "restore your last backup into a new folder (python main.py restore BACKUP NEW_FOLDER) "
    "and open that, or choose an empty or new folder for a new archive"
)


_SQLITE_PROBLEMS = (
    ("database or disk is full", "the disk holding the archive is full"),
    ("readonly database", "the archive folder is read-only"),
    ("read-only", "the archive folder is read-only"),
    ("database is locked", f"the archive is busy: another Dossier process kept it locked for more than "
                           f"{BUSY_TIMEOUT_MS // 1000} s; try again when it has finished"),
    ("disk i/o error", "the archive could not be written (disk I/O error); is the disk full or removed?"),
)
_OS_PROBLEMS = {
    getattr(errno, "EDQUOT", errno.ENOSPC): "the disk quota for the archive is exhausted",
    errno.ENOSPC: "the disk holding the archive is full",
    errno.EROFS: "the archive folder is read-only",
    errno.EACCES: "permission denied in the archive folder",
    errno.EPERM: "permission denied in the archive folder",
}


def storage_problem(error: BaseException) -> str | None:
    """A one-line reason when `error` (or its cause) is the disk or a lock, not a bug: full, read-only, busy."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        inner = getattr(current, "orig", None)  # SQLAlchemy wraps the sqlite3 error
        for candidate in (current, inner):
            if isinstance(candidate, sqlite3.Error):
                message = str(candidate).lower()
                for needle, reason in _SQLITE_PROBLEMS:
                    if needle in message:
                        return reason
            elif isinstance(candidate, OSError) and candidate.errno in _OS_PROBLEMS:
                return _OS_PROBLEMS[candidate.errno]
        current = current.__cause__ or current.__context__
    return None


def _check_new_folder(folder: Path, db_file: Path, *, create: bool) -> None:
    """A missing or empty database makes a new archive only in a new or empty folder: anything
    else there (index/, originals/, a user's files) means a damaged archive or the wrong folder."""
    others = sorted(p.name for p in folder.iterdir() if p.name not in _SQLITE_FILES) if folder.is_dir() else []
    state = "is missing" if not db_file.exists() else "is empty (0 bytes)"
    if others and ({INDEX_DIR, "originals"} & set(others) or db_file.exists()):
        shown = ", ".join(others[:3]) + (", …" if len(others) > 3 else "")
        raise ArchiveError(f"{folder} is not a usable archive: its database {DB_NAME} {state}, but the folder "
                           f"still holds {shown}. Dossier will not make a new, empty archive over it; "
                           f"{RECOVERY}")  # fmt: skip
    if others:
        raise NoArchiveError(f"{folder} is not empty and holds no archive; choose an empty or new folder", folder,
                             has_files=True)  # fmt: skip
    if not create:
        raise NoArchiveError(f"no archive in {folder}", folder, has_files=False)


def _refuse_foreign(db_file: Path) -> None:
    """Another program's SQLite file is refused before Dossier's own connection settings (WAL) touch it."""
    try:
        with closing(sqlite3.connect(f"{db_file.as_uri()}?mode=ro", uri=True)) as conn:
            tables = sorted(row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    except sqlite3.Error:
        return  # not readable as a database at all: the usual open says why
    if tables and "alembic_version" not in tables:
        raise _foreign(db_file, migrate.ForeignDatabaseError(tables))


def _foreign(db_file: Path, error: migrate.ForeignDatabaseError) -> ArchiveError:
    return ArchiveError(f"{db_file} is not a Dossier archive: {error}. It is left untouched; choose another "
                        "folder for the archive")  # fmt: skip


class Archive:
    """An open archive folder; `read_only` when opened for reading only (see `open`)."""

    def __init__(self, folder: Path, *, read_only: bool = False, immutable: bool = False) -> None:
        self.folder = folder
        self.read_only = read_only
        self.immutable = immutable
        self.engine = make_engine(folder / DB_NAME, read_only=read_only, immutable=immutable)
        self._sessions = make_session_factory(self.engine)
        self._index: SearchIndex | None = None

    @property
    def read_only_note(self) -> str | None:
        """What a reading command tells the user about a read-only archive (None when writable)."""
        if not self.read_only:
            return None
        return (f"note: {self.folder} is read-only; opened for reading only (no schema upgrade, repair "
                "or index update)")  # fmt: skip

    @property
    def refusal(self) -> str:
        """The one line that refuses a writing command on a read-only archive."""
        return (f"{self.folder} is read-only, so it was opened for reading only (list, show, search, backup); "
                "to change it, copy it to a writable folder: python main.py backup DEST, then "
                "python main.py restore DEST NEW_FOLDER")  # fmt: skip

    def require_writable(self) -> None:
        """Refuse, in one line, a command that writes when the archive was opened read-only."""
        if self.read_only:
            raise ArchiveError(f"cannot change the archive: {self.refusal}")

    @classmethod
    def open(cls, folder: Path, *, create: bool = True, read_only: bool | None = None) -> Archive:
        """Open (and if allowed create) the archive in `folder`, migrating its schema.

        `read_only`: None opens read-only when the folder cannot be written (a read-only medium),
        True always (no migration, no writes), False refuses a read-only folder (writing commands).
        """
        folder = Path(folder).expanduser().resolve()
        db_file = folder / DB_NAME
        if folder.exists() and not folder.is_dir():
            raise ArchiveError(f"{folder} is a file, not an archive folder")
        is_new = not db_file.exists() or db_file.stat().st_size == 0
        if is_new:
            _check_new_folder(folder, db_file, create=create and read_only is not True)
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise ArchiveError(f"cannot create archive folder {folder}: {e.strerror or e}") from e
        elif read_only is not True and not layout.writable(folder):
            if read_only is False:
                raise ArchiveError(f"cannot change the archive: {cls(folder, read_only=True).refusal}")
            return cls._open_read_only(folder, immutable=True)
        elif read_only:
            return cls._open_read_only(folder, immutable=False)
        else:
            _refuse_foreign(db_file)
        archive = cls(folder)
        try:
            for attempt in range(3):  # two processes creating one archive: the loser retries on the result
                try:
                    migrate.upgrade(archive.engine)
                    migrate.record_release(archive.engine, __version__)
                    break
                except sa_exc.OperationalError as e:
                    # the other process's schema committed under this one's transaction: read it again
                    if not any(m in str(e.orig) for m in ("already exists", "database is locked")) or attempt == 2:
                        raise
                    time.sleep(0.2)
        except sa_exc.DatabaseError as e:
            archive.close()
            problem = storage_problem(e)
            if problem is None and not os.access(folder, os.W_OK):  # SQLite says only "unable to open"
                problem = "the archive folder is read-only (Dossier writes its journal beside the database)"
            if problem is not None:
                raise ArchiveError(f"cannot open {folder}: {problem}") from e
            raise ArchiveError(f"{db_file} is not a readable Dossier archive ({e.orig})") from e
        except OSError as e:
            archive.close()
            raise ArchiveError(f"cannot open {db_file}: {e.strerror or e}") from e
        except migrate.UnknownRevisionError as e:
            archive.close()
            raise _too_new(folder, e) from None
        except migrate.ForeignDatabaseError as e:
            archive.close()
            raise _foreign(db_file, e) from None
        return archive

    @classmethod
    def _open_read_only(cls, folder: Path, *, immutable: bool) -> Archive:
        """Open without writing anything: no migration (an old schema is refused), no journal change."""
        wal = folder / f"{DB_NAME}-wal"
        # immutable ignores a -wal file: use it only when there is none to read (a cleanly closed archive)
        immutable = immutable and not (wal.exists() and wal.stat().st_size > 0)
        archive = cls(folder, read_only=True, immutable=immutable)
        try:
            current = migrate.check_revision(archive.engine)
            if current is None:
                raise ArchiveError(f"{folder / DB_NAME} is not a Dossier archive (it has no schema revision)")
            if current != migrate.head_revision():
                raise ArchiveError(f"{folder} was made by an older Dossier and needs a schema upgrade, which "
                                   f"cannot be written: {archive.refusal}")  # fmt: skip
        except migrate.UnknownRevisionError as e:
            archive.close()
            raise _too_new(folder, e) from None
        except ArchiveError:
            archive.close()
            raise
        except sa_exc.DatabaseError as e:
            archive.close()
            if not immutable and wal.exists() and wal.stat().st_size > 0:  # SQLite needs a -shm it cannot make
                raise ArchiveError(f"{folder} is read-only and its last changes are still in {wal.name}, which "
                                   "SQLite can only read in a writable folder: copy the whole folder to a "
                                   "writable place and open the copy") from e  # fmt: skip
            raise ArchiveError(f"{folder / DB_NAME} is not a readable Dossier archive ({e.orig})") from e
        return archive

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def index_dir(self) -> Path:
        return self.folder / INDEX_DIR

    @property
    def index(self) -> SearchIndex:
        """The search index, opened on first use (recreated empty if unusable: see app.search.service;
        read-only archives search it as it is and refuse to update it)."""
        if self._index is None:  # Whoosh loads here, not for commands that never search
            if self.index_dir.exists() and not self.index_dir.is_dir():  # never removed: it is not ours to delete
                raise ArchiveError(f"{self.index_dir} is a file, where the archive keeps its search index (a "
                                   "folder): move it out of the archive, and the index is rebuilt from the database")
            if self.read_only:
                from app.search.read_only import ReadOnlyIndex

                self._index = ReadOnlyIndex.open_read_only(self.index_dir, self.refusal)
            else:
                from app.search.engine import SearchIndex

                self._index = SearchIndex.open(self.index_dir)
        return self._index

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any exception.

        On a read-only archive a write is refused with `refusal`, one line instead of SQLite's error."""
        try:
            with self._sessions() as session, session.begin():
                yield session
        except sa_exc.OperationalError as e:
            if self.read_only and storage_problem(e) == "the archive folder is read-only":
                raise ArchiveError(f"cannot change the archive: {self.refusal}") from e
            raise

    @contextmanager
    def rows(self) -> Iterator[sqlite3.Connection]:
        """A pooled connection's own sqlite3 connection, for reads written in plain SQL (`app.search.answers`)."""
        with self.engine.connect() as connection:
            yield connection.connection.driver_connection  # type: ignore[misc]

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None
        self.engine.dispose()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _too_new(folder: Path, error: migrate.UnknownRevisionError) -> ArchiveError:
    known = error.written_by and error.written_by != __version__  # a build of this release names nothing new
    made_by = f"Dossier {error.written_by}" if known else "a newer version of Dossier"
    return ArchiveError(
        f"{folder} was made or upgraded by {made_by} (schema revision {error.revision}); this is Dossier "
        f"{__version__}, which knows revisions up to {migrate.head_revision()}. It was left untouched: open it with "
        "that newer Dossier, or restore an older backup of it into a new folder "
        "(python main.py restore BACKUP NEW_FOLDER)"
    )
