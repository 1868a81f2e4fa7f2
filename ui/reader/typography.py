"""Fonts, colours and spacing of the reader, all derived from the widget's font and palette.

Nothing here is a fixed colour: text, muted text and links come from palette
roles, so the reader follows the system's light or dark theme. Formats are
built once per render and copied per use (a long report has thousands of runs).
"""

from __future__ import annotations

from functools import cached_property

from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QTextBlockFormat, QTextCharFormat
from PySide6.QtWidgets import QWidget

LINE_HEIGHT_PERCENT = 145
READING_SCALE = 1.12  # body text slightly larger than the UI font
HEADING_SCALES = {0: 1.75, 1: 1.3, 2: 1.12, 3: 1.0}
PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value


class ReaderStyle:
    def __init__(self, font: QFont, palette: QPalette) -> None:
        self.font = font
        self.text: QColor = palette.color(QPalette.ColorRole.Text)
        self.muted: QColor = palette.color(QPalette.ColorRole.PlaceholderText)
        self.link: QColor = palette.color(QPalette.ColorRole.Link)

    @classmethod
    def for_widget(cls, widget: QWidget, *, scale: float = READING_SCALE) -> ReaderStyle:
        font = QFont(widget.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        return cls(font, widget.palette())

    @property
    def point_size(self) -> float:
        size = self.font.pointSizeF()
        return size if size > 0 else 10.0

    @property
    def em(self) -> float:
        return self.point_size * 1.33  # points to pixels at 96 dpi, good enough for spacing

    # --- blocks ------------------------------------------------------------------------------

    @cached_property
    def paragraph(self) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLineHeight(LINE_HEIGHT_PERCENT, PROPORTIONAL)
        fmt.setBottomMargin(self.em * 0.8)
        return fmt

    def heading_block(self, level: int) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(self.em * (1.1 if level <= 1 else 0.6))
        fmt.setBottomMargin(self.em * 0.45)
        fmt.setHeadingLevel(max(1, min(level + 1, 6)))
        return fmt

    @cached_property
    def title_block(self) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setHeadingLevel(1)
        fmt.setBottomMargin(self.em * 0.3)
        fmt.setLineHeight(115, PROPORTIONAL)
        return fmt

    @cached_property
    def meta_block(self) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(self.em * 1.6)
        return fmt

    # --- characters --------------------------------------------------------------------------

    @cached_property
    def body(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(QBrush(self.text))
        return fmt

    def heading(self, level: int) -> QTextCharFormat:
        fmt = QTextCharFormat(self.body)
        fmt.setFontWeight(QFont.Weight.Bold if level > 0 else QFont.Weight.DemiBold)
        fmt.setFontPointSize(self.point_size * HEADING_SCALES.get(level, 1.0))
        return fmt

    @cached_property
    def meta(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(QBrush(self.muted))
        return fmt

    @cached_property
    def _marker_present(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        fmt.setAnchor(True)
        fmt.setFontWeight(QFont.Weight.DemiBold)
        fmt.setForeground(QBrush(self.link))
        return fmt

    @cached_property
    def _marker_missing(self) -> QTextCharFormat:
        fmt = QTextCharFormat(self._marker_present)
        fmt.setForeground(QBrush(self.muted))
        fmt.setFontStrikeOut(True)
        return fmt

    def marker(self, href: str, *, present: bool, name: str | None) -> QTextCharFormat:
        fmt = QTextCharFormat(self._marker_present if present else self._marker_missing)
        fmt.setAnchorHref(href)
        if name:
            fmt.setAnchorNames([name])
        return fmt

    def url(self, base: QTextCharFormat, href: str) -> QTextCharFormat:
        """A web address in the text, as a link on top of its surrounding format."""
        fmt = QTextCharFormat(base)
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setForeground(QBrush(self.link))
        fmt.setFontUnderline(True)
        return fmt

    @cached_property
    def marker_separator(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        fmt.setForeground(QBrush(self.muted))
        return fmt
