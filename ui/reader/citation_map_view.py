"""The open document's citation map drawn with QPainter: who cites it above, what it cites below.

Arrows run from citing to cited, top to bottom, so the map reads down like a footnote trail and
fits a tall side dock; boxes wrap into as many columns as the width allows. A side that fits on one
row gets an arrow per box; a longer one is framed as a group with one arrow, since arrows from
the upper rows would cross the boxes below them. Titles are elided in
the boxes and given whole (as plain text) in the tooltip; a click on a box asks to open it
(`openDocument`). Colours come from the palette, each box's edge from its kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from app.library.citation_map import CitationMap, LinkedDocument
from ui import plain_text
from ui.kind_colors import kind_color, kind_label
from ui.reader.dates import document_date

MAX_BOXES = 60  # per side; the rest are counted in a line under them
MIN_BOX_WIDTH = 150
_PAD, _GAP, _ARROW_SPACE = 10, 8, 34
Role = QPalette.ColorRole


@dataclass(slots=True)
class _Box:
    doc: LinkedDocument
    rect: QRect
    side: str  # "cited_by", "centre" or "cites"


class CitationMapView(QWidget):
    openDocument = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citationMapView")
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._map: CitationMap | None = None
        self._message = self.tr("No document open")
        self._boxes: list[_Box] = []
        self._texts: list[tuple[QRect, str, bool]] = []  # section headings and notes: rect, text, bold
        self._groups: dict[str, QRect] = {}  # side → the frame around its boxes, for sides of several rows
        self._hover: int | None = None

    # --- content ---------------------------------------------------------------------------

    @property
    def citation_map(self) -> CitationMap | None:
        return self._map

    def set_map(self, citation_map: CitationMap) -> None:
        self._map = citation_map
        self._relayout()

    def show_message(self, message: str) -> None:
        """No map: a document could not be read, or none is open."""
        self._map = None
        self._message = message
        self._relayout()

    def box_rects(self) -> dict[int, QRect]:
        """Where each linked document's box is, by document id (the open document's own box left out)."""
        return {box.doc.id: QRect(box.rect) for box in self._boxes if box.side != "centre"}

    def centre_rect(self) -> QRect | None:
        return next((QRect(b.rect) for b in self._boxes if b.side == "centre"), None)

    # --- layout ----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(320, max(self.minimumHeight(), 200))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._relayout()

    def _box_height(self) -> int:
        return 3 * self.fontMetrics().height() + 12

    def _relayout(self) -> None:
        """Place the boxes for the current width; the widget grows as tall as they need (it sits in a scroll area)."""
        self._boxes, self._texts, self._groups, self._hover = [], [], {}, None
        fm = self.fontMetrics()
        width = max(self.width(), MIN_BOX_WIDTH + 2 * _PAD)
        y = _PAD
        if self._map is None:
            self.setMinimumHeight(0)
            self.update()
            return
        m = self._map
        if m.cited_by:
            y = self._section(self.tr("Cited by %Ln document(s)", "", len(m.cited_by)), m.cited_by, "cited_by",
                              y, width, fm)  # fmt: skip
            y += _ARROW_SPACE
        centre_width = min(width - 2 * _PAD, max(MIN_BOX_WIDTH * 2, (width - 2 * _PAD) * 2 // 3))
        centre = QRect((width - centre_width) // 2, y, centre_width, self._box_height())
        self._boxes.append(_Box(m.document, centre, "centre"))
        y = centre.bottom() + 1
        if m.cites:
            y += _ARROW_SPACE
            y = self._section(self.tr("Cites %Ln document(s)", "", len(m.cites)), m.cites, "cites", y, width, fm)
        elif m.is_empty:
            note = QRect(_PAD, y + _PAD, width - 2 * _PAD, 3 * fm.height())
            self._texts.append((note, self.tr("No links to other documents in this archive"), False))
            y = note.bottom() + 1
        self.setMinimumHeight(y + _PAD)
        self.update()

    def _section(self, heading: str, docs: tuple[LinkedDocument, ...], side: str, y: int, width: int,
                 fm: QFontMetrics) -> int:  # fmt: skip
        """Lay out one side's heading and boxes from `y`; returns the y below them."""
        self._texts.append((QRect(_PAD, y, width - 2 * _PAD, fm.height()), heading, True))
        y += fm.height() + _GAP
        columns = max(1, (width - 2 * _PAD + _GAP) // (MIN_BOX_WIDTH + _GAP))
        columns = min(columns, len(docs), MAX_BOXES)
        box_width = (width - 2 * _PAD - (columns - 1) * _GAP) // columns
        height = self._box_height()
        shown = docs[:MAX_BOXES]
        for i, doc in enumerate(shown):
            row, col = divmod(i, columns)
            x = _PAD + col * (box_width + _GAP)
            self._boxes.append(_Box(doc, QRect(x, y + row * (height + _GAP), box_width, height), side))
        rows = (len(shown) + columns - 1) // columns
        if rows > 1:
            self._groups[side] = QRect(_PAD // 2, y - _GAP // 2, width - _PAD, rows * (height + _GAP))
        y += rows * (height + _GAP) - _GAP
        if len(docs) > len(shown):
            more = QRect(_PAD, y + _GAP // 2, width - 2 * _PAD, fm.height())
            self._texts.append((more, self.tr("and %Ln more", "", len(docs) - len(shown)), False))
            y = more.bottom() + 1
        return y

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(Role.Base))
        if self._map is None:
            painter.setPen(palette.color(Role.PlaceholderText))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.rect().adjusted(_PAD, _PAD, -_PAD, -_PAD), flags, self._message)
            return
        self._paint_arrows(painter)
        for i, box in enumerate(self._boxes):
            self._paint_box(painter, box, hovered=i == self._hover)
        for rect, text, bold in self._texts:
            font = QFont(self.font())
            font.setBold(bold)
            painter.setFont(font)
            painter.setPen(palette.color(Role.Text if bold else Role.PlaceholderText))
            flags = Qt.AlignmentFlag.AlignLeft if bold else Qt.AlignmentFlag.AlignHCenter
            painter.drawText(rect, flags | Qt.TextFlag.TextWordWrap, text)

    def _paint_arrows(self, painter: QPainter) -> None:
        centre = self.centre_rect()
        if centre is None:
            return
        palette = self.palette()
        pen = QPen(palette.color(Role.PlaceholderText), 1.4)
        for frame in self._groups.values():
            painter.setPen(QPen(_mix(palette.color(Role.Text), palette.color(Role.Base), 0.18), 1))
            painter.setBrush(palette.color(Role.AlternateBase))
            painter.drawRoundedRect(QRectF(frame).adjusted(0.5, 0.5, -0.5, -0.5), 7, 7)
        if (frame := self._groups.get("cited_by")) is not None:
            self._arrow(painter, QPointF(frame.center().x(), frame.bottom() + 1), QPointF(centre.center().x(),
                        centre.top() - 1), QPen(pen.color(), 2.2))  # fmt: skip
        if (frame := self._groups.get("cites")) is not None:
            self._arrow(painter, QPointF(centre.center().x(), centre.bottom() + 1), QPointF(frame.center().x(),
                        frame.top() - 1), QPen(pen.color(), 2.2))  # fmt: skip
        citing = [b for b in self._boxes if b.side == "cited_by" and "cited_by" not in self._groups]
        cited = [b for b in self._boxes if b.side == "cites" and "cites" not in self._groups]
        for i, box in enumerate(citing):
            end = QPointF(centre.left() + centre.width() * (i + 1) / (len(citing) + 1), centre.top() - 1)
            self._arrow(painter, QPointF(box.rect.center().x(), box.rect.bottom() + 1), end, pen)
        for i, box in enumerate(cited):
            start = QPointF(centre.left() + centre.width() * (i + 1) / (len(cited) + 1), centre.bottom() + 1)
            self._arrow(painter, start, QPointF(box.rect.center().x(), box.rect.top() - 1), pen)

    def _arrow(self, painter: QPainter, start: QPointF, end: QPointF, pen: QPen) -> None:
        """A curve leaving `start` downwards and arriving at `end` from above, with its head at `end`."""
        bend = max(12.0, (end.y() - start.y()) / 2)
        path = QPainterPath(start)
        path.cubicTo(QPointF(start.x(), start.y() + bend), QPointF(end.x(), end.y() - bend), end)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        head = QPolygonF([end, QPointF(end.x() - 4.5, end.y() - 8), QPointF(end.x() + 4.5, end.y() - 8)])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pen.color())
        painter.drawPolygon(head)

    def _paint_box(self, painter: QPainter, box: _Box, *, hovered: bool) -> None:
        palette = self.palette()
        centre = box.side == "centre"
        rect = QRectF(box.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        fill = palette.color(Role.AlternateBase if centre else Role.Base)
        edge = palette.color(Role.Highlight) if centre or hovered else _mix(palette.color(Role.Text),
                                                                            palette.color(Role.Base), 0.35)  # fmt: skip
        painter.setPen(QPen(edge, 2 if centre or hovered else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 5, 5)
        stripe = QRectF(rect.left() + 1.5, rect.top() + 4, 4, rect.height() - 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(kind_color(box.doc.kind, palette))
        painter.drawRoundedRect(stripe, 2, 2)
        fm = self.fontMetrics()
        inner = box.rect.adjusted(12, 5, -7, -5)
        font = QFont(self.font())
        font.setBold(centre)
        painter.setFont(font)
        title_fm = QFontMetrics(font)
        painter.setPen(palette.color(Role.Text))
        lines = _two_lines(box.doc.title or self.tr("(untitled)"), title_fm, inner.width())
        top = inner.top() + (inner.height() - (len(lines) + 1) * fm.height()) // 2  # title and date, centred
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine
        for i, line in enumerate(lines):
            painter.drawText(QRect(inner.left(), top + i * fm.height(), inner.width(), fm.height()), flags, line)
        painter.setFont(self.font())
        painter.setPen(palette.color(Role.PlaceholderText))
        meta = fm.elidedText(self._meta(box), Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(QRect(inner.left(), top + len(lines) * fm.height(), inner.width(), fm.height()), flags, meta)

    def _meta(self, box: _Box) -> str:
        parts = [document_date(box.doc.date) or self.tr("undated"), kind_label(box.doc.kind)]
        if box.doc.footnotes:
            parts.append(
                self.tr("note(s) {numbers}", "", len(box.doc.footnotes)).format(numbers=_numbers(box.doc.footnotes))
            )
        return " · ".join(parts)

    # --- interaction -----------------------------------------------------------------------

    def box_at(self, point: QPoint) -> int | None:
        return next((i for i, box in enumerate(self._boxes) if box.rect.contains(point)), None)

    def tooltip_text(self, box_index: int) -> str:
        box = self._boxes[box_index]
        doc = box.doc
        lines = [doc.title, f"{document_date(doc.date) or self.tr('undated')} · {kind_label(doc.kind)}"]
        notes, numbers = len(doc.footnotes), _numbers(doc.footnotes)
        if box.side == "cites":
            lines.append(self.tr("Cited by this document in note(s) {numbers}", "", notes).format(numbers=numbers))
        elif box.side == "cited_by":
            lines.append(self.tr("Cites this document in its note(s) {numbers}", "", notes).format(numbers=numbers))
        lines.append(self.tr("The open document") if box.side == "centre" else self.tr("Click to open"))
        return "\n".join(lines)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            index = self.box_at(event.pos())
            plain_text.show_tooltip(self, event, None if index is None else self.tooltip_text(index))
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.box_at(event.position().toPoint())
        if index is not None and self._boxes[index].side == "centre":
            index = None
        if index != self._hover:
            self._hover = index
            self.setCursor(Qt.CursorShape.ArrowCursor if index is None else Qt.CursorShape.PointingHandCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.box_at(event.position().toPoint())
            if index is not None and self._boxes[index].side != "centre":
                self.openDocument.emit(self._boxes[index].doc.id)
        super().mouseReleaseEvent(event)


def _numbers(numbers: tuple[int, ...]) -> str:
    """Footnote numbers as a list: 3, 8, 12."""
    return ", ".join(map(str, numbers))


def _mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    s = share_of_a
    return QColor.fromRgbF(a.redF() * s + b.redF() * (1 - s), a.greenF() * s + b.greenF() * (1 - s),
                           a.blueF() * s + b.blueF() * (1 - s))  # fmt: skip


def _two_lines(text: str, fm: QFontMetrics, width: int) -> list[str]:
    """`text` on at most two lines of `width`: broken at a space where one fits, the rest elided."""
    text = " ".join(text.split())
    if fm.horizontalAdvance(text) <= width:
        return [text]
    words = text.split(" ")
    first = ""
    for i in range(1, len(words) + 1):
        candidate = " ".join(words[:i])
        if fm.horizontalAdvance(candidate) > width:
            break
        first = candidate
    if not first:  # one long word: cut it
        cut = len(words[0])
        while cut > 1 and fm.horizontalAdvance(text[:cut]) > width:
            cut -= 1
        first = text[:cut]
    rest = text[len(first) :].strip()
    return [first, fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)] if rest else [first]
