"""Show text from documents and users as text, never as HTML.

Qt guesses rich text from content (`Qt.mightBeRichText`): a title such as
`<img src="/dev/zero"> Zero report` in a tooltip, label or message box would be
parsed and its image read from disk. Every widget that shows a title,
publisher, quote, note, tag or file name goes through one of these helpers:
labels and message boxes are switched to `Qt.PlainText`; tooltips, which have
no text format of their own, get explicit rich text with everything escaped;
rich text composed on purpose escapes each inserted value with `escaped`.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QHelpEvent, QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMessageBox, QToolTip, QWidget

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon


def escaped(text: object) -> str:
    """`text` as HTML character data, for rich text composed on purpose."""
    return html.escape(str(text), quote=False)


def tooltip(text: str | None) -> str | None:
    """A tooltip that shows `text` literally, line breaks kept.

    A bare escaped string would not do: Qt may still take it for plain text
    and show `&lt;`. Wrapping it in `<p>` makes the format certain.
    """
    if not text:
        return text
    return f"<p style='white-space:pre-wrap'>{escaped(text)}</p>"


def show_tooltip(widget: QWidget, event: QHelpEvent, text: str | None) -> None:
    """A painted widget's tooltip for what is under the pointer: `text` literally, or none (hidden)."""
    if text is None:
        QToolTip.hideText()
        event.ignore()
    else:
        QToolTip.showText(event.globalPos(), tooltip(text), widget)


def plain(label: QLabel, text: str | None = None) -> QLabel:
    """`label` switched to plain text (and given `text`); returned for chaining."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    if text is not None:
        label.setText(text)
    return label


def message(parent: QWidget | None, icon: Icon, title: str, text: str,
            buttons: Button = Button.Ok, default: Button = Button.NoButton) -> Button:
    """A modal message box whose text is plain; the static QMessageBox calls guess the format."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return Button(box.exec())


def ask(parent: QWidget | None, title: str, text: str, default: Button = Button.No) -> bool:
    """Yes/No confirmation; True only for an explicit Yes."""
    return message(parent, Icon.Question, title, text, Button.Yes | Button.No, default) == Button.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    message(parent, Icon.Information, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    message(parent, Icon.Warning, title, text)


def critical(parent: QWidget | None, title: str, text: str) -> None:
    message(parent, Icon.Critical, title, text)


def _input(parent: QWidget | None, title: str, label: str) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    for child in dialog.findChildren(QLabel):  # the prompt quotes a tag name
        child.setTextFormat(Qt.TextFormat.PlainText)
    return dialog


def get_text(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    """QInputDialog.getText with a plain-text prompt."""
    dialog = _input(parent, title, label)
    dialog.setTextValue(text)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.textValue(), ok


def get_item(parent: QWidget | None, title: str, label: str, items: list[str]) -> tuple[str, bool]:
    """QInputDialog.getItem (not editable) with a plain-text prompt."""
    dialog = _input(parent, title, label)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(False)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.textValue(), ok


class InertDocument(QTextDocument):
    """A QTextDocument that loads nothing: a second line of defence for composed rich text.

    The answer must be an empty value, not None: on None QTextDocument reads
    `file:` URLs itself.
    """

    def loadResource(self, type: int, name: QUrl) -> Any:
        if int(getattr(type, "value", type)) == QTextDocument.ResourceType.ImageResource.value:
            return QImage()
        return QByteArray()
