"""The Browse sidebar: kinds, publishers, years and tags with counts; checking values filters the library.

Any number of values can be checked: values in one group combine with OR (press
release or statement), groups with AND, and with the search. A group's counts are
taken with the other groups' choices applied, not its own (`listing.facet_counts`),
so its other values stay visible with the number of documents each would add. Tags
are shown as a tree by their `/` levels, and checking a level takes the tags below it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

from app.library.listing import DocumentFilter
from ui import plain_text
from ui.kind_colors import kind_label

# (group, heading); headings are shown through translate("FacetPanel", …).
GROUPS = (("kind", QT_TRANSLATE_NOOP("FacetPanel", "Kind")),
          ("publisher", QT_TRANSLATE_NOOP("FacetPanel", "Publisher")),
          ("year", QT_TRANSLATE_NOOP("FacetPanel", "Year")),
          ("tag", QT_TRANSLATE_NOOP("FacetPanel", "Tags")))  # fmt: skip
# The groups as the summary line names them ("Showing kind press-release or statement, and year 2023").
_SUMMARY_NAMES = {
    "kind": QT_TRANSLATE_NOOP("FacetPanel", "kind"), "publisher": QT_TRANSLATE_NOOP("FacetPanel", "publisher"),
    "year": QT_TRANSLATE_NOOP("FacetPanel", "year"), "tag": QT_TRANSLATE_NOOP("FacetPanel", "tag"),
    "month": QT_TRANSLATE_NOOP("FacetPanel", "month"),
}
HIDDEN_GROUPS = (("month", "month"),)  # chosen on the timeline only: no list of their own here
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (group, value) of a facet row; value None for a group's heading
MAX_VALUES = 200  # per group: a long tail of publishers is not browsable anyway (checked values always show)
TOGGLE_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FacetPanel(QWidget):
    filterChanged = Signal(object)  # DocumentFilter (without ids)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen: dict[str, dict[str, None]] = {g: {} for g, _ in (*GROUPS, *HIDDEN_GROUPS)}  # in the order checked
        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        # A click anywhere on a row toggles it; `activated` is left alone, since styles that
        # activate on a single click would toggle twice.
        self.tree.clicked.connect(self._toggle)
        self.tree.installEventFilter(self)
        self.clear_button = QPushButton(self.tr("Clear filters"))
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
        return DocumentFilter(**{group: frozenset(values) for group, values in self._chosen.items()})

    def chosen(self, group: str) -> tuple[str, ...]:
        """The values checked in one group, in the order they were checked."""
        return tuple(self._chosen[group])

    def chosen_tag(self) -> str | None:
        """The tag checked, when exactly one is (what "export this tag" can start from)."""
        tags = self.chosen("tag")
        return tags[0] if len(tags) == 1 else None

    def set_checked(self, group: str, value: str, checked: bool = True) -> None:
        """Check or uncheck one value, as a click would."""
        values = self._chosen[group]
        if checked == (value in values):
            return
        if checked:
            values[value] = None
        else:
            del values[value]
        self._changed()

    def toggle(self, group: str, value: str) -> None:
        self.set_checked(group, value, value not in self._chosen[group])

    def clear(self) -> None:
        self.clear_groups(*self._chosen)

    def clear_groups(self, *groups: str) -> None:
        """Uncheck everything in these groups, with one filter change."""
        if any(self._chosen[group] for group in groups):
            for group in groups:
                self._chosen[group].clear()
            self._changed()

    def set_counts(self, counts: dict[str, dict[str, int]]) -> None:
        """Show these counts (group → value → documents), keeping expansion, scrolling, the current row and choices."""
        expanded = {
            self.model.item(r).data(KEY_ROLE)[0] for r in range(self.model.rowCount())
            if self.tree.isExpanded(self.model.index(r, 0))
        } or {"kind", "year", "tag"}
        current = self.tree.currentIndex().data(KEY_ROLE)
        scrolled = self.tree.verticalScrollBar().value()
        self.model.clear()
        for group, title in GROUPS:
            values = dict(counts.get(group, {}))
            for chosen in self._chosen[group]:  # a checked value always shows, to be unchecked
                if not (group == "tag" and _has_tags_below(chosen, values)):
                    values.setdefault(chosen, 0)
            name = QCoreApplication.translate("FacetPanel", title)
            head = QStandardItem(f"{name}  ({QLocale().toString(len(values))})" if values
                                 else self.tr("{group}  (none)").format(group=name))  # fmt: skip
            head.setData((group, None), KEY_ROLE)
            head.setSelectable(False)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            self.model.appendRow(head)
            if group == "tag":
                self._add_tag_tree(head, values)
            else:
                for value, n in self._ordered(group, values):
                    head.appendRow(self._value_item(group, value, _label(group, value), n))
            if group in expanded:
                self.tree.expand(head.index())
        self._mark_chosen()
        if current is not None and (item := self._find(current)) is not None:
            self.tree.setCurrentIndex(item.index())
        self.tree.verticalScrollBar().setValue(scrolled)

    def _ordered(self, group: str, values: dict[str, int]) -> list[tuple[str, int]]:
        if group == "year":
            ordered = sorted(values.items(), reverse=True)
        else:
            ordered = sorted(values.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
        shown = ordered[:MAX_VALUES]
        return shown + [(v, n) for v, n in ordered[MAX_VALUES:] if v in self._chosen[group]]

    def _value_item(self, group: str, value: str, label: str, count: int | None) -> QStandardItem:
        item = QStandardItem(label if count is None else f"{label}  ({QLocale().toString(count)})")
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
                if node is None:  # a level that is no tag of its own shows no count
                    node = self._value_item("tag", path, parts[depth - 1], counts.get(path))
                    nodes[path.casefold()] = node
                    parent.appendRow(node)
                parent = node

    def _find(self, key: tuple[str, str | None]) -> QStandardItem | None:
        def walk(parent: QStandardItem) -> QStandardItem | None:
            for r in range(parent.rowCount()):
                child = parent.child(r)
                if child.data(KEY_ROLE) == key:
                    return child
                if (found := walk(child)) is not None:
                    return found
            return None

        return walk(self.model.invisibleRootItem())

    def _toggle(self, index: QModelIndex) -> None:
        group, value = index.data(KEY_ROLE) or (None, None)
        if group is not None and value is not None:
            self.toggle(group, value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space or Enter on a value toggles it, as a click does."""
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            index = self.tree.currentIndex()
            if event.key() in TOGGLE_KEYS and index.isValid() and (index.data(KEY_ROLE) or (None, None))[1]:
                self._toggle(index)
                return True
        return super().eventFilter(watched, event)

    def _changed(self) -> None:
        self._mark_chosen()
        self._update_summary()
        self.filterChanged.emit(self.current_filter())

    def _mark_chosen(self) -> None:
        chosen = {(group, value) for group, values in self._chosen.items() for value in values}

        def walk(parent: QStandardItem) -> None:
            for r in range(parent.rowCount()):
                child = parent.child(r)
                checked = child.data(KEY_ROLE) in chosen
                font = child.font()
                font.setBold(checked)
                child.setFont(font)
                child.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                walk(child)

        for r in range(self.model.rowCount()):
            walk(self.model.item(r))
        self.clear_button.setEnabled(bool(chosen))

    def _update_summary(self) -> None:
        either = self.tr(" or ")  # between the values of a group: kind press-release or statement
        parts = [f"{QCoreApplication.translate('FacetPanel', _SUMMARY_NAMES[group])} "
                 f"{either.join(_label(group, value) for value in values)}"
                 for group, _ in (*GROUPS, *HIDDEN_GROUPS) if (values := self._chosen[group])]  # fmt: skip
        if parts:
            both = self.tr(", and ")  # between groups: kind report, and year 2023
            self.summary.setText(self.tr("Showing {filters}").format(filters=both.join(parts)))
        else:
            self.summary.setText(self.tr("Check values to filter the library."))


def _label(group: str, value: str) -> str:
    """A value as the sidebar shows it: kinds by their names in the app's language ("press release"),
    the rest as they are; the tooltip keeps the stored value, which the `kind:` query takes."""
    return kind_label(value) if group == "kind" else value


def _has_tags_below(level: str, counts: dict[str, int]) -> bool:
    """Whether the tree will show `level` anyway, as the level of some tag below it."""
    prefix = level.casefold() + "/"
    return any(name.casefold().startswith(prefix) for name in counts)
