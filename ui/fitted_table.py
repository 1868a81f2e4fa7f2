"""Tables whose main column takes the spare width while the others fit what they show: the library
(Title) and the Annotations view (Quote). Home/End in the library go to the first and last document
(a plain QTableView moves sideways, to the row's ends)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.document_table_model import COLUMNS, column_label
from ui.kind_colors import kind_label

_PADDING = 24  # the cell's margins and the sort arrow
_OTHERS_SHARE = 0.65  # about this share of the width at most goes to the columns other than the main one
_MIN_WIDTH = 48
_MAIN_MIN = 260  # the main column keeps this much while the table is wide enough


@dataclass(frozen=True, slots=True)
class ColumnFit:
    """How a table's columns share its width."""

    labels: Sequence[str]
    main: int  # the column that stretches
    samples: Mapping[int, str]  # a sample of each column's widest ordinary value
    whole: frozenset[int] = frozenset()  # short values that are useless cut: never scaled down
    fixed: Mapping[int, int] = field(default_factory=dict)  # exact widths (a colour swatch)


class FittedTable(QTableView):
    def __init__(self, fit: ColumnFit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fit = fit
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(min([_MIN_WIDTH, *fit.fixed.values()]))
        self._fitting = False
        self._resized_by_user: set[int] = set()
        header.sectionResized.connect(self._remember_user_width)

    def fit_columns(self) -> None:
        """The main column stretches; every other column gets its sample's width, scaled down together when
        the table is narrow (but not below its header's width, and `whole` columns not at all, until the
        main column would get less than _MAIN_MIN); a column the user has resized keeps the user's width."""
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        natural: dict[int, int] = {}
        least: dict[int, int] = {}  # a scaled column keeps its header readable
        whole: dict[int, int] = dict(self._fit.fixed)
        for column, label in enumerate(self._fit.labels):
            if column == self._fit.main:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            elif column in self._fit.fixed:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            elif column not in self._resized_by_user:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                sample = self._fit.samples.get(column, label)
                width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(label)) + _PADDING
                (whole if column in self._fit.whole else natural)[column] = width
                least[column] = max(_MIN_WIDTH, metrics.horizontalAdvance(label) + _PADDING)
        viewport = self.viewport().width()
        cap = min(viewport * _OTHERS_SHARE, viewport - _MAIN_MIN)  # what the other columns may take together
        by_user = sum(self.columnWidth(c) for c in self._resized_by_user)
        budget = cap - by_user - sum(whole.values())
        scale = min(1.0, max(0.0, budget) / max(1, sum(natural.values())))
        widths = {**whole, **{column: max(least[column], int(width * scale)) for column, width in natural.items()}}
        over = (by_user + sum(widths.values())) / max(1.0, cap)
        if over > 1:  # a narrow table: every column but the fixed ones gives way, whole ones too
            widths = {column: width if column in self._fit.fixed else max(_MIN_WIDTH, int(width / over))
                      for column, width in widths.items()}  # fmt: skip
        self._fitting = True
        try:
            for column, width in widths.items():
                self.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _remember_user_width(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column != self._fit.main and column not in self._fit.fixed and self.isVisible():
            self._resized_by_user.add(column)


_LIBRARY_KEYS = [key for _, key in COLUMNS]
_COMMON_KINDS = ("press-release", "country-profile", "statement", "report")  # the kind column fits the longest name


def library_fit() -> ColumnFit:
    """The library's columns, measured in the app's language (headers, the locale's short date)."""
    labels = [column_label(c) for c in range(len(COLUMNS))]
    imported = QLocale().toString(QDate(2026, 12, 27), QLocale.FormatType.ShortFormat)
    samples = {
        "date": "2013-11-28", "kind": max(map(kind_label, _COMMON_KINDS), key=len),  # the names shown, translated
        "annotations": labels[_LIBRARY_KEYS.index("annotations")],
        "publisher": "Landmine Monitor (ICBL)",  # untranslated: a sample value, for its width
        "tags": "country/Azerbaijan  new use  +2",  # untranslated: a sample value, for its width
        "imported": imported,
    }
    return ColumnFit(
        labels=labels,
        main=_LIBRARY_KEYS.index("title"),
        samples={_LIBRARY_KEYS.index(k): v for k, v in samples.items()},
        # a kind's name cut ("press re…") says nothing; a publisher or tags cut still do
        whole=frozenset(_LIBRARY_KEYS.index(key) for key in ("date", "kind", "annotations", "imported")),
    )


class LibraryTable(FittedTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(library_fit(), parent)
        self.horizontalHeader().setSectionsMovable(True)

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
