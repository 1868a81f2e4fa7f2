"""The tag hierarchy as a tree: one node per `/` level, with direct counts and colours.

A level that is not itself a tag (`country` when only `country/Azerbaijan`
exists) is a node without counts: it can be renamed (which renames what is
below it) but not merged, deleted or coloured.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from app.library import tags
from ui.plain_text import tooltip
from ui.tags.colors import TagColors

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the full tag name (`country/Azerbaijan`)
IS_TAG_ROLE = Qt.ItemDataRole.UserRole + 2  # False for a level that is not a tag itself
COLUMNS = (QT_TRANSLATE_NOOP("TagTreeModel", "Tag"), QT_TRANSLATE_NOOP("TagTreeModel", "Documents"),
           QT_TRANSLATE_NOOP("TagTreeModel", "Annotations"))  # headers, translated when shown

Index = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class TagNode:
    name: str  # full path; "" for the invisible root
    label: str  # the last level
    info: tags.TagInfo | None = None
    parent: TagNode | None = None
    children: list[TagNode] = field(default_factory=list)

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0

    def totals(self) -> tuple[int, int]:
        """Documents and annotations of this node and everything below (links, not distinct items)."""
        docs = self.info.documents if self.info else 0
        notes = self.info.annotations if self.info else 0
        for child in self.children:
            d, n = child.totals()
            docs, notes = docs + d, notes + n
        return docs, notes


def build_tree(infos: list[tags.TagInfo]) -> TagNode:
    root = TagNode("", "")
    nodes: dict[str, TagNode] = {}
    for info in sorted(infos, key=lambda i: i.name.casefold()):
        parent = root
        parts = info.name.split("/")
        for depth in range(1, len(parts) + 1):
            path = "/".join(parts[:depth])
            node = nodes.get(path.casefold())
            if node is None:
                node = TagNode(path, parts[depth - 1], parent=parent)
                parent.children.append(node)
                nodes[path.casefold()] = node
            parent = node
        parent.info = info
    return root


def swatch(color: QColor, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(color.darker(140))
    painter.setBrush(color)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class TagTreeModel(QAbstractItemModel):
    """Read-only; `set_tags(list_tags(...))` rebuilds it after every change."""

    def __init__(self, colors: TagColors | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._colors = colors or TagColors(parent=self)
        self._root = TagNode("", "")
        self._icons: dict[str, QIcon] = {}

    def set_tags(self, infos: list[tags.TagInfo]) -> None:
        """Rebuild from a `list_tags` result; also refreshes the shared colour cache from it."""
        self._colors.set_tags(infos)
        self.beginResetModel()
        self._root = build_tree(infos)
        self._icons.clear()
        self.endResetModel()

    def node(self, index: Index) -> TagNode:
        if index.isValid():
            return index.internalPointer()  # type: ignore[no-any-return]
        return self._root

    def index_of(self, name: str) -> QModelIndex:
        """The index of a full tag name or level, or an invalid index."""
        node, wanted = self._root, name.casefold()
        while True:
            for child in node.children:
                if wanted == child.name.casefold() or wanted.startswith(child.name.casefold() + "/"):
                    node = child
                    break
            else:
                return QModelIndex()
            if node.name.casefold() == wanted:
                return self.createIndex(node.row(), 0, node)

    def all_names(self) -> list[str]:
        out: list[str] = []

        def walk(node: TagNode) -> None:
            for child in node.children:
                if child.info is not None:
                    out.append(child.name)
                walk(child)

        walk(self._root)
        return out

    def labels(self) -> list[tuple[int, str]]:
        """(depth, label) of every node, top level 0: what the name column must fit."""
        out: list[tuple[int, str]] = []

        def walk(node: TagNode, depth: int) -> None:
            for child in node.children:
                out.append((depth, child.label))
                walk(child, depth + 1)

        walk(self._root, 0)
        return out

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self.node(parent).children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = self.node(index).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row(), 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node, col = self.node(index), index.column()
        if role == NAME_ROLE:
            return node.name
        if role == IS_TAG_ROLE:
            return node.info is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, col)
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and node.info is not None:
            return self._icon(node.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self._tooltip(node))
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and node.info is None:
            return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.SizeHintRole and col == 0:
            return QSize(180, 22)
        return None

    def _display(self, node: TagNode, col: int) -> str:
        if col == 0:
            return node.label
        if node.info is None:
            return ""
        return QLocale().toString(node.info.documents if col == 1 else node.info.annotations)

    def _tooltip(self, node: TagNode) -> str:
        docs, notes = node.totals()
        if node.info is None:
            head = self.tr("{name} (a level, not a tag itself)").format(name=node.name)
        elif node.info.color:
            head = self.tr("{name} — colour {color}").format(name=node.name, color=node.info.color)
        else:
            head = node.name
        documents = self.tr("%Ln document link(s)", "", docs)
        annotations = self.tr("%Ln annotation link(s)", "", notes)
        links = self.tr("with everything below: {documents} and {annotations}").format(
            documents=documents, annotations=annotations)
        return f"{head}\n{links}"

    def _icon(self, name: str) -> QIcon:
        icon = self._icons.get(name)
        if icon is None:
            icon = self._icons[name] = swatch(self._colors.color(name, QApplication.palette()))
        return icon

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TagTreeModel", COLUMNS[section])
        return None
