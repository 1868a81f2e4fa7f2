"""Start the desktop app on an archive folder."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from app.archive import Archive
from app.errors import DossierError
from app.paths import APP_NAME
from ui.main_window import MainWindow


def run_gui(archive_dir: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    try:
        archive = Archive.open(archive_dir)
    except DossierError as e:
        QMessageBox.critical(None, APP_NAME, f"Cannot open the archive.\n\n{e}")
        return 1
    window = MainWindow(archive)
    window.show()
    try:
        return app.exec()
    finally:
        archive.close()
