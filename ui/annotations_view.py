"""Every annotation of the archive in one table, narrowed by filters, for review and for export.

The view is self-contained so the main window can put it in a dock or a tab: it
asks `app.annotating.annotations.list_annotations` for the rows (the service filters and
orders them; the table never sorts by itself), and it reports what the user does
through signals — `openAnnotation` to show one in the reader, `selectionChanged`
and `exportRequested` for the export dialog.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.annotating import annotations
from app.annotating.annotations import AnnotationFilter, AnnotationInfo
from app.archive.folder import Archive
from app.errors import DossierError
from app.export.excerpt_model import COLOR_HEX, COLORS
from app.library import tags
from ui import plain_text
from ui.annotations.colors import color_label
from ui.annotations.note_view import NoteDelegate
from ui.annotations_table_model import (
    COLOR,
    DOCUMENT,
    HEADERS,
    ID_ROLE,
    MODIFIED,
    NOTE,
    NOTE_ROLE,
    QUOTE,
    TAGS,
    AnnotationTableModel,
    header_labels,
)
from ui.fitted_table import ColumnFit, FittedTable

DEBOUNCE_MS = 250
CURRENT_DOCUMENT = -1  # the document combo's "current document" entry
SORTS = ((QT_TRANSLATE_NOOP("AnnotationsView", "Newest first"), "modified"),
         (QT_TRANSLATE_NOOP("AnnotationsView", "By document"), "document"))
SORT_COLUMNS = {DOCUMENT: "document", MODIFIED: "modified"}  # header clicks that choose an order
SORT_INDICATOR = {"document": (DOCUMENT, Qt.SortOrder.AscendingOrder),
                  "modified": (MODIFIED, Qt.SortOrder.DescendingOrder)}  # fmt: skip


def swatch(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(COLOR_HEX[color]))
    return QIcon(pixmap)


def annotations_fit() -> ColumnFit:
    """How the columns share the width, measured on the headers and a date as the user's locale writes them."""
    sample_time = QLocale().toString(QDateTime(QDate(2026, 12, 27), QTime(17, 40)), QLocale.FormatType.ShortFormat)
    return ColumnFit(
        labels=header_labels(), main=QUOTE, fixed={COLOR: 28},
        samples={NOTE: "First report of new use. Compare with",  # untranslated: a sample, only measured
                 TAGS: "topic/new-use  country/Azerbaijan",  # untranslated: a sample, only measured
                 DOCUMENT: "Coalition alarmed by reports of",  # untranslated: a sample, only measured
                 MODIFIED: sample_time},
        whole=frozenset({MODIFIED}),  # a date cut short says nothing
    )  # fmt: skip


class AnnotationsView(QWidget):
    """Filters above a multi-select table; call `refresh()` whenever annotations may have changed."""

    openAnnotation = Signal(int, int)  # document id, annotation id (double-click or Enter)
    selectionChanged = Signal(list)  # ids of the selected annotations, in table order
    exportRequested = Signal(list)  # ids the user wants to export (the selection, else every row shown)

    def __init__(self, archive: Archive | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self._current_document: int | None = None
        self._current_title = ""
        self._total = 0
        self._document_choices: list[tuple[int, str]] = []
        self.model = AnnotationTableModel(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply)
        self._build()
        self._connect()
        self.refresh()

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Filter by words in the quote or note"))
        self.text_filter.setClearButtonEnabled(True)
        self.tag_combo = QComboBox()
        self.tag_combo.setEditable(True)
        self.tag_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tag_combo.lineEdit().setPlaceholderText(self.tr("Any tag"))
        self.tag_combo.setToolTip(self.tr("Annotations with this tag or a tag below it (country takes country/…)"))
        self.color_combo = QComboBox()
        self.color_combo.addItem(self.tr("Any colour"), None)
        for color in COLORS:
            self.color_combo.addItem(swatch(color), color_label(color), color)
        self.document_combo = QComboBox()
        self.document_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.document_combo.setMinimumContentsLength(14)
        self.document_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.orphaned_check = QCheckBox(self.tr("Orphaned only"))
        self.orphaned_check.setToolTip(self.tr("Annotations whose text is no longer found in their document"))
        self.sort_combo = QComboBox()
        for label, key in SORTS:
            self.sort_combo.addItem(QCoreApplication.translate("AnnotationsView", label), key)
        self.count_label = plain_text.plain(QLabel())
        self.count_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export the selected annotations (or all those shown)"))

        self.table = FittedTable(annotations_fit())
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.installEventFilter(self)
        self.table.setItemDelegateForColumn(NOTE, NoteDelegate(NOTE_ROLE, self.table))  # Markdown read, not raw
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        self.table.fit_columns()  # the quote takes the spare width; the others fit, scaled down when narrow
        self._set_indicator("modified")

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setContentsMargins(24, 24, 24, 24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        filters = QHBoxLayout()
        filters.addWidget(self.tag_combo, 2)
        filters.addWidget(self.color_combo, 1)
        filters.addWidget(self.document_combo, 3)
        options = QHBoxLayout()
        options.addWidget(self.orphaned_check)
        options.addWidget(self.count_label, 1)
        options.addWidget(QLabel(self.tr("Sort:")))
        options.addWidget(self.sort_combo)
        options.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.text_filter)
        layout.addLayout(filters)
        layout.addLayout(options)
        layout.addWidget(self.stack, 1)

    def _connect(self) -> None:
        self.text_filter.textChanged.connect(self._debounce.start)
        self.tag_combo.editTextChanged.connect(self._debounce.start)
        self.color_combo.currentIndexChanged.connect(self._apply)
        self.document_combo.currentIndexChanged.connect(self._apply)
        self.orphaned_check.toggled.connect(self._apply)
        self.sort_combo.currentIndexChanged.connect(self._apply)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._header_sort)
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty_label.linkActivated.connect(lambda _link: self.clear_filters())
        self.export_button.clicked.connect(lambda: self.exportRequested.emit(self.selected_ids() or self.visible_ids()))

    # ------------------------------------------------------------ public API
    def set_archive(self, archive: Archive | None) -> None:
        """Show another archive (or none); the filters are kept, the current document is forgotten."""
        self._archive = archive
        self._current_document = None
        self._current_title = ""
        self.refresh()

    def set_current_document(self, document_id: int | None, title: str = "") -> None:
        """The document open in the reader, for the "Current document" filter."""
        self._current_document = document_id
        self._current_title = title
        self._fill_documents(self._document_choices)
        if self.document_combo.currentData() == CURRENT_DOCUMENT:
            self._apply()

    def refresh(self) -> None:
        """Re-read the annotations and the filter choices (after any annotation or tag change)."""
        everything: list[AnnotationInfo] = []
        if self._archive is not None:
            try:
                everything = annotations.list_annotations(self._archive)
            except DossierError as e:
                self._show_error(str(e))
                return
        self._total = len(everything)
        self._document_choices = list({a.document_id: a.document_title for a in everything}.items())
        self._fill_tags()
        self._fill_documents(self._document_choices)
        self._apply()

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.index(r, 0).data(ID_ROLE) for r in rows]

    def visible_ids(self) -> list[int]:
        return [a.id for a in self.model.rows()]

    def select_ids(self, ids: list[int]) -> None:
        selection = QItemSelection()
        for annotation_id in ids:
            row = self.model.row_of(annotation_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, len(HEADERS) - 1))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def current_filter(self) -> AnnotationFilter:
        document = self.document_combo.currentData()
        if document == CURRENT_DOCUMENT:
            document = self._current_document if self._current_document is not None else 0
        return AnnotationFilter(
            document_ids=[document] if document is not None else [],
            tag=self.tag_combo.currentText().strip() or None,
            color=self.color_combo.currentData(),
            text=self.text_filter.text().strip() or None,
            orphaned=True if self.orphaned_check.isChecked() else None,
            order=self.sort_combo.currentData(),
        )

    def clear_filters(self) -> None:
        widgets = (self.text_filter, self.tag_combo, self.color_combo, self.document_combo, self.orphaned_check)
        for widget in widgets:
            widget.blockSignals(True)
        self.text_filter.clear()
        self.tag_combo.setEditText("")
        self.color_combo.setCurrentIndex(0)
        self.document_combo.setCurrentIndex(0)
        self.orphaned_check.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self._apply()

    def focus_filter(self) -> None:
        self.text_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_filter.selectAll()

    # -------------------------------------------------------------- choices
    def _fill_tags(self) -> None:
        names: set[str] = set()
        if self._archive is not None:
            for info in tags.list_tags(self._archive):
                if info.annotations:
                    names.add(info.name)
                    names.update(tags.ancestors(info.name))
        text = self.tag_combo.currentText()
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem("")
        self.tag_combo.addItems(sorted(names, key=str.casefold))
        self.tag_combo.setEditText(text)
        self.tag_combo.blockSignals(False)

    def _fill_documents(self, choices: list[tuple[int, str]]) -> None:
        chosen = self.document_combo.currentData()
        combo = self.document_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All documents"), None)
        current = (self.tr("Current document — {title}").format(title=self._current_title) if self._current_title
                   else self.tr("Current document"))
        combo.addItem(current, CURRENT_DOCUMENT)
        if self._current_document is None:
            combo.model().item(1).setEnabled(False)  # type: ignore[attr-defined]
        if choices:
            combo.insertSeparator(combo.count())
        for doc_id, title in sorted(choices, key=lambda c: c[1].casefold()):
            combo.addItem(title, doc_id)
            combo.setItemData(combo.count() - 1, plain_text.tooltip(title), Qt.ItemDataRole.ToolTipRole)
        found = combo.findData(chosen) if chosen is not None else 0
        if chosen == CURRENT_DOCUMENT and self._current_document is None:
            found = 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    # -------------------------------------------------------------- filtering
    def _apply(self) -> None:
        self._debounce.stop()
        self._set_indicator(self.sort_combo.currentData())
        if self._archive is None:
            self.model.set_rows([])
            self._show_empty(self.tr("No archive is open."))
            return
        keep = set(self.selected_ids())
        try:
            rows = annotations.list_annotations(self._archive, self.current_filter())
        except DossierError as e:
            self._show_error(str(e))
            return
        self.model.set_rows(rows)
        self.select_ids([a.id for a in rows if a.id in keep])
        self._update_state(len(rows))
        self._selection_changed()

    def _update_state(self, shown: int) -> None:
        filtered = shown != self._total
        self.count_label.setText(self.tr("{shown} of %Ln annotation(s)", "", self._total).format(
            shown=QLocale().toString(shown)) if filtered else self.tr("%Ln annotation(s)", "", shown))
        self.export_button.setEnabled(shown > 0)
        if shown:
            self.stack.setCurrentWidget(self.table)
        else:
            self._show_empty(self._empty_archive_text() if self._total == 0 else self._no_match_text())

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)
        self.export_button.setEnabled(False)

    def _show_error(self, message: str) -> None:
        self.model.set_rows([])
        self.count_label.setText("")
        self._show_empty(f"{message}<br><br><a href='clear'>{self.tr('Clear filters')}</a>")

    def _empty_archive_text(self) -> str:
        return self.tr("<b>No annotations yet.</b><br><br>Open a document, select a passage and press "
                       "<b>Ctrl+Shift+H</b> to highlight it, or <b>Ctrl+Shift+A</b> to add a note.")

    def _no_match_text(self) -> str:
        clear = self.tr("Clear filters")
        return self.tr("No annotation matches these filters.") + f"<br><br><a href='clear'>{clear}</a>"

    # ---------------------------------------------------------------- sorting
    def _set_indicator(self, order: str) -> None:
        column, direction = SORT_INDICATOR[order]
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, direction)
        header.blockSignals(False)

    def _header_sort(self, column: int, _order: Qt.SortOrder) -> None:
        """A header click picks the service's order for Document or Modified; other columns do not sort."""
        order = SORT_COLUMNS.get(column)
        if order is None:
            self._set_indicator(self.sort_combo.currentData())
            return
        self.sort_combo.setCurrentIndex(self.sort_combo.findData(order))
        self._set_indicator(order)

    # ------------------------------------------------------------- activation
    def _open_index(self, index: QModelIndex) -> None:
        info = self.model.info(index.row()) if index.isValid() else None
        if info is not None:
            self.openAnnotation.emit(info.document_id, info.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._open_index(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _selection_changed(self, *_args: object) -> None:
        self.selectionChanged.emit(self.selected_ids())

