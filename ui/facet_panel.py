"""The Browse sidebar: kinds, publishers, years and tags with counts; a click filters the library.

One value per group can be chosen (click it again, or "Clear filters", to drop
it); choices in different groups combine with AND, and with the search. Tags
are shown as a tree by their `/` levels, and choosing a level takes the tags
below it. Counts are over what the library currently shows.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

from app.library.listing import DocumentFilter
from ui import plain_text

GROUPS = (("kind", "Kind"), ("publisher", "Publisher"), ("year", "Year"), ("tag", "Tags"))
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (group, value) of a facet row
MAX_VALUES = 200  # per group: a long tail of publishers is not browsable anyway


class FacetPanel(QWidget):
    filterChanged = Signal(object)  # DocumentFilter (without ids)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen: dict[str, str] = {}
        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.activated.connect(self._toggle)
        self.tree.clicked.connect(self._toggle)
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(self.clear)
        self.summary = plain_text.plain(QLabel())
        self.summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self._update_summary()

    def current_filter(self) -> DocumentFilter:
        return DocumentFilter(
            kind=self._chosen.get("kind"), publisher=self._chosen.get("publisher"), year=self._chosen.get("year"),
            tag=self._chosen.get("tag"),
        )

    def choose(self, group: str, value: str | None) -> None:
        """Set (or with None clear) one group's choice, as a click would."""
        if value is None:
            self._chosen.pop(group, None)
        else:
            self._chosen[group] = value
        self._mark_chosen()
        self._update_summary()
        self.filterChanged.emit(self.current_filter())

    def clear(self) -> None:
        if self._chosen:
            self._chosen.clear()
            self._mark_chosen()
            self._update_summary()
            self.filterChanged.emit(self.current_filter())

    def set_counts(self, counts: dict[str, dict[str, int]]) -> None:
        """Show these counts (group → value → documents), keeping expansion and choices."""
        expanded = {
            self.model.item(r).data(KEY_ROLE)[0] for r in range(self.model.rowCount())
            if self.tree.isExpanded(self.model.index(r, 0))
        } or {"kind", "year", "tag"}
        self.model.clear()
        for group, title in GROUPS:
            values = dict(counts.get(group, {}))
            chosen = self._chosen.get(group)
            if chosen is not None and chosen not in values and group != "tag":
                values[chosen] = 0
            head = QStandardItem(f"{title}  ({len(values)})" if values else f"{title}  (none)")
            head.setData((group, None), KEY_ROLE)
            head.setSelectable(False)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            self.model.appendRow(head)
            if group == "tag":
                self._add_tag_tree(head, values)
            else:
                ordered = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
                if group == "year":
                    ordered = sorted(values.items(), reverse=True)
                for value, n in ordered[:MAX_VALUES]:
                    head.appendRow(self._value_item(group, value, value, n))
            if group in expanded:
                self.tree.expand(head.index())
        self._mark_chosen()

    def _value_item(self, group: str, value: str, label: str, count: int) -> QStandardItem:
        item = QStandardItem(f"{label}  ({count})")
        item.setData((group, value), KEY_ROLE)
        item.setToolTip(plain_text.tooltip(value))
        return item

    def _add_tag_tree(self, head: QStandardItem, counts: dict[str, int]) -> None:
        nodes: dict[str, QStandardItem] = {}
        for name in sorted(counts, key=str.casefold):
            parts = name.split("/")
            parent = head
            for depth in range(1, len(parts) + 1):
                path = "/".join(parts[:depth])
                node = nodes.get(path.casefold())
                if node is None:
                    node = self._value_item("tag", path, parts[depth - 1], counts.get(path, 0))
                    if path not in counts:
                        node.setText(parts[depth - 1])
                    nodes[path.casefold()] = node
                    parent.appendRow(node)
                parent = node

    def _toggle(self, index: QModelIndex) -> None:
        group, value = index.data(KEY_ROLE) or (None, None)
        if group is None or value is None:
            return
        self.choose(group, None if self._chosen.get(group) == value else value)

    def _mark_chosen(self) -> None:
        chosen = {(g, v) for g, v in self._chosen.items()}

        def walk(parent: QStandardItem) -> None:
            for r in range(parent.rowCount()):
                child = parent.child(r)
                font = child.font()
                font.setBold((child.data(KEY_ROLE) or (None, None)) in chosen)
                child.setFont(font)
                child.setCheckState(Qt.CheckState.Checked if font.bold() else Qt.CheckState.Unchecked)
                walk(child)

        for r in range(self.model.rowCount()):
            walk(self.model.item(r))
        self.clear_button.setEnabled(bool(self._chosen))

    def _update_summary(self) -> None:
        if not self._chosen:
            self.summary.setText("Click a value to filter the library.")
        else:
            names = dict(GROUPS)
            self.summary.setText("Showing " + ", ".join(f"{names[g].lower()} {v}" for g, v in self._chosen.items()))
