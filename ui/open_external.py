"""Opening a link or a file with the desktop's programs, and saying so when nothing could open it.

QDesktopServices.openUrl only returns False when no browser or viewer is set up (a bare desktop, a
sandbox); silence would look like a dead link, so the user is told and offered the link to copy."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def open_external(parent: QWidget | None, url: QUrl) -> bool:
    """Open `url` outside the app; on failure show a message with a Copy button (not modal to the app)."""
    if QDesktopServices.openUrl(url):
        return True
    shown = url.toLocalFile() if url.isLocalFile() else url.toString()
    what = "file" if url.isLocalFile() else "link"
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Cannot open")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"No program on this computer could open this {what}:\n\n{shown}")
    box.setInformativeText("Copy it and open it yourself, or set a default "
                           + ("viewer for this kind of file." if url.isLocalFile() else "web browser."))
    copy = box.addButton(f"Copy {what.capitalize()}", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(shown))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return False
