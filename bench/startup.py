"""Desktop startup figures: from `python main.py --archive DIR` to the first painted window and to
the first search result shown, measured in a fresh process on the benchmark's archive.

The app records the moments itself (ui/startup_probe.py, enabled only by the
environment) and quits; this module launches it offscreen and subtracts its
own launch time. A bare PySide6 window is launched the same way, interleaved
with the app's runs, because the machines are shared and noisy: the figure
that matters is how much later than that baseline the app paints. Each figure
is the median of a few runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The baseline: the least any PySide6 app can do before its first paint.
BARE_WINDOW = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            with open(sys.argv[1], "w", encoding="utf-8") as f:
                json.dump({"painted": time.time()}, f)
            QApplication.instance().quit()
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def _launch(argv: list[str], probe: Path, env: dict[str, str], timeout: float) -> tuple[float, dict[str, float]]:
    launched = time.time()
    subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=timeout, check=False)  # fmt: skip
    if not probe.exists():
        raise RuntimeError(f"{argv[1]} did not report its startup times")
    return launched, json.loads(probe.read_text(encoding="utf-8"))


def measure_startup(archive_dir: Path, *, query: str = "mines", runs: int = 3,
                    timeout: float = 120.0) -> dict[str, float]:  # fmt: skip
    """Medians over `runs`, in seconds: the app's first paint, a bare window's first paint, the main
    window's first paint, and the first search result shown after the search was typed and after
    the first paint."""
    figures: dict[str, list[float]] = {}

    def add(name: str, value: float) -> None:
        figures.setdefault(name, []).append(value)

    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(Path(tmp) / "config")}
            bare_probe = Path(tmp) / f"bare-{i}.json"
            launched, times = _launch([sys.executable, "-c", BARE_WINDOW, str(bare_probe)], bare_probe, env, timeout)
            add("bare_window_paint_s", times["painted"] - launched)

            probe = Path(tmp) / f"probe-{i}.json"
            app_env = {**env, "DOSSIER_STARTUP_PROBE": str(probe), "DOSSIER_STARTUP_QUERY": query}
            argv = [sys.executable, str(ROOT / "main.py"), "--archive", str(archive_dir)]
            launched, times = _launch(argv, probe, app_env, timeout)
            add("startup_paint_s", times["painted"] - launched)
            add("main_window_paint_s", times.get("main_painted", times["painted"]) - launched)
            add("first_search_shown_s", times["searched"] - times["search_started"])
            add("first_result_after_paint_s", times["searched"] - times["painted"])
    result = {name: statistics.median(values) for name, values in figures.items()}
    over_bare = zip(figures["startup_paint_s"], figures["bare_window_paint_s"], strict=True)
    result["paint_over_bare_s"] = statistics.median([app - bare for app, bare in over_bare])
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="mines")
    args = parser.parse_args()
    print(json.dumps(measure_startup(args.archive, query=args.query, runs=args.runs), indent=2))
