"""What an archive folder holds, and whether Dossier may write in it: no SQLAlchemy here.

The desktop app's first window and the `search` command ask these before (or
without ever) loading SQLAlchemy, so they live apart from `folder.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_NAME = "archive.sqlite3"
INDEX_DIR = "index"


def writable(folder: Path) -> bool:
    """Whether Dossier may write in `folder` (False on a read-only medium, even for root)."""
    db_file = folder / DB_NAME
    return os.access(folder, os.W_OK) and (not db_file.exists() or os.access(db_file, os.W_OK))
