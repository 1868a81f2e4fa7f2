"""Dossier: `python main.py` opens the desktop app; `python main.py --help` lists the commands."""

import sys
from pathlib import Path

from app.cli import main


def run_desktop_app(archive_dir: Path | None) -> int:
    from ui.application import run_gui  # Qt is loaded only for the desktop app, never for commands

    return run_gui(archive_dir)


if __name__ == "__main__":
    sys.exit(main(gui=run_desktop_app))
