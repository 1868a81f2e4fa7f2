"""Annotating in the reader: actions, the editor popover, the panel, and the reader's annotation layer.

The controller is the only part of ui/annotations that calls app/ services
(reads directly, changes through undo commands), so the editor and the
panel stay plain widgets. Every change, undo and redo included, comes back
through `annotation_changed`, which redraws the layer and the list.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QHelpEvent, QKeySequence, QTextCursor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QToolTip

from app.annotating import annotations
from app.annotating.annotations import AnnotationFilter, AnnotationInfo
from app.annotating.note_text import note_plain_text
from app.archive.folder import Archive
from app.errors import DossierError
from app.export.excerpt_model import COLOR_HEX
from app.library import tags
from ui.annotations.colors import color_label, color_name, last_color, remember_color
from ui.annotations.commands import (
    AnnotationValues,
    CreateAnnotationCommand,
    DeleteAnnotationCommand,
    EditAnnotationCommand,
    ReanchorAnnotationCommand,
)
from ui.annotations.editor import AnnotationEditor
from ui.annotations.note_view import annotation_tooltip
from ui.annotations.panel import AnnotationsPanel
from ui.plain_text import escaped
from ui.reader.controller import ReaderController
from ui.reader.highlights import Highlight
from ui.settings import AppSettings

ANNOTATION_LAYER = "annotations"
DRAFT_LAYER = "annotation-draft"  # the passage being edited, in the colour chosen so far
TOOLTIP_NOTE_CHARS = 300


def tooltip_for(info: AnnotationInfo) -> str:
    """A highlight's tooltip as plain text: the note read (shortened) and the tags, or how to edit it.

    The reader shows it escaped; the controller shows the rendered note instead (`tooltip_at`).
    """
    note = " ".join(note_plain_text(info.note).split())
    if len(note) > TOOLTIP_NOTE_CHARS:
        note = note[:TOOLTIP_NOTE_CHARS].rstrip() + "…"
    tag_text = " ".join(f"#{t}" for t in info.tags)
    parts = [p for p in (note, tag_text) if p]
    if parts:
        return " — ".join(parts)
    return QCoreApplication.translate("AnnotationController", "{colour} highlight (click to edit)").format(
        colour=color_label(info.color))


class AnnotationController(QObject):
    """Joins a ReaderController's view, an AnnotationEditor, an AnnotationsPanel and the window's undo stack."""

    message = Signal(str)  # one line for the status bar (errors and confirmations)
    annotationsChanged = Signal(int)  # a document's annotations changed (library counts, annotations view)

    def __init__(self, archive: Archive, reader: ReaderController, undo_stack: QUndoStack,
                 settings: AppSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.reader = reader
        self.view = reader.pane.view
        self.undo_stack = undo_stack
        self.settings = settings if settings is not None else AppSettings()
        self.editor = AnnotationEditor(self.view)
        self.panel = AnnotationsPanel()
        self._items: dict[int, AnnotationInfo] = {}
        self._editor_document: int | None = None
        self._failure: str | None = None
        self._swallow_release = False  # a press that asked to discard the editor's changes was eaten
        self._make_actions()
        self.panel.set_reanchor_action(self.reanchor_action)
        self.reader.documentOpened.connect(lambda _doc: self.refresh())
        self.view.documentChanged.connect(self._on_document_changed)
        self.view.selectionChanged.connect(self.update_actions)
        self.view.highlightClicked.connect(self._on_highlight_clicked)
        self.view.viewport().installEventFilter(self)
        self.editor.saveRequested.connect(self._save_editor)
        self.editor.deleteRequested.connect(self.delete_annotation)
        self.editor.closed.connect(self._on_editor_closed)
        self.editor.swatches.idClicked.connect(lambda _id: self._draw_draft())
        self.panel.annotationChosen.connect(self.show_annotation)
        self.panel.editRequested.connect(self.edit_annotation)
        self.panel.deleteRequested.connect(self.delete_annotation)
        self.panel.currentChanged.connect(lambda _info: self.update_actions())
        self.refresh()

    def _make_actions(self) -> None:
        def action(text: str, shortcut: str, tip: str) -> QAction:
            a = QAction(text, self)
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            a.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            a.setStatusTip(tip)
            return a

        self.highlight_action = action(self.tr("&Highlight"), "Ctrl+Shift+H",  # untranslated: a shortcut
                                       self.tr("Highlight the selected text in the last colour"))
        self.annotate_action = action(self.tr("&Annotate…"), "Ctrl+Shift+A",  # untranslated: a shortcut
                                      self.tr("Annotate the selected text: colour, note, tags"))
        self.reanchor_action = action(self.tr("Re-anchor &Here"), "",
                                      self.tr("Attach the annotation chosen in the Annotations panel to the selected "
                                              "text"))
        self.highlight_action.triggered.connect(self.quick_highlight)
        self.annotate_action.triggered.connect(self.annotate_selection)
        self.reanchor_action.triggered.connect(self.reanchor_here)
        for a in self.actions():
            self.view.add_context_action(a)
            self.view.addAction(a)  # shortcuts work even before the main window puts them in a menu

    def actions(self) -> list[QAction]:
        """Highlight, Annotate…, Re-anchor here: for the toolbar and the Edit menu."""
        return [self.highlight_action, self.annotate_action, self.reanchor_action]

    # --- state -----------------------------------------------------------------------------

    @property
    def document_id(self) -> int | None:
        return self.reader.document_id if self.view.plan is not None else None

    def set_archive(self, archive: Archive) -> None:
        """Another archive is open: commands on the stack belong to the old one, so the stack is cleared."""
        self.archive = archive
        self.editor.close_editor()
        self.undo_stack.clear()
        self.refresh()

    def refresh(self) -> None:
        """Reload the open document's annotations into the reader's layer and the panel."""
        doc = self.document_id
        items: list[AnnotationInfo] = []
        tag_colors: dict[str, str | None] = {}
        if doc is not None:
            try:
                items = annotations.list_annotations(self.archive, AnnotationFilter(document_ids=[doc]))
                if any(a.tags for a in items):
                    tag_colors = {t.name: t.color for t in tags.list_tags(self.archive)}
            except DossierError as e:
                self.message.emit(str(e))
        self._items = {a.id: a for a in items}
        self.view.set_highlights(
            [Highlight(a.start, a.end, COLOR_HEX.get(a.color, COLOR_HEX["yellow"]), a.id, tooltip_for(a))
             for a in items if not a.orphaned],
            ANNOTATION_LAYER,
        )
        self.panel.set_annotations(items, tag_colors, has_document=doc is not None)
        if self.editor.annotation_id is not None and self.editor.annotation_id not in self._items:
            self.editor.close_editor()  # deleted (or undone) while open
        self.update_actions()

    def annotations(self) -> list[AnnotationInfo]:
        """The open document's annotations as last loaded (anchored by position, then orphans)."""
        return self.panel.model.annotations()

    def update_actions(self) -> None:
        selection = self.view.selected_span() if self.document_id is not None else None
        free = not self.editor.is_open()
        self.highlight_action.setEnabled(selection is not None and free)
        self.annotate_action.setEnabled(selection is not None and free)
        chosen = self.panel.current_annotation()
        self.reanchor_action.setEnabled(selection is not None and chosen is not None and chosen.orphaned)

    def _on_document_changed(self) -> None:
        self.editor.close_editor()
        if self.view.plan is None:
            self.refresh()

    # --- actions ---------------------------------------------------------------------------

    def quick_highlight(self) -> bool:
        """Ctrl+Shift+H: the selection in the last colour, no note."""
        span, doc = self.view.selected_span(), self.document_id
        if span is None or doc is None:
            self.message.emit(self.tr("Select the text to highlight first"))
            return False
        color = last_color(self.settings)
        command = CreateAnnotationCommand(self.archive, self, doc, *span, AnnotationValues(color, "", ()),
                                          self.tr("Highlight in {colour}").format(colour=color_name(color)))
        if not self._push(command):
            return False
        self._clear_selection()
        self.message.emit(self.tr("Highlighted in {colour} (Ctrl+Z to undo)").format(colour=color_name(color)))
        return True

    def annotate_selection(self) -> bool:
        """Ctrl+Shift+A: open the editor for the selection; Save creates the annotation."""
        span, doc = self.view.selected_span(), self.document_id
        if span is None or doc is None or self.view.plan is None:
            self.message.emit(self.tr("Select the text to annotate first"))
            return False
        quote = self.view.plan.text[span[0] : span[1]]
        if not quote.strip():
            self.message.emit(self.tr("The selection holds only spaces: select words to annotate"))
            return False
        self._editor_document = doc
        self.editor.open_new(*span, quote, last_color(self.settings), self._tag_names())
        self._clear_selection()
        self._place_editor(*span)
        return True

    def edit_annotation(self, annotation_id: int) -> bool:
        """Open an annotation of the current document in the editor (highlight click, panel Edit).

        Changes typed in the editor are not thrown away: the same annotation stays as it is being
        edited, and another one opens only after "Discard changes?" is answered Discard.
        """
        info = self._items.get(annotation_id)
        if info is None:
            return False
        if self.editor.is_open() and self.editor.has_changes():
            if self.editor.annotation_id != annotation_id:
                self.editor.close_asking(lambda: self.edit_annotation(annotation_id))
            return self.editor.annotation_id == annotation_id
        self._editor_document = info.document_id
        self.editor.open_existing(info, self._tag_names())
        if info.orphaned:
            self.editor.move(self.view.width() - self.editor.width() - 24, 12)
        else:
            self.view.scroll_to_offset(info.start)
            self._place_editor(info.start, info.end)
        self.update_actions()
        return True

    def delete_annotation(self, annotation_id: int) -> bool:
        info = self._items.get(annotation_id)
        if not self._push(DeleteAnnotationCommand(self.archive, self, annotation_id)):
            return False
        quote = _short(info.quote) if info else str(annotation_id)
        self.message.emit(self.tr("Deleted “{quote}” (Ctrl+Z to undo)").format(quote=quote))
        return True

    def reanchor_here(self) -> bool:
        """Attach the annotation chosen in the panel (an orphan) to the text selected in the reader."""
        chosen, span = self.panel.current_annotation(), self.view.selected_span()
        if chosen is None or span is None:
            self.message.emit(self.tr("Choose an annotation in the panel and select the text to attach it to"))
            return False
        if not self._push(ReanchorAnnotationCommand(self.archive, self, chosen.id, *span)):
            return False
        self._clear_selection()
        self.panel.select_annotation(chosen.id)
        self.message.emit(self.tr("Annotation re-anchored (Ctrl+Z to undo)"))
        return True

    def show_annotation(self, info: AnnotationInfo) -> None:
        """Scroll the reader to an annotation and flash it (orphans have no place to show)."""
        if info.orphaned:
            self.message.emit(self.tr("This passage is no longer in the text: select where it belongs and "
                                      "Re-anchor here"))
            return
        self.view.flash(info.start, info.end)

    # --- command plumbing (CommandContext) -------------------------------------------------

    def annotation_changed(self, document_id: int, annotation_id: int | None) -> None:
        if document_id == self.document_id:
            self.refresh()
        self.annotationsChanged.emit(document_id)

    def command_failed(self, message: str) -> None:
        self._failure = message
        self.message.emit(message)

    def _push(self, command: QUndoCommand) -> bool:
        """Push (which performs) a command; False, with the message already shown, when it failed."""
        self._failure = None
        self.undo_stack.push(command)
        return self._failure is None

    # --- editor ----------------------------------------------------------------------------

    def _save_editor(self, values: AnnotationValues) -> None:
        editor = self.editor
        if editor.annotation_id is None:
            if editor.span is None or self._editor_document is None:
                return
            command: QUndoCommand = CreateAnnotationCommand(
                self.archive, self, self._editor_document, *editor.span, values, self.tr("Annotate"))
        elif values == editor.original:
            editor.close_editor()
            return
        else:
            assert editor.original is not None
            command = EditAnnotationCommand(self.archive, self, editor.annotation_id, editor.original, values)
        if not self._push(command):
            editor.show_error(self._failure or "")
            return
        remember_color(self.settings, values.color)
        editor.close_editor()

    def _on_editor_closed(self) -> None:
        self.view.clear_highlights(DRAFT_LAYER)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.update_actions()

    def _draw_draft(self) -> None:
        span = self.editor.span
        if span is None or not self.editor.is_open():
            self.view.clear_highlights(DRAFT_LAYER)
            return
        self.view.set_highlights([Highlight(*span, COLOR_HEX[self.editor.color()])], DRAFT_LAYER)

    def _place_editor(self, start: int, end: int) -> None:
        self._draw_draft()
        self.editor.place_near(self._span_rect(start, end))
        self.update_actions()

    def _span_rect(self, start: int, end: int) -> QRect:
        """The passage's bounding rectangle in the view's coordinates (first line to last line)."""
        pos = self.view.position_map
        first, last = QTextCursor(self.view.document()), QTextCursor(self.view.document())
        first.setPosition(pos.to_position(start))
        last.setPosition(pos.to_position(end, end=True))
        rect = self.view.cursorRect(first).united(self.view.cursorRect(last))
        return rect.translated(self.view.viewport().pos())

    def _on_highlight_clicked(self, key: object) -> None:
        if isinstance(key, int):
            self.edit_annotation(key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The reader's viewport: a press in the text closes the editor, as a click outside a popover
        does (asking first, and eating the click, when the note or tags were changed); hovering an
        annotation shows its note rendered."""
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and self.editor.is_open():
            if not self.editor.has_changes():
                self.editor.close_editor()
                return False
            self._swallow_release = True
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._swallow_release:
            self._swallow_release = False
            self.editor.close_asking()
            return True
        if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip is not None:
                QToolTip.showText(event.globalPos(), tip, self.view.viewport())
                return True
        return False

    def tooltip_at(self, point: QPoint) -> str | None:
        """Rich text for the annotation under `point` in the viewport: its note rendered and its tags.

        None where the reader's own tooltip applies (a footnote marker or link, plain text).
        """
        if self.view.anchorAt(point):
            return None
        offset = self.view.offset_at(point)
        if offset is None:
            return None
        for highlight in self.view.highlights_at(offset):
            info = self._items.get(highlight.key) if isinstance(highlight.key, int) else None
            if info is not None:
                return annotation_tooltip(info.note, info.tags) or f"<p>{escaped(tooltip_for(info))}</p>"
        return None

    # --- helpers ---------------------------------------------------------------------------

    def _tag_names(self) -> list[str]:
        try:
            return [t.name for t in tags.list_tags(self.archive)]
        except DossierError:
            return []

    def _clear_selection(self) -> None:
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
