"""The current document's annotations as a flat list: anchored ones by position, then a header, then orphans."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.annotating.annotations import AnnotationInfo
from app.annotating.note_text import note_summary_text
from app.export.excerpt_model import COLOR_HEX
from ui.annotations.colors import color_name, swatch_icon
from ui.annotations.note_view import annotation_tooltip
from ui.plain_text import tooltip

AnnotationRole = Qt.ItemDataRole.UserRole + 1  # the AnnotationInfo (None on the header row)
IsHeaderRole = Qt.ItemDataRole.UserRole + 2  # True on the "Text no longer found" row
NoteRole = Qt.ItemDataRole.UserRole + 3  # the note's first line as plain text, its Markdown read
TagsRole = Qt.ItemDataRole.UserRole + 4  # list of (name, colour hex or None)
NoteTextRole = Qt.ItemDataRole.UserRole + 5  # the whole note as written (Markdown), for the delegate to render

Index = QModelIndex | QPersistentModelIndex


class AnnotationListModel(QAbstractListModel):
    """Rows are AnnotationInfo values; the orphans' header row is neither selectable nor an annotation."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._anchored: list[AnnotationInfo] = []
        self._orphans: list[AnnotationInfo] = []
        self._tag_colors: dict[str, str | None] = {}

    def set_annotations(self, items: Sequence[AnnotationInfo], tag_colors: dict[str, str | None] | None = None) -> None:
        self.beginResetModel()
        self._anchored = sorted((a for a in items if not a.orphaned), key=lambda a: (a.start, a.id))
        self._orphans = sorted((a for a in items if a.orphaned), key=lambda a: (a.start, a.id))
        self._tag_colors = dict(tag_colors or {})
        self.endResetModel()

    def annotations(self) -> list[AnnotationInfo]:
        return [*self._anchored, *self._orphans]

    def orphan_count(self) -> int:
        return len(self._orphans)

    def _header_row(self) -> int | None:
        return len(self._anchored) if self._orphans else None

    def annotation_at(self, row: int) -> AnnotationInfo | None:
        header = self._header_row()
        if row < len(self._anchored):
            return self._anchored[row] if row >= 0 else None
        if header is None or row == header:
            return None
        index = row - header - 1
        return self._orphans[index] if 0 <= index < len(self._orphans) else None

    def row_of(self, annotation_id: int) -> int | None:
        for row in range(self.rowCount()):
            info = self.annotation_at(row)
            if info is not None and info.id == annotation_id:
                return row
        return None

    # --- QAbstractListModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        if parent.isValid():
            return 0
        return len(self._anchored) + (len(self._orphans) + 1 if self._orphans else 0)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.row() == self._header_row():
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if index.row() == self._header_row():
            return self._header_data(role)
        info = self.annotation_at(index.row())
        if info is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(info.quote.split())
        if role == Qt.ItemDataRole.ToolTipRole:
            return annotation_tooltip(info.note, info.tags, info.quote)
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch_icon(info.color)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            note = note_summary_text(info.note)
            if note:
                return self.tr("{colour} annotation: {quote}; note: {note}").format(
                    colour=color_name(info.color), quote=info.quote, note=note)
            return self.tr("{colour} annotation: {quote}").format(colour=color_name(info.color), quote=info.quote)
        if role == AnnotationRole:
            return info
        if role == IsHeaderRole:
            return False
        if role == NoteRole:
            return note_summary_text(info.note)
        if role == NoteTextRole:
            return info.note
        if role == TagsRole:
            return [(name, self._tag_colors.get(name)) for name in info.tags]
        if role == Qt.ItemDataRole.UserRole:
            return info.id
        return None

    def _header_data(self, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Text no longer found (%Ln)", "", len(self._orphans))
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self.tr("The document changed and these passages were not found in its new text. "
                                   "Select an annotation, select text in the reader, then choose “Re-anchor here”."))
        if role == IsHeaderRole:
            return True
        return None


def color_of(info: AnnotationInfo) -> QColor:
    return QColor(COLOR_HEX.get(info.color, "#cccccc"))
