"""The Tag manager: the tag tree with counts and colours; rename, merge, delete and colour tags.

Every change goes through app.library.tags (through undo commands when the main
window's stack is given). Merging and deleting first say how many documents and
annotations are affected, and so does a rename that touches many items; a rename
onto another tag's name offers to merge into it. A rename keeps every tag's
colour. A refused change shows the service's message; the outcome is shown
under the tree. The buttons keep short fixed labels (the undo text is in the
tooltip), so the tree always has the width its names need.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.archive.folder import Archive
from app.errors import DossierError, NotFoundError
from app.library import tags
from ui import plain_text
from ui.tags.colors import TagColors, colors_kept_by_rename, is_dark
from ui.tags.commands import (
    DeleteTagCommand,
    MergeTagCommand,
    Refresh,
    RenameTagCommand,
    SetTagColorCommand,
    TagCommand,
    describe,
)
from ui.tags.tree_model import IS_TAG_ROLE, NAME_ROLE, TagTreeModel, swatch

RENAME_ASKS_ABOVE = 20  # a rename touching more items (documents + annotations) asks first
NAME_CHARS = 28  # the name column fits a label up to this many average characters (longer ones are elided)
SIDE_CHARS = 16  # the button column grows no wider than this, or than its widest label (a translation's)

PALETTE = (  # colour names, translated when shown
    (QT_TRANSLATE_NOOP("TagManagerDialog", "Red"), "#e5534b"),
    (QT_TRANSLATE_NOOP("TagManagerDialog", "Orange"), "#f0883e"),
    (QT_TRANSLATE_NOOP("TagManagerDialog", "Yellow"), "#e3b341"),
    (QT_TRANSLATE_NOOP("TagManagerDialog", "Green"), "#57ab5a"),
    (QT_TRANSLATE_NOOP("TagManagerDialog", "Teal"), "#39c5cf"),
    (QT_TRANSLATE_NOOP("TagManagerDialog", "Blue"), "#539bf5"),
    (QT_TRANSLATE_NOOP("TagManagerDialog", "Purple"), "#986ee2"),
    (QT_TRANSLATE_NOOP("TagManagerDialog", "Pink"), "#e275ad"),
    (QT_TRANSLATE_NOOP("TagManagerDialog", "Grey"), "#909dab"),
)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class TagManagerDialog(QDialog):
    tagsChanged = Signal()  # after any change this dialog made (not after undo/redo: the commands refresh)

    def __init__(self, archive: Archive, *, stack: QUndoStack | None = None, refresh: Refresh | None = None,
                 colors: TagColors | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.stack = stack
        self._refresh = refresh
        self.colors = colors or TagColors(parent=self)
        self._applying = False  # our own push: _run reloads with the new selection itself
        self.model = TagTreeModel(self.colors, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterRole(NAME_ROLE)
        self.setWindowTitle(self.tr("Tag Manager"))
        self._build()
        self.reload()
        self._listening = stack is not None
        if stack is not None:
            stack.indexChanged.connect(self._stack_moved)

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter tags…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._update_buttons)
        self.tree.doubleClicked.connect(lambda _index: self.rename_current())

        self.rename_button = self._button(self.tr("&Rename…"), self.rename_current, "F2")
        self.merge_button = self._button(self.tr("&Merge into…"), self.merge_current)
        self.delete_button = self._button(self.tr("&Delete…"), self.delete_current, QKeySequence.StandardKey.Delete)
        self.color_button = QToolButton()
        self.color_button.setText(self.tr("&Colour"))
        self.color_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.color_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.color_button.setMenu(self._color_menu())

        self.side = QWidget()
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        for w in (self.rename_button, self.merge_button, self.delete_button, self.color_button):
            w.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            side.addWidget(w)
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        if self.stack is not None:
            side.addSpacing(12)
            # Fixed labels: QUndoStack's own actions put the command's text on the button ("Undo Rename
            # tag …"), which widened this column and squeezed the tree; the text goes in the tooltip.
            self.undo_action = QAction(self.tr("&Undo"), self)
            self.redo_action = QAction(self.tr("Re&do"), self)
            self.undo_action.triggered.connect(self.stack.undo)
            self.redo_action.triggered.connect(self.stack.redo)
            for action, keys in ((self.undo_action, QKeySequence.StandardKey.Undo),
                                 (self.redo_action, QKeySequence.StandardKey.Redo)):
                action.setShortcut(QKeySequence(keys))
                self.addAction(action)
                button = QToolButton()
                button.setDefaultAction(action)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                side.addWidget(button)
            self._sync_undo()
        side.addStretch(1)
        self.side.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        widest = max((button.sizeHint().width() for button in self.side.findChildren(QAbstractButton)), default=0)
        self.side.setMinimumWidth(widest)  # no label cut short, in any language
        self.side.setMaximumWidth(max(widest, self.fontMetrics().averageCharWidth() * SIDE_CHARS))

        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.filter)
        left.addWidget(self.tree)
        middle.addLayout(left, 1)
        middle.addWidget(self.side)

        self.status = plain_text.plain(QLabel())
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addLayout(middle, 1)
        outer.addWidget(self.status)
        outer.addWidget(buttons)
        self.tree.setMinimumHeight(self.tree.fontMetrics().height() * 12)  # about six rows
        self.resize(640, 480)

    def _fit_tree(self) -> None:
        """Give the tree the minimum width its names need, indented children included (up to
        NAME_CHARS; longer names are elided, whole in the tooltip), so no window size cuts them."""
        tree, metrics = self.tree, self.tree.fontMetrics()
        cap = metrics.averageCharWidth() * NAME_CHARS
        levels = 1 if tree.rootIsDecorated() else 0
        widest = max((tree.indentation() * (depth + levels) + min(metrics.horizontalAdvance(label), cap)
                      for depth, label in self.model.labels()), default=0)
        style = tree.style()
        icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 4
        margins = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 6
        name = max(widest + icon + margins, metrics.averageCharWidth() * 12)
        header = tree.header()
        counts = sum(max(header.sectionSizeHint(c), tree.sizeHintForColumn(c)) for c in (1, 2))
        scroll = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        tree.setMinimumWidth(name + counts + scroll + 2 * tree.frameWidth())

    def _button(self, text: str, slot: object, shortcut: str | QKeySequence.StandardKey | None = None) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        if shortcut is not None:
            action = QAction(self.tree)  # on the tree, so Delete in the filter field edits text
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)
        return button

    def _color_menu(self) -> QMenu:
        menu = QMenu(self)
        for label, value in PALETTE:
            action = menu.addAction(swatch(QColor(value)), QCoreApplication.translate("TagManagerDialog", label))
            action.triggered.connect(lambda _checked=False, v=value: self.set_current_color(v))
        menu.addSeparator()
        menu.addAction(self.tr("Custom…")).triggered.connect(self.choose_color)
        menu.addAction(self.tr("No Colour (automatic)")).triggered.connect(lambda: self.set_current_color(None))
        return menu

    # --- state -----------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Re-read the tags (keeping or moving the selection to `select`)."""
        keep = select or self.current_name()
        self.model.set_tags(tags.list_tags(self.archive))
        self.tree.expandAll()
        self._fit_tree()
        if keep:
            self.select(keep)
        self._update_buttons()

    def select(self, name: str) -> bool:
        source = self.model.index_of(name)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)
        return True

    def _current(self) -> QModelIndex:
        index = self.tree.selectionModel().currentIndex()
        return index.siblingAtColumn(0) if index.isValid() else index

    def current_name(self) -> str | None:
        index = self._current()
        return index.data(NAME_ROLE) if index.isValid() else None

    def current_is_tag(self) -> bool:
        index = self._current()
        return bool(index.isValid() and index.data(IS_TAG_ROLE))

    def _update_buttons(self, *_args: object) -> None:
        has_node, is_tag = self.current_name() is not None, self.current_is_tag()
        self.rename_button.setEnabled(has_node)
        for w in (self.merge_button, self.delete_button, self.color_button):
            w.setEnabled(is_tag)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()

    def _stack_moved(self, _index: int) -> None:
        """Undo/redo (here or in the main window) changed the tags: show them as they are now. A stack being
        destroyed (the main window closing with this dialog open) empties itself first: nothing to show."""
        if self.stack is None or not isValid(self.stack):
            return
        if not self._applying:
            self.reload()
            self._show_status("")  # what it said of the last change is no longer true
        self._sync_undo()

    def _sync_undo(self) -> None:
        """Enable Undo/Redo as the stack allows; the command's full text goes in the tooltip."""
        if self.stack is None or self.undo_action is None or self.redo_action is None:
            return
        undo, redo = self.stack.canUndo(), self.stack.canRedo()
        self.undo_action.setEnabled(undo)
        self.undo_action.setToolTip(plain_text.tooltip(
            self.tr("Undo {action}").format(action=self.stack.undoText()) if undo else self.tr("Nothing to undo")))
        self.redo_action.setEnabled(redo)
        self.redo_action.setToolTip(plain_text.tooltip(
            self.tr("Redo {action}").format(action=self.stack.redoText()) if redo else self.tr("Nothing to redo")))

    # --- actions ---------------------------------------------------------------------------

    def _run(self, command: TagCommand, done: Callable[[tags.TagChange], str],
             select: str | None = None) -> tags.TagChange | None:
        """Apply a command; show the result, or the service's message when it refuses."""
        self._applying = True
        try:
            change = command.apply(self.stack)
        except DossierError as e:
            self._show_status(self.tr("Not changed: {error}").format(error=e))
            plain_text.warn(self, self.tr("Tag Manager"), str(e))
            return None
        finally:
            self._applying = False
        self.reload(select)
        self._show_status(done(change))
        self.tagsChanged.emit()
        return change

    def _show_status(self, text: str) -> None:
        """Show the outcome under the tree, reserving the lines it needs at the dialog's narrowest: the
        dialog's minimum size must count them, or a small dialog would draw the text over the tree."""
        self.status.setText(text)
        margins = self.layout().contentsMargins()
        narrowest = self.layout().minimumSize().width() - margins.left() - margins.right()
        self.status.setMinimumHeight(max(0, self.status.heightForWidth(narrowest)) if text else 0)

    def rename_current(self) -> None:
        old = self.current_name()
        if old is None:
            return
        is_tag = self.current_is_tag()
        below = len(self.model.node(self.model.index_of(old)).children)
        prompt = self.tr("New name for “{name}”:").format(name=old)
        if below:
            prompt += "\n" + self.tr("(The tags below it are renamed with it.)")
        typed, ok = plain_text.get_text(self, self.tr("Rename Tag"), prompt, old)
        if not ok or not typed.strip() or typed.strip() == old:
            return
        try:
            new = tags.normalise_name(typed)
            usage = tags.rename_usage(self.archive, old)
        except DossierError as e:
            plain_text.warn(self, self.tr("Tag Manager"), str(e))
            return
        if new == old:
            return
        target = self._tag_named(new)
        onto_another = target is not None and target != self._tag_named(old)  # not a change of case
        if onto_another and is_tag and not below:
            self._merge(old, target, self.tr("Rename Tag"),
                        self.tr("“{target}” is already a tag. Merge “{name}” into it?").format(target=target, name=old))
            return
        # (a family onto another tag's name falls through: the service refuses it with its message)
        if not onto_another and usage.documents + usage.annotations > RENAME_ASKS_ABOVE:
            detail = (self.tr("{items} tagged “{old}” or below it will be tagged “{new}” instead.") if below
                      else self.tr("{items} tagged “{old}” will be tagged “{new}” instead."))
            detail = _capitalised(detail.format(items=describe(usage), old=old, new=new))
            if usage.renamed > 1:
                detail += " " + self.tr("%Ln tags are renamed.", "", usage.renamed)
            if not self._confirm(self.tr("Rename Tag"), self.tr("Rename “{old}” to “{new}”?").format(old=old, new=new),
                                 detail):
                return
        keep = colors_kept_by_rename(tags.list_tags(self.archive), old, new, is_dark(self.palette()))
        try:
            command = RenameTagCommand(self.archive, old, new, self._refresh, keep_colors=keep)
        except DossierError as e:
            plain_text.warn(self, self.tr("Tag Manager"), str(e))
            return

        def result(change: tags.TagChange) -> str:
            if change.renamed > 1:
                text = self.tr("Renamed “{old}” to “{new}” (%Ln tags with those below it): {items} carry it.", "",
                               change.renamed)
            else:
                text = self.tr("Renamed “{old}” to “{new}”: {items} carry it.")
            return text.format(old=command.old, new=command.new, items=describe(change))

        self._run(command, result, command.new)

    def _tag_named(self, name: str) -> str | None:
        """The tag's name as stored, if a tag of that name exists (levels are not tags)."""
        try:
            return tags.usage(self.archive, name).name
        except NotFoundError:
            return None

    def merge_current(self) -> None:
        source = self.current_name()
        if source is None or not self.current_is_tag():
            return
        others = [n for n in self.model.all_names() if n.casefold() != source.casefold()]
        if not others:
            plain_text.inform(self, self.tr("Merge Tag"), self.tr("There is no other tag to merge into."))
            return
        into, ok = plain_text.get_item(self, self.tr("Merge Tag"), self.tr("Merge “{name}” into:").format(name=source),
                                       others)
        if not ok or not into:
            return
        self._merge(source, into, self.tr("Merge Tag"),
                    self.tr("Merge “{source}” into “{into}”?").format(source=source, into=into))

    def _merge(self, source: str, into: str, title: str, question: str) -> None:
        """Ask with the counts, then merge `source` into `into`."""
        items = describe(tags.usage(self.archive, source))
        detail = self.tr("The {items} tagged “{source}” will be tagged “{into}” instead "
                         "(items that already carry both keep one), and “{source}” will be deleted.").format(
            items=items, source=source, into=into)
        if not self._confirm(title, question, detail):
            return
        done = self.tr("Merged “{source}” into “{into}”: {items} moved.")
        self._run(MergeTagCommand(self.archive, source, into, self._refresh),
                  lambda change: done.format(source=source, into=into, items=describe(change)), into)

    def delete_current(self) -> None:
        name = self.current_name()
        if name is None or not self.current_is_tag():
            return
        items = describe(tags.usage(self.archive, name))
        below = self.model.node(self.model.index_of(name)).children
        detail = _capitalised(self.tr("{items} will lose it.").format(items=items))
        if below:
            detail += " " + self.tr("The tags below it are kept.")
        if not self._confirm(self.tr("Delete Tag"), self.tr("Delete the tag “{name}”?").format(name=name), detail):
            return
        done = self.tr("Deleted “{name}”: {items} lost it.")
        self._run(DeleteTagCommand(self.archive, name, self._refresh),
                  lambda change: done.format(name=name, items=describe(change)))

    def choose_color(self) -> None:
        name = self.current_name()
        if name is None or not self.current_is_tag():
            return
        initial = self.colors.color(name, self.palette())
        chosen = QColorDialog.getColor(initial, self, self.tr("Colour of “{name}”").format(name=name))
        if chosen.isValid():
            self.set_current_color(chosen.name())

    def set_current_color(self, color: str | None) -> None:
        name = self.current_name()
        if name is None or not self.current_is_tag():
            return
        done = (self.tr("“{name}” is now {color}.").format(name=name, color=color) if color
                else self.tr("“{name}” takes its automatic colour again.").format(name=name))
        self._run(SetTagColorCommand(self.archive, name, color, self._refresh), lambda _change: done, name)

    def _confirm(self, title: str, question: str, detail: str) -> bool:
        text = f"{question}\n\n{detail}"
        if self.stack is not None:
            text += "\n\n" + self.tr("You can undo this.")
        return plain_text.ask(self, title, text)

    def done(self, result: int) -> None:
        if self.stack is not None and self._listening:
            self.stack.indexChanged.disconnect(self._stack_moved)
            self._listening = False
        super().done(result)
