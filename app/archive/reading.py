"""An archive opened to answer one search without SQLAlchemy: the `search` command's fast path.

SQLAlchemy's ORM takes longer to import than a search takes to answer, so a
command that only reads opens the database with plain `sqlite3` (read-only, so
nothing it runs can change the archive) and the index beside it. This works
only for an archive that needs nothing written first; `open_for_search` returns
None whenever the usual open would do work — create the archive, upgrade its
schema, catch the index up with queued changes or rebuild it, or fall back to
read-only on a read-only medium — and the caller then opens it the usual way,
so every message and repair stays the usual path's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.archive import layout
from app.archive.layout import DB_NAME, INDEX_DIR
from db.connections import BUSY_TIMEOUT_MS, connect_read_only
from db.revisions import head_revision

if TYPE_CHECKING:
    from app.search.engine import SearchIndex


class ReadingArchive:
    """An up-to-date archive opened for reading only: a read-only sqlite3 connection and the index."""

    def __init__(self, folder: Path, connection: sqlite3.Connection, index: SearchIndex) -> None:
        self.folder = folder
        self._connection = connection
        self._index = index

    @property
    def index(self) -> SearchIndex:
        return self._index

    @contextmanager
    def rows(self) -> Iterator[sqlite3.Connection]:
        """The read-only connection, in one read transaction (a consistent view of the archive)."""
        self._connection.execute("BEGIN")
        try:
            yield self._connection
        finally:
            self._connection.execute("ROLLBACK")

    def close(self) -> None:
        self._index.close()
        self._connection.close()

    def __enter__(self) -> ReadingArchive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_for_search(folder: Path) -> ReadingArchive | None:
    """The archive in `folder` opened without SQLAlchemy, or None when the usual open has work to do."""
    folder = Path(folder).expanduser().resolve()
    db_file = folder / DB_NAME
    try:
        if not db_file.is_file() or db_file.stat().st_size == 0 or not layout.writable(folder):
            return None
        connection = connect_read_only(db_file, isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        if not _up_to_date(connection):
            connection.close()
            return None
        index = _open_index(folder / INDEX_DIR)
    except (OSError, sqlite3.Error):
        connection.close()
        return None
    if index is None:
        connection.close()
        return None
    return ReadingArchive(folder, connection, index)


def _up_to_date(connection: sqlite3.Connection) -> bool:
    """The schema is the newest this Dossier knows and no change waits for the index."""
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA query_only=ON")
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"alembic_version", "index_queue"} <= tables:
        return False
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None or revision[0] != head_revision():
        return False
    return connection.execute("SELECT 1 FROM index_queue LIMIT 1").fetchone() is None


def _open_index(path: Path) -> SearchIndex | None:
    """The index if it can be searched as it is (a missing, damaged or outdated one needs the usual open)."""
    from app.search.engine import IndexUnusableError, SearchIndex

    if not path.is_dir():
        return None
    try:
        return SearchIndex.open(path, recreate=False)
    except IndexUnusableError:
        return None
