"""The window shown while an archive opens, so the user sees the app at once.

Loading the main window pulls in SQLAlchemy, the search engine and every
widget, which takes longer than Qt itself; this frame needs only Qt, paints
first, and gives way to the main window at the same place and size.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QMainWindow

from ui import plain_text
from ui.settings import AppSettings

PAINT_WAIT_MS = 1000  # a window that is never exposed (minimised, another workspace) does not hold startup


class FirstWindow(QMainWindow):
    painted = Signal()

    def __init__(self, folder: Path, settings: AppSettings) -> None:
        super().__init__()
        self.has_painted = False
        self.setObjectName("firstWindow")
        self.setWindowTitle(f"{folder.name} — Dossier")  # untranslated: the app's name (as the main window titles it)
        note = plain_text.plain(QLabel(self.tr("Opening “{name}”…").format(name=folder.name)))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setCentralWidget(note)
        self.statusBar().showMessage(self.tr("Opening {folder}…").format(folder=folder))  # drawn as plain text
        self.resize(1280, 800)
        geometry, _state = settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.has_painted:
            self.has_painted = True
            self.painted.emit()

    def show_painted(self, timeout_ms: int = PAINT_WAIT_MS) -> None:
        """Show the window and return once it has painted, before the caller blocks the event loop."""
        self.show()
        if self.has_painted:
            return
        loop = QEventLoop()
        timer = QTimer(loop)
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        self.painted.connect(loop.quit)
        timer.start(timeout_ms)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self.painted.disconnect(loop.quit)

    def hand_over_to(self, window: QMainWindow) -> None:
        """Show `window` where this one is (same geometry, maximised or not), then close this one."""
        state = self.windowState()
        if not state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            window.setGeometry(self.geometry())  # a copy: restoreGeometry would fit it to the screen again
        window.setWindowState(state)
        window.show()
        self.close()
