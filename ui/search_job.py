"""One search on a worker thread, reported back by serial number so the panel can drop stale results."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRunnable, Signal

from app import library, search
from app.archive import Archive
from app.errors import DossierError
from app.search_index import SearchResult
from ui.search_results_model import HitDetails

log = logging.getLogger(__name__)


@dataclass(slots=True)
class SearchOutcome:
    serial: int
    result: SearchResult
    details: dict[int, HitDetails] = field(default_factory=dict)


class SearchJobSignals(QObject):
    done = Signal(object)  # SearchOutcome
    failed = Signal(int, str)  # serial, a one-line message for the user


class SearchJob(QRunnable):
    """Runs app.search.search and fetches each hit's kind and publisher, all off the GUI thread.

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
            result = search.search(self._archive, self._archive.index, self._query, limit=self._limit, sort=self._sort)
            rows = library.list_documents(
                self._archive, flt=library.DocumentFilter(ids=frozenset(h.id for h in result.hits))
            ) if result.hits else []
        except DossierError as e:
            self.signals.failed.emit(self.serial, str(e))
            return
        except Exception as e:  # a bug: logged in full, the user sees one line
            log.exception("search failed for %r", self._query)
            self.signals.failed.emit(self.serial, f"The search failed: {e or type(e).__name__}")
            return
        details = {r.id: HitDetails(kind=r.kind, publisher=r.publisher) for r in rows}
        self.signals.done.emit(SearchOutcome(self.serial, result, details))
