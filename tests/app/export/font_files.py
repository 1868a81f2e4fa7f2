"""Small real TrueType fonts for the PDF font-fallback tests, built with fontTools (this machine has only DejaVu)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

CJK = "中文字"
HANGUL = "한국어"


def build_font(path: Path, chars: str, family: str = "DossierTestCJK", fs_type: int = 0) -> Path:
    """A font whose glyphs are filled rectangles for `chars` (and a space); `fs_type` 2 forbids embedding."""
    names = [".notdef", "space"] + [f"uni{ord(char):04X}" for char in chars]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({32: "space", **{ord(char): f"uni{ord(char):04X}" for char in chars}})
    glyphs = {}
    for name in names:
        pen = TTGlyphPen(None)
        if name != "space":
            pen.moveTo((100, 0))
            pen.lineTo((100, 700))
            pen.lineTo((900, 700))
            pen.lineTo((900, 0))
            pen.closePath()
        glyphs[name] = pen.glyph()
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (1000, 100) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": family, "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, usWinAscent=880, usWinDescent=120, fsType=fs_type)
    builder.setupPost()
    path.parent.mkdir(parents=True, exist_ok=True)
    builder.save(str(path))
    return path


def only_these_font_dirs(monkeypatch: pytest.MonkeyPatch, *dirs: Path) -> None:
    """Search DOSSIER_FONT_PATH's folders only, so a developer's installed fonts cannot change the outcome."""
    monkeypatch.setenv("DOSSIER_FONT_PATH", os.pathsep.join(str(d) for d in dirs))
    monkeypatch.setattr("app.export.pdf_fonts.system_font_dirs", lambda: [])
