"""Find in the open document (Ctrl+F): incremental, with a match count and next/previous.

Matches are found in Document.text (app.reading.find_all) and drawn as a
highlight layer, so what is found is exactly what selected_span and
annotations see; the current match is the view's selection.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from app.reading import Span, find_all
from ui.reader.highlights import FIND_COLOUR, Highlight
from ui.reader.reader_view import ReaderView

FIND_LAYER = "find"
PREFILL_MAX = 80


class FindBar(QWidget):
    """A line edit with previous/next and "3 of 12"; Escape closes it and clears the matches."""

    closed = Signal()

    def __init__(self, view: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in document"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(self.tr("Find in document"))
        self.previous_button = self._button(self.tr("Previous match (Shift+Enter)"), Qt.ArrowType.UpArrow)
        self.next_button = self._button(self.tr("Next match (Enter)"), Qt.ArrowType.DownArrow)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        widest = self._count_text(998, 999)  # measured, so "3 of 12" never makes the bar jump
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(widest) + 8)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close (Escape)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count_label)
        layout.addWidget(self.close_button)
        self.matches: list[Span] = []
        self.current = -1
        self.edit.textChanged.connect(self.refresh)
        self.edit.installEventFilter(self)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        self.view.documentChanged.connect(self._on_document_changed)
        self.hide()

    def _button(self, tip: str, arrow: Qt.ArrowType) -> QToolButton:
        button = QToolButton(self)
        button.setArrowType(arrow)
        button.setAutoRaise(True)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    # --- opening and closing ---------------------------------------------------------------

    def open_bar(self) -> None:
        """Show and focus the bar; a short selection in the reader becomes the search text."""
        span = self.view.selected_span()
        plan = self.view.plan
        selected = plan.text[span[0] : span[1]] if span and plan is not None else ""
        if 0 < len(selected) <= PREFILL_MAX and "\n" not in selected:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self.view.clear_highlights(FIND_LAYER)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    # --- matching --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recount after the text or the document changed; the first match at or after the view's top is current."""
        plan = self.view.plan
        needle = self.edit.text()
        self.matches = find_all(plan.text, needle) if plan is not None and needle.strip() else []
        self.view.set_highlights([Highlight(s, e, FIND_COLOUR) for s, e in self.matches], FIND_LAYER)
        if not self.matches:
            self.current = -1
        else:
            top = self.view.top_offset()
            self.current = next((i for i, (s, _) in enumerate(self.matches) if s >= top), 0)
            self._show_current()
        self._update_label()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + delta) % len(self.matches)
        self._show_current()
        self._update_label()

    def _show_current(self) -> None:
        self.view.select_span(*self.matches[self.current])

    def _update_label(self) -> None:
        if not self.edit.text().strip():
            self.count_label.setText("")
        elif not self.matches:
            self.count_label.setText(self.tr("No matches"))
        else:
            self.count_label.setText(self._count_text(self.current, len(self.matches)))
        has = bool(self.matches)
        self.next_button.setEnabled(has)
        self.previous_button.setEnabled(has)

    def _count_text(self, current: int, total: int) -> str:
        """ "3 of 12": the match shown (`current` counts from 0) and how many there are."""
        locale = QLocale()
        return self.tr("{current} of {total}", "the match shown in a find bar").format(
            current=locale.toString(current + 1), total=locale.toString(total)
        )

    def _on_document_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    # --- keys ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.matches(QKeySequence.StandardKey.FindNext):
                self.find_next()
                return True
            if event.matches(QKeySequence.StandardKey.FindPrevious):
                self.find_previous()
                return True
        return super().eventFilter(watched, event)
