"""The reading surface: a document drawn from its RenderPlan, addressed in Document.text offsets.

Callers never see QTextDocument positions: highlights, selections and
scrolling all take and return offsets into the normalised text, which is
what search, annotations (issue 6) and export store.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable, Iterable

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QContextMenuEvent, QHelpEvent, QMouseEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from app.reading import InlineMarker, RenderPlan, marker_numbers
from ui.plain_text import escaped
from ui.reader.document_builder import DocumentBuilder, build_message
from ui.reader.highlights import FIND_COLOUR, Highlight, background_for
from ui.reader.position_map import PositionMap
from ui.reader.safe_browser import SafeTextBrowser
from ui.reader.typography import ReaderStyle

# Layers are drawn in this order, later on top; unknown layers go between annotations and find.
LAYER_ORDER = {"search": 0, "annotations": 10, "find": 100, "flash": 110}
FLASH_LAYER = "flash"
FLASH_MSECS = 700
COLUMN_CHARS = 78  # a comfortable line length for reading
MIN_SIDE_MARGIN = 20
TOOLTIP_CHARS = 400
FIRST_SLICE_CHARS = 150_000  # drawn before the document shows; the rest follows in slices
MAX_DRAWN_HIGHLIGHTS = 3_000  # per layer
SLICE_SECONDS = 0.04  # each later slice, short enough to keep the window responsive
SLICE_CHARS = 40_000  # and small enough that laying it out is quick too
READING_INTERACTION = Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard


class ReaderView(SafeTextBrowser):
    """Shows one document; markers are superscript links, highlights are extra selections."""

    markerActivated = Signal(int)
    linkToDocument = Signal(int)
    highlightClicked = Signal(object)  # the Highlight.key under a plain click
    documentChanged = Signal()
    drawingFinished = Signal()  # the last slice of a big document is drawn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self._plan: RenderPlan | None = None
        self._map = PositionMap()
        self._markers: dict[int, InlineMarker] = {}
        self._layers: dict[str, list[Highlight]] = {}
        self._context_actions: list[QAction] = []
        self._message = self.tr("No document open")
        self._press_pos: QPoint | None = None
        self._builder: DocumentBuilder | None = None
        self._waiting: list[tuple[int, Callable[[], None]]] = []  # actions on text not drawn yet
        self.internalLink.connect(self._on_internal_link)
        self._render()

    # --- content ---------------------------------------------------------------------------

    @property
    def plan(self) -> RenderPlan | None:
        return self._plan

    @property
    def position_map(self) -> PositionMap:
        return self._map

    def show_plan(self, plan: RenderPlan) -> None:
        """Show a document; highlights of the previous one are dropped."""
        self._plan = plan
        self._markers = marker_numbers(plan.markers)
        self._layers.clear()
        self._render()
        self.verticalScrollBar().setValue(0)
        self.documentChanged.emit()

    def show_message(self, message: str) -> None:
        """An empty state instead of a document (nothing open, or it could not be loaded)."""
        self._plan = None
        self._markers = {}
        self._layers.clear()
        self._message = message
        self._render()
        self.documentChanged.emit()

    def _render(self) -> None:
        style = ReaderStyle.for_widget(self)
        self._waiting.clear()
        if self._plan is None:
            self._builder = None
            self._map = PositionMap()
            self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)  # no caret in an empty state
            build_message(self.document(), self._message, style)
        else:
            self.setTextInteractionFlags(READING_INTERACTION)
            self._builder = DocumentBuilder(self.document(), self._plan, style)
            self._map = self._builder.map
            if not self._builder.draw(max_chars=FIRST_SLICE_CHARS):
                QTimer.singleShot(0, self, self._draw_more)
        self._fit_column()
        self._apply_highlights()

    @property
    def fully_drawn(self) -> bool:
        """Whether the whole document is drawn (a big one is drawn in slices after it opens)."""
        return self._builder is None or self._builder.done

    def _draw_more(self) -> None:
        """One slice of a big document, then back to the event loop; highlights follow at the end."""
        builder = self._builder
        if builder is None or builder.done:
            return  # another document (or the same one redrawn) took its place
        finished = builder.draw(max_chars=SLICE_CHARS, deadline=time.monotonic() + SLICE_SECONDS)
        self._run_waiting()
        if finished:
            self._apply_highlights()
            self.drawingFinished.emit()
        else:
            QTimer.singleShot(0, self, self._draw_more)

    def _drawn_to(self) -> float:
        """The text offset drawn so far (infinite once all is drawn)."""
        return math.inf if self._builder is None or self._builder.done else self._builder.drawn_to

    def _when_drawn(self, offset: int, action: Callable[[], None]) -> None:
        """Run `action` now if text[offset] is drawn, else as soon as it is (scrolling to a far search hit)."""
        if offset < self._drawn_to():
            action()
        else:
            self._waiting.append((offset, action))

    def _run_waiting(self) -> None:
        drawn_to = self._drawn_to()
        ready = [action for offset, action in self._waiting if offset < drawn_to]
        self._waiting = [(offset, action) for offset, action in self._waiting if offset >= drawn_to]
        for action in ready:
            action()

    def changeEvent(self, event: QEvent) -> None:
        """Follow the system palette and font: redraw, keeping the reading position."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) and hasattr(self, "_map"):
            top = self.top_offset()
            self._render()
            if self._plan is not None:
                self.scroll_to_offset(top, margin=0)
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_column()
        super().resizeEvent(event)

    def _fit_column(self) -> None:
        """Centre a column of about COLUMN_CHARS characters; narrow windows keep a small margin."""
        column = self.fontMetrics().averageCharWidth() * COLUMN_CHARS * 1.12
        side = max(MIN_SIDE_MARGIN, (self.viewport().width() - column) / 2)
        top = 28 if self._plan is not None else max(28, self.viewport().height() / 3)  # an empty state sits lower
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) < 1 and abs(fmt.topMargin() - top) < 1:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(top)
        fmt.setBottomMargin(48)
        frame.setFrameFormat(fmt)

    # --- offsets ---------------------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as a Document.text span, widened to whole markers; None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or not self._map:
            return None
        start = self._map.to_offset(cursor.selectionStart())
        end = self._map.to_offset(cursor.selectionEnd(), end=True)
        for m in self._markers_between(start, end):
            start = min(start, m.start) if m.start < start < m.end else start
            end = max(end, m.end) if m.start < end < m.end else end
        return (start, end) if end > start else None

    def _markers_between(self, start: int, end: int) -> list[InlineMarker]:
        if self._plan is None:
            return []
        return [m for m in self._plan.markers if m.end > start and m.start < end]

    def select_span(self, start: int, end: int) -> None:
        """Select text[start:end] in the view and bring it into sight (once drawn, for a big document)."""

        def select() -> None:
            self.setTextCursor(self._cursor_for(start, end))
            self._scroll_now(start, 0.25)

        self._when_drawn(max(start, end - 1), select)

    def _cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_position(start))
        end_position = max(cursor.position(), self._map.to_position(end, end=True))
        cursor.setPosition(end_position, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def scroll_to_offset(self, offset: int, *, margin: float = 0.25, shift: int = 0) -> None:
        """Scroll so text[offset]'s line sits `margin` of the way down the viewport (top when 0) and `shift`
        pixels lower (as `top_position` found it), once it is drawn."""
        self._when_drawn(offset, lambda: self._scroll_now(offset, margin, shift))

    def _scroll_now(self, offset: int, margin: float, shift: int = 0) -> None:
        if not self._map:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_position(offset))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - round(self.viewport().height() * margin) - shift)

    def top_position(self) -> tuple[int, int]:
        """(offset, shift): the text at the top of the viewport and how far its line's top stands from the
        viewport's top edge; `scroll_to_offset(offset, margin=0, shift=shift)` comes back to the same pixel."""
        if not self._map:
            return 0, 0
        offset = self._map.to_offset(self.cursorForPosition(QPoint(self.viewport().width() // 2, 4)).position())
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_position(offset))  # the line restoring will use (the top may be unmapped text)
        return offset, self.cursorRect(cursor).top()

    def top_offset(self) -> int:
        """The text offset at the top of the viewport (what back/forward remembers)."""
        if not self._map:
            return 0
        cursor = self.cursorForPosition(QPoint(self.viewport().width() // 2, 4))
        return self._map.to_offset(cursor.position())

    def offset_at(self, point: QPoint) -> int | None:
        """The text offset under a viewport point, or None off the text."""
        if not self._map:
            return None
        doc_point = point + QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        pos = self.document().documentLayout().hitTest(doc_point, Qt.HitTestAccuracy.ExactHit)
        if pos < 0:
            return None
        return self._map.to_offset(pos)

    # --- markers ---------------------------------------------------------------------------

    def marker_span(self, number: int) -> tuple[int, int] | None:
        m = self._markers.get(number)
        return (m.start, m.end) if m else None

    def scroll_to_marker(self, number: int) -> bool:
        """Bring footnote N's first marker into view and flash it: marked for a moment so it is easy to spot,
        not selected (a selection would offer Highlight and Annotate on a marker)."""
        span = self.marker_span(number)
        if span is None:
            return False
        self.flash(*span)
        return True

    def _on_internal_link(self, kind: str, value: int) -> None:
        if kind == "fn":
            self.markerActivated.emit(value)
        elif kind == "doc":
            self.linkToDocument.emit(value)

    # --- highlights ------------------------------------------------------------------------

    def set_highlights(self, items: Iterable[Highlight | tuple], layer: str = "annotations") -> None:
        """Replace one layer of highlights (search terms, annotations, find matches …)."""
        self._layers[layer] = [Highlight.coerce(h) for h in items]
        self._apply_highlights()

    def clear_highlights(self, layer: str | None = None) -> None:
        if layer is None:
            self._layers.clear()
        else:
            self._layers.pop(layer, None)
        self._apply_highlights()

    def flash(self, start: int, end: int, colour: str = FIND_COLOUR, msecs: int = FLASH_MSECS) -> None:
        """Show text[start:end] and mark it briefly (an annotation picked from a list)."""
        self.select_span(start, start)
        self.set_highlights([Highlight(start, end, colour)], FLASH_LAYER)
        QTimer.singleShot(msecs, self, lambda: self.clear_highlights(FLASH_LAYER))

    def highlights(self, layer: str) -> list[Highlight]:
        return list(self._layers.get(layer, []))

    def highlights_at(self, offset: int) -> list[Highlight]:
        """Highlights covering text[offset], topmost first."""
        found = [h for _, items in self._ordered_layers() for h in items if h.start <= offset < h.end]
        return found[::-1]

    def _ordered_layers(self) -> list[tuple[str, list[Highlight]]]:
        return sorted(self._layers.items(), key=lambda kv: LAYER_ORDER.get(kv[0], 50))

    def _apply_highlights(self) -> None:
        """Draw the highlight layers as extra selections; withheld while a big document is still being
        drawn (Qt moves every selection's cursor on each insertion, which made drawing quadratic).
        Each layer draws at most MAX_DRAWN_HIGHLIGHTS, the first in the text: a word found on every
        line of a huge document would otherwise make each paint walk tens of thousands of them."""
        selections = []
        if self._map and self.fully_drawn:
            palette = self.palette()
            for _, items in self._ordered_layers():
                drawn = [h for h in items if h.end > h.start]
                if len(drawn) > MAX_DRAWN_HIGHLIGHTS:
                    drawn = sorted(drawn, key=lambda h: h.start)[:MAX_DRAWN_HIGHLIGHTS]
                for h in drawn:
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = self._cursor_for(h.start, h.end)
                    selection.format.setBackground(QBrush(background_for(h.colour, palette)))
                    selections.append(selection)
        self.setExtraSelections(selections)

    # --- mouse, tooltips, context menu -------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        plain_click = (
            event.button() == Qt.MouseButton.LeftButton
            and self._press_pos is not None
            and (pos - self._press_pos).manhattanLength() < 4
            and not self.anchorAt(pos)
        )
        super().mouseReleaseEvent(event)
        if plain_click and not self.textCursor().hasSelection():
            offset = self.offset_at(pos)
            keyed = [h for h in self.highlights_at(offset) if h.key is not None] if offset is not None else []
            if keyed:
                self.highlightClicked.emit(keyed[0].key)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPoint) -> str | None:
        """A marker's footnote (or that it is missing), else a highlight's tooltip; escaped rich text."""
        href = self.anchorAt(point)
        if href.startswith("dossier-fn:") and self._plan is not None:
            number = int(href.rsplit(":", 1)[1])
            if number in self._plan.notes:
                note = self._plan.notes[number]
                if len(note) > TOOLTIP_CHARS:
                    note = note[:TOOLTIP_CHARS].rstrip() + "…"
                return f"<p><b>{number}</b>&nbsp; {escaped(note)}</p>"
            missing = self.tr("Footnote {number} is missing from the document").format(number=number)
            return f"<p>{escaped(missing)}</p>"
        offset = self.offset_at(point)
        if offset is None:
            return None
        tips = [h.tooltip for h in self.highlights_at(offset) if h.tooltip]
        return f"<p>{escaped(tips[0])}</p>" if tips else None

    def add_context_action(self, action: QAction) -> None:
        """Offer an action (e.g. "Annotate selection") at the top of the context menu."""
        self._context_actions.append(action)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self._context_actions:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertActions(first, self._context_actions)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def highlight_keys(self) -> list[Hashable]:
        return [h.key for _, items in self._ordered_layers() for h in items if h.key is not None]

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy gives the exact Document.text slice (markers as `[N]`, real line breaks)."""
        span = self.selected_span()
        if span is None or self._plan is None:
            return super().createMimeDataFromSelection()
        data = QMimeData()
        data.setText(self._plan.text[span[0] : span[1]])
        return data
