"""What every command shares: opening the named archive, and showing stored text on a terminal."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app.archive.paths import resolve_archive_dir
from app.library.stored_text import path_text
from app.text_safety import terminal_safe

if TYPE_CHECKING:
    from app.archive.folder import Archive

Command = Callable[[argparse.Namespace, TextIO, TextIO], int]
Opener = Callable[..., "Archive"]


def open_archive(args: argparse.Namespace, err: TextIO | None = None) -> Archive:
    """The archive the command names; a read-only one is said so once on `err` (commands that
    say it themselves, like `backup`, pass none)."""
    from app.archive.folder import Archive  # SQLAlchemy loads only for commands that open an archive

    archive = Archive.open(resolve_archive_dir(args.archive))
    if err is not None and archive.read_only_note:
        err.write(f"dossier: {terminal_safe(archive.read_only_note)}\n")
    return archive


def shown(value: object) -> str:
    """A document's or user's string for a terminal: escapes and bidi overrides made visible, never acted on."""
    return terminal_safe(path_text(value) if isinstance(value, Path) else str(value))
