"""Reading a file's bytes safely: regular files only, size checked before reading, OS errors made user-facing.

Only regular files are ever opened for their content: a FIFO blocks the opener until a
writer comes, and `/dev/zero` or `/dev/urandom` never end, so an import would hang.
The path is checked with stat() (through symlinks) before it is opened, and the opened
handle is checked again with fstat(), opened non-blocking, so a file swapped for a FIFO
in between cannot hang the import either.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

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


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


NOT_REGULAR = "cannot read: not a regular file"  # a FIFO, a device or a socket


def regular_file_size(path: Path) -> int:
    """The size of `path` if it is a regular file (symlinks followed); else a ReadError saying what it is."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ReadError(os_error_reason(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        if not os.access(path, os.R_OK | os.X_OK):
            raise ReadError("cannot read folder: permission denied")
        raise ReadError("cannot read: is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(NOT_REGULAR)
    return info.st_size


def open_regular(path: Path) -> BinaryIO:
    """Open `path` for reading only if it is a regular file; a FIFO or a device is refused, never waited on.

    Checked before opening (opening some devices acts on them) and again on the open
    handle (the path may have been replaced meanwhile); the non-blocking open returns at
    once even for a FIFO. Raises ReadError, or OSError from the open itself.
    """
    regular_file_size(path)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ReadError(NOT_REGULAR)
        if _OPEN_FLAGS & getattr(os, "O_NONBLOCK", 0):  # POSIX: reads of the regular file as usual
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


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
    """Return the file's bytes, refusing anything but regular files, and files over `max_bytes`.

    The size is checked with stat() before reading so a huge file is never
    loaded, and the read itself is bounded in case the file grows meanwhile.
    """
    size = regular_file_size(path)
    if size > max_bytes:
        raise ReadError(f"too large: {human_size(size)}, limit {human_size(max_bytes)}")
    try:
        with open_regular(path) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(os_error_reason(exc)) from exc
    if len(data) > max_bytes:
        raise ReadError(f"too large: more than {human_size(max_bytes)}")
    return data
