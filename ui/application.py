"""Start the desktop app on an archive folder."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.archive import DB_NAME, Archive
from app.errors import DossierError
from app.paths import APP_NAME, default_archive_dir
from ui import plain_text
from ui.main_window import MainWindow
from ui.settings import AppSettings
from ui.startup_probe import install_if_asked


def choose_archive_dir(named: Path | None, settings: AppSettings) -> Path:
    """The named archive; else the last one used, if it still exists; else the per-user default."""
    if named is not None:
        return named
    last = settings.last_archive()
    if last is not None and (last / DB_NAME).is_file():
        return last
    return default_archive_dir()


def run_gui(archive_dir: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    settings = AppSettings()
    folder = choose_archive_dir(archive_dir, settings)
    try:
        archive = Archive.open(folder)
    except DossierError as e:
        plain_text.critical(None, APP_NAME, f"Cannot open the archive.\n\n{e}")
        return 1
    window = MainWindow(archive, settings)
    probe = install_if_asked(window)  # noqa: F841 - kept alive with the window (benchmark only)
    window.show()
    try:
        return app.exec()
    finally:
        window.archive.close()
