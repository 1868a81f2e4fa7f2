"""Engine and session factory for one archive's SQLite file.

Every connection gets foreign keys on, the WAL journal (readers never block
the writer, so the GUI can read while an import writes) and a busy timeout
(a second process waits instead of failing with "database is locked").
Temporary data stays in memory: an import writes each document in a
savepoint, whose journal (the pages' former contents) SQLite otherwise writes
to a temporary file; an import made 2.7 times as many writes.

A read-only engine (an archive on a read-only medium) opens the file read-only
(`db/connections.py`) with `query_only`, so that nothing it runs can change the archive.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from db.connections import BUSY_TIMEOUT_MS, connect_read_only


def make_engine(db_path: Path, *, read_only: bool = False, immutable: bool = False) -> Engine:
    if read_only:

        def creator() -> sqlite3.Connection:
            return connect_read_only(db_path, immutable=immutable, check_same_thread=False)

        engine = create_engine("sqlite://", creator=creator, poolclass=QueuePool)
    else:
        engine = create_engine(f"sqlite:///{db_path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if read_only:
            cursor.execute("PRAGMA query_only=ON")  # the journal mode is the file's own: setting it writes
        else:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA temp_store=MEMORY")
        cursor.close()

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: objects handed out after a commit stay readable (detached results).
    return sessionmaker(engine, expire_on_commit=False)
