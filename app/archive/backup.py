"""Backing up a live archive, and restoring one.

`backup` copies the database with SQLite's online backup API from a connection that holds
one read transaction: in WAL mode that is a consistent snapshot, and writers (an import,
the GUI) carry on meanwhile. The `originals/` folder is copied too if present. The search
index is not copied: it is derived, and opening the restored archive rebuilds it.

Both write into a temporary folder beside the target and rename it at the end, so a failed
or cancelled run never leaves a half copy under the target's name. A read-only archive (a
read-only medium) is backed up through a read-only connection; a restore never writes into
the backup it reads, nor inside it.
"""

from __future__ import annotations

import contextlib
import errno
import queue
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.archive.folder import DB_NAME, Archive
from app.errors import DossierError
from db.connections import connect_read_only

ORIGINALS = "originals"
PAGES_PER_STEP = 1024  # 4 MB with 4 KB pages: progress every few milliseconds
BUSY_TIMEOUT_S = 15.0


class BackupError(DossierError):
    """A backup or restore that was refused or failed; nothing was left under the target name."""


@dataclass(frozen=True, slots=True)
class BackupProgress:
    phase: str  # "database" (pages) or "originals" (files)
    done: int
    total: int


def _check_target(target: Path, what: str) -> Path:
    target = Path(target).expanduser().resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(f"{what} {target} must be a new or empty folder")
    if not target.parent.is_dir():
        raise BackupError(f"{what} {target}: folder {target.parent} does not exist")
    return target


def _copy_file(src: str, dst: str) -> object:
    return shutil.copy2(src, dst)


def _copy_originals(source: Path, dest: Path) -> Iterator[BackupProgress]:
    files = [p for p in source.rglob("*") if p.is_file()]
    for n, path in enumerate(files, 1):
        out = dest / path.relative_to(source)
        out.parent.mkdir(parents=True, exist_ok=True)
        _copy_file(str(path), str(out))
        yield BackupProgress(ORIGINALS, n, len(files))


def _online_copy(db_file: Path, dest_file: Path, *, read_only: bool = False,
                 immutable: bool = False) -> Iterator[BackupProgress]:  # fmt: skip
    """Copy the database page by page in a thread; the snapshot is pinned by a read transaction."""
    events: queue.Queue[BackupProgress | BaseException | None] = queue.Queue()
    stop = threading.Event()

    def work() -> None:
        src = dst = None
        try:
            if read_only:
                src = connect_read_only(db_file, immutable=immutable, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            else:
                src = sqlite3.connect(str(db_file), timeout=BUSY_TIMEOUT_S, isolation_level=None)
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # starts the read snapshot
            dst = sqlite3.connect(str(dest_file))

            def step(_status: int, remaining: int, total: int) -> None:
                if stop.is_set():
                    raise BackupError("backup cancelled")
                events.put(BackupProgress("database", total - remaining, total))

            src.backup(dst, pages=PAGES_PER_STEP, progress=step)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            dst.close()
            dst = None
            events.put(None)
        except BaseException as e:  # handed to the generator, which raises it
            events.put(e)
        finally:
            for conn in (dst, src):
                if conn is not None:
                    conn.close()

    thread = threading.Thread(target=work, name="dossier-backup", daemon=True)
    thread.start()
    try:
        while (event := events.get()) is not None:
            if isinstance(event, BaseException):
                raise event
            yield event
    finally:
        stop.set()
        thread.join()


def _verify(db_file: Path) -> None:
    try:
        conn = sqlite3.connect(str(db_file))
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise BackupError(f"{db_file} is not a readable archive database ({e})") from e
    if rows != ["ok"]:
        raise BackupError(f"{db_file} is damaged: {'; '.join(rows[:3])}")


@contextlib.contextmanager
def _staged(target: Path, action: str) -> Iterator[Path]:
    """A hidden folder beside `target` to fill; moved into place at the end, removed on any failure
    (a cancel included), so `target` never holds half a copy. Failures become one BackupError."""
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent))
    try:
        yield tmp
        _into_place(tmp, target)
    except BaseException as e:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(e, Exception):
            raise _failed(e, action, target) from e
        raise


def _into_place(tmp: Path, target: Path) -> None:
    if target.exists():
        target.rmdir()  # empty (checked): rename cannot replace a folder everywhere
    tmp.rename(target)


def _failed(e: BaseException, action: str, target: Path) -> BackupError:
    if isinstance(e, BackupError):
        return e
    if isinstance(e, OSError) and e.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif isinstance(e, OSError):
        reason = e.strerror or str(e)
    else:
        reason = str(e)
    return BackupError(f"{action} failed: {reason}; nothing was written to {target}")


def backup(archive: Archive, dest: Path) -> Iterator[BackupProgress]:
    """Back up `archive` into the new or empty folder `dest`, with progress."""
    dest = _check_target(dest, "backup folder")
    if dest == archive.folder or archive.folder in dest.parents:
        raise BackupError(f"backup folder {dest} is inside the archive; choose a folder outside it")
    with _staged(dest, "backup") as tmp:
        yield from _online_copy(archive.folder / DB_NAME, tmp / DB_NAME, read_only=archive.read_only,
                                immutable=archive.immutable)  # fmt: skip
        originals = archive.folder / ORIGINALS
        if originals.is_dir():
            yield from _copy_originals(originals, tmp / ORIGINALS)


def restore(backup_dir: Path, target_dir: Path) -> Path:
    """Copy a verified backup into the new or empty `target_dir`; opening it rebuilds the index."""
    backup_dir = Path(backup_dir).expanduser().resolve()
    db_file = backup_dir / DB_NAME
    if not db_file.is_file():
        raise BackupError(f"{backup_dir} holds no backup ({DB_NAME} not found)")
    target = Path(target_dir).expanduser().resolve()
    if target == backup_dir or backup_dir in target.parents:
        raise BackupError(f"restore target {target} is inside the backup {backup_dir}; restore into a new or "
                          "empty folder outside it, so that the backup stays as it is")  # fmt: skip
    target = _check_target(target, "restore target")
    with _staged(target, "restore") as tmp:
        _copy_file(str(db_file), str(tmp / DB_NAME))
        _verify(tmp / DB_NAME)  # the copy, so the backup itself is never written to
        if (backup_dir / ORIGINALS).is_dir():
            for _ in _copy_originals(backup_dir / ORIGINALS, tmp / ORIGINALS):
                pass
    return target
