"""Plain sqlite3 connections to an archive's file, shared by the engine and by readers without SQLAlchemy.

A read-only connection opens the file with a `mode=ro` URI (never creating it),
`immutable=1` when the folder cannot hold WAL's `-shm` file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

BUSY_TIMEOUT_MS = 15_000


def read_only_uri(db_path: Path, *, immutable: bool = False) -> str:
    """An SQLite URI that opens `db_path` read-only (never creating it); `immutable` skips locks and -shm."""
    uri = f"file:{quote(str(Path(db_path).absolute()))}?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def connect_read_only(db_path: Path, *, immutable: bool = False, timeout: float = BUSY_TIMEOUT_MS / 1000,
                      **kwargs: object) -> sqlite3.Connection:  # fmt: skip
    return sqlite3.connect(read_only_uri(db_path, immutable=immutable), uri=True, timeout=timeout, **kwargs)  # type: ignore[arg-type]
