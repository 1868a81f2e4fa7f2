"""Writing an export file so that a crash, a full disk or a refusal never costs the user a file.

The bytes go to a hidden temporary file in the target's folder (same file system, so
the final rename is atomic), are fsynced, and only then take the target's name. Without
`force` the new file is hard-linked into place, which fails if the name appeared in the
meantime, so an existing file is never replaced by accident. Any failure removes the
temporary file and leaves whatever was at the target untouched.

Only a regular file is ever replaced (a device, FIFO or socket is refused, not swapped
for a file), and the replacement keeps the old file's permission bits.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

from app.export.common import ExportError
from app.library.stored_text import path_text
from app.text_safety import terminal_safe

_REASONS = {
    getattr(errno, "EDQUOT", errno.ENOSPC): "the disk quota is exhausted",
    errno.ENOSPC: "the disk is full",  # after EDQUOT: wins where EDQUOT is missing
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENAMETOOLONG: "the file name is too long",
}


def _shown(path: Path) -> str:
    """A path for a message: undecodable bytes and control characters shown, never acted on."""
    return terminal_safe(path_text(path))


def already_exists(target: Path) -> ExportError:
    """The refusal to replace a file without `force`."""
    return ExportError(f"{_shown(target)} already exists; choose another name or allow overwriting it (--force).")


def describe(error: OSError, path: Path) -> str:
    """A one-line message for the user: what failed, where, and why."""
    reason = _REASONS.get(error.errno or 0) or error.strerror or str(error)
    return f"Could not write the export to {_shown(path)}: {reason}."


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
    raise ExportError(f"Could not create a temporary file in {_shown(folder)}; remove old .tmp files there.")


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


def existing_target(target: Path) -> os.stat_result | None:
    """The regular file at `target` (through symlinks), None if the name is free; anything else is refused.

    Replacing a device, FIFO or socket by rename would swap the node itself (as root,
    `-o /dev/null --force` left a regular file at /dev/null), so only regular files are
    ever replaced.
    """
    try:
        info = target.stat()
    except FileNotFoundError:
        if target.is_symlink():
            raise ExportError(f"{_shown(target)} is a link to a missing file; export to the file itself.") from None
        return None
    except OSError as error:
        raise ExportError(describe(error, target)) from error
    if stat.S_ISDIR(info.st_mode):
        raise ExportError(f"{_shown(target)} is a folder; give a file name for the export.")
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(f"{_shown(target)} is not a regular file (a device, pipe or socket); export to a file.")
    return info


def _keep_mode(fd: int, old: os.stat_result) -> None:
    """The new file gets the replaced file's permission bits (and owner, where allowed).

    set-user/group-id bits are not carried over: an export is never a program.
    """
    os.fchmod(fd, stat.S_IMODE(old.st_mode) & ~(stat.S_ISUID | stat.S_ISGID))
    with contextlib.suppress(OSError, AttributeError):
        os.fchown(fd, old.st_uid, old.st_gid)


def write_atomically(data: bytes, path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write `data` to `path` all at once; refuse to replace an existing file unless `force`.

    Only a regular file (or a free name) is a target; a symlink to a regular file is
    followed, so the link stays and the file it names is replaced.
    """
    target = Path(path)
    old = existing_target(target)
    if not force and old is not None:
        raise already_exists(target)
    if old is not None and target.is_symlink():
        target = Path(os.path.realpath(target))
    folder = target.parent
    if not folder.is_dir():
        where = f"Could not write the export to {_shown(target)}"
        raise ExportError(f"{where}: the folder {_shown(folder)} does not exist.")
    temporary: Path | None = None
    try:
        fd, temporary = _open_temporary(folder, target.name)
        with os.fdopen(fd, "wb") as handle:
            if old is not None and hasattr(os, "fchmod"):
                _keep_mode(handle.fileno(), old)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            existing_target(target)  # again, just before the rename: the node may have changed meanwhile
            os.replace(temporary, target)
        else:
            _link_into_place(temporary, target)
        temporary = None
        _sync_folder(folder)
    except FileExistsError as error:
        raise already_exists(target) from error
    except OSError as error:
        raise ExportError(describe(error, target)) from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return target
