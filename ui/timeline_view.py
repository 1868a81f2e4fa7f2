"""The library's timeline drawn with QPainter: a stacked bar per year or month, coloured by kind.

Everything but the kinds' hues comes from the widget's palette (text, grid, the chosen bars'
highlight), so it follows View › Theme. A click on a bar asks for that period as a filter
(`periodClicked`); which periods are chosen is told back with `set_chosen`, so the facet panel
stays the one owner of the filter. Keyboard: Left/Right pick a bar, Space or Enter toggles it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLocale, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QWidget

from app.library.timeline import Timeline, TimelineBar
from ui import plain_text
from ui.kind_colors import kind_color, kind_label

MIN_SLOT = 4  # pixels per bar at the least: more bars than fit make the view scroll
_PAD = 8
_YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
_MONTH_STEPS = (1, 2, 3, 4, 6, 12)
Role = QPalette.ColorRole


class TimelineView(QWidget):
    periodClicked = Signal(str, str)  # unit ("year" or "month"), period ("2013" or "2013-09")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._timeline = Timeline("year")
        self._counted = False  # until the first count arrives, "Counting…" rather than an empty archive's words
        self._filtered = False
        self._chosen: frozenset[str] = frozenset()
        self._hover: int | None = None
        self._current: int | None = None

    # --- content ---------------------------------------------------------------------------

    @property
    def timeline(self) -> Timeline:
        return self._timeline

    def set_timeline(self, timeline: Timeline, *, filtered: bool = False) -> None:
        """`filtered`: counted over a search's or the facets' documents, so none may mean none matched."""
        self._timeline = timeline
        self._counted = True
        self._filtered = filtered
        self._hover = self._current = None
        self.updateGeometry()
        self.update()

    def set_chosen(self, periods: frozenset[str] | set[str]) -> None:
        """The periods the library is filtered to, drawn highlighted."""
        self._chosen = frozenset(periods)
        self.update()

    def chosen(self) -> frozenset[str]:
        return self._chosen

    # --- geometry --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(640, 7 * self.fontMetrics().height() + 4 * _PAD)

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        width = self._left(fm) + len(self._timeline.bars) * MIN_SLOT + _PAD
        return QSize(max(width, 240), 5 * fm.height() + 3 * _PAD)

    def _left(self, fm: QFontMetrics) -> int:
        return fm.horizontalAdvance(self._number(self._scale()[0])) + 2 * _PAD

    def _plot(self) -> QRect:
        fm = self.fontMetrics()
        rows = 2 if self._timeline.unit == "month" else 1
        top = fm.height() + 2 * _PAD  # the legend
        bottom = rows * fm.height() + _PAD
        left = self._left(fm)
        return QRect(left, top, max(1, self.width() - left - _PAD), max(1, self.height() - top - bottom))

    def _slot(self, plot: QRect) -> float:
        return plot.width() / max(1, len(self._timeline.bars))

    def _scale(self) -> tuple[int, int]:
        """The top of the count axis and its grid step, both round numbers."""
        peak = max((bar.total for bar in self._timeline.bars), default=0)
        if peak <= 4:
            return max(peak, 1), 1
        raw = peak / 4
        magnitude = 10 ** math.floor(math.log10(raw))
        step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
        step = max(1, int(step))
        return int(math.ceil(peak / step) * step), step

    def bar_rects(self) -> dict[str, QRect]:
        """Where each non-empty bar is drawn (its whole stack), by period: what a click must hit."""
        plot = self._plot()
        return {bar.period: self._bar_rect(i, bar, plot) for i, bar in enumerate(self._timeline.bars) if bar.total}

    def _bar_rect(self, index: int, bar: TimelineBar, plot: QRect) -> QRect:
        slot = self._slot(plot)
        width = slot if slot < 3 else min(max(2.0, slot * 0.78), 4.0 * self.fontMetrics().height())
        x = plot.left() + index * slot + (slot - width) / 2
        top, _ = self._scale()
        height = max(1.0, bar.total / top * plot.height()) if bar.total else 0.0
        return QRectF(x, plot.bottom() + 1 - height, width, height).toAlignedRect()

    def index_at(self, point: QPoint) -> int | None:
        """The bar whose column (its whole height, for an easy target) holds `point`."""
        plot = self._plot()
        if not self._timeline.bars or not (plot.left() <= point.x() <= plot.right()):
            return None
        if not (plot.top() - _PAD <= point.y() <= self.height()):
            return None
        return min(int((point.x() - plot.left()) / self._slot(plot)), len(self._timeline.bars) - 1)

    # --- painting --------------------------------------------------------------------------

    def _empty_text(self) -> str:
        if not self._counted:
            return self.tr("Counting…")
        timeline = self._timeline
        if self._filtered and not (timeline.dated or timeline.year_only or timeline.undated):
            return self.tr("No documents match")
        return self.tr("No dated documents")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(Role.Base))
        fm = self.fontMetrics()
        if not self._timeline.bars:
            painter.setPen(palette.color(Role.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text())
            return
        plot = self._plot()
        self._paint_grid(painter, plot, fm)
        slot = self._slot(plot)
        highlight = palette.color(Role.Highlight)
        for i, bar in enumerate(self._timeline.bars):
            column = QRectF(plot.left() + i * slot, plot.top() - _PAD / 2, slot, plot.height() + _PAD / 2).toRect()
            if bar.period in self._chosen:
                painter.fillRect(column, _alpha(highlight, 90))
            elif i in (self._hover, self._current) and bar.total:
                painter.fillRect(column, _alpha(palette.color(Role.Text), 22))
            self._paint_bar(painter, i, bar, plot, dimmed=bool(self._chosen) and bar.period not in self._chosen)
        if self._current is not None and self.hasFocus():
            column = QRectF(plot.left() + self._current * slot, plot.top() - _PAD / 2, slot, plot.height()).toRect()
            painter.setPen(highlight)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(column.adjusted(0, 0, -1, -1))
        self._paint_axis(painter, plot, fm)
        self._paint_legend(painter, fm)

    def _paint_bar(self, painter: QPainter, index: int, bar: TimelineBar, plot: QRect, *, dimmed: bool) -> None:
        rect = self._bar_rect(index, bar, plot)
        if not bar.total:
            return
        top, _ = self._scale()
        y = float(plot.bottom() + 1)
        for kind, n in bar.counts:
            height = n / top * plot.height()
            colour = kind_color(kind, self.palette())
            painter.fillRect(QRectF(rect.left(), y - height, rect.width(), height), _alpha(colour, 110) if dimmed
                             else colour)  # fmt: skip
            y -= height

    def _paint_grid(self, painter: QPainter, plot: QRect, fm: QFontMetrics) -> None:
        palette = self.palette()
        top, step = self._scale()
        grid = _alpha(palette.color(Role.Text), 40)
        for value in range(step, top + 1, step):
            y = plot.bottom() + 1 - round(value / top * plot.height())
            painter.setPen(grid)
            painter.drawLine(plot.left(), y, plot.right(), y)
            painter.setPen(palette.color(Role.PlaceholderText))
            label = QRect(0, y - fm.height() // 2, plot.left() - _PAD // 2, fm.height())
            painter.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self._number(value))

    def _paint_axis(self, painter: QPainter, plot: QRect, fm: QFontMetrics) -> None:
        palette = self.palette()
        painter.setPen(palette.color(Role.Text))
        painter.drawLine(plot.left(), plot.bottom() + 1, plot.right(), plot.bottom() + 1)
        slot = self._slot(plot)
        bars = self._timeline.bars
        y = plot.bottom() + 3
        if self._timeline.unit == "year":
            step = _step(_YEAR_STEPS, (fm.horizontalAdvance("0000") + _PAD) / slot)
            labelled = [(i, bar.period) for i, bar in enumerate(bars) if int(bar.period) % step == 0]
            self._paint_labels(painter, labelled, plot, y, fm)
            return
        locale = QLocale()
        widest = max(fm.horizontalAdvance(locale.monthName(m, QLocale.FormatType.ShortFormat)) for m in range(1, 13))
        step = _step(_MONTH_STEPS, (widest + _PAD // 2) / slot)
        if step <= 12:
            months = [(i, locale.monthName(int(b.period[5:]), QLocale.FormatType.ShortFormat))
                      for i, b in enumerate(bars) if (int(b.period[5:]) - 1) % step == 0]  # fmt: skip
            self._paint_labels(painter, months, plot, y, fm)
            y += fm.height()
        years = [(i, b.year) for i, b in enumerate(bars) if i == 0 or b.period.endswith("-01")]
        self._paint_labels(painter, years, plot, y, fm, centred=False)

    def _paint_labels(self, painter: QPainter, labels: list[tuple[int, str]], plot: QRect, y: int,
                      fm: QFontMetrics, *, centred: bool = True) -> None:  # fmt: skip
        """Labels under their bars (or from the bar's left edge), skipping any that would overlap the last."""
        slot = self._slot(plot)
        painter.setPen(self.palette().color(Role.Text))
        right_of_last = -1
        for index, text in labels:
            width = fm.horizontalAdvance(text)
            x = plot.left() + index * slot + (slot - width) / 2 if centred else plot.left() + index * slot + 1
            x = min(max(x, 0), self.width() - width - 1)
            if x <= right_of_last + 4:
                continue
            painter.drawText(QRectF(x, y, width + 1, fm.height()), Qt.AlignmentFlag.AlignLeft, text)
            right_of_last = x + width

    def _paint_legend(self, painter: QPainter, fm: QFontMetrics) -> None:
        palette = self.palette()
        x, y = self._left(fm), _PAD
        box = fm.ascent() - 2
        for kind in self._timeline.kinds:
            label = kind_label(kind)
            width = box + 4 + fm.horizontalAdvance(label) + 2 * _PAD
            if x + width > self.width():
                painter.setPen(palette.color(Role.PlaceholderText))
                painter.drawText(x, y + fm.ascent(), "…")
                break
            painter.fillRect(QRect(x, y + (fm.height() - box) // 2, box, box), kind_color(kind, palette))
            painter.setPen(palette.color(Role.Text))
            painter.drawText(x + box + 4, y + fm.ascent(), label)
            x += width

    def _number(self, n: int) -> str:
        return QLocale().toString(n)

    # --- interaction -----------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            index = self.index_at(event.pos())
            plain_text.show_tooltip(self, event, None if index is None else self.tooltip_text(index))
            return True
        return super().event(event)

    def tooltip_text(self, index: int) -> str:
        """What a bar holds: its period, its count per kind, and what a click does."""
        bar = self._timeline.bars[index]
        lines = [f"{self._period_name(bar.period)}: {self._documents(bar.total)}"]
        lines += [f"{kind_label(kind)}: {self._number(n)}" for kind, n in bar.counts]
        if bar.total:
            lines.append(self.tr("Click to clear this filter") if bar.period in self._chosen
                         else self.tr("Click to show only these in the library"))  # fmt: skip
        return "\n".join(lines)

    def _period_name(self, period: str) -> str:
        if len(period) == 7:
            return f"{QLocale().monthName(int(period[5:]))} {period[:4]}"
        return period

    def _documents(self, n: int) -> str:
        return self.tr("%Ln document(s)", "", n)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().toPoint())
        if index != self._hover:
            self._hover = index
            self.update()
        has_bar = index is not None and self._timeline.bars[index].total > 0
        self.setCursor(Qt.CursorShape.PointingHandCursor if has_bar else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.index_at(event.position().toPoint())
            if index is not None:
                self._current = index
                self._activate(index)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bars = self._timeline.bars
        filled = [i for i, bar in enumerate(bars) if bar.total]
        if not filled:
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            current = self._current if self._current is not None else -1
            if key == Qt.Key.Key_Right:
                self._current = next((i for i in filled if i > current), filled[-1])
            else:
                self._current = next((i for i in reversed(filled) if i < current), filled[0])
            self.update()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current is not None:
            self._activate(self._current)
        else:
            super().keyPressEvent(event)

    def _activate(self, index: int) -> None:
        bar = self._timeline.bars[index]
        if bar.total:
            self.periodClicked.emit(self._timeline.unit, bar.period)


def _alpha(colour: QColor, alpha: int) -> QColor:
    out = QColor(colour)
    out.setAlpha(alpha)
    return out


def _step(steps: tuple[int, ...], at_least: float) -> int:
    """The smallest step of `steps` of at least `at_least` bars (the last one past the end: label none)."""
    return next((s for s in steps if s >= at_least), steps[-1] * 10)
