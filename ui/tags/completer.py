"""Completion of comma-separated tag lists: only the name after the last comma is completed."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


def split_names(text: str) -> list[str]:
    """"a, b ,, c" → ["a", "b", "c"]: the names typed, blanks dropped (validation is app.library.tags')."""
    return [p.strip() for p in text.split(",") if p.strip()]


class TagListCompleter(QCompleter):
    """A QCompleter for "a, b, c" line edits: matches anywhere in a name, case-insensitively.

    Install with `install(line_edit)`; usable by any tag field (the annotation editor too).
    """

    def __init__(self, names: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = QStringListModel(sorted(set(names), key=str.casefold), self)
        self.setModel(self._names)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def set_names(self, names: Iterable[str]) -> None:
        self._names.setStringList(sorted(set(names), key=str.casefold))

    def install(self, edit: QLineEdit) -> None:
        edit.setCompleter(self)

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """The line edit's whole text with its last name replaced by the chosen one."""
        chosen = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        edit = self.widget()
        text = edit.text() if isinstance(edit, QLineEdit) else ""
        head = text.rsplit(",", 1)[0] + ", " if "," in text else ""
        return head + chosen
