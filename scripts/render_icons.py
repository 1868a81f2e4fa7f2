"""Render the app icon's PNG sizes from its SVG (run after changing the SVG; the PNGs are committed).

QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.archive.paths import APP_ID  # noqa: E402
from app.cli.desktop_entry import ICON_SIZES  # noqa: E402

ICONS = ROOT / "resources" / "icons"


def main() -> None:
    _app = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ICONS / f"{APP_ID}.svg"))
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"{APP_ID}-{size}.png"))


if __name__ == "__main__":
    main()
