"""What every command shares: opening the named archive, and showing stored text on a terminal."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from app.archive.paths import resolve_archive_dir
from app.library.stored_text import path_text
from app.text_safety import terminal_safe

if TYPE_CHECKING:
    from app.archive.folder import Archive

# What json.dumps(ensure_ascii=False) leaves raw but a terminal acts on: DEL, C1 controls, bidi marks.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

Command = Callable[[argparse.Namespace, TextIO, TextIO], int]
Opener = Callable[..., "Archive"]


def dump_json(data: Any, out: TextIO) -> None:
    """JSON that decodes to exactly the stored values, with every character a terminal would act on escaped."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    out.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


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
