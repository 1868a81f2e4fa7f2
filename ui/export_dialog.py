"""The export dialog: choose the excerpts, the format and what to include, see it, write it.

Everything the file holds is decided by `app.export.excerpts` and formatted by `app.export`;
this dialog only gathers the choices. Counting and previewing run on the dialog's
own one-thread pool (a search scope runs the query; a preview renders text), and
the preview is capped at `PREVIEW_LIMIT` excerpts. Writing runs on a
`GeneratorWorker`; a failure is shown in the dialog, which stays open with every
choice intact.

The file name and the format stay in step: choosing a format renames a file
named for another format (or not named for any), and a name typed or chosen with
an export extension chooses that format. A name with another extension keeps it
and gets the format's added (the dialog says so before and after writing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QThreadPool, QTimer, QUrl
from PySide6.QtGui import QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.archive.folder import Archive
from app.export.excerpt_model import ExportOptions
from app.export.excerpts import Selection
from app.export.files import FORMATS, SUFFIXES
from app.library import listing as library
from app.library import tags
from ui import export_choices, plain_text
from ui.dialog_fit import fit_to_screen, tab_as_shown
from ui.export_job import (
    BackgroundCall,
    ExportOutcome,
    PreviewText,
    Serials,
    count_scopes,
    format_label,
    format_of,
    make_preview,
    target_path,
    with_format,
    write_steps,
)
from ui.export_scope import ALL, ANNOTATIONS, CURRENT, DOCUMENTS, NOT_APPLICABLE, QUERY, SCOPES, TAG, ScopeChooser
from ui.export_texts import (
    OPTIONS,
    PreviewBrowser,
    added_note,
    all_files_filter,
    default_title,
    elide,
    file_filter,
    file_stem,
    options_grid,
    scope_reasons,
    target_note,
)
from ui.open_external import open_external
from ui.settings import AppSettings
from ui.workers import GeneratorWorker, start

DEBOUNCE_MS = 200
RICH_FORMATS = frozenset({"html", "pdf"})


class ExportDialog(QDialog):
    """Modal or not; the main window passes what is current when it opens the dialog.

    `scope` is the choice that fits where the user is (the reader: CURRENT; the
    annotations view: ANNOTATIONS); without it, or when it does not apply, the
    dialog opens on the selected documents, else the open document, else all.
    """

    def __init__(
        self, archive: Archive, parent: QWidget | None = None, *, current_document: int | None = None,
        selected_documents: Sequence[int] = (), current_query: str | None = None,
        selected_annotations: Sequence[int] = (), tags: Sequence[str] | None = None,
        current_tag: str | None = None, scope: str | None = None, settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export annotated excerpts"))
        self.archive = archive
        self.settings = settings or AppSettings()
        self._current_document = current_document
        self._selected_documents = list(dict.fromkeys(selected_documents))
        self._query = (current_query or "").strip()
        self._selected_annotations = list(dict.fromkeys(selected_annotations))
        self._ids: dict[str, list[int]] = {}
        self._serials = Serials()
        self._jobs: dict[int, Any] = {}
        self._writer: GeneratorWorker | None = None
        self.last_path: Path | None = None
        self.folder = Path(str(self.settings.value("export/folder", "") or Path.home()))
        self._name_is_users = False  # until the user names the file, the name follows the title
        self._write_notes: list[str] = []
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._preview_timer = self._timer(self._start_preview)
        self._tag_timer = self._timer(self._count_tag)
        self._build(self._tag_names(tags), current_tag)
        export_choices.restore(self.settings, self.format_combo, self.option_checks)
        self._name_for_title()
        self.scopes.set_scope(scope if scope and self.scopes.is_applicable(scope) else self._default_scope())
        self._connect()
        self._count_all()
        fit_to_screen(self, 1000, 680)  # room for the options beside a readable preview

    # ------------------------------------------------------------------ layout
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        tab_as_shown(self.buttons)

    def _timer(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(DEBOUNCE_MS)
        timer.timeout.connect(slot)
        return timer

    def _build(self, tag_names: list[str], current_tag: str | None) -> None:
        reasons = scope_reasons(self._current_document is not None, bool(self._selected_documents), bool(self._query),
                                bool(self._selected_annotations))
        self.scopes = ScopeChooser(self._scope_labels(), reasons, tag_names, current_tag)
        self.format_combo = QComboBox()
        for fmt in FORMATS:
            self.format_combo.addItem(format_label(fmt), fmt)
        self.option_checks = {name: QCheckBox(QCoreApplication.translate("ExportDialog", label))
                              for name, label in OPTIONS}  # fmt: skip
        for check in self.option_checks.values():
            check.setChecked(True)
        self.title_edit = QLineEdit(default_title())
        self.title_edit.setPlaceholderText(default_title())
        self.file_edit = QLineEdit()
        self.file_note = plain_text.plain(QLabel())
        self.file_note.setWordWrap(True)
        self.file_note.hide()

        form_box = QGroupBox(self.tr("Output"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Title:"), self.title_edit)
        include = options_grid(list(self.option_checks.values()))
        form.addRow(self.tr("Include:"), include)
        form.addRow(self.tr("File name:"), self.file_edit)
        form.addRow("", self.file_note)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.scopes)
        left_layout.addWidget(form_box)
        left_layout.addStretch(1)

        self.preview_note = plain_text.plain(QLabel())
        self.preview_note.setWordWrap(True)
        self.rich_preview = PreviewBrowser()
        self.text_preview = QPlainTextEdit()
        self.text_preview.setReadOnly(True)
        self.text_preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.rich_preview)
        self.preview_stack.addWidget(self.text_preview)
        preview_box = QGroupBox(self.tr("Preview"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview_note)
        preview_layout.addWidget(self.preview_stack, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([380, 620])

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.status_label = plain_text.plain(QLabel())
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open file"))
        self.folder_button = QPushButton(self.tr("Show in folder"))
        for button in (self.open_button, self.folder_button):
            button.hide()
        status = QHBoxLayout()
        status.addWidget(self.progress)
        status.addWidget(self.status_label, 1)
        status.addWidget(self.open_button)
        status.addWidget(self.folder_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(status)
        layout.addWidget(self.buttons)
        self.export_button.setDefault(True)  # once in the dialog, or Enter goes to whichever button had focus last

    def _connect(self) -> None:
        self.scopes.scopeChanged.connect(self._scope_changed)
        self.scopes.tagEdited.connect(self._tag_edited)
        self.format_combo.currentIndexChanged.connect(self._format_chosen)
        for check in self.option_checks.values():
            check.toggled.connect(self._choices_changed)
        self.title_edit.textChanged.connect(self._choices_changed)
        self.title_edit.textChanged.connect(self._name_for_title)
        self.file_edit.textEdited.connect(self._name_typed)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.choose_file_and_export)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.show_in_folder)

    # ------------------------------------------------------------------ scopes
    def _tag_names(self, given: Sequence[str] | None) -> list[str]:
        if given is not None:
            return list(given)
        return [t.name for t in tags.list_tags(self.archive)]

    def _title_of(self, document_id: int) -> str:
        rows = library.list_documents(self.archive, flt=library.DocumentFilter(ids=frozenset({document_id})))
        return rows[0].title if rows else self.tr("document {id}").format(id=document_id)

    def _scope_labels(self) -> dict[str, str]:
        current = (self.tr("Current document: {title}").format(title=elide(self._title_of(self._current_document)))
                   if self._current_document is not None else self.tr("Current document"))  # fmt: skip
        locale = QLocale()
        docs = len(self._selected_documents)
        notes = len(self._selected_annotations)
        return {
            CURRENT: current,
            DOCUMENTS: (self.tr("Selected documents ({count})").format(count=locale.toString(docs)) if docs
                        else self.tr("Selected documents")),
            TAG: self.tr("Tag:"),
            QUERY: (self.tr("Search results for “{query}”").format(query=elide(self._query, 40)) if self._query
                    else self.tr("Search results")),
            ANNOTATIONS: (self.tr("Selected annotations ({count})").format(count=locale.toString(notes)) if notes
                          else self.tr("Selected annotations")),
            ALL: self.tr("All annotations"),
        }

    def _default_scope(self) -> str:
        """The library's selection, else the open document, else everything; never a choice made in another panel."""
        return next((s for s in (DOCUMENTS, CURRENT) if self.scopes.is_applicable(s)), ALL)

    def selection(self, scope: str) -> Selection:
        """What `app.export.excerpts` selects for a scope."""
        return {
            CURRENT: lambda: Selection(document_ids=[self._current_document or 0]),  # 0: no document, no rows
            DOCUMENTS: lambda: Selection(document_ids=self._selected_documents),
            TAG: lambda: Selection(tag=self.scopes.tag()),
            QUERY: lambda: Selection(query=self._query),
            ANNOTATIONS: lambda: Selection(annotation_ids=self._selected_annotations),
            ALL: lambda: Selection(),
        }[scope]()

    def description(self, scope: str) -> str:
        """How the excerpts were chosen, written into the export (in the app's language, as the title is)."""
        if scope == CURRENT and self._current_document is not None:
            return self.tr("Annotations of “{title}”").format(title=self._title_of(self._current_document))
        if scope == DOCUMENTS:
            return self.tr("Annotations of %Ln selected document(s)", "", len(self._selected_documents))
        if scope == TAG:
            return self.tr("Tag: {tag}").format(tag=self.scopes.tag())
        if scope == QUERY:
            return self.tr("Search: {query}").format(query=self._query)
        if scope == ANNOTATIONS:
            return self.tr("%Ln selected annotation(s)", "", len(self._selected_annotations))
        return self.tr("All annotations")

    def _count_all(self) -> None:
        wanted = {s: self.selection(s) for s in SCOPES if s != TAG and self.scopes.is_applicable(s)}
        for scope in wanted:
            self.scopes.set_counting(scope)
        self._run("counts", lambda: count_scopes(self.archive, wanted), self._counted, self._count_failed)
        self._count_tag()

    def _count_tag(self) -> None:
        self._ids.pop(TAG, None)
        if not self.scopes.tag():
            self._serials.new("tag")  # drops a count still under way
            self.scopes.counts[TAG].setText(NOT_APPLICABLE)
            self._ids[TAG] = []
            self._after_count(TAG)
            return
        self.scopes.set_counting(TAG)
        selection = {TAG: self.selection(TAG)}
        self._run("tag", lambda: count_scopes(self.archive, selection), self._counted,
                  lambda message: self._tag_count_failed(message))  # fmt: skip

    def _counted(self, result: dict[str, list[int]]) -> None:
        for scope, ids in result.items():
            self._ids[scope] = ids
            self.scopes.set_count(scope, len(ids))
            self._after_count(scope)

    def _after_count(self, scope: str) -> None:
        if scope == self.scopes.scope():
            self._update_export_button()
            self._preview_timer.start(0)

    def _count_failed(self, message: str) -> None:
        for scope in SCOPES:
            if scope != TAG and self.scopes.is_applicable(scope):
                self.scopes.set_count_error(scope, message)
        self.show_error(message)

    def _tag_count_failed(self, message: str) -> None:
        self.scopes.set_count_error(TAG, message)
        self._ids[TAG] = []
        if self.scopes.scope() == TAG:
            self._update_export_button()
            self._show_preview_message(message)

    def _tag_edited(self, _text: str) -> None:
        self._ids.pop(TAG, None)
        self._update_export_button()
        self._tag_timer.start()

    def _scope_changed(self, _scope: str) -> None:
        self._update_export_button()
        self._choices_changed()

    # ----------------------------------------------------------------- preview
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def options(self) -> ExportOptions:
        return ExportOptions(**{name: check.isChecked() for name, check in self.option_checks.items()})

    def title(self) -> str:
        return self.title_edit.text().strip() or default_title()

    def scope_ids(self) -> list[int] | None:
        """The ids the current scope exports, or None while they are being counted."""
        return self._ids.get(self.scopes.scope())

    def _choices_changed(self, *_args: object) -> None:
        self._preview_timer.start()

    def _start_preview(self) -> None:
        ids = self.scope_ids()
        if ids is None:
            self.preview_note.setText(self.tr("Counting…"))
            return
        if not ids:
            self._serials.new("preview")
            self._show_preview_message(self.tr("Nothing to export: this choice holds no annotations."))
            return
        archive, fmt, options, title = self.archive, self.fmt(), self.options(), self.title()
        description = self.description(self.scopes.scope())
        self.preview_note.setText(self.tr("Updating the preview…"))
        self._run("preview", lambda: make_preview(archive, ids, fmt, options, title, description),
                  self._show_preview, self._show_preview_message)  # fmt: skip

    def _show_preview(self, result: PreviewText) -> None:
        fmt = self.fmt()
        if fmt in RICH_FORMATS:
            self.rich_preview.setHtml(result.text)
            self.preview_stack.setCurrentWidget(self.rich_preview)
        else:
            wrap = QPlainTextEdit.LineWrapMode.NoWrap if fmt == "csv" else QPlainTextEdit.LineWrapMode.WidgetWidth
            self.text_preview.setLineWrapMode(wrap)
            self.text_preview.setPlainText(result.text)
            self.preview_stack.setCurrentWidget(self.text_preview)
        notes = []
        if result.shown < result.total:
            notes.append(self.tr("The preview shows the first {shown} of %Ln excerpts; the file holds them all.", "",
                                 result.total).format(shown=QLocale().toString(result.shown)))
        if fmt == "pdf":
            notes.append(self.tr("PDF is previewed as HTML; the file is laid out on A4 pages."))
        self.preview_note.setText(" ".join(notes))
        self.preview_note.setVisible(bool(notes))

    def _show_preview_message(self, message: str) -> None:
        self.preview_note.setText(message)
        self.preview_note.setVisible(True)
        self.rich_preview.clear()
        self.text_preview.clear()

    def preview_text(self) -> str:
        """The preview as plain text (what a reader of the dialog sees)."""
        if self.preview_stack.currentWidget() is self.rich_preview:
            return self.rich_preview.toPlainText()
        return self.text_preview.toPlainText()

    # -------------------------------------------------------------- file name
    def file_name(self) -> str:
        """The name as typed (or following the title); `target()` is the file it becomes."""
        return self.file_edit.text().strip() or self._title_name()

    def target(self) -> Path:
        """The file an export now would write: the folder, the name, and the format's extension if missing."""
        return target_path(self.folder / Path(self.file_name()).expanduser(), self.fmt())

    def _title_name(self) -> str:
        return file_stem(self.title()) + SUFFIXES[self.fmt()]

    def _name_for_title(self, *_args: object) -> None:
        if not self._name_is_users:
            self.file_edit.setText(self._title_name())
        self._show_target()

    def _format_chosen(self, *_args: object) -> None:
        name = self.file_edit.text()
        renamed = with_format(name, self.fmt())
        if renamed != name:
            self.file_edit.setText(renamed)
        self._show_target()
        self._choices_changed()

    def _name_typed(self, text: str) -> None:
        self._name_is_users = bool(text.strip())
        self._follow_name(text)
        self._show_target()

    def _follow_name(self, name: str | Path) -> str:
        """Choose the format a name's extension stands for; returns a note for the user, or ""."""
        named = format_of(name)
        if named is None or named == self.fmt():
            return ""
        self.format_combo.setCurrentIndex(self.format_combo.findData(named))
        return self.tr("Format set to {format} to match “{name}”.").format(format=format_label(named),
                                                                          name=Path(name).name)

    def _show_target(self) -> None:
        note = target_note(self.file_name(), self.fmt())
        self.file_note.setText(note)
        self.file_note.setVisible(bool(note))
        self.file_edit.setPlaceholderText(self._title_name())
        self.file_edit.setToolTip(plain_text.tooltip(str(self.target())))

    # ------------------------------------------------------------------ export
    def _update_export_button(self) -> None:
        ids = self.scope_ids()
        self.export_button.setEnabled(bool(ids) and self._writer is None)

    def choose_file_and_export(self) -> None:
        ids = self.scope_ids()
        if not ids or self._writer is not None:
            return
        filters = {file_filter(fmt): fmt for fmt in FORMATS}
        name, chosen_filter = QFileDialog.getSaveFileName(
            self, self.tr("Export excerpts"), str(self.target()), ";;".join([*filters, all_files_filter()]),
            file_filter(self.fmt()), QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return
        chosen = Path(name)
        if format_of(chosen) is None and chosen_filter in filters:  # no export extension: the filter decides
            self.format_combo.setCurrentIndex(self.format_combo.findData(filters[chosen_filter]))
        note = self._follow_name(chosen)
        self.folder = chosen.parent
        self.file_edit.setText(chosen.name)
        self._name_is_users = chosen.name != self._title_name()
        self._show_target()
        path = self.target()
        self._write_notes = [n for n in (note, added_note(chosen.name, self.fmt())) if n]
        force = False
        if path.exists():
            if not plain_text.ask(self, self.tr("Replace the file?"),
                                  self.tr("“{name}” already exists in {folder}.\n\nReplace it?").format(
                                      name=path.name, folder=path.parent)):
                self.show_status(self.tr("Not exported: “{name}” was left as it was.").format(name=path.name))
                self._write_notes = []
                return
            force = True
        self.export_to(path, force=force)

    def export_to(self, path: Path, *, force: bool = False) -> None:
        """Write the current choice on a worker; the format follows `path`'s extension (see `target_path`)."""
        ids = self.scope_ids()
        if not ids or self._writer is not None:
            return
        self._follow_name(path)
        path = target_path(path, self.fmt())
        archive, fmt, options, title = self.archive, self.fmt(), self.options(), self.title()
        description = self.description(self.scopes.scope())
        worker = GeneratorWorker(lambda: write_steps(archive, ids, fmt, options, title, description, path,
                                                     force=force))  # fmt: skip
        worker.signals.progress.connect(self.show_status)
        worker.signals.finished.connect(self._written)
        worker.signals.failed.connect(self._write_failed)
        self._writer = worker
        self.progress.show()
        self.open_button.hide()
        self.folder_button.hide()
        self.show_status(self.tr("Exporting…"))
        self._set_busy(True)
        start(worker, self.pool)

    def _written(self, outcome: ExportOutcome) -> None:
        self._end_write()
        notes, self._write_notes = self._write_notes, []
        if outcome.path is None:
            self.show_error(outcome.error)
            return
        self.last_path = outcome.path
        export_choices.remember(self.settings, outcome.path, self.fmt(), self.option_checks)
        exported = self.tr("Exported %Ln excerpt(s) to {path}", "", outcome.count).format(path=outcome.path)
        self.show_status("\n".join([exported, *notes, *outcome.warnings]))
        self.open_button.show()
        self.folder_button.show()

    def _write_failed(self, message: str) -> None:
        self._end_write()
        self._write_notes = []
        self.show_error(self.tr("The export failed: {error}").format(error=message))

    def _end_write(self) -> None:
        self._writer = None
        self.progress.hide()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.scopes, self.format_combo, self.title_edit, self.file_edit, *self.option_checks.values()):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not busy)
        self._update_export_button()

    def is_writing(self) -> bool:
        return self._writer is not None

    def open_file(self) -> None:
        if self.last_path is not None:
            open_external(self, QUrl.fromLocalFile(str(self.last_path)))

    def show_in_folder(self) -> None:
        if self.last_path is not None:
            open_external(self, QUrl.fromLocalFile(str(self.last_path.parent)))

    def show_status(self, text: str) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText(text)

    def show_error(self, message: str) -> None:
        self.status_label.setStyleSheet("color: #b00020;")
        self.status_label.setText(message)

    # ---------------------------------------------------------------- threads
    def _run(self, kind: str, function: Callable[[], Any], done: Callable[[Any], None],
             failed: Callable[[str], None]) -> None:  # fmt: skip
        serial = self._serials.new(kind)
        job = BackgroundCall(serial, function, self._serials.checker(kind))
        is_current = self._serials.checker(kind)

        def on_done(s: int, result: object) -> None:
            self._jobs.pop(s, None)
            if is_current(s):
                done(result)

        def on_failed(s: int, message: str) -> None:
            self._jobs.pop(s, None)
            if is_current(s):
                failed(message)

        job.signals.done.connect(on_done)
        job.signals.failed.connect(on_failed)
        self._jobs[serial] = job
        self.pool.start(job)

    def done(self, result: int) -> None:
        """Closing waits for a write under way (it is atomic, and short); pending previews are dropped."""
        if self._writer is not None:
            self.show_status(self.tr("Wait for the export to finish…"))
            return
        self._serials.latest.clear()
        self.pool.clear()
        self.pool.waitForDone()
        super().done(result)
