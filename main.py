"""Dossier: `python main.py` opens the desktop app; `python main.py --help` lists the commands."""

import sys

from ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
