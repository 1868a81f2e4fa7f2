"""One search on a worker thread, reported back by serial number so the panel can drop stale results."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from app.archive.folder import Archive
from app.errors import DossierError
from app.search import service as search
from app.search.service import SearchResult

log = logging.getLogger(__name__)


@dataclass(slots=True)
class SearchOutcome:
    serial: int
    result: SearchResult


class SearchJobSignals(QObject):
    done = Signal(object)  # SearchOutcome
    failed = Signal(int, str)  # serial, a one-line message for the user


class SearchJob(QRunnable):
    """Runs app.search.service.search off the GUI thread.

    `is_current(serial)` is asked before the work starts, so a job overtaken by
    newer typing while it waited in the queue costs nothing.
    """

    def __init__(
        self, serial: int, archive: Archive, query: str, sort: str, limit: int, is_current: Callable[[int], bool]
    ) -> None:
        super().__init__()
        self.serial = serial
        self._archive = archive
        self._query = query
        self._sort = sort
        self._limit = limit
        self._is_current = is_current
        self._cancelled = threading.Event()
        self.signals = SearchJobSignals()

    def cancel(self) -> None:
        self._cancelled.set()

    def run(self) -> None:
        if self._cancelled.is_set() or not self._is_current(self.serial):
            return
        try:
            result = search.search(self._archive, self._query, limit=self._limit, sort=self._sort)
        except DossierError as e:
            self.signals.failed.emit(self.serial, str(e))
            return
        except Exception as e:  # a bug: logged in full, the user sees one line
            log.exception("search failed for %r", self._query)
            message = QCoreApplication.translate("SearchJob", "The search failed: {error}")
            self.signals.failed.emit(self.serial, message.format(error=e or type(e).__name__))
            return
        self.signals.done.emit(SearchOutcome(self.serial, result))
