"""Edit one document's title, date, date label, publisher, kind, authors, source URL and language.

Validation is app.library.metadata's: the dialog sends what changed and, when the
service refuses, shows its message inline and stays open with everything the
user typed, so a typo in the date never costs the other edits.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.archive.folder import Archive
from app.errors import DossierError
from app.library import listing as library
from app.library import metadata
from app.model import KINDS
from ui import plain_text
from ui.kind_colors import kind_label

DATE_LABELS = ("last updated", "published", "delivered")  # untranslated: stored in the document as typed
# Hints, translated when shown (`_hint`).
DATE_HINT = QT_TRANSLATE_NOOP("MetadataDialog", "e.g. 28 November 2013, 2013-11-28, 2013-11 or 2013; empty for no date")
AUTHORS_HINT = QT_TRANSLATE_NOOP("MetadataDialog", "One author per line (a person or a body), or separated by ';'")
URL_HINT = QT_TRANSLATE_NOOP("MetadataDialog", "https://… where the document was published")
LANGUAGE_HINT = QT_TRANSLATE_NOOP("MetadataDialog", "e.g. en, fr, pt-BR (a BCP 47 tag)")
OPTIONAL = ("date", "date_label", "publisher", "authors", "source_url", "language")  # empty clears them


def author_lines(text: str) -> list[str]:
    """The names a text of the Authors field holds, as app.library.metadata splits them."""
    return [name for name in (" ".join(part.split()) for part in re.split(r"[;\r\n]", text)) if name]


def error_colour(palette: QPalette) -> QColor:
    """A red that stays legible on the palette's window colour, light or dark."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b3261e")


class MetadataDialog(QDialog):
    """Raises DossierError (NotFoundError) at construction if the document does not exist."""

    saved = Signal(int)  # the document id, after the edit is committed and indexed

    def __init__(self, archive: Archive, document_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.document_id = document_id
        detail = library.document_detail(archive, document_id)
        publishers = sorted(library.facet_counts(archive).get("publisher", {}), key=str.casefold)
        self._original: dict[str, str] = {
            "title": detail.get("title") or "",
            "date": detail.get("date") or "",
            "date_label": detail.get("date_label") or "",
            "publisher": detail.get("publisher") or "",
            "kind": detail.get("kind") or "other",
            "authors": "\n".join(detail.get("authors") or []),
            "source_url": detail.get("source_url") or "",
            "language": detail.get("language") or "",
        }
        self.setWindowTitle(self.tr("Edit Metadata"))
        self._build(publishers)
        self._load(self._original)

    def _build(self, publishers: list[str]) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setMinimumWidth(420)
        self.date_edit = QLineEdit()
        self._hint(self.date_edit, DATE_HINT)
        self.date_label_combo = self._editable_combo(DATE_LABELS)
        self.publisher_combo = self._editable_combo(publishers)
        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.authors_edit = QPlainTextEdit()
        self._hint(self.authors_edit, AUTHORS_HINT)
        self.authors_edit.setTabChangesFocus(True)  # Tab goes on to the next field, as in the line edits
        self.authors_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        lines = self.authors_edit.fontMetrics().lineSpacing()
        self.authors_edit.setFixedHeight(lines * 3 + 2 * self.authors_edit.frameWidth() + 10)
        self.url_edit = QLineEdit()
        self._hint(self.url_edit, URL_HINT)
        self.language_edit = QLineEdit()
        self._hint(self.language_edit, LANGUAGE_HINT)
        self.language_edit.setMaxLength(35)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow(self.tr("Date &label:"), self.date_label_combo)
        form.addRow(self.tr("&Publisher:"), self.publisher_combo)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("&Authors:"), self.authors_edit)
        form.addRow(self.tr("Source &URL:"), self.url_edit)
        form.addRow(self.tr("Lan&guage:"), self.language_edit)

        self.error_label = plain_text.plain(QLabel())
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        palette = self.error_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_colour(self.palette()))
        self.error_label.setPalette(palette)
        self.error_label.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # grows when the error appears
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch()
        layout.addWidget(self.buttons)
        # once in the dialog: made default before, Save was not the dialog's own default, and after Tab had
        # passed Cancel, Enter in a field cancelled the edit
        self.save_button.setDefault(True)

    @staticmethod
    def _hint(edit: QLineEdit | QPlainTextEdit, hint: str) -> None:
        text = QCoreApplication.translate("MetadataDialog", hint)
        edit.setPlaceholderText(text)
        edit.setToolTip(text)

    @staticmethod
    def _editable_combo(items: list[str] | tuple[str, ...]) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Enter saves the dialog, it adds nothing
        combo.addItems(list(items))
        completer = combo.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)  # no popup: Enter saves
        combo.setMinimumContentsLength(24)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _load(self, values: dict[str, str]) -> None:
        self.title_edit.setText(values["title"])
        self.date_edit.setText(values["date"])
        self.date_label_combo.setCurrentText(values["date_label"])
        self.publisher_combo.setCurrentText(values["publisher"])
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(values["kind"])))
        self.authors_edit.setPlainText(values["authors"])
        self.url_edit.setText(values["source_url"])
        self.language_edit.setText(values["language"])
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def values(self) -> dict[str, str]:
        """What the form holds now, stripped."""
        return {
            "title": self.title_edit.text().strip(),
            "date": self.date_edit.text().strip(),
            "date_label": self.date_label_combo.currentText().strip(),
            "publisher": self.publisher_combo.currentText().strip(),
            "kind": str(self.kind_combo.currentData()),
            "authors": "\n".join(author_lines(self.authors_edit.toPlainText())),
            "source_url": self.url_edit.text().strip(),
            "language": self.language_edit.text().strip(),
        }

    def changes(self) -> dict[str, Any]:
        """Only the fields the user changed; empty optional fields become None (cleared)."""
        out: dict[str, Any] = {}
        for key, value in self.values().items():
            if value == self._original[key].strip():
                continue
            if key == "authors":  # sent as a list: the service then keeps each line as one name
                out[key] = value.split("\n") if value else None
                continue
            out[key] = None if not value and key in OPTIONAL else value
        return out

    def save(self) -> None:
        """Send the changes; success closes the dialog, a refusal is shown inline and nothing typed is lost."""
        changes = self.changes()
        if not changes:
            self.accept()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            metadata.edit_metadata(self.archive, self.document_id, **changes)
        except DossierError as e:
            self.show_error(str(e), self._field_for(str(e), changes))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.error_label.hide()
        self.saved.emit(self.document_id)
        self.accept()

    def show_error(self, message: str, field: QWidget | None = None) -> None:
        self.error_label.setText(message[:1].upper() + message[1:])
        self.error_label.show()
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))
        if field is not None:
            field.setFocus()

    def _field_for(self, message: str, changes: dict[str, Any]) -> QWidget | None:
        """The field a refusal is about, so the cursor lands where the fix is typed."""
        lowered = message.lower()
        fields = (  # the message may quote what was typed: the fields whose names are least likely to appear first
            ("authors", "author", self.authors_edit), ("source_url", "url", self.url_edit),
            ("language", "language", self.language_edit), ("date", "date", self.date_edit),
            ("title", "title", self.title_edit), ("kind", "kind", self.kind_combo),
        )
        for key, word, widget in fields:
            if key in changes and word in lowered:
                return widget
        return None
