"""Where Dossier keeps things on this machine: the one place that asks platformdirs."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

from app.readers import SUPPORTED_SUFFIXES
from resources import RESOURCES_DIR

APP_NAME = "Dossier"
APP_ID = "io.github.dossier.Dossier"  # the desktop entry, icon and AppStream id
ARCHIVE_ENV = "DOSSIER_ARCHIVE"
SAMPLES_DIR = RESOURCES_DIR / "samples"


def default_archive_dir() -> Path:
    """The per-user archive used when neither --archive nor DOSSIER_ARCHIVE is given."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "archive"


def xdg_data_home() -> Path:
    """The user's data folder that desktop menus read (`~/.local/share`, or $XDG_DATA_HOME)."""
    return Path(user_data_dir())


def resolve_archive_dir(explicit: str | os.PathLike[str] | None) -> Path:
    """--archive wins, then the DOSSIER_ARCHIVE variable, then the per-user default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ARCHIVE_ENV)
    if env:
        return Path(env).expanduser()
    return default_archive_dir()


def log_file() -> Path:
    """Where internal errors are written, so that users see one line and we keep the details."""
    return Path(user_log_dir(APP_NAME, appauthor=False)) / "dossier.log"


def sample_files() -> list[Path]:
    """The bundled sample reports offered on first run (the folder's README is not one)."""
    if not SAMPLES_DIR.is_dir():
        return []
    return sorted(
        p
        for p in SAMPLES_DIR.iterdir()
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and p.name.lower() != "readme.md"
    )
