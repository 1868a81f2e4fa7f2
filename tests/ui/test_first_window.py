"""The desktop app paints a first window before its heavy modules load, then the main window replaces it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication, QMainWindow

from tests.conftest import ROOT
from ui.first_window import FirstWindow
from ui.settings import AppSettings
from ui.startup_probe import PROBE_ENV, QUERY_ENV

pytestmark = pytest.mark.gui

# Runs the app in a fresh process (this one has long imported everything) and logs, for the first
# paint of each top-level window, which heavy modules were loaded by then.
PAINT_LOG = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

HEAVY = ("ui.main_window", "app.archive.folder", "sqlalchemy", "alembic", "app.search.engine", "whoosh", "numpy")

class PaintLog(QObject):
    paints = []

    def eventFilter(self, watched, event):
        if (event.type() == QEvent.Type.Paint and watched.isWidgetType() and watched.isWindow()
                and type(watched).__name__ not in [p["window"] for p in self.paints]):
            g = watched.geometry()
            self.paints.append({"window": type(watched).__name__, "title": watched.windowTitle(),
                                "geometry": [g.x(), g.y(), g.width(), g.height()],
                                "heavy": [m for m in HEAVY if m in sys.modules]})
        return False

app = QApplication(sys.argv[:1])
log = PaintLog()
app.installEventFilter(log)
from ui.application import run_gui
code = run_gui(Path(sys.argv[1]))
import gc
print(json.dumps({"code": code, "paints": log.paints, "frozen": gc.get_freeze_count()}))
"""


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_first_window_paints_before_heavy_modules_then_main_window_follows(tmp_path: Path) -> None:
    folder = tmp_path / "Field reports"
    probe = tmp_path / "probe.json"  # the startup probe quits the app once a search has shown
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", PROBE_ENV: str(probe), QUERY_ENV: "mines"}
    done = subprocess.run([sys.executable, "-c", PAINT_LOG, str(folder)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    first, main = report["paints"][:2]
    assert first["window"] == "FirstWindow" and first["heavy"] == []
    assert first["title"] == "Field reports — Dossier"
    assert main["window"] == "MainWindow" and "ui.main_window" in main["heavy"]
    assert main["title"] == first["title"] and main["geometry"] == first["geometry"]
    times = json.loads(probe.read_text(encoding="utf-8"))
    assert times["painted"] < times["main_painted"] <= times["search_started"] <= times["searched"]
    assert report["frozen"] > 10_000  # the app's long-lived objects, kept out of the collector's full passes


def test_first_window_shows_the_archive_where_it_was(tmp_path: Path, settings: AppSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = QMainWindow()
    before.setGeometry(QRect(40, 60, 640, 480))
    settings.save_window_state(before.saveGeometry(), before.saveState())
    folder = tmp_path / "<img src=x> archive"

    first = FirstWindow(folder, settings)
    qtbot.addWidget(first)
    first.show_painted()

    assert first.has_painted and first.isVisible()
    assert first.windowTitle() == "<img src=x> archive — Dossier"
    assert first.statusBar().currentMessage() == f"Opening {folder}…"
    assert first.geometry().size() == before.geometry().size()
    first.grab().save(str(tmp_path / "first.png"))  # renders without warnings


def test_hand_over_puts_the_main_window_in_its_place(tmp_path: Path, settings: AppSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = FirstWindow(tmp_path / "archive", settings)
    qtbot.addWidget(first)
    first.show_painted()
    first.setGeometry(QRect(30, 50, 600, 420))
    main = QMainWindow()
    qtbot.addWidget(main)
    main.resize(1000, 700)

    first.hand_over_to(main)

    assert main.isVisible() and not first.isVisible()
    assert main.geometry() == first.geometry()


def test_archive_error_shows_the_box_over_the_first_window_and_closes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import application

    folder = tmp_path / "not an archive"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    shown: list[tuple[object, str]] = []
    monkeypatch.setattr(application.plain_text, "critical",
                        lambda parent, _title, text, *_a, **_k: shown.append((parent, text)))  # fmt: skip

    assert application.run_gui(folder) == 1

    [(parent, text)] = shown
    assert isinstance(parent, FirstWindow) and "Cannot open the archive" in text and "not empty" in text
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, FirstWindow) and w.isVisible()]
