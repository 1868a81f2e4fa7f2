"""Reading a file's bytes safely: size checked before reading, OS errors made user-facing."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from app.errors import ReadError

_OS_REASONS = {
    errno.ENOENT: "file not found",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a directory",
    errno.ENOTDIR: "file not found",
    errno.ELOOP: "too many symbolic links",
    errno.ENAMETOOLONG: "file name too long",
}


def human_size(n: int) -> str:
    """Size for a message: '73.2 MB', '50 MB', '512 bytes'."""
    if n < 1024:
        return f"{n} bytes"
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= factor or unit == "KB":
            value = n / factor
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    raise AssertionError("unreachable")


def os_error_reason(exc: OSError) -> str:
    """One-line reason for an OSError, without the path or errno noise."""
    if exc.errno in _OS_REASONS:
        return f"cannot read: {_OS_REASONS[exc.errno]}"
    return f"cannot read: {exc.strerror or type(exc).__name__}".lower()


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Return the file's bytes, refusing non-files and files over `max_bytes`.

    The size is checked with stat() before reading so a huge file is never
    loaded, and the read itself is bounded in case the file grows meanwhile.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            if not os.access(path, os.R_OK | os.X_OK):
                raise ReadError("cannot read folder: permission denied")
            raise ReadError("cannot read: is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("cannot read: not a regular file")
        if info.st_size > max_bytes:
            raise ReadError(f"too large: {human_size(info.st_size)}, limit {human_size(max_bytes)}")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(os_error_reason(exc)) from exc
    if len(data) > max_bytes:
        raise ReadError(f"too large: more than {human_size(max_bytes)}")
    return data
