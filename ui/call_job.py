"""One quick read from `app/` on the thread pool, its answer delivered on the GUI thread by serial number.

For the views that redraw from a single query (the timeline, the citation map): the caller numbers
each request and keeps only the newest answer, so a burst of refreshes draws once, with fresh data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.errors import DossierError

log = logging.getLogger(__name__)


class CallSignals(QObject):
    done = Signal(int, object)  # serial, the function's result (never None: see ui.workers.NoResult)
    failed = Signal(int, str)  # serial, a one-line message


class CallJob(QRunnable):
    def __init__(self, serial: int, call: Callable[[], Any]) -> None:
        super().__init__()
        self.serial = serial
        self._call = call
        self.signals = CallSignals()

    def run(self) -> None:
        try:
            result = self._call()
        except DossierError as e:
            self.signals.failed.emit(self.serial, str(e))
        except Exception as e:  # a bug: logged in full, the view shows one line
            log.exception("background read failed")
            self.signals.failed.emit(self.serial, str(e) or type(e).__name__)
        else:
            self.signals.done.emit(self.serial, result)


class LatestCall(QObject):
    """Runs calls on a pool and reports only the answer to the latest one."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._serial = 0
        self._pending = False
        self._jobs: dict[int, CallJob] = {}  # kept until answered: their signals must outlive the run

    @property
    def pending(self) -> bool:
        """Whether an answer is still to come."""
        return self._pending

    def start(self, call: Callable[[], Any]) -> None:
        self._serial += 1
        self._pending = True
        job = CallJob(self._serial, call)
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        self._jobs[self._serial] = job
        self.pool.start(job)

    def cancel(self) -> None:
        """Drop the answers of every call started so far."""
        self._serial += 1
        self._pending = False

    def _done(self, serial: int, result: object) -> None:
        self._jobs.pop(serial, None)
        if serial == self._serial:
            self._pending = False
            self.done.emit(result)

    def _failed(self, serial: int, message: str) -> None:
        self._jobs.pop(serial, None)
        if serial == self._serial:
            self._pending = False
            self.failed.emit(message)
