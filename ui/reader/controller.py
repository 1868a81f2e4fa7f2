"""Loads documents into the reader and the footnote panel and keeps the two in step.

The controller is the only part of the reader that talks to app/ services
(library.document_detail / document_text, both single-document reads that
are quick enough for the GUI thread). It owns the back/forward history, so
following a citation and coming back returns to the same place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.archive.folder import Archive
from app.errors import DossierError
from app.library.listing import document_detail, document_text
from app.reading import HistoryEntry, ReaderHistory, footnote_entries, plan_document
from app.search.highlights import find_query
from ui.reader.footnote_panel import FootnotePanel
from ui.reader.highlights import SEARCH_COLOUR, Highlight
from ui.reader.pane import ReaderPane

SEARCH_LAYER = "search"


class ReaderController(QObject):
    """Wires markers ⇄ footnotes and archive links ⇄ history for one ReaderPane and FootnotePanel."""

    documentOpened = Signal(int)  # document id, after it is shown
    historyChanged = Signal(bool, bool)  # can go back, can go forward
    loadFailed = Signal(str)  # a one-line message for the status bar

    def __init__(self, archive: Archive, pane: ReaderPane, panel: FootnotePanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.pane = pane
        self.panel = panel
        self.history = ReaderHistory()
        self._search_query = ""  # the query whose words are highlighted; a reload keeps them
        self.document_id: int | None = None
        self.detail: dict[str, Any] | None = None
        pane.find_action.setEnabled(False)  # nothing to find in until a document is open
        view = pane.view
        view.markerActivated.connect(self._on_marker)
        view.linkToDocument.connect(self.open_document)
        view.backRequested.connect(self.go_back)
        view.forwardRequested.connect(self.go_forward)
        panel.showMarker.connect(view.scroll_to_marker)
        panel.openDocument.connect(self.open_document)
        panel.browser.backRequested.connect(self.go_back)
        panel.browser.forwardRequested.connect(self.go_forward)

    def set_archive(self, archive: Archive) -> None:
        """Another archive was opened: forget this one's history and show the empty state."""
        self.archive = archive
        self.history = ReaderHistory()
        self._search_query = ""
        self.document_id = None
        self.detail = None
        self.pane.view.show_message(self.tr("No document open"))
        self.panel.show_message(self.tr("No document open"))
        if not self.pane.find_bar.isHidden():
            self.pane.find_bar.close_bar()
        self.pane.find_action.setEnabled(False)
        self._emit_history()

    def open_document(self, document_id: int, query: str = "", offset: int | None = None) -> bool:
        """Show a document (a new history entry); the search query's words are highlighted and the first one
        scrolled to."""
        self._remember_position()
        if not self._load(document_id, offset=offset, query=query):
            return False
        self.history.visit(document_id, *self.pane.view.top_position())
        self._emit_history()
        return True

    def go_back(self) -> bool:
        return self._travel(self.history.back)

    def go_forward(self) -> bool:
        return self._travel(self.history.forward)

    def can_go_back(self) -> bool:
        return self.history.can_go_back()

    def can_go_forward(self) -> bool:
        return self.history.can_go_forward()

    def reload(self) -> None:
        """Redraw the current document after it changed (metadata edit, re-import), keeping the place."""
        if self.document_id is not None:
            offset, shift = self.pane.view.top_position()
            self._load(self.document_id, offset=offset, query=self._search_query or None, shift=shift)

    def set_search_query(self, query: str) -> None:
        """Highlight a search query's words in the open document (an empty query clears them)."""
        self._search_query = query
        plan = self.pane.view.plan
        spans = find_query(plan.text, query) if plan is not None else []
        self.pane.view.set_highlights([Highlight(s, e, SEARCH_COLOUR) for s, e in spans], SEARCH_LAYER)

    # --- internals -------------------------------------------------------------------------

    def _travel(self, move: Callable[[], HistoryEntry | None]) -> bool:
        self._remember_position()
        entry = move()
        if entry is None:
            return False
        if not self._load(entry.document_id, offset=entry.offset, query=None, shift=entry.shift):
            self.history.forget(entry.document_id)  # deleted meanwhile
        self._emit_history()
        return True

    def _remember_position(self) -> None:
        if self.document_id is not None:
            self.history.update_position(*self.pane.view.top_position())

    def _load(self, document_id: int, *, offset: int | None, query: str | None, shift: int = 0) -> bool:
        try:
            detail = document_detail(self.archive, document_id)
            text = document_text(self.archive, document_id)
        except DossierError as e:
            self.loadFailed.emit(str(e))
            return False
        view = self.pane.view
        self.document_id = document_id
        self.detail = detail
        self.pane.find_action.setEnabled(True)
        view.show_plan(plan_document(detail, text))
        self.panel.show_entries(footnote_entries(detail))
        self.set_search_query(query or "")
        if offset is not None:
            view.scroll_to_offset(offset, margin=0, shift=shift)
        elif query:
            hits = view.highlights(SEARCH_LAYER)
            if hits:
                view.scroll_to_offset(hits[0].start)
        self.documentOpened.emit(document_id)
        return True

    def _on_marker(self, number: int) -> None:
        self.panel.select_footnote(number)

    def _emit_history(self) -> None:
        self.historyChanged.emit(self.history.can_go_back(), self.history.can_go_forward())
