"""Startup timing for the benchmark: when the window first painted and the first search showed.

Enabled only by the environment (`DOSSIER_STARTUP_PROBE=FILE`, optional
`DOSSIER_STARTUP_QUERY`): the app records wall-clock times (epoch seconds, so
the benchmark can subtract its own launch time), writes them as JSON to FILE
and quits. Users never see it.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow

PROBE_ENV = "DOSSIER_STARTUP_PROBE"
QUERY_ENV = "DOSSIER_STARTUP_QUERY"


class StartupProbe(QObject):
    def __init__(self, window: MainWindow, target: Path, query: str) -> None:
        super().__init__(window)
        self.window = window
        self.target = target
        self.query = query
        self.times: dict[str, float] = {}
        window.installEventFilter(self)
        window.search_panel.resultsChanged.connect(self._on_results)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint and "painted" not in self.times:
            self.times["painted"] = time.time()
            QTimer.singleShot(0, self._search)
        return False

    def _search(self) -> None:
        self.times["search_started"] = time.time()
        self.window.search_panel.set_query(self.query)
        self.window.search_panel.search_now()

    def _on_results(self, result: object) -> None:
        if result is None or "searched" in self.times:
            return
        QTimer.singleShot(0, self._finish)  # after the results are painted

    def _finish(self) -> None:
        self.times["searched"] = time.time()
        self.target.write_text(json.dumps(self.times), encoding="utf-8")
        QApplication.instance().quit()


def install_if_asked(window: MainWindow) -> StartupProbe | None:
    target = os.environ.get(PROBE_ENV)
    if not target:
        return None
    return StartupProbe(window, Path(target), os.environ.get(QUERY_ENV, "mines"))
