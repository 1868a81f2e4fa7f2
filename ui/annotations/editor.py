"""The annotation editor: a popover laid over the reader, next to the passage it is about.

A child frame rather than a separate window, so it never fights a window
manager for focus, moves with the reader, and is entirely keyboard-driven:
Alt+1…6 pick a colour, Tab and Shift+Tab go round the editor's own fields
(never on to the links of the text behind it), Ctrl+Return saves, Esc
cancels — asking "Discard changes?" first when the note or tags were changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.annotating.annotations import AnnotationInfo
from app.export.excerpt_model import COLORS
from ui import plain_text
from ui.annotations.colors import color_label, swatch_icon
from ui.annotations.commands import AnnotationValues
from ui.annotations.tag_field import TagLineEdit

EDITOR_WIDTH = 380
QUOTE_CHARS = 90
GAP = 6


def short_quote(text: str, limit: int = QUOTE_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class AnnotationEditor(QFrame):
    """Colour, note and tags of a new or existing annotation; emits what to do, stores nothing itself."""

    saveRequested = Signal(object)  # AnnotationValues
    deleteRequested = Signal(int)  # annotation id
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.setStyleSheet(
            "#annotationEditor { background: palette(window); border: 1px solid palette(mid); border-radius: 6px; }"
        )
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(18)
        shadow.setOffset(0, 3)
        shadow.setColor(QColor(0, 0, 0, 90))
        self.setGraphicsEffect(shadow)
        self.annotation_id: int | None = None
        self.span: tuple[int, int] | None = None
        self.original: AnnotationValues | None = None
        self.opened_with: AnnotationValues | None = None  # what the fields held when opened, for "changed?"
        self.discard_prompt: QMessageBox | None = None  # "Discard changes?" while it is asked
        self._build()
        self.hide()

    def _build(self) -> None:
        self.title = plain_text.plain(QLabel())
        self.title.setObjectName("annotationEditorTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.quote = plain_text.plain(QLabel())
        self.quote.setWordWrap(True)
        self.quote.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.swatches = QButtonGroup(self)
        self.swatches.setExclusive(True)
        swatch_row = QHBoxLayout()
        swatch_row.setSpacing(4)
        swatch_row.addWidget(QLabel(self.tr("Colour:")))
        for number, name in enumerate(COLORS, start=1):
            button = QToolButton()
            button.setObjectName(f"swatch-{name}")
            button.setCheckable(True)
            button.setIcon(swatch_icon(name, 20))
            button.setIconSize(QSize(20, 20))
            button.setAutoRaise(True)
            button.setToolTip(f"{color_label(name)} (Alt+{number})")
            button.setAccessibleName(color_label(name))
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.swatches.addButton(button, number - 1)
            swatch_row.addWidget(button)
            QShortcut(QKeySequence(f"Alt+{number}"), self, button.click,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        swatch_row.addStretch(1)
        self.note = QPlainTextEdit()
        self.note.setObjectName("annotationNote")
        self.note.setPlaceholderText(self.tr("Note (Markdown allowed)"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(96)
        self.note.setAccessibleName(self.tr("Note"))
        self.tags = TagLineEdit()
        self.tags.setObjectName("annotationTags")
        self.tags.setAccessibleName(self.tr("Tags"))
        tags_label = QLabel(self.tr("&Tags:"))
        tags_label.setBuddy(self.tags)
        tags_row = QHBoxLayout()
        tags_row.addWidget(tags_label)
        tags_row.addWidget(self.tags, 1)
        self.error = plain_text.plain(QLabel())
        self.error.setObjectName("annotationEditorError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Delete this annotation (it can be undone)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Close without saving (Esc); asks first when the note or tags were "
                                              "changed"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+Return)"))
        self.save_button.setDefault(True)
        self.delete_button.clicked.connect(self._delete)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.quote)
        layout.addLayout(swatch_row)
        layout.addWidget(self.note)
        layout.addLayout(tags_row)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # untranslated: shortcuts
            QShortcut(QKeySequence(keys), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        chain = self.tab_chain(visible_only=False)
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.setFixedWidth(EDITOR_WIDTH)

    # --- focus -----------------------------------------------------------------------------

    def tab_chain(self, *, visible_only: bool = True) -> list[QWidget]:
        """The editor's fields in Tab order, as laid out: colours, note, tags, Delete, Cancel, Save."""
        swatches: list[QAbstractButton] = self.swatches.buttons()
        chain: list[QWidget] = [*swatches, self.note, self.tags, self.delete_button, self.cancel_button,
                                self.save_button]
        if visible_only:
            chain = [w for w in chain if w.isVisibleTo(self) and w.isEnabled()]
        return chain

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab stay inside the editor.

        Qt hands an unhandled Tab up to the parent; the parent here is the reader, a QTextBrowser,
        whose answer is to move to the next link of the text behind the editor.
        """
        chain = self.tab_chain()
        if not chain:
            return True
        current = QApplication.focusWidget()
        while current is not None and current not in chain and current is not self:
            current = current.parentWidget()
        if current in chain:
            index = chain.index(current) + (1 if next else -1)
        else:
            index = chain.index(self.note) if self.note in chain else 0
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        chain[index % len(chain)].setFocus(reason)
        return True

    # --- opening ---------------------------------------------------------------------------

    def open_new(self, start: int, end: int, quote: str, color: str, tag_names: Iterable[str]) -> None:
        """Edit a passage not yet annotated; Save creates it."""
        self.annotation_id, self.span, self.original = None, (start, end), None
        self.title.setText(self.tr("New annotation"))
        self._fill(quote, AnnotationValues(color, "", ()), tag_names)

    def open_existing(self, info: AnnotationInfo, tag_names: Iterable[str]) -> None:
        self.annotation_id, self.span, self.original = info.id, (info.start, info.end), AnnotationValues.of(info)
        self.title.setText(self.tr("Annotation"))
        self._fill(info.quote, self.original, tag_names)

    def _fill(self, quote: str, values: AnnotationValues, tag_names: Iterable[str]) -> None:
        self.quote.setText(self.tr("“{quote}”").format(quote=short_quote(quote)))
        self.set_color(values.color)
        self.note.setPlainText(values.note)
        self.tags.set_tag_names(tag_names)
        self.tags.set_tags(values.tags)
        self.delete_button.setVisible(self.annotation_id is not None)
        self.error.hide()
        self._close_prompt()
        self.opened_with = self.values()
        self.adjustSize()
        self.show()
        self.raise_()
        self.note.setFocus(Qt.FocusReason.PopupFocusReason)
        self.note.moveCursor(self.note.textCursor().MoveOperation.End)

    def place_near(self, anchor: QRect) -> None:
        """Below the passage (`anchor` in parent coordinates), else above it, kept inside the parent."""
        parent = self.parentWidget()
        if parent is None:
            return
        self.adjustSize()
        size = self.sizeHint().expandedTo(self.minimumSizeHint()).expandedTo(self.minimumSize())
        bounds = parent.rect().adjusted(GAP, GAP, -GAP, -GAP)
        x = min(max(anchor.left(), bounds.left()), bounds.right() - size.width())
        y = anchor.bottom() + GAP
        if y + size.height() > bounds.bottom():
            y = anchor.top() - GAP - size.height()
        y = min(max(y, bounds.top()), bounds.bottom() - size.height())
        self.setGeometry(x, y, size.width(), size.height())

    # --- values ----------------------------------------------------------------------------

    def color(self) -> str:
        checked = self.swatches.checkedId()
        return COLORS[checked] if checked >= 0 else COLORS[0]

    def set_color(self, name: str) -> None:
        button = self.swatches.button(COLORS.index(name) if name in COLORS else 0)
        button.setChecked(True)

    def values(self) -> AnnotationValues:
        return AnnotationValues(self.color(), self.note.toPlainText().strip(), tuple(self.tags.tags()))

    def show_error(self, message: str) -> None:
        """Why Save did not work, shown in the editor (which stays open so nothing typed is lost)."""
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.adjustSize()

    def is_open(self) -> bool:
        return self.isVisible()

    def has_changes(self) -> bool:
        """Whether the note or the tags differ from what the editor opened with (the colour is one click)."""
        if not self.isVisible() or self.opened_with is None:
            return False
        now = self.values()
        return (now.note, now.tags) != (self.opened_with.note, self.opened_with.tags)

    # --- closing ---------------------------------------------------------------------------

    def save(self) -> None:
        if self.isVisible():
            self.saveRequested.emit(self.values())

    def cancel(self) -> None:
        """Esc and Cancel: close the completion list if it is open, else close, asking when changed."""
        if self.tags.tag_completer.popup().isVisible():
            self.tags.tag_completer.popup().hide()
            return
        self.close_asking()

    def close_asking(self, then: Callable[[], object] | None = None) -> None:
        """Close at once when nothing was changed; else ask "Discard changes?" (Discard / Keep editing).

        The question is a window-modal box opened without a nested event loop; `then` runs once the
        editor has closed (at once, or after Discard). Keep editing leaves everything as it was.
        """
        if not self.isVisible():
            if then is not None:
                then()
            return
        if not self.has_changes():
            self.close_editor()
            if then is not None:
                then()
            return
        if self.discard_prompt is not None:
            return  # already asking
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard changes?"), self.tr("Discard changes?"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("discardChangesPrompt")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(self.tr("The note and tags typed in this annotation have not been saved."))
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        discard.setObjectName("discardButton")
        keep.setObjectName("keepEditingButton")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        field = self.focusWidget() if self.focusWidget() in self.tab_chain() else self.note
        box.finished.connect(lambda _result: self._answered(box, discard, field, then))
        self.discard_prompt = box
        box.open()

    def _answered(self, box: QMessageBox, discard: QAbstractButton, field: QWidget,
                  then: Callable[[], object] | None) -> None:
        if box is not self.discard_prompt:
            return  # closed by the editor itself
        self.discard_prompt = None
        box.deleteLater()
        if box.clickedButton() is discard:
            self.close_editor()
            if then is not None:
                then()
        elif self.isVisible():
            field.setFocus(Qt.FocusReason.OtherFocusReason)  # back where the user was typing

    def _close_prompt(self) -> None:
        box, self.discard_prompt = self.discard_prompt, None
        if box is not None:
            box.close()
            box.deleteLater()

    def close_editor(self) -> None:
        """Close without asking (after Save, or when the document or the annotation went away)."""
        self._close_prompt()
        if not self.isVisible():
            return
        self.hide()
        self.annotation_id, self.span, self.original, self.opened_with = None, None, None, None
        self.closed.emit()

    def _delete(self) -> None:
        if self.annotation_id is not None:
            self.deleteRequested.emit(self.annotation_id)
