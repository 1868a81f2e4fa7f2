"""Expanding the paths a user picked into the files to import."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

SUPPORTED_SUFFIXES: tuple[str, ...] = (
    ".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".odt", ".fodt", ".epub",
)  # fmt: skip

_SAVE_AS = "save it as PDF, HTML or plain text and import that"
NOT_READ: dict[str, str] = {
    ".doc": "a legacy Word file (Word 97-2003): save it as .docx and import that",
    ".rtf": "a Rich Text file: save it as .docx or .odt and import that",
    ".wpd": "a WordPerfect file: save it as .docx or .odt and import that",
    ".pages": "an Apple Pages file: export it as .docx or PDF and import that",
    ".dot": "a legacy Word template: save it as .docx and import that",
    ".dotx": "a Word template: save it as .docx and import that",
    **dict.fromkeys((".mobi", ".azw", ".azw3", ".djvu", ".xps"), f"an e-book or page format: {_SAVE_AS}"),
    **dict.fromkeys((".ppt", ".pptx", ".odp", ".key"), f"a presentation: {_SAVE_AS}"),
    **dict.fromkeys((".xls", ".xlsx", ".ods", ".csv"), "a spreadsheet: Dossier reads reports, not tables"),
}
"""Documents people keep beside their reports that Dossier does not read: found in a folder, they are named
in the import summary with this reason instead of being passed over (images, style sheets and the like
are not documents and are passed over)."""


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def iter_candidate_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to import, in a stable order.

    Folders are walked recursively (sorted by name, hidden entries skipped,
    symlink loops cut by remembering resolved folders) and yield supported
    files only (FIFOs and devices with a supported name too, to be reported,
    never opened). A path named explicitly is yielded whatever its suffix, and
    an unreadable folder is yielded as is, so that the caller reports why it
    was skipped instead of silently losing it. No file is yielded twice.
    """
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, seen_dirs, seen_files)
        elif _first_time(path, seen_files):
            yield path


def _first_time(path: Path, seen: set[str]) -> bool:
    key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as scan:
        return sorted(scan, key=lambda entry: (entry.name.casefold(), entry.name))


def _is_special(entry: os.DirEntry[str]) -> bool:
    """A FIFO, device or socket (through symlinks): yielded when its name is supported, so the
    import reports it ("not a regular file") instead of losing it silently; it is never opened."""
    try:
        mode = entry.stat().st_mode
    except OSError:  # e.g. a dangling symlink: skipped, as before
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _walk(root: Path, seen_dirs: set[str], seen_files: set[str]) -> Iterator[Path]:
    """Depth-first, iterative (no recursion limit on deep trees)."""
    if not _first_time(root, seen_dirs):
        return
    try:
        stack = [iter(_entries(root))]
    except OSError:
        yield root
        return
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and (entry.is_file() or _is_special(entry))
        except OSError:
            continue
        if is_dir:
            if not _first_time(path, seen_dirs):
                continue
            try:
                stack.append(iter(_entries(path)))
            except OSError:
                yield path
        elif is_file and (is_supported(path) or path.suffix.lower() in NOT_READ) and _first_time(path, seen_files):
            yield path
