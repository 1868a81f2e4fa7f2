"""Tags drawn as rounded coloured chips in a table cell, with "+N" for those that do not fit."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.tags.colors import ChipColors, TagColors, chip_colors, is_dark

H_PAD = 6  # inside a chip, left and right of the text
V_PAD = 1  # inside a chip, above and below the text
GAP = 4  # between chips
MARGIN = 3  # between the cell's edge and the chips
MAX_CHIP = 180  # a very long name is elided rather than hiding every other tag

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class ChipLayout:
    """Which names show, how wide each chip is, and how many are summarised as "+N"."""

    widths: tuple[int, ...]  # one per shown name, in order
    hidden: int
    more_width: int  # width of the "+N" chip, 0 when nothing is hidden


def layout_chips(names: Sequence[str], chip_width: Callable[[str], int], available: int) -> ChipLayout:
    """Fit chips left to right into `available` pixels, keeping room for a "+N" chip when some are cut.

    The first chip is shrunk (its text elided) rather than dropped, so a narrow
    column still shows the start of one tag.
    """
    widths = [min(chip_width(n), MAX_CHIP) for n in names]
    if sum(widths) + GAP * max(len(widths) - 1, 0) <= available:
        return ChipLayout(tuple(widths), 0, 0)
    shown: list[int] = []
    used = 0
    for i, w in enumerate(widths):
        rest = len(widths) - i - 1
        more = chip_width(f"+{rest}") + GAP if rest else 0
        step = w + (GAP if shown else 0)
        if used + step + more <= available:
            shown.append(w)
            used += step
            continue
        if not shown:  # squeeze the first one
            shown.append(max(available - more, 0))
        break
    hidden = len(widths) - len(shown)
    return ChipLayout(tuple(shown), hidden, chip_width(f"+{hidden}") if hidden else 0)


def tag_names(index: Index, role: int | None) -> list[str]:
    """The cell's tags from `role` (a sequence) or, failing that, its "a, b" display text."""
    value = index.data(role) if role is not None else None
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    text = index.data(Qt.ItemDataRole.DisplayRole) or ""
    return [p.strip() for p in str(text).split(",") if p.strip()]


class TagChipDelegate(QStyledItemDelegate):
    """Paints the tags of a cell as chips; selection and focus are drawn by the style as usual."""

    def __init__(self, colors: TagColors, tags_role: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colors = colors
        self.tags_role = tags_role

    def _chip_width(self, fm: QFontMetricsF) -> Callable[[str], int]:
        """Rounded up from the fractional advance: a rounded-down width would elide the name."""
        return lambda name: math.ceil(fm.horizontalAdvance(name)) + 1 + 2 * H_PAD

    def _chip_height(self, fm: QFontMetricsF) -> int:
        return math.ceil(fm.height()) + 2 * V_PAD

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        names = tag_names(index, self.tags_role)
        if not names:
            return
        fm = QFontMetricsF(opt.font)
        area = opt.rect.adjusted(MARGIN, 0, -MARGIN, 0)
        layout = layout_chips(names, self._chip_width(fm), area.width())
        height = min(self._chip_height(fm), area.height() - 2)
        top = area.top() + (area.height() - height) // 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(opt.font)
        x = area.left()
        for name, width in zip(names, layout.widths, strict=False):
            if width > 2 * H_PAD:
                self._draw_chip(painter, QRect(x, top, width, height), name, self.colors.chip(name, opt.palette), fm)
            x += width + GAP
        if layout.hidden:
            self._draw_more(painter, QRect(x, top, layout.more_width, height), layout.hidden, opt.palette, fm)
        painter.restore()

    def _draw_chip(self, painter: QPainter, rect: QRect, name: str, colors: ChipColors, fm: QFontMetricsF) -> None:
        radius = rect.height() / 2
        painter.setPen(colors.border)
        painter.setBrush(colors.fill)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        painter.setPen(colors.text)
        label = fm.elidedText(name, Qt.TextElideMode.ElideRight, rect.width() - 2 * H_PAD)
        painter.drawText(rect.adjusted(H_PAD, 0, -H_PAD, 0), int(Qt.AlignmentFlag.AlignVCenter), label)

    def _draw_more(self, painter: QPainter, rect: QRect, hidden: int, palette: QPalette, fm: QFontMetricsF) -> None:
        dark = is_dark(palette)
        base = palette.color(QPalette.ColorRole.Mid if dark else QPalette.ColorRole.Midlight)
        self._draw_chip(painter, rect, f"+{hidden}", chip_colors(base, dark), fm)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        base = super().sizeHint(option, index)
        names = tag_names(index, self.tags_role)
        fm = QFontMetricsF(option.font)
        height = max(base.height(), self._chip_height(fm) + 2 * MARGIN)
        if not names:
            return QSize(base.width(), height)
        width_of = self._chip_width(fm)
        width = sum(min(width_of(n), MAX_CHIP) for n in names) + GAP * (len(names) - 1) + 2 * MARGIN
        return QSize(width, height)
