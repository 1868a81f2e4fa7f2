"""The library table: documents fetched page by page, sorted by the database."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimeZone,
)

from app.archive.folder import Archive
from app.library import listing as library
from ui.kind_colors import kind_label
from ui.plain_text import tooltip

PAGE_SIZE = 500
COLUMNS = [  # (header, key): headers are shown through column_label(), in the app's language
    (QT_TRANSLATE_NOOP("DocumentTableModel", "Title"), "title"),
    (QT_TRANSLATE_NOOP("DocumentTableModel", "Date"), "date"),
    (QT_TRANSLATE_NOOP("DocumentTableModel", "Publisher"), "publisher"),
    (QT_TRANSLATE_NOOP("DocumentTableModel", "Kind"), "kind"),
    (QT_TRANSLATE_NOOP("DocumentTableModel", "Tags"), "tags"),
    (QT_TRANSLATE_NOOP("DocumentTableModel", "Annotations"), "annotations"),
    (QT_TRANSLATE_NOOP("DocumentTableModel", "Imported"), "imported"),
]
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the document id of a row, for opening and editing
TAGS_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's tag names as a tuple, for the chip delegate

ParentIndex = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    """Lazily loaded: rows arrive through canFetchMore/fetchMore, never all texts at once."""

    def __init__(self, archive: Archive, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._archive = archive
        self._rows: list[library.DocumentRow] = []
        self._total = 0
        self._sort = "id"
        self._descending = False
        self._filter: library.DocumentFilter | None = None
        self.reload()

    def set_archive(self, archive: Archive) -> None:
        self._archive = archive
        self._filter = None
        self.reload()

    def set_filter(self, flt: library.DocumentFilter | None) -> None:
        """Show only documents matching the facets and search (None: the whole library)."""
        self._filter = None if flt is None or flt.is_empty() else flt
        self.reload()

    @property
    def filter(self) -> library.DocumentFilter | None:
        return self._filter

    def reload(self) -> None:
        self.beginResetModel()
        self._total = library.count_documents(self._archive, self._filter)
        self._rows = library.list_documents(
            self._archive, sort=self._sort, descending=self._descending, limit=PAGE_SIZE, flt=self._filter
        )
        self.endResetModel()

    def document_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, document_id: int) -> int | None:
        """The loaded row showing a document, if it is loaded."""
        for i, r in enumerate(self._rows):
            if r.id == document_id:
                return i
        return None

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: ParentIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: ParentIndex) -> None:
        if parent.isValid():
            return
        more = library.list_documents(
            self._archive, sort=self._sort, descending=self._descending, offset=len(self._rows), limit=PAGE_SIZE,
            flt=self._filter,
        )
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(imported_text(row.imported, with_time=True) if key == "imported" else _display(row, key))
        if role == ID_ROLE:
            return row.id
        if role == TAGS_ROLE:
            return row.tags
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "annotations":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_label(section)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


def column_label(column: int) -> str:
    """A column's header in the app's language."""
    return QCoreApplication.translate("DocumentTableModel", COLUMNS[column][0])


def imported_text(iso: str, *, with_time: bool = False) -> str:
    """When a document was imported (stored in UTC), in local time and the locale's short format: the day in
    the column (it fits beside the title), the day and the time in its tooltip."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso.replace("T", " ")[:16 if with_time else 10]
    moment.setTimeZone(QTimeZone.utc())
    local = moment.toLocalTime()
    if with_time:
        return QLocale().toString(local, QLocale.FormatType.ShortFormat)
    return QLocale().toString(local.date(), QLocale.FormatType.ShortFormat)


def _display(row: library.DocumentRow, key: str) -> str:
    if key == "imported":
        return imported_text(row.imported)
    if key == "tags":
        return ", ".join(row.tags)
    if key == "annotations":
        return str(row.annotations) if row.annotations else ""
    if key == "kind":  # by its name in the app's language; the stored key is what `kind:` takes
        return kind_label(row.kind) if row.kind else ""
    value = getattr(row, key)
    return value or ""
