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
    status = cli_main(gui=run_desktop_app)
    # The process ends now. Its teardown would run the cycle collector over every object still alive
    # (a tenth of a `search` command's time); frozen, they are freed without it. Files and
    # connections were closed by the command.
    gc.freeze()
    return status


if __name__ == "__main__":
    sys.exit(main())
