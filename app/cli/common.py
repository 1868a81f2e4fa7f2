"""What every command shares: opening the named archive, and showing stored text on a terminal."""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from app.archive.paths import ARCHIVE_ENV, resolve_archive_dir
from app.errors import NoArchiveError
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


def program() -> str:
    """How the user started Dossier, for the commands a message suggests: `dossier` once installed."""
    return "python main.py" if Path(sys.argv[0]).name == "main.py" else "dossier"


def archive_words(args: argparse.Namespace) -> str:
    """The command line's words that name the archive the user named (`--archive DIR`), for a suggested command."""
    return f" --archive {terminal_safe(shlex.quote(str(args.archive)))}" if getattr(args, "archive", None) else ""


def open_archive(args: argparse.Namespace, err: TextIO | None = None) -> Archive:
    """The archive the command names; a read-only one is said so once on `err` (commands that
    say it themselves, like `backup`, pass none).

    A folder the user named (`--archive`, `DOSSIER_ARCHIVE`) becomes a new archive only through `import`:
    a mistyped name given to `list` or `search` is reported, not made into an empty archive. The per-user
    default archive is made by any command, as on the desktop app's first start.
    """
    from app.archive.folder import Archive  # SQLAlchemy loads only for commands that open an archive

    named = args.archive or os.environ.get(ARCHIVE_ENV)
    folder = resolve_archive_dir(args.archive)
    try:
        archive = Archive.open(folder, create=args.command == "import" or not named)
    except NoArchiveError as e:
        if e.has_files:
            raise
        raise NoArchiveError(f"no archive in {folder}: nothing has been imported there; to start one, import "
                             f"files: {program()}{archive_words(args)} import PATH...", folder,
                             has_files=False) from None  # fmt: skip
    if err is not None and archive.read_only_note:
        err.write(f"dossier: {terminal_safe(archive.read_only_note)}\n")
    return archive


def shown(value: object) -> str:
    """A document's or user's string for a terminal: escapes and bidi overrides made visible, never acted on."""
    return terminal_safe(path_text(value) if isinstance(value, Path) else str(value))
