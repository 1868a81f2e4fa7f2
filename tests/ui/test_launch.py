"""`python main.py` really starts the desktop app (headless) and runs without errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from ui.startup_probe import PROBE_ENV, QUERY_ENV

pytestmark = pytest.mark.gui


def test_main_opens_window_on_new_archive(tmp_path: Path) -> None:
    """The app is up once its window has painted and answered a search through its worker pool: the
    startup probe records both moments, then quits the app. No fixed wait, however busy the machine."""
    probe = tmp_path / "probe.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data"),
           PROBE_ENV: str(probe), QUERY_ENV: "mines"}
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py")],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        _, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate(timeout=30)
        pytest.fail(f"the app did not paint and answer a search within 120 s:\n{err}")
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    times = json.loads(probe.read_text(encoding="utf-8"))
    assert times["painted"] <= times["search_started"] <= times["searched"]  # the window showed, then searched
    archive_db = tmp_path / "data" / "Dossier" / "archive" / "archive.sqlite3"
    assert archive_db.exists()  # the default archive was created in the per-user data folder
