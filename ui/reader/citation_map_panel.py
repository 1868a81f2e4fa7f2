"""The Citation Map dock: the open document's links to and from other documents of the archive.

The map is read off the GUI thread (`app.library.citation_map` via `ui.call_job`) whenever the
reader opens or reloads a document; while its dock is hidden or behind another tab (`set_active`,
from the dock's `visibilityChanged`) nothing is read until it comes to the front. A
click on a box is passed on as `openDocument`, the signal the footnote panel's archive links use.
"""

from __future__ import annotations

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from app.archive.folder import Archive
from app.library.citation_map import CitationMap, citation_map
from ui.call_job import LatestCall
from ui.reader.citation_map_view import CitationMapView


class CitationMapPanel(QWidget):
    openDocument = Signal(int)
    updated = Signal()  # a new map (or message) is shown

    def __init__(self, pool: QThreadPool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citationMapPanel")
        self.view = CitationMapView()
        self.view.openDocument.connect(self.openDocument)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.view)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self._document_id: int | None = None
        self._stale: tuple[Archive, int] | None = None
        self._active = True
        self._call = LatestCall(pool, self)
        self._call.done.connect(self._show)
        self._call.failed.connect(self._failed)

    @property
    def document_id(self) -> int | None:
        return self._document_id

    @property
    def active(self) -> bool:
        return self._active

    @property
    def pending(self) -> bool:
        """Whether a map is being read (tests wait for it)."""
        return self._call.pending

    def show_document(self, archive: Archive, document_id: int | None) -> None:
        """Map `document_id` (None: no document open)."""
        self._document_id = document_id
        if document_id is None:
            self._stale = None
            self._call.cancel()
            self.view.show_message(self.tr("No document open"))
            self.updated.emit()
        elif not self._active:
            self._stale = (archive, document_id)
        else:
            self._stale = None
            self._call.start(lambda: citation_map(archive, document_id))

    def set_active(self, active: bool) -> None:
        """Whether the map can be seen; a document opened meanwhile is mapped when it can."""
        self._active = active
        if active and self._stale is not None:
            self.show_document(*self._stale)

    def _show(self, result: CitationMap) -> None:
        self.view.set_map(result)
        self.updated.emit()

    def _failed(self, message: str) -> None:
        self.view.show_message(message)
        self.updated.emit()
