"""The main window's actions, menus and toolbar, with standard shortcuts.

Every command is a QAction (so it is reachable from the menu bar by keyboard)
with a `QKeySequence` standard key where Qt has one. The handlers that need
dialogs (files, archives, metadata) live here too, so MainWindow stays about
layout and routing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolBar

from app import __version__
from app.archive.folder import Archive
from app.errors import DossierError, NoArchiveError
from app.readers import SUPPORTED_SUFFIXES
from ui import plain_text, translation
from ui.search_help import SearchHelpDialog
from ui.theme import THEMES

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Key = QKeySequence.StandardKey
_FALLBACKS = {Key.Quit: QKeySequence("Ctrl+Q"), Key.HelpContents: QKeySequence("F1"),
              Key.Back: QKeySequence("Alt+Left"), Key.Forward: QKeySequence("Alt+Right"),
              Key.Open: QKeySequence("Ctrl+O"), Key.New: QKeySequence("Ctrl+N")}


class MainActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self.update_recent()
        self.update_history(False, False)

    def _action(self, text: str, slot: object, shortcut: QKeySequence | Key | str | None = None,
                tip: str = "") -> QAction:  # fmt: skip
        action = QAction(text, self.w)
        if shortcut is not None:
            sequence = QKeySequence(shortcut)
            if sequence.isEmpty() and isinstance(shortcut, Key):  # the platform has none: the common one
                sequence = QKeySequence(_FALLBACKS.get(shortcut, QKeySequence()))
            action.setShortcut(sequence)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                              if shortcut is not None else tip)  # fmt: skip
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.w.addAction(action)
        return action

    def _make_actions(self) -> None:
        w = self.w
        self.new_archive = self._action(self.tr("&New Archive…"), self.new_archive_dialog, Key.New,
                                        self.tr("Create an empty archive in a new folder"))
        self.open_archive = self._action(self.tr("&Open Archive…"), self.open_archive_dialog, Key.Open,
                                         self.tr("Open another archive folder"))
        self.import_files_action = self._action(self.tr("&Import Files…"), self.import_files, QKeySequence("Ctrl+I"),
                                                self.tr("Import reports (.txt .md .html .pdf .docx .odt .epub)"))
        self.import_folder_action = self._action(self.tr("Import &Folder…"), self.import_folder,
                                                 QKeySequence("Ctrl+Shift+I"),
                                                 self.tr("Import every report in a folder and its subfolders"))
        self.quit = self._action(self.tr("&Quit"), w.close, Key.Quit)
        self.find = w.reader_pane.find_action
        self.find.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find.triggered.connect(self.go_reader_keep_focus)
        self.undo = w.undo_stack.createUndoAction(w, self.tr("&Undo"))
        self.undo.setShortcut(QKeySequence(Key.Undo))
        self.redo = w.undo_stack.createRedoAction(w, self.tr("&Redo"))
        self.redo.setShortcuts(_without_repeats([*QKeySequence.keyBindings(Key.Redo), QKeySequence("Ctrl+Shift+Z")]))
        for action in (self.undo, self.redo):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            w.addAction(action)
        self.tag_documents = self._action(self.tr("&Tag Documents…"), self.tag_documents_dialog, QKeySequence("Ctrl+T"),
                                          self.tr("Add or remove tags on the selected documents"))
        self.tag_manager = self._action(self.tr("Tag &Manager…"), self.tag_manager_dialog,
                                        QKeySequence("Ctrl+Shift+T"), self.tr("Rename, merge, colour and delete tags"))
        self.export = self._action(self.tr("&Export Excerpts…"), self.export_dialog, QKeySequence("Ctrl+Shift+E"),
                                   self.tr("Export annotated excerpts with their citations"))
        self.remove_documents = self._action(self.tr("&Remove Documents…"), self.remove_selected_documents, Key.Delete,
                                             self.tr("Remove the selected documents from the archive (undoable)"))
        self.remove_documents.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.w.removeAction(self.remove_documents)
        self.w.table.addAction(self.remove_documents)  # Delete removes documents only where they are listed
        self.edit_metadata = self._action(
            self.tr("Edit &Metadata…"), self.edit_metadata_dialog, QKeySequence("Ctrl+E"),
            self.tr("Edit the title, date, publisher and kind of the selected document"))
        self.focus_search = self._action(self.tr("&Search the Archive"), self.focus_search_field,
                                         QKeySequence("Ctrl+L"), self.tr("Jump to the search field"))
        self.show_library = self._action(self.tr("&Library"), self.go_library, QKeySequence("Ctrl+1"),
                                         self.tr("Show the library table"))
        self.show_reader = self._action(self.tr("&Reader"), self.go_reader, QKeySequence("Ctrl+2"),
                                        self.tr("Show the open document"))
        self.show_annotations = self._action(self.tr("&Annotations"), self.go_annotations, QKeySequence("Ctrl+3"),
                                             self.tr("All annotations of the archive, to filter and export"))
        self.back = self._action(self.tr("&Back"), w.reader.go_back, Key.Back, self.tr("Previous document"))
        self.forward = self._action(self.tr("&Forward"), w.reader.go_forward, Key.Forward, self.tr("Next document"))
        self.open_selected = self._action(self.tr("&Open Selected Document"), self.open_current, None)
        self.query_help = self._action(self.tr("&Query Syntax"), self.show_query_help, Key.HelpContents,
                                       self.tr("How to write searches"))
        self.about = self._action(self.tr("&About Dossier"), self.show_about)
        self.show_timeline = self._action(self.tr("Show &Timeline"), self.toggle_timeline, None,
                                          self.tr("Documents per year or month above the library table"))
        self.show_timeline.setCheckable(True)
        self.show_timeline.setChecked(w.settings.value("view/timeline", "true") in (True, "true"))
        w.timeline.setVisible(self.show_timeline.isChecked())

    def _make_menus(self) -> None:
        w = self.w
        bar = w.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_archive, self.open_archive])
        self.recent_menu = QMenu(self.tr("Open &Recent"), w)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.import_files_action, self.import_folder_action])
        file_menu.addAction(self.export)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions(w.annotating.actions())
        edit_menu.addSeparator()
        edit_menu.addActions([self.find, self.edit_metadata, self.remove_documents])
        edit_menu.addSeparator()
        edit_menu.addActions([self.tag_documents, self.tag_manager])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.focus_search, self.show_library, self.show_reader, self.show_annotations])
        view_menu.addSeparator()
        for dock in (w.search_dock, w.browse_dock, w.footnotes_dock, w.notes_dock, w.map_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addAction(self.show_timeline)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        self.theme_group = QActionGroup(w)
        self.theme_actions: dict[str, QAction] = {}
        for name, label in THEMES.items():
            action = QAction(QCoreApplication.translate("Theme", label), w, checkable=True)
            action.setChecked(name == w.settings.theme())
            action.triggered.connect(lambda _on=False, n=name: w.change_theme(n))
            self.theme_group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[name] = action
        language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_group = QActionGroup(w)
        self.language_actions: dict[str, QAction] = {}
        choices = {translation.SYSTEM: self.tr("System Default"), **translation.LANGUAGES}
        for code, label in choices.items():
            action = QAction(label, w, checkable=True)
            action.setChecked(code == w.settings.language())
            action.triggered.connect(lambda _on=False, c=code: self.change_language(c))
            self.language_group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action
        go_menu = bar.addMenu(self.tr("&Go"))
        go_menu.addActions([self.back, self.forward, self.open_selected])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.query_help, self.about])

    def _make_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self.w)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([self.back, self.forward])
        bar.addSeparator()
        bar.addActions([self.import_files_action, self.import_folder_action])
        bar.addSeparator()
        bar.addActions([self.focus_search, self.find])
        bar.addSeparator()
        bar.addActions([self.w.annotating.highlight_action, self.w.annotating.annotate_action])
        bar.addSeparator()
        bar.addActions([self.edit_metadata, self.tag_documents, self.export])
        for action, label in self._toolbar_labels():
            action.setIconText(label)
        self.w.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _toolbar_labels(self) -> list[tuple[QAction, str]]:
        """Buttons whose menu text is long in some languages get a shorter label of their own, so that
        the whole toolbar shows at 1280 pixels (the menus and tooltips keep the full wording)."""
        return [
            (self.focus_search, self.tr("Search the Archive", "toolbar button")),
            (self.find, self.tr("Find in Document", "toolbar button")),
            (self.edit_metadata, self.tr("Edit Metadata", "toolbar button")),
            (self.tag_documents, self.tr("Tag Documents", "toolbar button")),
            (self.export, self.tr("Export Excerpts", "toolbar button")),
        ]

    # ------------------------------------------------------------------ state

    def update_for_library(self, documents: int) -> None:
        """What acts on documents is off in an empty archive (there is nothing to edit, tag or export)."""
        for action in (self.edit_metadata, self.tag_documents, self.export, self.remove_documents):
            action.setEnabled(documents > 0)

    def update_history(self, can_back: bool, can_forward: bool) -> None:
        self.back.setEnabled(can_back)
        self.forward.setEnabled(can_forward)

    def update_recent(self) -> None:
        self.recent_menu.clear()
        current = self.w.archive.folder
        recent = [p for p in self.w.settings.recent_archives() if p != current]
        for folder in recent:
            action = self.recent_menu.addAction(f"{folder.name}  —  {folder}")
            action.triggered.connect(lambda _=False, f=folder: self.open_archive_at(f))
        self.recent_menu.setEnabled(bool(recent))

    # ------------------------------------------------------------------ handlers

    def _file_filter(self) -> str:
        patterns = " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES))
        return self.tr("Reports ({patterns})").format(patterns=patterns) + ";;" + self.tr("All files (*)")

    def import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.w, self.tr("Import Files"), str(Path.home()), self._file_filter())
        self.w.start_import([Path(f) for f in files])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.w, self.tr("Import Folder"), str(Path.home()))
        if folder:
            self.w.start_import([Path(folder)])

    def new_archive_dialog(self) -> None:
        """Name the new archive's folder (a save dialog: a folder dialog only accepts folders that exist)."""
        folder, _filter = QFileDialog.getSaveFileName(
            self.w, self.tr("New Archive — name a new folder for it"),
            str(Path.home() / self.tr("Dossier archive")), "",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if folder:
            self.open_archive_at(Path(folder), create=True)

    def open_archive_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.w, self.tr("Open Archive"), str(self.w.archive.folder.parent))
        if folder:
            self.open_archive_at(Path(folder))

    def open_archive_at(self, folder: Path, *, create: bool = False) -> bool:
        if folder.resolve() == self.w.archive.folder.resolve():
            return True
        title = self.tr("New Archive") if create else self.tr("Open Archive")
        try:
            archive = Archive.open(folder, create=create)
        except NoArchiveError as e:
            plain_text.warn(self.w, title, self._no_archive_text(folder, create=create, has_files=e.has_files))
            if not create:
                self.w.settings.forget_archive(folder)
                self.update_recent()
            return False
        except DossierError as e:
            plain_text.warn(self.w, title, str(e))
            if not create:
                self.w.settings.forget_archive(folder)
                self.update_recent()
            return False
        self.w.switch_archive(archive)
        return True

    def _no_archive_text(self, folder: Path, *, create: bool, has_files: bool) -> str:
        """What to do instead, in the user's language: Open found no archive, or New found a folder in use."""
        if create:
            return self.tr("{folder} already holds other files. A new archive needs a new or empty folder: "
                           "name another one.").format(folder=folder)
        if has_files:
            return self.tr("{folder} is not a Dossier archive: it holds other files.\n\nTo add its documents to "
                           "this archive, use File › Import Folder. To start a new archive, use File › New Archive "
                           "and name a new or empty folder.").format(folder=folder)
        return self.tr("{folder} holds no archive yet.\n\nTo start a new archive there, use File › New Archive."
                       ).format(folder=folder)

    def remove_selected_documents(self) -> None:
        """Ask first (naming the annotations that go too), then remove as one undoable step."""
        from app.library.removal import annotation_count
        from ui.removal_command import RemoveDocumentsCommand

        ids = self.w.selected_document_ids()
        if not ids:
            plain_text.inform(self.w, self.tr("Remove Documents"),
                              self.tr("Select the documents to remove in the library first."))
            return
        notes = annotation_count(self.w.archive, ids)
        parts = [self.tr("Remove %Ln document(s) from the archive?", "", len(ids))]
        if notes:
            parts.append(self.tr("%Ln annotation(s) will be removed with it.", "", notes) if len(ids) == 1
                         else self.tr("%Ln annotation(s) will be removed with them.", "", notes))  # fmt: skip
        parts.append(self.tr("The files on disk are not touched, and Edit › Undo puts everything back."))
        title = self.tr("Remove Documents")
        if plain_text.ask(self.w, title, "\n\n".join(parts), plain_text.Button.No):
            self.w.undo_stack.push(RemoveDocumentsCommand(
                self.w.archive, ids, self.w.documents_removed, lambda message: plain_text.warn(self.w, title, message),
                self.tr("Remove %Ln document(s)", "", len(ids))))

    def edit_metadata_dialog(self) -> None:
        from ui.metadata_dialog import MetadataDialog

        doc_id = self.w.selected_document_id()
        if doc_id is None:
            self.w.statusBar().showMessage(self.tr("Select a document to edit its metadata."), 5000)
            return
        dialog = MetadataDialog(self.w.archive, doc_id, self.w)
        dialog.saved.connect(self._metadata_saved)
        dialog.open()
        self.metadata_dialog = dialog

    def _metadata_saved(self, doc_id: int) -> None:
        self.w.refresh()
        self.w.search_panel.refresh()
        if self.w.reader.document_id == doc_id:
            self.w.reader.reload()
        self.w.statusBar().showMessage(self.tr("Metadata saved."), 5000)

    def change_language(self, code: str) -> None:
        """View › Language: remembered, and used from the next start (the open windows keep theirs)."""
        if code == self.w.settings.language():
            return
        self.w.settings.set_language(code)
        name = self.language_actions[code].text()
        plain_text.inform(self.w, self.tr("Language"),
                               self.tr("Dossier will use {language} the next time it starts.").format(language=name))

    def toggle_timeline(self, shown: bool) -> None:
        self.w.timeline.setVisible(shown)
        self.w.settings.set_value("view/timeline", shown)

    def go_library(self) -> None:
        self.w.tabs.setCurrentIndex(0)
        self.w.table.setFocus()

    def go_annotations(self) -> None:
        self.w.tabs.setCurrentIndex(2)
        self.w.annotations_view.focus_filter()

    def go_reader_keep_focus(self) -> None:
        """Find in Document from anywhere: show the reader (the pane's action opens its find bar)."""
        self.w.tabs.setCurrentIndex(1)

    def go_reader(self) -> None:
        self.w.tabs.setCurrentIndex(1)
        self.w.reader_pane.view.setFocus()

    def tag_documents_dialog(self) -> None:
        from ui.tags.documents_dialog import TagDocumentsDialog

        ids = self.w.selected_document_ids()
        if not ids and self.w.reader.document_id is not None and self.w.tabs.currentIndex() == 1:
            ids = [self.w.reader.document_id]
        if not ids:
            self.w.statusBar().showMessage(self.tr("Select documents in the library to tag them."), 5000)
            return
        dialog = TagDocumentsDialog(self.w.archive, ids, stack=self.w.undo_stack, refresh=self.w.refresh_tags,
                                    colors=self.w.tag_colors, parent=self.w)
        dialog.tagsChanged.connect(self.w.refresh_tags)
        dialog.open()
        self.tags_dialog = dialog

    def tag_manager_dialog(self) -> None:
        from ui.tags.manager_dialog import TagManagerDialog

        dialog = TagManagerDialog(self.w.archive, stack=self.w.undo_stack, refresh=self.w.refresh_tags,
                                  colors=self.w.tag_colors, parent=self.w)
        dialog.tagsChanged.connect(self.w.refresh_tags)
        dialog.open()
        self.manager_dialog = dialog

    def export_dialog(self) -> None:
        self.w.open_export_dialog()

    def focus_search_field(self) -> None:
        self.w.search_dock.show()
        self.w.search_dock.raise_()
        self.w.search_panel.focus_search()

    def open_current(self) -> None:
        index = self.w.table.currentIndex()
        if index.isValid():
            self.w._open_index(index)

    def show_query_help(self) -> None:
        dialog = SearchHelpDialog(self.w)
        dialog.open()
        self.help_dialog = dialog

    def show_about(self) -> None:
        summary = self.tr("An archive browser for reports: import, search, read with footnotes, "
                          "annotate and export excerpts with their citations.")
        folder = self.tr("Archive: {folder}").format(folder=plain_text.escaped(self.w.archive.folder))
        QMessageBox.about(self.w, self.tr("About Dossier"),
                          f"<h3>Dossier {plain_text.escaped(__version__)}</h3><p>{summary}</p><p>{folder}</p>")


def _without_repeats(sequences: list[QKeySequence]) -> list[QKeySequence]:
    """Each sequence once: the platform's Redo keys may already hold Ctrl+Shift+Z, and a sequence set
    twice on one action is ambiguous to Qt, which then does nothing."""
    seen: dict[str, QKeySequence] = {}
    for sequence in sequences:
        if not sequence.isEmpty():
            seen.setdefault(sequence.toString(QKeySequence.SequenceFormat.PortableText), sequence)
    return list(seen.values())
