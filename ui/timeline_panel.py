"""The Library tab's timeline: a header with what it shows, the bars (scrolling when there are many), a Clear button.

It counts off the GUI thread (`app.library.timeline.count_by_period` via `ui.call_job`) over what
the library's other filters let through; a click on a bar is handed to the window as a year or month
to toggle in the facet panel, which owns the filter and tells the chosen periods back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.archive.folder import Archive
from app.library.listing import DocumentFilter
from app.library.timeline import Timeline, count_by_period
from ui import plain_text
from ui.call_job import LatestCall
from ui.timeline_view import TimelineView


class TimelinePanel(QWidget):
    periodToggled = Signal(str, str)  # facet group ("year" or "month"), period
    clearRequested = Signal()  # take every year and month out of the filter
    updated = Signal()  # a new timeline is shown

    def __init__(self, pool: QThreadPool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.view = TimelineView()
        self.view.periodClicked.connect(self.periodToggled)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.view)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.title = QLabel(self.tr("Timeline"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.summary = plain_text.plain(QLabel())
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.clear_button = QPushButton(self.tr("Clear dates"))
        self.clear_button.setToolTip(self.tr("Show documents of every date again"))
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(self.clearRequested)
        header = QHBoxLayout()
        header.setContentsMargins(8, 4, 4, 0)
        header.addWidget(self.title)
        header.addWidget(self.summary, 1)
        header.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.scroll, 1)
        self.setMinimumHeight(self.view.sizeHint().height() + self.clear_button.sizeHint().height())
        self._stale: tuple[Archive, DocumentFilter | None] | None = None
        self._filtered = False  # the count under way is over a filter's documents
        self._call = LatestCall(pool, self)
        self._call.done.connect(self._show)
        self._call.failed.connect(
            lambda message: self.summary.setText(self.tr("Timeline unavailable: {message}").format(message=message)))

    @property
    def pending(self) -> bool:
        """Whether a count is under way (tests wait for it)."""
        return self._call.pending

    def refresh(self, archive: Archive, flt: DocumentFilter | None = None) -> None:
        """Count again, over the documents `flt` lets through (its years and months do not narrow the bars).

        While hidden (another tab, or View › Show Timeline off) nothing is counted until it shows."""
        if not self.isVisible():
            self._stale = (archive, flt)
            return
        self._stale = None
        self._filtered = flt is not None and not flt.is_empty()
        self._call.start(lambda: count_by_period(archive, flt))

    def set_chosen(self, years: tuple[str, ...], months: tuple[str, ...]) -> None:
        """The years and months the library is filtered to (from the facet panel)."""
        self.view.set_chosen({*years, *months})
        self.clear_button.setEnabled(bool(years or months))

    def _show(self, timeline: Timeline) -> None:
        self.view.set_timeline(timeline, filtered=self._filtered)
        self.summary.setText(summary_text(timeline))
        self.updated.emit()

    @staticmethod
    def summary_line(timeline: Timeline) -> str:
        """The header line (see summary_text), in the app's language."""
        parts = []
        dated, year_only, undated = timeline.dated, timeline.year_only, timeline.undated
        if timeline.bars:
            first, last = timeline.bars[0].period, timeline.bars[-1].period
            span = first if first == last else f"{first}–{last}"
            if timeline.unit == "month":
                text = TimelinePanel.tr("%Ln dated, {span}, by month", "", dated)
            else:
                text = TimelinePanel.tr("%Ln dated, {span}, by year", "", dated)
            parts.append(text.format(span=span))
        if year_only:
            parts.append(TimelinePanel.tr("%Ln dated to the year only", "", year_only))
        if undated:
            parts.append(TimelinePanel.tr("%Ln undated", "", undated))
        return " · ".join(parts)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale is not None:
            self.refresh(*self._stale)


def summary_text(timeline: Timeline) -> str:
    """The header line, e.g. 412 dated, 1997–2024, by year · 12 undated."""
    return TimelinePanel.summary_line(timeline)
