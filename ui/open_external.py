"""Opening a link or a file with the desktop's programs, and saying so when nothing could open it.

QDesktopServices.openUrl only returns False when no browser or viewer is set up (a bare desktop, a
sandbox); silence would look like a dead link, so the user is told and offered the link to copy."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def open_external(parent: QWidget | None, url: QUrl) -> bool:
    """Open `url` outside the app; on failure show a message with a Copy button (not modal to the app)."""
    if QDesktopServices.openUrl(url):
        return True
    shown = url.toLocalFile() if url.isLocalFile() else url.toString()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("OpenExternal", "Cannot open"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    if url.isLocalFile():
        text = QCoreApplication.translate("OpenExternal", "No program on this computer could open this file:")
        advice = QCoreApplication.translate(
            "OpenExternal", "Copy it and open it yourself, or set a default viewer for this kind of file.")
        button = QCoreApplication.translate("OpenExternal", "Copy File")
    else:
        text = QCoreApplication.translate("OpenExternal", "No program on this computer could open this link:")
        advice = QCoreApplication.translate("OpenExternal",
                                            "Copy it and open it yourself, or set a default web browser.")
        button = QCoreApplication.translate("OpenExternal", "Copy Link")
    box.setText(f"{text}\n\n{shown}")
    box.setInformativeText(advice)
    copy = box.addButton(button, QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(shown))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return False
