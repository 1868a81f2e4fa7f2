"""An archive is one folder: `archive.sqlite3` (the truth) and derived data beside it.

`Archive` owns the engine and hands out one short session per operation
(`with archive.session() as s:`), committed on success and rolled back on any
error, so a failure never leaves half an operation in the database.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from app.errors import ArchiveError
from app.search_index import SearchIndex
from db import migrate
from db.engine import BUSY_TIMEOUT_MS, make_engine, make_session_factory

DB_NAME = "archive.sqlite3"
INDEX_DIR = "index"
# Entries we tolerate in a folder that does not hold an archive yet.
_ARCHIVE_ENTRIES = {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}-journal", INDEX_DIR, "originals"}


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


class Archive:
    """An open archive folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.engine = make_engine(folder / DB_NAME)
        self._sessions = make_session_factory(self.engine)
        self._index: SearchIndex | None = None

    @classmethod
    def open(cls, folder: Path, *, create: bool = True) -> Archive:
        """Open (and if allowed create) the archive in `folder`, migrating its schema."""
        folder = Path(folder).expanduser().resolve()
        db_file = folder / DB_NAME
        if folder.exists() and not folder.is_dir():
            raise ArchiveError(f"{folder} is a file, not an archive folder")
        if not db_file.exists():
            if not create:
                raise ArchiveError(f"no archive in {folder}")
            if folder.is_dir() and any(p.name not in _ARCHIVE_ENTRIES for p in folder.iterdir()):
                raise ArchiveError(
                    f"{folder} is not empty and holds no archive; choose an empty or new folder"
                )
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise ArchiveError(f"cannot create archive folder {folder}: {e.strerror or e}") from e
        archive = cls(folder)
        try:
            for attempt in range(3):  # two processes creating one archive: the loser retries on the result
                try:
                    migrate.upgrade(archive.engine)
                    break
                except sa_exc.OperationalError as e:
                    if "already exists" not in str(e.orig) or attempt == 2:
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
        return archive

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def index_dir(self) -> Path:
        return self.folder / INDEX_DIR

    @property
    def index(self) -> SearchIndex:
        """The search index, opened on first use (recreated empty if unusable: see app.search)."""
        if self._index is None:
            self._index = SearchIndex.open(self.index_dir)
        return self._index

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any exception."""
        with self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None
        self.engine.dispose()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
