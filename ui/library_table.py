"""The library's table view: Title takes the spare width, the other columns fit what they show, and
Home/End go to the first and last document (a plain QTableView moves sideways, to the row's ends)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.document_table_model import COLUMNS

# What each column must show without cutting: a sample of its widest ordinary value.
_WIDEST = {"date": "2013-11-28", "publisher": "Landmine Monitor (ICBL)", "kind": "press-release",
           "tags": "country/Azerbaijan  new use  +2", "annotations": "Annotations",
           "imported": "2026-12-07 07:40"}  # fmt: skip
_ALWAYS_WHOLE = {"date", "annotations"}  # short values that are useless cut: never scaled down
_PADDING = 24  # the cell's margins and the sort arrow
_OTHERS_SHARE = 0.6  # at most this share of the width goes to the columns other than Title
_MIN_WIDTH = 48


class LibraryTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(_MIN_WIDTH)
        self._fitting = False
        self._resized_by_user: set[int] = set()
        header.sectionResized.connect(self._remember_user_width)

    def fit_columns(self) -> None:
        """Title stretches; every other column gets its sample's width, scaled down together when the
        window is narrow; a column the user has resized keeps the user's width."""
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        natural: dict[int, int] = {}
        whole: dict[int, int] = {}
        for column, (label, key) in enumerate(COLUMNS):
            if key == "title":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            elif column not in self._resized_by_user:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                sample = _WIDEST.get(key, label)
                width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(label)) + _PADDING
                (whole if key in _ALWAYS_WHOLE else natural)[column] = width
        taken = sum(self.columnWidth(c) for c in self._resized_by_user) + sum(whole.values())
        budget = self.viewport().width() * _OTHERS_SHARE - taken
        scale = min(1.0, max(0.0, budget) / max(1, sum(natural.values())))
        self._fitting = True
        try:
            for column, width in whole.items():
                self.setColumnWidth(column, width)
            for column, width in natural.items():
                self.setColumnWidth(column, max(_MIN_WIDTH, int(width * scale)))
        finally:
            self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _remember_user_width(self, column: int, _old: int, _new: int) -> None:
        title = [key for _, key in COLUMNS].index("title")
        if not self._fitting and column != title and self.isVisible():
            self._resized_by_user.add(column)

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:  # fmt: skip
        model = self.model()
        column = max(0, self.currentIndex().column())
        if action == QAbstractItemView.CursorAction.MoveHome and model is not None:
            return model.index(0, column)
        if action == QAbstractItemView.CursorAction.MoveEnd and model is not None:
            while model.canFetchMore(QModelIndex()):  # the lazy pages up to the last document
                model.fetchMore(QModelIndex())
            return model.index(model.rowCount() - 1, column)
        return super().moveCursor(action, modifiers)
