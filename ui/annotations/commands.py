"""Undoable annotation changes: each command calls app/annotations and reports back to a context.

Pushing a command performs it (QUndoStack calls redo). A command that fails
(a DossierError from the service) reports the message and marks itself
obsolete, so the stack drops it instead of keeping a step that never happened.
Commands keep the archive they were made on: the stack must be cleared when
another archive is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.annotating import annotations
from app.annotating.annotations import AnnotationInfo
from app.archive.folder import Archive
from app.errors import DossierError


class CommandContext(Protocol):
    """Who hears about the results: the AnnotationController (or anything else that shows annotations)."""

    def annotation_changed(self, document_id: int, annotation_id: int | None) -> None: ...

    def command_failed(self, message: str) -> None: ...


@dataclass(frozen=True, slots=True)
class AnnotationValues:
    """The editable part of an annotation, as the editor hands it over."""

    color: str
    note: str
    tags: tuple[str, ...]

    @classmethod
    def of(cls, info: AnnotationInfo) -> AnnotationValues:
        return cls(info.color, info.note, tuple(info.tags))


class _ServiceCommand(QUndoCommand):
    """Runs a service call, turning a DossierError into a message and an obsolete (dropped) command."""

    def __init__(self, archive: Archive, context: CommandContext, text: str) -> None:
        super().__init__(text)
        self.archive = archive
        self.context = context

    def _run(self, call: Callable[[], AnnotationInfo]) -> AnnotationInfo | None:
        try:
            info = call()
        except DossierError as e:
            self.setObsolete(True)
            self.context.command_failed(str(e))
            return None
        self.context.annotation_changed(info.document_id, info.id)
        return info


class CreateAnnotationCommand(_ServiceCommand):
    """Create on first redo; undo deletes; a later redo restores the same id, so later edits still apply."""

    def __init__(self, archive: Archive, context: CommandContext, document_id: int, start: int, end: int,
                 values: AnnotationValues, text: str | None = None) -> None:
        super().__init__(archive, context, text if text is not None else QCoreApplication.translate(
            "AnnotationCommands", "Highlight"))
        self.document_id, self.start, self.end, self.values = document_id, start, end, values
        self.info: AnnotationInfo | None = None

    def redo(self) -> None:
        if self.info is None:
            v = self.values
            self.info = self._run(lambda: annotations.create(
                self.archive, self.document_id, self.start, self.end, note=v.note, color=v.color, tag_names=v.tags))
        else:
            info = self.info
            self._run(lambda: annotations.restore(self.archive, info))

    def undo(self) -> None:
        if self.info is not None:
            info = self.info
            self._run(lambda: annotations.delete(self.archive, info.id))


class EditAnnotationCommand(_ServiceCommand):
    """Colour, note and tags before → after."""

    def __init__(self, archive: Archive, context: CommandContext, annotation_id: int, before: AnnotationValues,
                 after: AnnotationValues, text: str | None = None) -> None:
        super().__init__(archive, context, text if text is not None else QCoreApplication.translate(
            "AnnotationCommands", "Edit Annotation"))
        self.annotation_id, self.before, self.after = annotation_id, before, after

    def _apply(self, v: AnnotationValues) -> None:
        self._run(lambda: annotations.edit(self.archive, self.annotation_id, note=v.note, color=v.color,
                                           tag_names=v.tags))

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class DeleteAnnotationCommand(_ServiceCommand):
    """Delete; undo restores it with the same id, tags, note and dates."""

    def __init__(self, archive: Archive, context: CommandContext, annotation_id: int,
                 text: str | None = None) -> None:
        super().__init__(archive, context, text if text is not None else QCoreApplication.translate(
            "AnnotationCommands", "Delete Annotation"))
        self.annotation_id = annotation_id
        self.info: AnnotationInfo | None = None

    def redo(self) -> None:
        deleted = self._run(lambda: annotations.delete(self.archive, self.annotation_id))
        if deleted is not None:
            self.info = deleted

    def undo(self) -> None:
        if self.info is not None:
            info = self.info
            self._run(lambda: annotations.restore(self.archive, info))


class ReanchorAnnotationCommand(_ServiceCommand):
    """Re-attach (typically an orphan) to a new span; undo puts back the old anchor and orphaned state."""

    def __init__(self, archive: Archive, context: CommandContext, annotation_id: int, start: int, end: int,
                 text: str | None = None) -> None:
        super().__init__(archive, context, text if text is not None else QCoreApplication.translate(
            "AnnotationCommands", "Re-anchor Annotation"))
        self.annotation_id, self.start, self.end = annotation_id, start, end
        self.before: AnnotationInfo | None = None

    def redo(self) -> None:
        if self.before is None:
            try:
                self.before = annotations.get(self.archive, self.annotation_id)
            except DossierError as e:
                self.setObsolete(True)
                self.context.command_failed(str(e))
                return
        self._run(lambda: annotations.reattach(self.archive, self.annotation_id, self.start, self.end))

    def undo(self) -> None:
        if self.before is not None:
            before = self.before
            self._run(lambda: annotations.restore_anchor(self.archive, before))
