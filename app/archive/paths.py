"""Where Dossier keeps things on this machine: the one place that asks platformdirs."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir, user_log_dir

from app.archive.layout import DB_NAME
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
    """--archive wins, then the DOSSIER_ARCHIVE variable, then the archive opened last (so that the
    commands work on the archive the desktop app shows, as calibredb does), then the per-user default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ARCHIVE_ENV)
    if env:
        return Path(env).expanduser()
    return last_archive() or default_archive_dir()


_MAX_RECORD = 16 * 1024  # a path, never more


def _last_archive_file() -> Path:
    return Path(user_config_dir(APP_NAME, appauthor=False)) / "last-archive"


def remember_last_archive(folder: Path) -> None:
    """Record the archive the desktop app opened, for its next start and the commands' default.

    A plain file in the per-user config folder (the app's other settings are Qt's, which the commands do
    not load); replaced atomically, and left as it was when it cannot be written (the default then serves).
    """
    record = _last_archive_file()
    temporary = record.with_name(f".{record.name}.{os.getpid()}.tmp")
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(os.fsencode(str(Path(folder).resolve())))
        os.replace(temporary, record)
    except OSError:
        temporary.unlink(missing_ok=True)


def last_archive() -> Path | None:
    """The archive recorded by `remember_last_archive`, if it still holds an archive."""
    try:
        with open(_last_archive_file(), "rb") as handle:
            data = handle.read(_MAX_RECORD + 1)
    except OSError:
        return None
    if not data or len(data) > _MAX_RECORD or b"\0" in data:
        return None
    folder = Path(os.fsdecode(data))
    try:
        return folder if folder.is_absolute() and (folder / DB_NAME).is_file() else None
    except OSError:
        return None


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
