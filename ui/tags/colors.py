"""Tag colours for chips and swatches: the user's colour when set, else a stable pastel.

A tag without its own colour takes the nearest ancestor's (`country/Azerbaijan`
shows in `country`'s colour), so a family reads as one; a tag with none in its
line gets a hue hashed from its name, the same on every run and machine. Both
follow the name, so a rename writes down the colours it would otherwise change
(`colors_kept_by_rename`).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QPalette

from app.archive.folder import Archive
from app.library import tags


@dataclass(frozen=True, slots=True)
class ChipColors:
    fill: QColor
    text: QColor
    border: QColor


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def pastel(name: str, dark: bool) -> QColor:
    """A hue from the name's hash: soft and light on light palettes, deep and muted on dark ones."""
    hue = zlib.crc32(name.casefold().encode("utf-8")) % 360
    return QColor.fromHsl(hue, 120, 72) if dark else QColor.fromHsl(hue, 170, 218)


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def readable_text(fill: QColor) -> QColor:
    """Black or white, whichever contrasts more with the fill (WCAG relative luminance)."""
    lum = _luminance(fill)
    return QColor("#1b1b1f") if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else QColor("#ffffff")


def chip_colors(fill: QColor, dark: bool) -> ChipColors:
    border = fill.lighter(140) if dark else fill.darker(125)
    return ChipColors(QColor(fill), readable_text(fill), border)


def _inherited(own: Mapping[str, QColor], name: str) -> QColor | None:
    """The colour in `own` (casefolded name → colour) of `name` or, failing that, of its nearest ancestor."""
    parts = name.split("/")
    for depth in range(len(parts), 0, -1):
        found = own.get("/".join(parts[:depth]).casefold())
        if found is not None:
            return QColor(found)
    return None


def _renamed(name: str, old: str, new: str) -> str:
    """`name` after renaming `old` (and what is below it) to `new`, as the tag service renames."""
    head = name[:len(old)]
    if head.casefold() == old.casefold() and (len(name) == len(old) or name[len(old)] == "/"):
        return new + name[len(old):]
    return name


def colors_kept_by_rename(infos: Sequence[tags.TagInfo], old: str, new: str, dark: bool) -> dict[str, str]:
    """The colours to set after renaming `old` to `new` so that every tag shows the colour it showed.

    A tag without its own colour takes an ancestor's or its name's hue, so a rename
    would repaint it (and a tag moved under a coloured level, or one that finds a
    renamed tag above it). Those tags, named as they will be, get the colour they
    showed written down; parents first, so a child that inherits it again needs none.
    """
    before = {i.name.casefold(): QColor(i.color) for i in infos if i.color}
    after = {_renamed(i.name, old, new).casefold(): QColor(i.color) for i in infos if i.color}
    kept: dict[str, str] = {}
    targets = {i.name: _renamed(i.name, old, new) for i in infos}
    for info in sorted(infos, key=lambda i: (targets[i.name].count("/"), targets[i.name].casefold())):
        if info.color:
            continue  # its own colour stays with it
        target = targets[info.name]
        shown = (_inherited(before, info.name) or pastel(info.name, dark)).name()  # as stored: #rrggbb
        if (_inherited(after, target) or pastel(target, dark)).name() != shown:
            after[target.casefold()] = QColor(shown)
            kept[target] = shown
    return kept


class TagColors(QObject):
    """name → colour, read from the archive once and refreshed after tag changes (emits `changed`)."""

    changed = Signal()

    def __init__(self, archive: Archive | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self._own: dict[str, QColor] = {}
        self.refresh()

    def set_archive(self, archive: Archive | None) -> None:
        self._archive = archive
        self.refresh()

    def refresh(self) -> None:
        infos = tags.list_tags(self._archive) if self._archive is not None else []
        self.set_tags(infos)

    def set_tags(self, infos: list[tags.TagInfo]) -> None:
        """Feed from a `list_tags` result already at hand (the tag manager has one)."""
        self._own = {i.name.casefold(): QColor(i.color) for i in infos if i.color}
        self.changed.emit()

    def own_color(self, name: str) -> QColor | None:
        """The colour set on this tag or, failing that, on its nearest ancestor."""
        return _inherited(self._own, name)

    def color(self, name: str, palette: QPalette) -> QColor:
        return self.own_color(name) or pastel(name, is_dark(palette))

    def chip(self, name: str, palette: QPalette) -> ChipColors:
        dark = is_dark(palette)
        return chip_colors(self.own_color(name) or pastel(name, dark), dark)
