"""The `dossier` and `dossier-gui` commands of an installed Dossier, and what `main.py` runs.

With a command, the command line runs (Qt is never loaded); without one, the desktop app starts.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from app.cli import main as cli_main


def run_desktop_app(archive_dir: Path | None) -> int:
    from ui.application import run_gui  # Qt is loaded only for the desktop app, never for commands

    return run_gui(archive_dir)


def main() -> int:
    desktop: list[bool] = []

    def gui(archive_dir: Path | None) -> int:
        desktop.append(True)
        return run_desktop_app(archive_dir)

    status = cli_main(gui=gui)
    if not desktop:
        # A command has run and the process ends now. Its teardown would run the cycle collector over
        # every object still alive (a tenth of a `search` command's time); frozen, they are freed
        # without it. The command closed its files and connections; the desktop app's objects are
        # left to the collector, which runs their finalisers.
        gc.freeze()
    return status


if __name__ == "__main__":
    sys.exit(main())
