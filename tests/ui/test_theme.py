"""The dark theme draws check boxes that show: Fusion's own unchecked box is drawn near the background."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from ui.theme import _OutlinedChecks, dark_palette


def _lightest_pixel_of_an_unchecked_box(style: QStyle) -> int:
    palette = dark_palette()
    image = QImage(24, 24, QImage.Format.Format_ARGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    option = QStyleOptionViewItem()
    option.rect = QRect(4, 4, 16, 16)
    option.palette = palette
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Off
    painter = QPainter(image)
    style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, option, painter, None)
    painter.end()
    return max(QColor(image.pixel(x, y)).lightness() for x in range(24) for y in range(24))


def test_an_unchecked_box_shows_on_the_dark_palette(qapp) -> None:  # type: ignore[no-untyped-def]
    background = dark_palette().color(QPalette.ColorRole.Base).lightness()
    assert _lightest_pixel_of_an_unchecked_box(_OutlinedChecks("Fusion")) > background + 80
