"""A colour per document kind, for the timeline's bars and the citation map's boxes, in either theme.

Hues are fixed per kind (a kind keeps its colour everywhere); lightness and saturation follow the
palette's base colour, so bars stand out from a light background and from a dark one alike.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QPalette

from app.model import KINDS

# Hues (degrees) chosen apart from each other for the kinds archives hold most.
_HUES = {
    "country-profile": 210, "press-release": 28, "statement": 135, "speech": 280, "transcript": 320,
    "article": 175, "report": 0, "policy-brief": 52, "court-decision": 240, "legal-filing": 95,
    "letter": 340, "other": -1,
}  # fmt: skip


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def kind_color(kind: str, palette: QPalette) -> QColor:
    """The fill for `kind`; "other" and unknown kinds are grey."""
    hue = _HUES.get(kind)
    if hue is None:
        hue = (sum(map(ord, kind)) * 47) % 360 if kind not in KINDS else -1
    dark = is_dark(palette)
    if hue < 0:
        return QColor.fromHsl(0, 0, 150 if dark else 160)
    return QColor.fromHsl(hue, 150 if dark else 170, 150 if dark else 120)


# The kinds' names as people read them, in the app's language (the kind names themselves stay: `kind:` uses them).
_LABELS = {
    "country-profile": QT_TRANSLATE_NOOP("Kinds", "country profile"),
    "press-release": QT_TRANSLATE_NOOP("Kinds", "press release"),
    "statement": QT_TRANSLATE_NOOP("Kinds", "statement"),
    "speech": QT_TRANSLATE_NOOP("Kinds", "speech"),
    "transcript": QT_TRANSLATE_NOOP("Kinds", "transcript"),
    "article": QT_TRANSLATE_NOOP("Kinds", "article"),
    "report": QT_TRANSLATE_NOOP("Kinds", "report"),
    "policy-brief": QT_TRANSLATE_NOOP("Kinds", "policy brief"),
    "court-decision": QT_TRANSLATE_NOOP("Kinds", "court decision"),
    "legal-filing": QT_TRANSLATE_NOOP("Kinds", "legal filing"),
    "letter": QT_TRANSLATE_NOOP("Kinds", "letter"),
    "other": QT_TRANSLATE_NOOP("Kinds", "other"),
}


def kind_label(kind: str) -> str:
    """The label of a kind, translated: press-release → press release (communiqué de presse in French)."""
    label = _LABELS.get(kind)
    return QCoreApplication.translate("Kinds", label) if label else kind.replace("-", " ")
