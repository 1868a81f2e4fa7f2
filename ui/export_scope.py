"""The "which excerpts" part of the export dialog: one radio button per scope, each with its count.

Kept apart from the dialog so the dialog is about format, preview and writing;
this widget only shows choices and counts and says when the choice changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QComboBox, QGridLayout, QGroupBox, QLabel, QRadioButton, QWidget

from ui import plain_text

CURRENT, DOCUMENTS, TAG, QUERY, ANNOTATIONS, ALL = "current", "documents", "tag", "query", "annotations", "all"
SCOPES = (CURRENT, DOCUMENTS, TAG, QUERY, ANNOTATIONS, ALL)
NOT_APPLICABLE = "—"


class ScopeChooser(QGroupBox):
    """Radio buttons for the scopes; those not applicable (no current document, no query …) are disabled."""

    scopeChanged = Signal(str)
    tagEdited = Signal(str)

    def __init__(self, labels: Mapping[str, str], applicable: Mapping[str, str], tag_names: Sequence[str],
                 current_tag: str | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        """`applicable` maps each scope to "" when it applies, else to the reason it does not (a tooltip)."""
        super().__init__(parent)
        self.setTitle(self.tr("Excerpts to export"))
        self.buttons: dict[str, QRadioButton] = {}
        self.counts: dict[str, QLabel] = {}
        self._group = QButtonGroup(self)
        self.tag_combo = QComboBox()
        self.tag_combo.setEditable(True)
        self.tag_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tag_combo.addItems(list(tag_names))
        self.tag_combo.lineEdit().setPlaceholderText(self.tr("tag name"))
        self.tag_combo.setEditText(current_tag or (tag_names[0] if tag_names else ""))
        self.tag_combo.setToolTip(self.tr("Annotations with this tag or one below it, and the annotations of "
                                          "documents tagged with it"))  # fmt: skip
        self.tag_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tag_combo.setMinimumContentsLength(12)
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        for row, scope in enumerate(SCOPES):
            button = QRadioButton(labels[scope])
            button.setToolTip(labels[scope] if not applicable[scope] else applicable[scope])
            button.setEnabled(not applicable[scope])
            count = plain_text.plain(QLabel("…" if not applicable[scope] else NOT_APPLICABLE))
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            count.setEnabled(not applicable[scope])
            self._group.addButton(button)
            self.buttons[scope], self.counts[scope] = button, count
            grid.addWidget(button, row, 0, 1, 2 if scope != TAG else 1)
            grid.addWidget(count, row, 2)
            button.toggled.connect(lambda on, s=scope: on and self.scopeChanged.emit(s))
        grid.addWidget(self.tag_combo, SCOPES.index(TAG), 1)
        self.tag_combo.editTextChanged.connect(self._tag_edited)

    def scope(self) -> str:
        return next((s for s, b in self.buttons.items() if b.isChecked()), ALL)

    def set_scope(self, scope: str) -> None:
        self.buttons[scope].setChecked(True)

    def is_applicable(self, scope: str) -> bool:
        return self.buttons[scope].isEnabled()

    def tag(self) -> str:
        return self.tag_combo.currentText().strip()

    def set_counting(self, scope: str) -> None:
        self._set_count_text(scope, self.tr("counting…"), "")

    def set_count(self, scope: str, n: int) -> None:
        self._set_count_text(scope, self.tr("%Ln excerpt(s)", "", n), "")

    def set_count_error(self, scope: str, message: str) -> None:
        self._set_count_text(scope, self.tr("cannot count"), message)

    def _set_count_text(self, scope: str, text: str, tip: str) -> None:
        self.counts[scope].setText(text)
        self.counts[scope].setToolTip(plain_text.tooltip(tip))

    def _tag_edited(self, text: str) -> None:
        if text.strip() and self.is_applicable(TAG):
            self.buttons[TAG].setChecked(True)  # typing a tag means exporting by tag
        self.tagEdited.emit(text.strip())
