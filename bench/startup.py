"""Desktop startup figures: from `python main.py --archive DIR` to the first painted window and to
the first search result shown, measured in a fresh process on the benchmark's archive.

The app records the moments itself (ui/startup_probe.py, enabled only by the
environment) and quits; this module launches it offscreen and subtracts its
own launch time. Each figure is the median of a few runs.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure_startup(archive_dir: Path, *, query: str = "mines", runs: int = 3,
                    timeout: float = 120.0) -> dict[str, float]:  # fmt: skip
    """Seconds to the first paint and to the first search result shown (medians over `runs`)."""
    painted: list[float] = []
    searched: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            probe = Path(tmp) / f"probe-{i}.json"
            env = {
                **os.environ,
                "QT_QPA_PLATFORM": "offscreen",
                "DOSSIER_STARTUP_PROBE": str(probe),
                "DOSSIER_STARTUP_QUERY": query,
                "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
            }
            launched = time.time()
            subprocess.run(
                [sys.executable, str(ROOT / "main.py"), "--archive", str(archive_dir)],
                env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                timeout=timeout, check=False,
            )
            if not probe.exists():
                raise RuntimeError("the app did not report its startup times")
            times = json.loads(probe.read_text(encoding="utf-8"))
            painted.append(times["painted"] - launched)
            searched.append(times["searched"] - times["search_started"])
    return {"startup_paint_s": statistics.median(painted), "first_search_shown_s": statistics.median(searched)}


if __name__ == "__main__":
    print(json.dumps(measure_startup(Path(sys.argv[1])), indent=2))
