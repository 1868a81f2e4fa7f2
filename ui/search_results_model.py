"""Search hits as a flat list model, one row per document, in the order the search ranked them."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractListModel, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt

from app.search.service import Hit
from ui.kind_colors import kind_label
from ui.plain_text import tooltip

ParentIndex = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # int: the document id
META_ROLE = Qt.ItemDataRole.UserRole + 2  # str: "12 September 2022 · press release · ICBL"
SNIPPETS_ROLE = Qt.ItemDataRole.UserRole + 3  # list[str]: snippet HTML, matches in <b>…</b>
ANNOTATIONS_ROLE = Qt.ItemDataRole.UserRole + 4  # int: how many of its annotations matched
MATCHED_IN_ROLE = Qt.ItemDataRole.UserRole + 5  # list[str]: title, body, footnotes, notes
HIT_ROLE = Qt.ItemDataRole.UserRole + 6  # the Hit itself


class SearchResultsModel(QAbstractListModel):
    """Read-only; replaced wholesale by each search, so views never see half a result."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits([])

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def flags(self, index: ParentIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        hit = self.hit(index.row()) if index.isValid() and index.column() == 0 else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            meta = self.meta_line(hit)
            return tooltip(f"{hit.title}\n{meta}" if meta else hit.title)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.meta_line(hit)
        if role == ID_ROLE:
            return hit.id
        if role == META_ROLE:
            return self.meta_line(hit)
        if role == SNIPPETS_ROLE:
            return list(hit.snippets)
        if role == ANNOTATIONS_ROLE:
            return len(hit.annotation_ids)
        if role == MATCHED_IN_ROLE:
            return list(hit.matched_in)
        if role == HIT_ROLE:
            return hit
        return None

    def meta_line(self, hit: Hit) -> str:
        parts = [readable_date(hit.date), kind_label(hit.kind), hit.publisher]
        if hit.kind == "other":
            parts[1] = ""
        return " · ".join(p for p in parts if p)


def readable_date(iso: str | None) -> str:
    """A document's ISO date as the app's language writes it, without the weekday: '2013-11-28' →
    'November 28, 2013' (en_US), '28 novembre 2013' (fr); '2013-11' → 'November 2013'; a year stays."""
    if not iso:
        return ""
    parts = iso.split("-")
    locale = QLocale()
    try:
        if len(parts) == 3:
            day = QDate(int(parts[0]), int(parts[1]), int(parts[2]))
            if day.isValid():
                return locale.toString(day, long_date_format(locale))
        elif len(parts) == 2 and 1 <= int(parts[1]) <= 12:
            return f"{locale.standaloneMonthName(int(parts[1]))} {int(parts[0])}"
    except ValueError:
        pass
    return iso


def long_date_format(locale: QLocale) -> str:
    """The locale's long date format without the weekday ("dddd, MMMM d, yyyy" → "MMMM d, yyyy"):
    a document's date reads as the language writes it, without a weekday the document never gave."""
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    trimmed = re.sub(r"[\s,،]*dddd[\s,،]*", " ", pattern).strip()
    return trimmed or pattern
