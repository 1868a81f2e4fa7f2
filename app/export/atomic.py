"""Writing an export file so that a crash, a full disk or a refusal never costs the user a file.

The bytes go to a hidden temporary file in the target's folder (same file system, so
the final rename is atomic), are fsynced, and only then take the target's name. Without
`force` the new file is hard-linked into place, which fails if the name appeared in the
meantime, so an existing file is never replaced by accident. Any failure removes the
temporary file and leaves whatever was at the target untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from app.export.common import ExportError

_REASONS = {
    getattr(errno, "EDQUOT", errno.ENOSPC): "the disk quota is exhausted",
    errno.ENOSPC: "the disk is full",  # after EDQUOT: wins where EDQUOT is missing
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENAMETOOLONG: "the file name is too long",
}


def describe(error: OSError, path: Path) -> str:
    """A one-line message for the user: what failed, where, and why."""
    reason = _REASONS.get(error.errno or 0) or error.strerror or str(error)
    return f"Could not write the export to {path}: {reason}."


def _open_temporary(folder: Path, name: str) -> tuple[int, Path]:
    """A new file next to the target; os.open applies the umask, unlike mkstemp's 0600."""
    for _ in range(100):
        temporary = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(
                temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
            ), temporary
        except FileExistsError:
            continue
    raise ExportError(f"Could not create a temporary file in {folder}; remove old .tmp files there.")


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder, which is fine."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _link_into_place(temporary: Path, target: Path) -> None:
    """Give the file its name only if the name is free; fall back where hard links are unsupported."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        if target.exists():
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from error
        os.replace(temporary, target)
    else:
        os.unlink(temporary)


def write_atomically(data: bytes, path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write `data` to `path` all at once; refuse to replace an existing file unless `force`."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name for the export.")
    if not force and target.exists():
        raise ExportError(f"{target} already exists; choose another name or allow overwriting it (--force).")
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"Could not write the export to {target}: the folder {folder} does not exist.")
    temporary: Path | None = None
    try:
        fd, temporary = _open_temporary(folder, target.name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(temporary, target)
        else:
            _link_into_place(temporary, target)
        temporary = None
        _sync_folder(folder)
    except FileExistsError as error:
        raise ExportError(f"{target} already exists; choose another name or allow overwriting it (--force).") from error
    except OSError as error:
        raise ExportError(describe(error, target)) from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return target
