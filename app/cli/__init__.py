"""The command line: `python main.py COMMAND …`; no command starts the desktop app.

Every command goes through the same `app/` services as the GUI. User errors
print one line to stderr and exit 1; usage errors exit 2; bugs are logged to
a file and reported in one line, never as a traceback. A command loads only
the modules it uses (`COMMAND_MODULES`), so each starts without paying for the
others, and the desktop app starts without any of them.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from app.archive.paths import ARCHIVE_ENV, log_file, resolve_archive_dir
from app.cli.common import Command, open_archive
from app.cli.parser import build_parser
from app.errors import DossierError
from app.text_safety import terminal_safe

log = logging.getLogger(__name__)

COMMAND_MODULES = {
    **dict.fromkeys(("import", "list", "show", "edit"), "documents"),
    **dict.fromkeys(("search", "reindex"), "searching"),
    **dict.fromkeys(
        (
            "tag",
            "untag",
            "tags",
            "tag-rename",
            "tag-merge",
            "tag-delete",
            "annotate",
            "annotations",
            "annotation-edit",
            "annotation-delete",
            "export",
            "remove",
        ),
        "annotating",
    ),
    **dict.fromkeys(("check", "backup", "restore"), "maintenance"),
}


def command(name: str) -> Command:
    """The function that runs command `name`, its module loaded now."""
    module = importlib.import_module(f"app.cli.{COMMAND_MODULES[name]}")
    return module.commands(open_archive)[name]


def _setup_file_logging() -> Path | None:
    try:
        path = log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8", errors="backslashreplace")  # odd file names
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return path


def _desktop_entry(*, install: bool, out: TextIO, err: TextIO) -> int:
    from app.archive.paths import xdg_data_home
    from app.cli import desktop_entry

    data_home = xdg_data_home()
    try:
        files = desktop_entry.install(data_home) if install else desktop_entry.remove(data_home)
    except DossierError as e:
        err.write(f"dossier: {terminal_safe(str(e))}\n")
        return 1
    if install:
        starts = desktop_entry.exec_line(desktop_entry.launch_command())
        out.write(f"Dossier is in the desktop's menu: {len(files)} files written under "
                  f"{terminal_safe(str(data_home))}\n(it starts: {terminal_safe(starts)})\n")  # fmt: skip
    else:
        out.write(f"Dossier's menu entry removed ({len(files)} files)\n")
    return 0


def main(
    argv: Sequence[str] | None = None,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
    *,
    gui: Callable[[Path | None], int] | None = None,
) -> int:
    """Run a command; with none, start `gui` (main.py passes the desktop app) with the archive named
    by --archive or DOSSIER_ARCHIVE, or None to let the app reopen the last one."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.install_desktop_entry or args.remove_desktop_entry:
        return _desktop_entry(install=args.install_desktop_entry, out=out, err=err)
    if args.command is None:
        if gui is None:
            parser.print_help(err)
            return 2
        named = args.archive or os.environ.get(ARCHIVE_ENV)
        return gui(resolve_archive_dir(named) if named else None)
    log_path = _setup_file_logging()
    try:
        return command(args.command)(args, out, err)
    except DossierError as e:  # messages may quote a title, a tag or a file name: shown with escapes visible
        err.write(f"dossier: {terminal_safe(str(e))}\n")
        return 1
    except KeyboardInterrupt:
        err.write("dossier: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug: log the details, show one line
        from app.archive.folder import storage_problem

        problem = storage_problem(e)  # …unless it is the disk or a lock: the user's to act on
        if problem is not None:
            log.warning("command %s failed: %s", args.command, e)
            err.write(f"dossier: {problem}\n")
            return 1
        log.exception("command %s failed", args.command)
        where = f" (details in {log_path})" if log_path else ""
        err.write(f"dossier: internal error: {type(e).__name__}: {e}{where}\n")
        return 1
