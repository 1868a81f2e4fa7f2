"""The search panel: a query field, ranked hits with highlighted snippets, and what the search says back.

Searching runs on a one-thread pool of its own, so index reads are serialised
and typing never waits for Whoosh; every query gets a serial number and only
the newest one's result is shown. The panel knows nothing of the main window:
it emits `hitActivated` and `resultsChanged`, and the window decides what
opening a document or filtering the library means.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.archive.folder import Archive
from app.search.service import SearchResult
from ui import plain_text
from ui.plain_text import escaped
from ui.search_help import SearchHelpDialog
from ui.search_job import SearchJob, SearchOutcome
from ui.search_notices import translated
from ui.search_results_model import ID_ROLE, SearchResultsModel
from ui.snippet_delegate import SearchHitDelegate

ArchiveSource = Archive | Callable[[], Archive | None] | None

DEBOUNCE_MS = 300
BUSY_AFTER_MS = 250
PAGE = 20
# Shown through translate("SearchPanel", …), in the app's language.
PLACEHOLDER = QT_TRANSLATE_NOOP("SearchPanel", "Search all documents — Ctrl+L")
HINT = QT_TRANSLATE_NOOP(
    "SearchPanel",
    "Type words, a <b>\"phrase\"</b>, or <b>title:</b>… to search every document, its footnotes and your notes."
    "<br><br>Click <b>?</b> for the query syntax.",
)
SORT_CHOICES = ((QT_TRANSLATE_NOOP("SearchPanel", "Relevance"), "relevance"),
                (QT_TRANSLATE_NOOP("SearchPanel", "Date"), "date"))  # fmt: skip


class _Latest:
    """The newest serial, shared with worker threads as a plain Python object (never a widget)."""

    def __init__(self) -> None:
        self.serial = 0

    def is_current(self, serial: int) -> bool:
        return serial == self.serial


class SearchPanel(QWidget):
    """Embeddable search: call focus_search() for Ctrl+L, set_archive() when the archive changes."""

    hitActivated = Signal(int, str)  # document id, the query shown (its words are highlighted in the reader)
    resultsChanged = Signal(object)  # SearchResult, or None when the query is cleared

    def __init__(self, archive: ArchiveSource = None, parent: QWidget | None = None, *, page_size: int = PAGE) -> None:
        super().__init__(parent)
        self._archive_source: ArchiveSource = archive
        self._latest = _Latest()
        self._jobs: dict[int, SearchJob] = {}
        self._page_size = page_size
        self._limit = page_size
        self._result: SearchResult | None = None
        self._shown_query = ""
        self._last_activation: tuple[int, float] | None = None
        self._keep_scroll: int | None = None
        self._help: SearchHelpDialog | None = None

        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one search at a time: index access stays serialised
        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.debounce.timeout.connect(self.search_now)
        self._busy = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy.timeout.connect(lambda: self.status_label.setText(self.tr("Searching…")))

        self.model = SearchResultsModel(self)
        self._build()
        self._show_hint()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.field = QLineEdit()
        self.field.setPlaceholderText(QCoreApplication.translate("SearchPanel", PLACEHOLDER))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Search"))
        self.field.textChanged.connect(self._on_text_changed)
        self.field.returnPressed.connect(self.search_now)
        self.field.installEventFilter(self)

        self.help_button = QToolButton()
        self.help_button.setText("?")
        self.help_button.setToolTip(self.tr("Query syntax"))
        self.help_button.setAccessibleName(self.tr("Query syntax"))
        self.help_button.clicked.connect(self.show_help)

        self.sort_combo = QComboBox()
        for label, key in SORT_CHOICES:
            self.sort_combo.addItem(QCoreApplication.translate("SearchPanel", label), key)
        self.sort_combo.setToolTip(self.tr("Order of the results"))
        self.sort_combo.currentIndexChanged.connect(self._on_sort_changed)
        sort_label = QLabel(self.tr("&Sort:"))
        sort_label.setBuddy(self.sort_combo)

        self.status_label = plain_text.plain(QLabel())
        self.status_label.setWordWrap(True)  # a narrow dock wraps the count rather than cutting it
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.MinimumExpanding)

        self.more_label = QLabel()
        self.more_label.setTextFormat(Qt.TextFormat.RichText)
        self.more_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.more_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.more_label.linkActivated.connect(self.show_more)
        self.more_label.hide()

        self.suggestion_label = QLabel()
        self.suggestion_label.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.linkActivated.connect(self.accept_suggestion)
        self.suggestion_label.hide()

        self.notice_label = plain_text.plain(QLabel())
        self.notice_label.setWordWrap(True)
        self.notice_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.notice_label.hide()

        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setUniformItemSizes(False)
        self.results.setMouseTracking(True)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.clicked.connect(self._activate)
        self.results.doubleClicked.connect(self._activate)
        self.results.activated.connect(self._activate)
        self.results.installEventFilter(self)

        self.empty_label = QLabel()
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setContentsMargins(24, 40, 24, 24)
        self.empty_label.linkActivated.connect(self.accept_suggestion)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.results)

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.field, 1)
        top.addWidget(self.help_button)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.status_label, 1)
        bar.addWidget(sort_label)
        bar.addWidget(self.sort_combo)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.suggestion_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.more_label)
        self.setFocusProxy(self.field)

    # ------------------------------------------------------------------ public API

    def focus_search(self) -> None:
        """What Ctrl+L does: focus the field with its text selected, ready to be replaced."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_archive(self, archive: ArchiveSource) -> None:
        """Search another archive; waits for a running search, so the old archive may be closed afterwards."""
        self._archive_source = archive
        self._invalidate()
        self.pool.waitForDone()
        self._jobs.clear()
        self.refresh()

    def clear_query(self) -> None:
        """Empty the field without searching (before another archive is shown)."""
        self.debounce.stop()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)

    def query(self) -> str:
        return self.field.text().strip()

    def set_query(self, text: str) -> None:
        """Replace the query and search at once (e.g. a tag clicked elsewhere)."""
        self.field.setText(text)
        self.search_now()

    def sort(self) -> str:
        return str(self.sort_combo.currentData())

    def result(self) -> SearchResult | None:
        """The result on show (None before any query or after clearing)."""
        return self._result

    def refresh(self) -> None:
        """Search the current query again, e.g. after an import or a metadata edit changed the archive."""
        if self.query():
            self.search_now()
        else:
            self._clear()

    def show_help(self) -> SearchHelpDialog:
        if self._help is None:
            self._help = SearchHelpDialog(self)
        if self._help.isVisible():  # already open behind the window: bring it forward
            self._help.raise_()
            self._help.activateWindow()
        else:
            self._help.show()
        return self._help

    def accept_suggestion(self, _link: str = "") -> None:
        """The "Did you mean" link: its query replaces the user's and is searched."""
        if self._result is not None and self._result.suggestion:
            self.set_query(self._result.suggestion)

    def search_now(self) -> None:
        """Search the field's query now (Enter, the debounce timer, a new sort order)."""
        self.debounce.stop()
        query = self.query()
        if query != self._shown_query:
            self._limit = self._page_size
        self._start(query)

    # ------------------------------------------------------------------ searching

    def _archive(self) -> Archive | None:
        source = self._archive_source
        if source is None or isinstance(source, Archive):
            return source
        return source()

    def _invalidate(self) -> int:
        """A new serial: whatever is queued or running now will be dropped."""
        for job in self._jobs.values():
            job.cancel()
        self._latest.serial += 1
        return self._latest.serial

    def _start(self, query: str) -> None:
        archive = self._archive()
        if not query or archive is None:
            self._clear()
            return
        serial = self._invalidate()
        job = SearchJob(serial, archive, query, self.sort(), self._limit, self._latest.is_current)
        job.signals.done.connect(self._on_done)
        job.signals.failed.connect(self._on_failed)
        self._jobs[serial] = job
        self._busy.start()
        self.pool.start(job)

    def _forget_jobs_up_to(self, serial: int) -> None:
        # The pool runs jobs in order, so every older job has finished by now.
        for old in [s for s in self._jobs if s <= serial]:
            del self._jobs[old]

    def _on_done(self, outcome: SearchOutcome) -> None:
        self._forget_jobs_up_to(outcome.serial)
        if not self._latest.is_current(outcome.serial):
            return
        self._busy.stop()
        self._show(outcome)

    def _on_failed(self, serial: int, message: str) -> None:
        self._forget_jobs_up_to(serial)
        if not self._latest.is_current(serial):
            return
        self._busy.stop()
        self._result = None
        self.model.clear()
        self.status_label.setText("")
        self.more_label.hide()
        self.suggestion_label.hide()
        self._set_notice(message)
        self._show_empty(self.tr("The search could not be run; see the note above."))
        self.resultsChanged.emit(None)

    def _clear(self) -> None:
        """No query: back to the hint, and tell the window the search no longer filters anything."""
        self._invalidate()
        self.debounce.stop()
        self._busy.stop()
        had_result = self._result is not None
        self._result = None
        self._shown_query = ""
        self._limit = self._page_size
        self.model.clear()
        self.status_label.setText("")
        self.more_label.hide()
        self.suggestion_label.hide()
        self._set_notice(None)
        self._show_hint()
        if had_result:
            self.resultsChanged.emit(None)

    # ------------------------------------------------------------------ showing a result

    def _show(self, outcome: SearchOutcome) -> None:
        result = outcome.result
        same_query = result.query == self._shown_query
        scroll = self.results.verticalScrollBar().value() if self._keep_scroll is None else self._keep_scroll
        self._keep_scroll = None
        self._result = result
        self._shown_query = result.query
        self.model.set_hits(result.hits)
        self._set_notice(result.notice)
        self.status_label.setText(self._status_text(result))
        self.more_label.setText(self._more_html(result))
        self.more_label.setVisible(bool(self.more_label.text()))
        self.suggestion_label.setText(self._suggestion_html(result))
        # With no hits the empty state carries the suggestion, in larger type; once is enough.
        self.suggestion_label.setVisible(bool(result.suggestion and result.hits))
        if result.hits:
            self.stack.setCurrentWidget(self.results)
            if same_query:
                self.results.verticalScrollBar().setValue(scroll)
            else:
                self.results.scrollToTop()
        else:
            self._show_empty(self._no_match_html(result))
        self.resultsChanged.emit(result)

    def _status_text(self, result: SearchResult) -> str:
        return self.tr("%Ln document(s)", "", result.total) if result.total else self.tr("No documents match")

    def _more_html(self, result: SearchResult) -> str:
        shown = len(result.hits)
        if not shown or result.total <= shown:
            return ""
        step = min(self._page_size, result.total - shown)
        if self.sort() == "date":
            text = self.tr('The newest {shown} of {total} · <a href="more">show {step} more</a>')
        else:
            text = self.tr('The best {shown} of {total} · <a href="more">show {step} more</a>')
        locale = QLocale()
        return text.format(shown=locale.toString(shown), total=locale.toString(result.total),
                           step=locale.toString(step))

    def _no_match_html(self, result: SearchResult) -> str:
        text = self.tr("No documents match “{query}”.").format(query=escaped(result.query))
        if result.suggestion:
            return text + "<br><br>" + self._suggestion_html(result)
        return text + "<br><br>" + self.tr("Check the spelling, use fewer words, or try a prefix such as "
                                           "<b>demin*</b>.")

    @staticmethod
    def _suggestion_html(result: SearchResult) -> str:
        if not result.suggestion:
            return ""
        return QCoreApplication.translate("SearchPanel", 'Did you mean <a href="suggestion">{suggestion}</a>?').format(
            suggestion=escaped(result.suggestion))

    def show_more(self, _link: str = "") -> None:
        """Another page of hits for the query on show, keeping the scroll position."""
        if self._result is not None and self._result.total > len(self._result.hits):
            self._keep_scroll = self.results.verticalScrollBar().value()
            self._limit = len(self._result.hits) + self._page_size
            self._start(self._shown_query)

    def _set_notice(self, notice: str | None) -> None:
        self.notice_label.setText(translated(notice))
        self.notice_label.setVisible(bool(notice))

    def _show_hint(self) -> None:
        self._show_empty(QCoreApplication.translate("SearchPanel", HINT))

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)

    # ------------------------------------------------------------------ input

    def _on_text_changed(self, text: str) -> None:
        if text.strip():
            self.debounce.start()
        else:
            self._clear()

    def _on_sort_changed(self) -> None:
        if self.query():
            self.search_now()

    def _activate(self, index: QModelIndex) -> None:
        """Click, double-click and Enter all open the hit; a double-click's extra signals open it once."""
        if not index.isValid():
            return
        doc_id = int(index.data(ID_ROLE))
        now = time.monotonic()
        interval = QApplication.doubleClickInterval() / 1000
        if self._last_activation and self._last_activation[0] == doc_id and now - self._last_activation[1] < interval:
            return
        self._last_activation = (doc_id, now)
        self.hitActivated.emit(doc_id, self._shown_query)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.field:
                if key == Qt.Key.Key_Down and self.model.rowCount():
                    self.results.setFocus(Qt.FocusReason.TabFocusReason)
                    self.results.setCurrentIndex(self.model.index(0))
                    return True
                if key == Qt.Key.Key_Escape and self.field.text():
                    self.field.clear()
                    return True
            elif watched is self.results and key == Qt.Key.Key_Up and self.results.currentIndex().row() <= 0:
                self.field.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)
