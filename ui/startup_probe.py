"""Startup timing for the benchmark: when the first window painted, when the main window painted,
and when the first search showed.

Enabled only by the environment (`DOSSIER_STARTUP_PROBE=FILE`, optional
`DOSSIER_STARTUP_QUERY`): the app records wall-clock times (epoch seconds, so
the benchmark can subtract its own launch time), writes them as JSON to FILE
and quits. Users never see it. The query is typed once the main window has
painted, as a user could; this module imports only Qt, so that loading it
does not delay the first paint it measures.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from ui.main_window import MainWindow

PROBE_ENV = "DOSSIER_STARTUP_PROBE"
QUERY_ENV = "DOSSIER_STARTUP_QUERY"


class StartupProbe(QObject):
    def __init__(self, first_window: QWidget, target: Path, query: str) -> None:
        super().__init__()
        self.first_window = first_window
        self.main_window: MainWindow | None = None
        self.target = target
        self.query = query
        self.times: dict[str, float] = {}
        self._finishing = False
        first_window.installEventFilter(self)

    def watch_main_window(self, window: MainWindow) -> None:
        self.main_window = window
        window.installEventFilter(self)
        window.search_panel.resultsChanged.connect(self._on_results)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        if "painted" not in self.times:  # whichever window painted first
            self.times["painted"] = time.time()
        if watched is self.main_window and "main_painted" not in self.times:
            self.times["main_painted"] = time.time()
            QTimer.singleShot(0, self._search)
        return False

    def _search(self) -> None:
        if self.main_window is None:
            return
        self.times["search_started"] = time.time()
        self.main_window.search_panel.set_query(self.query)
        self.main_window.search_panel.search_now()

    def _on_results(self, result: object) -> None:
        if result is None or self._finishing:
            return
        self._finishing = True
        QTimer.singleShot(0, self._finish)  # after the results are painted

    def _finish(self) -> None:
        self.times["searched"] = time.time()
        self.target.write_text(json.dumps(self.times), encoding="utf-8")
        if self.main_window is not None:  # a search the index catch-up started may still be running
            self.main_window.search_panel.pool.waitForDone()
        QApplication.instance().quit()


def install_if_asked(first_window: QWidget) -> StartupProbe | None:
    target = os.environ.get(PROBE_ENV)
    if not target:
        return None
    return StartupProbe(first_window, Path(target), os.environ.get(QUERY_ENV, "mines"))
