"""The library table: documents fetched page by page, sorted by the database."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app import library
from app.archive import Archive

PAGE_SIZE = 500
COLUMNS = [("Title", "title"), ("Date", "date"), ("Publisher", "publisher"), ("Kind", "kind"), ("Imported", "imported")]

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
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = library.count_documents(self._archive)
        self._rows = library.list_documents(
            self._archive, sort=self._sort, descending=self._descending, limit=PAGE_SIZE
        )
        self.endResetModel()

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
            self._archive, sort=self._sort, descending=self._descending, offset=len(self._rows), limit=PAGE_SIZE
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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = getattr(row, COLUMNS[index.column()][1])
            if COLUMNS[index.column()][1] == "imported":
                value = value.replace("T", " ")[:16]
            return value or ""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
