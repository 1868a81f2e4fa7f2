"""Tag or untag the documents selected in the library, all at once.

The tags the selection already carries are listed as check boxes: ticked when
every selected document has the tag, partly ticked when only some do.
Unticking removes the tag from all of them; ticking a partial one adds it to
all; leaving it partial changes nothing. New names are typed comma-separated,
with completion of the name after the last comma.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.archive.folder import Archive
from app.errors import DossierError
from app.library import tags
from ui import plain_text
from ui.metadata_dialog import error_colour
from ui.tags.colors import TagColors
from ui.tags.commands import Refresh, TagCommand, TagDocumentsCommand, UntagDocumentsCommand
from ui.tags.completer import TagListCompleter, split_names
from ui.tags.tree_model import swatch

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class TagDocumentsDialog(QDialog):
    """Raises DossierError (NotFoundError) at construction if a document does not exist."""

    tagsChanged = Signal()  # after the change is committed (and, with a stack, pushed)

    def __init__(self, archive: Archive, doc_ids: Sequence[int], *, stack: QUndoStack | None = None,
                 refresh: Refresh | None = None, colors: TagColors | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.doc_ids = tuple(dict.fromkeys(doc_ids))
        self.stack = stack
        self._refresh = refresh
        self._colors = colors or TagColors(archive, self)
        if not self.doc_ids:
            raise DossierError(self.tr("No documents are selected to tag."))
        carried = tags.document_tag_names(archive, self.doc_ids)
        self._counts: dict[str, tuple[str, int]] = {}
        for names in carried.values():
            for name in names:
                shown, n = self._counts.get(name.casefold(), (name, 0))
                self._counts[name.casefold()] = (shown, n + 1)
        self.setWindowTitle(self.tr("Tag Documents"))
        self._build([t.name for t in tags.list_tags(archive)])

    def _build(self, known: list[str]) -> None:
        n = len(self.doc_ids)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tag <b>%Ln</b> selected document(s).", "", n)))
        add_label = QLabel(self.tr("&Add tags (comma-separated; <tt>/</tt> makes a hierarchy):"))
        layout.addWidget(add_label)
        self.edit = QLineEdit()
        add_label.setBuddy(self.edit)
        self.edit.setPlaceholderText(self.tr("e.g. country/Azerbaijan, mine-maps"))
        self.completer = TagListCompleter(known, self)
        self.completer.install(self.edit)
        layout.addWidget(self.edit)
        self.current_label = QLabel(self.tr("&Tags on the selection (untick to remove from all; ▣ = some of them):"))
        layout.addWidget(self.current_label)
        self.current = QListWidget()
        self.current_label.setBuddy(self.current)
        for shown, count in sorted(self._counts.values(), key=lambda v: v[0].casefold()):
            self.current.addItem(self._item(shown, count))
        if not self._counts:
            self.current_label.setText(self.tr("The selection has no tags yet."))
            self.current.setVisible(False)
        layout.addWidget(self.current)
        self.error = plain_text.plain(QLabel())
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {error_colour(self.palette()).name()}")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(440, 360 if self._counts else 180)

    def _item(self, name: str, count: int) -> QListWidgetItem:
        every = count == len(self.doc_ids)
        locale = QLocale()
        label = name if every else self.tr("{name}  ({count} of {total})").format(
            name=name, count=locale.toString(count), total=locale.toString(len(self.doc_ids)))
        item = QListWidgetItem(swatch(self._colors.color(name, self.palette())), label)
        item.setData(NAME_ROLE, name)
        flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
        if not every:
            flags |= Qt.ItemFlag.ItemIsUserTristate
        item.setFlags(flags)
        item.setCheckState(Qt.CheckState.Checked if every else Qt.CheckState.PartiallyChecked)
        return item

    def changes(self) -> tuple[list[str], list[str]]:
        """(names to add to every document, names to remove from every one), validated by app.library.tags."""
        add = [tags.normalise_name(n) for n in split_names(self.edit.text())]
        remove: list[str] = []
        for row in range(self.current.count()):
            item = self.current.item(row)
            name = item.data(NAME_ROLE)
            state = item.checkState()
            _, count = self._counts[name.casefold()]
            if state == Qt.CheckState.Unchecked:
                remove.append(name)
            elif state == Qt.CheckState.Checked and count < len(self.doc_ids):
                add.append(name)
        dropped = {n.casefold() for n in remove}
        add = list({n.casefold(): n for n in add if n.casefold() not in dropped}.values())
        return add, remove

    def _commands(self, add: list[str], remove: list[str]) -> list[TagCommand]:
        out: list[TagCommand] = []
        if add:
            out.append(TagDocumentsCommand(self.archive, self.doc_ids, add, self._refresh))
        if remove:
            out.append(UntagDocumentsCommand(self.archive, self.doc_ids, remove, self._refresh))
        return out

    def apply(self) -> None:
        """OK: apply the changes (one undo step) and close; a refused name keeps the dialog open."""
        try:
            add, remove = self.changes()
            commands = self._commands(add, remove)
        except DossierError as e:
            self._show_error(str(e))
            return
        if commands:
            if self.stack is not None and len(commands) > 1:
                self.stack.beginMacro(self.tr("Edit tags of %Ln document(s)", "", len(self.doc_ids)))
            try:
                for command in commands:
                    command.apply(self.stack)
            except DossierError as e:
                self._show_error(str(e))
                return
            finally:
                if self.stack is not None and len(commands) > 1:
                    self.stack.endMacro()
            self.tagsChanged.emit()
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.edit.setFocus()
