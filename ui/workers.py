"""Run an `app/` progress generator on the thread pool and report through signals.

The generator does the work; this wrapper only moves it off the GUI thread,
forwards each progress item, honours a cancel request between items, and
delivers the generator's return value (or its error) back on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.errors import DossierError

log = logging.getLogger(__name__)


class NoResult:
    """Stands for a generator that returned None.

    PySide6 (with Python 3.11) mis-counts references when None crosses threads in
    a queued `Signal(object)` and crashes, so None is never emitted.
    """


NO_RESULT = NoResult()


class WorkerSignals(QObject):
    progress = Signal(object)  # one item yielded by the generator
    finished = Signal(object)  # the generator's return value (NO_RESULT for None)
    failed = Signal(str)  # a one-line message
    cancelled = Signal()


class GeneratorWorker(QRunnable):
    def __init__(self, make_generator: Callable[[], Generator[Any, None, Any]]) -> None:
        super().__init__()
        self._make_generator = make_generator
        self._cancel = threading.Event()
        self.signals = WorkerSignals()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            gen = self._make_generator()
            while True:
                if self._cancel.is_set():
                    gen.close()
                    self.signals.cancelled.emit()
                    return
                try:
                    item = next(gen)
                except StopIteration as stop:
                    self.signals.finished.emit(NO_RESULT if stop.value is None else stop.value)
                    return
                self.signals.progress.emit(item)
        except DossierError as e:  # the user's or the disk's problem, already said in one line: no traceback
            log.warning("background work stopped: %s", e)
            self.signals.failed.emit(str(e))
        except Exception as e:  # a bug: reported to the user as one line; details go to the log
            log.exception("background work failed")
            self.signals.failed.emit(str(e) or type(e).__name__)


def start(worker: GeneratorWorker, pool: QThreadPool | None = None) -> GeneratorWorker:
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker
