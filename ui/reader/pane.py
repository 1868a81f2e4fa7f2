"""The reader with its find bar under it: the widget the main window puts in its centre."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.reader.find_bar import FindBar
from ui.reader.reader_view import ReaderView


class ReaderPane(QWidget):
    """ReaderView + FindBar. `find_action` (Ctrl+F) works while focus is inside the pane;
    a main window that wants it window-wide adds the same action to its menu and
    sets its shortcut context to Qt.WindowShortcut (one action, so no ambiguous shortcut)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerPane")
        self.view = ReaderView(self)
        self.find_bar = FindBar(self.view, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.find_action = QAction(self.tr("&Find in Document…"), self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(self.find_bar.open_bar)
        self.addAction(self.find_action)
