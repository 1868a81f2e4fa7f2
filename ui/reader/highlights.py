"""Highlights in Document.text offsets, and how their colours are drawn on any palette."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

SEARCH_COLOUR = "#ffe066"
FIND_COLOUR = "#ffb86b"


@dataclass(frozen=True, slots=True)
class Highlight:
    """text[start:end] drawn in `colour`; `key` identifies it (an annotation id) for clicks and lookups."""

    start: int
    end: int
    colour: str | QColor = SEARCH_COLOUR
    key: Hashable | None = None
    tooltip: str | None = None

    @classmethod
    def coerce(cls, item: Highlight | tuple) -> Highlight:
        """Accept (start, end[, colour[, key[, tooltip]]]) tuples as well."""
        return item if isinstance(item, Highlight) else cls(*item)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def background_for(colour: str | QColor, palette: QPalette) -> QColor:
    """The colour as given on a light page; on a dark page, blended into the base so text stays legible."""
    wanted = QColor(colour)
    if not is_dark(palette):
        return wanted
    base = palette.color(QPalette.ColorRole.Base)
    mix = 0.45
    return QColor(
        round(wanted.red() * mix + base.red() * (1 - mix)),
        round(wanted.green() * mix + base.green() * (1 - mix)),
        round(wanted.blue() * mix + base.blue() * (1 - mix)),
    )
