"""`python main.py` really starts the desktop app (headless) and stays up without errors."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.gui


def test_main_opens_window_on_new_archive(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data")}
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py")],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 20
        archive_db = tmp_path / "data" / "Dossier" / "archive" / "archive.sqlite3"
        while time.monotonic() < deadline and not archive_db.exists() and proc.poll() is None:
            time.sleep(0.1)
        time.sleep(1.5)
        assert proc.poll() is None, proc.communicate()
        assert archive_db.exists()  # the default archive was created in the per-user data folder
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert "Traceback" not in err
