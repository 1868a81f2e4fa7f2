"""Light, dark or the desktop's own look (View › Theme), for desktops that do not pass their dark palette to Qt.

Light and Dark use the Fusion style, which draws every control from the palette (check boxes with an
outline that shows on either background), so nothing is left drawn for the other background; System
restores the style and palette Qt started with.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

THEMES = {"system": QT_TRANSLATE_NOOP("Theme", "&System"), "light": QT_TRANSLATE_NOOP("Theme", "&Light"),
          "dark": QT_TRANSLATE_NOOP("Theme", "&Dark")}  # menu labels: shown through translate("Theme", …)
DEFAULT = "system"

_started_with: dict[int, tuple[str, QPalette]] = {}  # per QApplication: its first style and palette


def apply_theme(app: QApplication, name: str) -> str:
    """Switch the whole application's look; returns the theme applied (unknown names mean System)."""
    key = id(app)
    if key not in _started_with:
        _started_with[key] = (app.style().name(), QPalette(app.palette()))
    name = name if name in THEMES else DEFAULT
    if name == "system":
        style, palette = _started_with[key]
        app.setStyle(QStyleFactory.create(style) or style)
        app.setPalette(palette)
    else:
        app.setStyle(_OutlinedChecks("Fusion"))  # untranslated: a style name  # untranslated: a style name
        app.setPalette(dark_palette() if name == "dark" else app.style().standardPalette())
    return name


class _OutlinedChecks(QProxyStyle):
    """Fusion whose check boxes always show their outline: Fusion draws an unchecked box's edge from the
    window colour, which on a dark palette is nearly the background (the Browse facets' boxes vanished)."""

    _CHECKS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:  # fmt: skip
        super().drawPrimitive(element, option, painter, widget)
        if element in self._CHECKS:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.PlaceholderText), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(option.rect.adjusted(1, 1, -1, -1).toRectF().adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
            painter.restore()


def dark_palette() -> QPalette:
    """A dark palette with enough contrast for text, selections, links and disabled controls."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2e", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f22", QPalette.ColorRole.AlternateBase: "#28282c",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#34343a",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: "#3d6fb6", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#34343a", QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.Link: "#7fb0ff", QPalette.ColorRole.LinkVisited: "#b89cff",
        QPalette.ColorRole.PlaceholderText: "#9a9aa0", QPalette.ColorRole.Light: "#505058",
        QPalette.ColorRole.Midlight: "#404048", QPalette.ColorRole.Mid: "#36363c",
        QPalette.ColorRole.Dark: "#18181a", QPalette.ColorRole.Shadow: "#000000",
    }  # fmt: skip
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a80"))
    return palette
