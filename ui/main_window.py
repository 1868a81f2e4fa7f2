"""The main window: library and reader as tabs in the centre, search/browse/footnotes as docks.

The window composes widgets and routes signals between them; the work lives
elsewhere: services in `app/`, long jobs on workers (`ui/import_task.py`),
menus and shortcuts in `ui/main_actions.py`, archive switching in
`ui/archive_switch.py`. It never opens a database session itself.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, QPoint, Qt, QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.annotating import annotations
from app.archive.folder import Archive
from app.archive.paths import sample_files
from app.library import listing as library
from app.search import service as search
from ui import plain_text
from ui.annotations.controller import AnnotationController
from ui.annotations_view import AnnotationsView
from ui.document_table_model import COLUMNS, ID_ROLE, TAGS_ROLE, DocumentTableModel
from ui.facet_panel import FacetPanel
from ui.fitted_table import LibraryTable
from ui.import_task import ImportSummaryDialog, ImportTask, ProgressStrip, summary_text
from ui.main_actions import MainActions
from ui.reader import FootnotePanel, ReaderController, ReaderPane
from ui.reader.citation_map_panel import CitationMapPanel
from ui.reader_docks import ReaderDocks
from ui.search_panel import SearchPanel
from ui.settings import AppSettings
from ui.tags.chips import TagChipDelegate
from ui.tags.colors import TagColors
from ui.theme import apply_theme
from ui.timeline_panel import TimelinePanel
from ui.workers import GeneratorWorker, start

if TYPE_CHECKING:
    from app.importing.importer import ImportSummary

TAGS_COLUMN = [key for _, key in COLUMNS].index("tags")
_READER_TAB = 1  # the tabs: library, reader, annotations


class MainWindow(QMainWindow):
    def __init__(self, archive: Archive, settings: AppSettings | None = None,
                 pool: QThreadPool | None = None) -> None:  # fmt: skip
        super().__init__()
        self.archive = archive
        self.settings = settings or AppSettings()
        self.pool = pool or QThreadPool.globalInstance()
        self._search_ids: frozenset[int] | None = None
        self._search_result: search.SearchResult | None = None
        self._index_worker: GeneratorWorker | None = None
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)

        self.undo_stack = QUndoStack(self)
        self.tag_colors = TagColors(archive, self)
        self.model = DocumentTableModel(archive, self)
        self.table = self._make_table()
        self.library_stack = QStackedWidget()
        self.timeline = TimelinePanel(self.pool)
        self.library_split = QSplitter(Qt.Orientation.Vertical)  # the timeline above the table
        self.library_split.setObjectName("librarySplit")
        self.library_split.setChildrenCollapsible(False)
        self.library_split.addWidget(self.timeline)
        self.library_split.addWidget(self.table)
        self.library_split.setStretchFactor(1, 1)
        self.library_stack.addWidget(self.library_split)
        self.library_stack.addWidget(self._make_empty_state())
        self.reader_pane = ReaderPane()
        self.footnotes = FootnotePanel()
        self.reader = ReaderController(archive, self.reader_pane, self.footnotes, self)
        self.annotating = AnnotationController(archive, self.reader, self.undo_stack, self.settings, self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("centralTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.library_stack, self.tr("Library"))
        self.tabs.addTab(self.reader_pane, self.tr("Reader"))
        self.annotations_view = AnnotationsView(archive)
        self.tabs.addTab(self.annotations_view, self.tr("Annotations"))
        self.setCentralWidget(self.tabs)

        self.search_panel = SearchPanel(archive)
        self.facets = FacetPanel()
        self.search_dock = self._dock(self.tr("Search"), "searchDock", self.search_panel,
                                      Qt.DockWidgetArea.LeftDockWidgetArea)
        self.browse_dock = self._dock(self.tr("Browse"), "browseDock", self.facets,
                                      Qt.DockWidgetArea.LeftDockWidgetArea)
        self.footnotes_dock = self._dock(self.tr("Footnotes"), "footnotesDock", self.footnotes,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self.notes_dock = self._dock(self.tr("Annotations"), "annotationsDock", self.annotating.panel,
                                     Qt.DockWidgetArea.RightDockWidgetArea)
        self.citation_map = CitationMapPanel(self.pool)
        self.map_dock = self._dock(self.tr("Citation Map"), "citationMapDock", self.citation_map,
                                   Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.footnotes_dock, self.notes_dock)
        self.tabifyDockWidget(self.notes_dock, self.map_dock)
        self.footnotes_dock.raise_()
        self.splitDockWidget(self.search_dock, self.browse_dock, Qt.Orientation.Vertical)
        self.resizeDocks([self.search_dock, self.footnotes_dock], [300, 320], Qt.Orientation.Horizontal)
        self.footnotes_dock.hide()  # shown with the first document opened
        self.notes_dock.hide()
        self.map_dock.hide()
        self.reader_docks = ReaderDocks(self, (self.footnotes_dock, self.notes_dock, self.map_dock))

        self.progress = ProgressStrip()
        self.archive_label = plain_text.plain(QLabel())
        self.count_label = plain_text.plain(QLabel())
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.archive_label)
        self.importer = ImportTask(self.progress, self)
        self.importer.progressed.connect(self._import_progressed)
        self._import_refresh = QTimer(self)  # the library fills in while an import runs, at most every 1.5 s
        self._import_refresh.setSingleShot(True)
        self._import_refresh.setInterval(1500)
        self._import_refresh.timeout.connect(self._refresh_during_import)
        self.importer.finished.connect(self._import_finished)
        self.importer.cancelled.connect(self._import_cancelled)
        self.importer.failed.connect(self._import_failed)

        self.actions_ = MainActions(self)
        self._connect()
        self.resize(1280, 800)
        self._restore_layout()
        self.reader_docks.place(self.tabs.currentIndex() == _READER_TAB)
        self.settings.remember_archive(archive.folder)
        self.refresh()
        self.bring_index_up_to_date()

    # ------------------------------------------------------------------ building

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)  # fmt: skip
        self.addDockWidget(area, dock)
        return dock

    def _make_table(self) -> LibraryTable:
        table = LibraryTable()
        table.setObjectName("libraryTable")
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.fit_columns()
        table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        table.setItemDelegateForColumn(TAGS_COLUMN, TagChipDelegate(self.tag_colors, TAGS_ROLE, table))
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._library_menu)
        table.activated.connect(self._open_index)
        table.doubleClicked.connect(self._open_index)
        return table

    def _make_empty_state(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch()
        heading = self.tr("This archive is empty")
        text = self.tr("Import reports — plain text, Markdown, HTML, PDF, Word, OpenDocument or EPUB —<br>"
                       "with <b>File › Import Files…</b> (Ctrl+I), <b>Import Folder…</b>, "
                       "or by dropping files and folders on this window.<br>"
                       "Or start with the bundled sample reports.")
        label = QLabel(f"<h2>{heading}</h2><p>{text}</p>")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.samples_button = QPushButton(self.tr("Import the sample reports"))
        self.samples_button.setEnabled(bool(sample_files()))
        self.samples_button.clicked.connect(self.import_samples)
        self.import_button = QPushButton(self.tr("Import files…"))
        self.import_button.clicked.connect(lambda: self.actions_.import_files())
        for button in (self.samples_button, self.import_button):
            layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addStretch()
        return page

    def _connect(self) -> None:
        self.search_panel.hitActivated.connect(self.open_document)
        self.search_panel.resultsChanged.connect(self._search_changed)
        self.facets.filterChanged.connect(lambda _flt: self.apply_filters())
        self.timeline.periodToggled.connect(self.facets.toggle)  # a bar is a year or month of the facets
        self.timeline.clearRequested.connect(lambda: self.facets.clear_groups("year", "month"))
        self.citation_map.openDocument.connect(self.open_document)
        self.map_dock.visibilityChanged.connect(self.citation_map.set_active)
        self.reader.documentOpened.connect(self._document_opened)
        self.reader.documentOpened.connect(lambda doc_id: self.citation_map.show_document(self.archive, doc_id))
        self.annotations_view.openAnnotation.connect(self.open_annotation)
        self.annotations_view.exportRequested.connect(self.open_export_dialog)
        self.annotating.message.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.annotating.annotationsChanged.connect(self._annotations_changed)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.reader.historyChanged.connect(self.actions_.update_history)
        self.reader.loadFailed.connect(lambda message: self.statusBar().showMessage(message, 8000))

    def _restore_layout(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    # ------------------------------------------------------------------ library

    def refresh(self) -> None:
        """Re-read the library (after an import, an edit, or another archive)."""
        self.model.reload()
        total = library.count_documents(self.archive)
        self.library_stack.setCurrentIndex(0 if total else 1)
        self.setWindowTitle(f"{self.archive.name} — Dossier")  # untranslated: the app's name
        self.archive_label.setText(self.tr("Archive: {name}").format(name=self.archive.name))
        self.archive_label.setToolTip(plain_text.tooltip(str(self.archive.folder)))
        self._update_count(total)
        self._update_facets()
        self.actions_.update_for_library(total)
        self.citation_map.show_document(self.archive, self.reader.document_id)  # links and titles may have changed

    def _update_count(self, total: int | None = None) -> None:
        total = library.count_documents(self.archive) if total is None else total
        shown = self.model.total
        if shown == total:
            self.count_label.setText(self.tr("%Ln document(s)", "", total))
        else:
            self.count_label.setText(self.tr("{shown} of %Ln document(s)", "", total).format(
                shown=QLocale().toString(shown)))

    def current_filter(self) -> library.DocumentFilter:
        return replace(self.facets.current_filter(), ids=self._search_ids)

    def apply_filters(self) -> None:
        """Facets and search narrow the library together."""
        self.model.set_filter(self.current_filter())
        self._update_count()
        self._update_facets()

    def _update_facets(self) -> None:
        """Counts over what the library shows; a search alone already counted its matches. The timeline too."""
        self.timeline.refresh(self.archive, self.current_filter())
        self.timeline.set_chosen(self.facets.chosen("year"), self.facets.chosen("month"))
        result = self._search_result
        if result is not None and self.facets.current_filter().is_empty():
            self.facets.set_counts(result.facets)
        else:
            self.facets.set_counts(library.facet_counts(self.archive, self.current_filter()))

    def _search_changed(self, result: search.SearchResult | None) -> None:
        self._search_result = result
        if result is None:
            self._search_ids = None
            if self.reader.document_id is not None:
                self.reader.set_search_query("")  # a cleared query leaves nothing marked in the reader
        else:
            self._search_ids = result.match_ids
        self.apply_filters()

    def selected_document_id(self) -> int | None:
        if self.reader.document_id is not None and self.reader_pane.view.hasFocus():
            return self.reader.document_id
        index = self.table.currentIndex()
        if index.isValid():
            return index.data(ID_ROLE)
        return self.reader.document_id

    def selected_document_ids(self) -> list[int]:
        """The documents selected in the library, in table order."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [doc_id for r in rows if (doc_id := self.model.document_id(r)) is not None]

    def _library_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        menu.addActions([self.actions_.open_selected, self.actions_.tag_documents, self.actions_.edit_metadata])
        menu.addSeparator()
        menu.addAction(self.actions_.export)
        menu.addSeparator()
        menu.addAction(self.actions_.remove_documents)
        menu.exec(self.table.viewport().mapToGlobal(point))

    def documents_removed(self, doc_ids: list[int], restored: bool = False) -> None:
        """Documents went (or came back with undo): every view re-reads and the status bar says so; a
        removed open document closes."""
        if not restored and self.reader.document_id in doc_ids and self.reader.detail is not None:
            self.reader.set_archive(self.archive)
            self.tabs.setTabText(1, self.tr("Reader"))
        self.refresh()
        self.search_panel.refresh()
        self.annotations_view.refresh()
        if restored:
            message = self.tr("Put back %Ln document(s).", "", len(doc_ids))
        else:
            message = self.tr("Removed %Ln document(s) (Ctrl+Z to undo).", "", len(doc_ids))
        self.statusBar().showMessage(message, 8000)

    def change_theme(self, name: str) -> None:
        """View › Theme: the whole app changes look now and keeps it; the reader redraws in the new colours."""
        applied = apply_theme(QApplication.instance(), name)  # type: ignore[arg-type]
        self.settings.set_theme(applied)
        self.actions_.theme_actions[applied].setChecked(True)
        QTimer.singleShot(0, self, self.reader.reload)  # after the widgets have taken the new palette

    def refresh_tags(self) -> None:
        """After any tag change (or its undo): colours, table, facets, and the open document's panels."""
        self.tag_colors.refresh()
        selected = set(self.selected_document_ids())
        self.model.reload()
        for row in range(self.model.rowCount()):
            if self.model.document_id(row) in selected:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._update_facets()
        self.table.viewport().update()
        self.search_panel.refresh()
        self.annotations_view.refresh()

    def _open_index(self, index: QModelIndex) -> None:
        doc_id = index.data(ID_ROLE)
        if doc_id is not None:
            self.open_document(doc_id, self.search_panel.query())

    def open_document(self, doc_id: int, query: str = "") -> None:
        # Show the reader first: scrolling to the first match needs the view's real width.
        previous = self.tabs.currentIndex()
        self.tabs.setCurrentIndex(_READER_TAB)
        self.reader_docks.open_first()
        if not self.reader.open_document(doc_id, query):
            self.tabs.setCurrentIndex(previous)

    def _tab_changed(self, index: int) -> None:
        """Annotating acts on the reader's selection: only while the reader is showing."""
        self.annotating.update_actions()
        if index != _READER_TAB:
            for action in self.annotating.actions():
                action.setEnabled(False)
        self.reader_docks.place(index == _READER_TAB)

    def _annotations_changed(self, _doc_id: int) -> None:
        """Counts in the library, the annotations view and the search (notes are indexed) follow."""
        self.model.reload()
        self.annotations_view.refresh()
        self.tag_colors.refresh()
        self._update_facets()

    def open_annotation(self, doc_id: int, annotation_id: int) -> None:
        """From the annotations view: the document in the reader, scrolled to the annotation, flashed."""
        self.open_document(doc_id)
        info = annotations.get(self.archive, annotation_id)
        if not info.orphaned:
            self.reader_pane.view.scroll_to_offset(info.start)
            self.reader_pane.view.flash(info.start, info.end)

    def _document_opened(self, doc_id: int) -> None:
        row = self.model.row_of(doc_id)
        if row is not None:
            self.table.selectRow(row)
        title = (self.reader.detail or {}).get("title") or self.tr("Reader")
        self.tabs.setTabText(1, title if len(title) <= 40 else title[:39] + "…")
        self.tabs.setTabToolTip(1, title)
        self.annotations_view.set_current_document(doc_id, title)
        self.tabs.setCurrentIndex(_READER_TAB)
        self.reader_docks.open_first()

    # ------------------------------------------------------------------ import

    def import_samples(self) -> None:
        self.start_import(sample_files())

    def start_import(self, paths: list[Path]) -> None:
        if not paths:
            return
        if not self.importer.start(self.archive, paths, self.pool):
            plain_text.inform(self, self.tr("Import"),
                              self.tr("An import is already running; wait for it or cancel it."))

    def _import_progressed(self, _done: int, _total: int) -> None:
        self.samples_button.setEnabled(False)
        self.import_button.setEnabled(False)
        if not self._import_refresh.isActive():
            self._import_refresh.start()

    def _refresh_during_import(self) -> None:
        if self.importer.running and library.count_documents(self.archive) != self.model.total:
            self.refresh()

    def _after_import(self) -> None:
        self._import_refresh.stop()
        self.annotations_view.refresh()
        self.samples_button.setEnabled(bool(sample_files()))
        self.import_button.setEnabled(True)
        self.refresh()
        self.search_panel.refresh()

    def _import_cancelled(self, done: int) -> None:
        self._after_import()
        self.statusBar().showMessage(
            self.tr("Import cancelled after %Ln file(s); documents imported so far are kept.", "", done), 10000)
        if self.importer.summary is not None:  # what was skipped before the cancel is still worth knowing
            self._show_summary(self.importer.summary, cancelled=True)

    def _import_finished(self, summary: ImportSummary) -> None:
        self._after_import()
        if self.reader.document_id is not None and self.reader.document_id in summary.updated:
            self.reader.reload()  # the open document's file changed: show its new text (same place)
        self.statusBar().showMessage(self.tr("Import finished: {summary}").format(summary=summary_text(summary)), 10000)
        self._show_summary(summary)

    def _show_summary(self, summary: ImportSummary, *, cancelled: bool = False) -> None:
        """The files skipped, read in part or already there, when there are any (the duplicates by title)."""
        if not (summary.failed or summary.duplicates or summary.notices):
            return
        same = library.DocumentFilter(ids=frozenset(i for _path, i in summary.duplicates))
        titles = {row.id: row.title for row in library.list_documents(self.archive, flt=same)}
        dialog = ImportSummaryDialog(summary, self, titles=titles, cancelled=cancelled)
        dialog.setModal(True)
        dialog.open()
        self.last_summary_dialog = dialog

    def _import_failed(self, message: str) -> None:
        self._after_import()
        text = self.tr("The import stopped: {message}\n\nDocuments imported before it are kept.")
        plain_text.critical(self, self.tr("Import"), text.format(message=message))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    # ------------------------------------------------------------------ index

    def bring_index_up_to_date(self) -> None:
        """Catch the index up (or rebuild it) off the GUI thread, with progress in the status bar."""
        if self._index_worker is not None:
            return
        from app.archive.integrity import on_open

        worker = GeneratorWorker(lambda: on_open(self.archive))

        def progress(p: search.IndexProgress) -> None:
            if p.total:
                self.progress.show()
                self.progress.cancel_button.hide()
                if p.phase == "rebuild":
                    text = self.tr("Rebuilding the search index: {done}/{total}")
                elif p.phase == "repair":
                    text = self.tr("Repairing the search index: {done}/{total}")
                else:
                    text = self.tr("Updating the search index: {done}/{total}")
                locale = QLocale()
                self.progress.step(p.done, p.total, text.format(done=locale.toString(p.done),
                                                                total=locale.toString(p.total)))

        def done(*_args: object) -> None:
            self._index_worker = None
            self.progress.cancel_button.show()
            if not self.importer.running:
                self.progress.end()
            self.search_panel.refresh()

        worker.signals.progress.connect(progress)
        worker.signals.finished.connect(done)
        worker.signals.failed.connect(lambda message: (done(), self.statusBar().showMessage(
            self.tr("The search index could not be updated: {message}").format(message=message), 10000)))
        self._index_worker = start(worker, self.pool)

    # ------------------------------------------------------------------ archive

    def switch_archive(self, archive: Archive) -> None:
        """Show another archive; the previous one is closed."""
        if self.importer.running:
            plain_text.inform(self, self.tr("Open Archive"),
                              self.tr("Wait for the import to finish or cancel it first."))
            archive.close()
            return
        previous, self.archive = self.archive, archive
        self._search_ids = None
        self._search_result = None
        self.facets.clear()
        self.undo_stack.clear()
        self.tag_colors.set_archive(archive)
        self.model.set_archive(archive)
        self.reader.set_archive(archive)
        self.annotating.set_archive(archive)
        self.annotations_view.set_archive(archive)
        self.search_panel.clear_query()  # the last archive's query would filter this one's library
        self.search_panel.set_archive(archive)
        self.annotations_view.clear_filters()
        self.tabs.setTabText(1, self.tr("Reader"))
        self.tabs.setTabToolTip(1, "")
        self.tabs.setCurrentIndex(0)
        self.settings.remember_archive(archive.folder)
        self.actions_.update_recent()
        if previous is not archive:
            self.pool.waitForDone(5000)
            previous.close()
        self.refresh()
        self.bring_index_up_to_date()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.importer.running:
            question = self.tr("An import is running. Stop it and quit? Documents imported so far are kept.")
            if not plain_text.ask(self, self.tr("Quit"), question, plain_text.Button.Yes):
                event.ignore()
                return
            self.importer.cancel()
        if self.reader_docks.away:  # saved as the user left them in the reader (not painted: the window closes)
            self.setUpdatesEnabled(False)
            self.reader_docks.place(True)
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.pool.waitForDone(10000)
        super().closeEvent(event)

    # ------------------------------------------------------------------ export

    def open_export_dialog(self, annotation_ids: list[int] | None = None) -> None:
        """Export, opening on what the user is looking at; a selection in another tab does not carry over."""
        from ui.export_dialog import ExportDialog
        from ui.export_scope import ALL, ANNOTATIONS, CURRENT, DOCUMENTS

        view = self.tabs.currentWidget()
        if annotation_ids is None and view is self.annotations_view:
            annotation_ids = self.annotations_view.selected_ids() or self.annotations_view.visible_ids()
        documents = self.selected_document_ids()
        if annotation_ids is not None:
            scope = ANNOTATIONS
        elif view is self.reader_pane:
            scope = CURRENT
        else:
            scope = DOCUMENTS if documents else ALL
        query = self.search_panel.query().strip() or None
        dialog = ExportDialog(
            self.archive, self, current_document=self.reader.document_id,
            selected_documents=documents, current_query=query, selected_annotations=annotation_ids or (),
            current_tag=self.facets.chosen_tag(), scope=scope, settings=self.settings,
        )
        dialog.open()
        self.export_dialog = dialog
