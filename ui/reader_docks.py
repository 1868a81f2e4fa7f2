"""The reader's panels (footnotes, annotations, citation map) belong to the open document.

Away from the reader tab they step aside, so the library and the annotations view keep the window's
width, and they come back as the user left them, the same one on top (as Zotero's reader panes do).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar


class ReaderDocks:
    """Shows and hides the reader's docks with the reader tab; the first of `docks` is on top when they first show."""

    def __init__(self, window: QMainWindow, docks: tuple[QDockWidget, ...]) -> None:
        self.window = window
        self.docks = docks
        self.away: list[QDockWidget] = []  # hidden while another tab shows, to come back
        self._on_top: QDockWidget | None = None

    def open_first(self) -> None:
        """A document opened with every panel closed (the first one, or after the user closed them all):
        all of them come back, the first on top."""
        if all(dock.isHidden() for dock in self.docks) and not self.away:
            for dock in self.docks:
                dock.show()
            self.docks[0].raise_()
            QTimer.singleShot(0, self._whole_tabs)

    def place(self, reader: bool) -> None:
        """The reader tab is showing (`reader`) or another one is."""
        if reader:
            for dock in self.away:
                dock.show()
            if self._on_top is not None and not self._on_top.isHidden():
                self._on_top.raise_()
            self.away = []
            QTimer.singleShot(0, self._whole_tabs)
            return
        shown = [dock for dock in self.docks if not dock.isHidden()]
        if shown:  # none when moving between two other tabs: what to bring back stays as it was
            self.away = shown
            self._on_top = next((dock for dock in shown if not dock.visibleRegion().isEmpty()), shown[0])
            for dock in shown:
                dock.hide()

    def _whole_tabs(self) -> None:
        """Tabbed panels show their whole names, with arrows when they do not fit ("N…" named nothing); Qt
        makes these tab bars as docks are tabbed, so this runs each time the panels show."""
        for bar in self.window.findChildren(QTabBar):
            if bar.parent() is self.window:
                bar.setElideMode(Qt.TextElideMode.ElideNone)
                bar.setUsesScrollButtons(True)
