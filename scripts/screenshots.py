"""Regenerate the README's screenshots from a demo archive of the bundled samples.

Run with `make screenshots` (offscreen Qt); writes docs/screenshots/*.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.archive import Archive  # noqa: E402
from app.importer import run_import  # noqa: E402
from app.paths import sample_files  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        with Archive.open(Path(tmp) / "empty") as empty:
            window = MainWindow(empty)
            window.resize(1024, 600)
            window.show()
            app.processEvents()
            window.grab().save(str(OUT / "empty-archive.png"))
            window.close()
        with Archive.open(Path(tmp) / "demo") as demo:
            run_import(demo, sample_files())
            window = MainWindow(demo)
            window.resize(1024, 600)
            window.show()
            app.processEvents()
            window.grab().save(str(OUT / "library.png"))
            window.close()
    print(f"wrote {', '.join(p.name for p in sorted(OUT.glob('*.png')))} to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
