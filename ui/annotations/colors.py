"""Annotation colours as the widgets show them: names, swatch icons, and the remembered last colour."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from app.export.excerpt_model import COLOR_HEX, COLORS
from ui.settings import AppSettings

LAST_COLOR_KEY = "annotations/last_color"
DEFAULT_COLOR = COLORS[0]
# The colours' names as a sentence uses them ("Highlighted in yellow"); keys stay English in the database.
_NAMES = {
    "yellow": QT_TRANSLATE_NOOP("AnnotationColors", "yellow"),
    "green": QT_TRANSLATE_NOOP("AnnotationColors", "green"),
    "blue": QT_TRANSLATE_NOOP("AnnotationColors", "blue"),
    "pink": QT_TRANSLATE_NOOP("AnnotationColors", "pink"),
    "purple": QT_TRANSLATE_NOOP("AnnotationColors", "purple"),
    "orange": QT_TRANSLATE_NOOP("AnnotationColors", "orange"),
}


def color_name(name: str) -> str:
    """The colour's name in the user's language, in lower case as inside a sentence: yellow → jaune."""
    source = _NAMES.get(name)
    return QCoreApplication.translate("AnnotationColors", source) if source else name


def color_label(name: str) -> str:
    """The colour's name as a label (a tooltip, a combo box item): Yellow."""
    text = color_name(name)
    return text[:1].upper() + text[1:]


def swatch_icon(name: str, size: int = 16) -> QIcon:
    """A rounded square in the colour with a thin darker edge, so pale colours show on any background."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(COLOR_HEX.get(name, "#cccccc"))
    painter.setPen(QPen(fill.darker(150), 1))
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 3, 3)
    painter.end()
    return QIcon(pixmap)


def last_color(settings: AppSettings | None) -> str:
    value = settings.value(LAST_COLOR_KEY, DEFAULT_COLOR) if settings is not None else DEFAULT_COLOR
    return value if value in COLORS else DEFAULT_COLOR


def remember_color(settings: AppSettings | None, name: str) -> None:
    if settings is not None and name in COLORS:
        settings.set_value(LAST_COLOR_KEY, name)
