"""The rows of the annotations view: one `AnnotationInfo` per row, as the service returned them.

The model neither queries nor sorts: the view asks `app.annotating.annotations.list_annotations`
for the filtered, ordered list and hands it over with `set_rows`, so the order on
screen is the service's order (by document and position, or newest first).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app.annotating.annotations import AnnotationInfo
from app.annotating.note_text import note_summary_text
from app.export.excerpt_model import COLOR_HEX
from ui.annotations.colors import color_label, color_name
from ui.annotations.note_view import note_tooltip_html
from ui.plain_text import tooltip

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the annotation's id (int)
DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # its document's id (int)
INFO_ROLE = Qt.ItemDataRole.UserRole + 3  # the whole AnnotationInfo
NOTE_ROLE = Qt.ItemDataRole.UserRole + 4  # the note as written (Markdown), for the Note column's delegate

COLOR, QUOTE, NOTE, TAGS, DOCUMENT, MODIFIED = range(6)
HEADERS = ("", QT_TRANSLATE_NOOP("AnnotationTableModel", "Quote"), QT_TRANSLATE_NOOP("AnnotationTableModel", "Note"),
           QT_TRANSLATE_NOOP("AnnotationTableModel", "Tags"), QT_TRANSLATE_NOOP("AnnotationTableModel", "Document"),
           QT_TRANSLATE_NOOP("AnnotationTableModel", "Modified"))  # fmt: skip
QUOTE_CHARS = 160  # the cell elides to its width; this only keeps very long quotes out of the layout

Index = QModelIndex | QPersistentModelIndex


def one_line(text: str, limit: int = QUOTE_CHARS) -> str:
    """Whitespace collapsed to single spaces, cut at `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def header_labels() -> list[str]:
    """The column headers in the user's language (HEADERS holds them in English)."""
    return [QCoreApplication.translate("AnnotationTableModel", h) if h else "" for h in HEADERS]


def local_time(moment: datetime) -> str:
    """Stored times are naive UTC; the table shows the user's local time to the minute, written as the
    user's locale writes a short date and time."""
    when = QDateTime.fromSecsSinceEpoch(int(moment.replace(tzinfo=UTC).timestamp()))
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)


class AnnotationTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AnnotationInfo] = []
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_rows(self, rows: Sequence[AnnotationInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[AnnotationInfo]:
        return list(self._rows)

    def info(self, row: int) -> AnnotationInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, annotation_id: int) -> int | None:
        return next((r for r, a in enumerate(self._rows) if a.id == annotation_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header_labels()[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COLOR:
            return self.tr("Highlight colour")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(HEADERS):
            return None
        a = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == NOTE:
            return note_tooltip_html(a.note) if a.note.strip() else None  # rendered from the note's one reading
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self._tooltip(a, column))
        if role == Qt.ItemDataRole.DecorationRole and column == COLOR:
            return QColor(COLOR_HEX.get(a.color, COLOR_HEX["yellow"]))
        if role == Qt.ItemDataRole.FontRole and column == QUOTE and a.orphaned:
            return self._italic
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COLOR:
            return self.tr("{colour} highlight").format(colour=color_name(a.color))
        if role == ID_ROLE:
            return a.id
        if role == DOCUMENT_ID_ROLE:
            return a.document_id
        if role == INFO_ROLE:
            return a
        if role == NOTE_ROLE:
            return a.note
        return None

    def _display(self, a: AnnotationInfo, column: int) -> str:
        if column == QUOTE:
            return ("⚠ " if a.orphaned else "") + one_line(a.quote)
        if column == NOTE:
            return note_summary_text(a.note)  # drawn styled by the view's NoteDelegate
        if column == TAGS:
            return ", ".join(a.tags)
        if column == DOCUMENT:
            return a.document_title
        if column == MODIFIED:
            return local_time(a.modified_at)
        return ""

    def _tooltip(self, a: AnnotationInfo, column: int) -> str | None:
        if column == COLOR:
            return color_label(a.color)
        if column == QUOTE:
            orphaned = self.tr("Orphaned: this text is no longer found in the document; the quote is what was marked.")
            return f"{a.quote}\n\n{orphaned}" if a.orphaned else a.quote
        if column == TAGS:
            return "\n".join(a.tags) or None
        if column == DOCUMENT:
            return a.document_title
        if column == MODIFIED:
            return self.tr("Created {created}\nModified {modified}").format(
                created=local_time(a.created_at), modified=local_time(a.modified_at)
            )
        return None
