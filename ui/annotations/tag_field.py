"""A line edit for comma-separated tag names that completes the name being typed (after the last comma)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

POPUP_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab}


def split_tags(text: str) -> list[str]:
    """The names typed, trimmed, empty ones dropped, duplicates (any case) once."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        name = part.strip()
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


class TagLineEdit(QLineEdit):
    """QLineEdit.setCompleter would complete the whole text; this completes only the last name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("comma-separated, e.g. evidence, to-verify, topic/clearance"))
        self._names = QStringListModel(self)
        self.tag_completer = QCompleter(self._names, self)
        self.tag_completer.setWidget(self)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "ser" finds country/Serevia
        self.tag_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tag_completer.activated.connect(self.insert_completion)
        self.textEdited.connect(self._update_completion)

    def set_tag_names(self, names: Iterable[str]) -> None:
        self._names.setStringList(sorted(names, key=str.casefold))

    def tags(self) -> list[str]:
        return split_tags(self.text())

    def set_tags(self, names: Iterable[str]) -> None:
        self.setText(", ".join(names))

    def current_fragment(self) -> str:
        """The name being typed: the text after the last comma before the cursor."""
        return self.text()[: self.cursorPosition()].rsplit(",", 1)[-1].strip()

    def _update_completion(self) -> None:
        fragment = self.current_fragment()
        typed = {n.casefold() for n in self.tags()} - {fragment.casefold()}
        if not fragment:
            self.tag_completer.popup().hide()
            return
        self.tag_completer.setCompletionPrefix(fragment)
        if self.tag_completer.completionCount() == 0 or self._only_itself(fragment, typed):
            self.tag_completer.popup().hide()
            return
        self.tag_completer.complete()
        popup = self.tag_completer.popup()  # the first match is chosen, so Return or Tab takes it
        popup.setCurrentIndex(self.tag_completer.completionModel().index(0, 0))

    def _only_itself(self, fragment: str, typed: set[str]) -> bool:
        return self.tag_completer.completionCount() == 1 and self.tag_completer.currentCompletion().casefold() in (
            typed | {fragment.casefold()}
        )

    def insert_completion(self, name: str) -> None:
        """Replace the fragment being typed with `name` and start the next one."""
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition():]
        head = before.rsplit(",", 1)[0] + ", " if "," in before else ""
        rest = after.split(",", 1)[1] if "," in after else ""
        new_before = f"{head}{name}, "
        self.setText(new_before + rest.lstrip())
        self.setCursorPosition(len(new_before))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.tag_completer.popup().isVisible() and event.key() in POPUP_KEYS:
            event.ignore()  # the completer's popup handles these (choose, close)
            return
        super().keyPressEvent(event)
