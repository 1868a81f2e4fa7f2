"""Draws an annotation row: colour bar, quote (elided), the note's first line (its Markdown read), tag chips."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.annotations.list_model import AnnotationRole, IsHeaderRole, NoteRole, NoteTextRole, TagsRole, color_of
from ui.annotations.note_view import paint_note_line

PAD = 6
BAR = 5
CHIP_PAD = 5
CHIP_GAP = 4
CHIP_DEFAULT = "#e4e4e7"

Index = QModelIndex | QPersistentModelIndex


def chip_text_color(background: QColor) -> QColor:
    return QColor("#111111") if background.lightness() > 140 else QColor("#ffffff")


class AnnotationDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = option.fontMetrics
        if index.data(IsHeaderRole):
            return QSize(200, fm.height() + 2 * PAD + 4)
        lines = 1 + bool(index.data(NoteRole)) + bool(index.data(TagsRole))
        return QSize(200, lines * (fm.height() + 3) + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(IsHeaderRole):
            self._paint_header(painter, option, index)
        else:
            self._paint_annotation(painter, option, index)
        painter.restore()

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        palette = option.palette
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.left() + PAD, rect.top() + 2, rect.right() - PAD, rect.top() + 2)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(rect.adjusted(PAD, 4, -PAD, 0), Qt.AlignmentFlag.AlignVCenter, str(index.data()))

    def _paint_annotation(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        style = option.widget.style() if option.widget else QApplication.style()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = type(opt.icon)()
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        opt.state &= ~QStyle.StateFlag.State_HasFocus
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        info = index.data(AnnotationRole)
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = text_color if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        bar = color_of(info)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bar.darker(115))
        painter.drawRoundedRect(QRectF(rect.left() + PAD, rect.top() + PAD, BAR, rect.height() - 2 * PAD), 2, 2)
        fm = option.fontMetrics
        line_h = fm.height() + 3
        x = rect.left() + PAD + BAR + PAD
        width = rect.right() - PAD - x
        y = rect.top() + PAD
        quote_font = QFont(option.font)
        quote_font.setItalic(info.orphaned)
        painter.setFont(quote_font)
        painter.setPen(text_color)
        quote = QFontMetrics(quote_font).elidedText(f"“{index.data()}”", Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(x, y, width, line_h), Qt.AlignmentFlag.AlignVCenter, quote)
        y += line_h
        if index.data(NoteRole):
            paint_note_line(painter, QRect(x, y, width, line_h), index.data(NoteTextRole), option.font, dim)
            y += line_h
        tags = index.data(TagsRole) or []
        if tags:
            self._paint_chips(painter, option.font, tags, QRect(x, y, width, line_h))

    def _paint_chips(self, painter: QPainter, base: QFont, tags: list[tuple[str, str | None]], rect: QRect) -> None:
        font = QFont(base)
        font.setPointSizeF(max(6.0, base.pointSizeF() * 0.85))
        painter.setFont(font)
        fm = QFontMetrics(font)
        x = rect.left()
        h = fm.height() + 2
        y = rect.top() + (rect.height() - h) // 2
        for name, hex_color in tags:
            label = f"#{name}"
            w = fm.horizontalAdvance(label) + 2 * CHIP_PAD
            if x + w > rect.right():
                label = fm.elidedText(label, Qt.TextElideMode.ElideRight, max(0, rect.right() - x - 2 * CHIP_PAD))
                w = fm.horizontalAdvance(label) + 2 * CHIP_PAD
                if w <= 2 * CHIP_PAD + fm.horizontalAdvance("#…"):
                    break
            background = QColor(hex_color or CHIP_DEFAULT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(QRectF(x, y, w, h), h / 2, h / 2)
            painter.setPen(chip_text_color(background))
            painter.drawText(QRect(x, y, w, h), Qt.AlignmentFlag.AlignCenter, label)
            x += w + CHIP_GAP
