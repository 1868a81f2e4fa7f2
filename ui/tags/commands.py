"""Undoable tag changes for the main window's QUndoStack.

Each command does its work in `apply(stack)`: the service runs first, so a
refused change (a clashing rename) raises DossierError to the caller and never
reaches the stack; only then is the command pushed (its first `redo` is a
no-op). Later undo/redo from the stack call the service again and then the
`refresh` callback, since nobody else knows the archive changed. A replay the
archive refuses (it changed outside the stack) makes the command obsolete, so
the stack drops it instead of getting out of step.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.archive.folder import Archive
from app.errors import DossierError
from app.library import tags

log = logging.getLogger(__name__)

Refresh = Callable[[], None]
ErrorHandler = Callable[[str], None]


class TagCommands(QObject):
    """The commands' texts that hold a count. pyside6-lupdate reads plural forms only from `self.tr` in a
    QObject, and a QUndoCommand is none; the other texts use `QCoreApplication.translate` in this class's
    context. Not to be subclassed: `self.tr` takes its context from the runtime class."""

    def documents(self, n: int) -> str:
        return self.tr("%Ln document(s)", "", n)

    def annotations(self, n: int) -> str:
        return self.tr("%Ln annotation(s)", "", n)

    def tag_documents(self, n: int, names: str) -> str:
        return self.tr("Tag %Ln document(s) with {names}", "", n).format(names=names)

    def untag_documents(self, names: str, n: int) -> str:
        return self.tr("Remove {names} from %Ln document(s)", "", n).format(names=names)


_TEXTS = TagCommands()


def describe(change: tags.TagChange) -> str:
    """"3 documents and 1 annotation": how many items an operation touched, for messages."""
    return QCoreApplication.translate("TagCommands", "{documents} and {annotations}").format(
        documents=_TEXTS.documents(change.documents), annotations=_TEXTS.annotations(change.annotations))


class TagCommand(QUndoCommand):
    """Base: runs the service once in `apply`, replays it from the stack with a refresh.

    Not a QObject: its texts are translated with `QCoreApplication.translate` in the "TagCommands" context."""

    def __init__(self, archive: Archive, text: str, refresh: Refresh | None = None,
                 on_error: ErrorHandler | None = None) -> None:
        super().__init__(text)
        self.archive = archive
        self._refresh = refresh
        self._on_error = on_error
        self._skip_redo = False

    def apply(self, stack: QUndoStack | None = None) -> tags.TagChange:
        """Do the change now (DossierError propagates) and, with a stack, record it for undo."""
        result = self._do()
        if stack is not None:
            self._skip_redo = True
            stack.push(self)
        return result

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._replay(self._do, undoing=False)

    def undo(self) -> None:
        self._replay(self._undo, undoing=True)

    def _replay(self, step: Callable[[], object], *, undoing: bool) -> None:
        try:
            step()
        except DossierError as e:
            log.warning("cannot replay %r: %s", self.text(), e)
            self.setObsolete(True)
            if self._on_error is not None:
                message = (QCoreApplication.translate("TagCommands", "Cannot undo “{action}”: {error}") if undoing
                           else QCoreApplication.translate("TagCommands", "Cannot redo “{action}”: {error}"))
                self._on_error(message.format(action=self.text(), error=e))
        if self._refresh is not None:
            self._refresh()

    def _do(self) -> tags.TagChange:
        raise NotImplementedError

    def _undo(self) -> object:
        raise NotImplementedError


class _DocumentsCommand(TagCommand):
    """Tag or untag documents; undo restores each named tag exactly as it was."""

    def __init__(self, archive: Archive, doc_ids: Sequence[int], names: Sequence[str], text: str,
                 refresh: Refresh | None = None, on_error: ErrorHandler | None = None) -> None:
        super().__init__(archive, text, refresh, on_error)
        self.doc_ids = tuple(doc_ids)
        self.names = tuple(tags.normalise_name(n) for n in names)
        self._before: list[tags.TagSnapshot] = []

    def _take_snapshots(self) -> None:
        self._before = [tags.snapshot(self.archive, n, missing_ok=True) for n in self.names]

    def _undo(self) -> object:
        return tags.restore(self.archive, *self._before)


class TagDocumentsCommand(_DocumentsCommand):
    def __init__(self, archive: Archive, doc_ids: Sequence[int], names: Sequence[str],
                 refresh: Refresh | None = None, on_error: ErrorHandler | None = None) -> None:
        text = _TEXTS.tag_documents(len(doc_ids), ", ".join(names))
        super().__init__(archive, doc_ids, names, text, refresh, on_error)

    def _do(self) -> tags.TagChange:
        self._take_snapshots()
        added = tags.tag_documents(self.archive, self.doc_ids, self.names)
        return tags.TagChange(", ".join(self.names), added, 0)


class UntagDocumentsCommand(_DocumentsCommand):
    def __init__(self, archive: Archive, doc_ids: Sequence[int], names: Sequence[str],
                 refresh: Refresh | None = None, on_error: ErrorHandler | None = None) -> None:
        text = _TEXTS.untag_documents(", ".join(names), len(doc_ids))
        super().__init__(archive, doc_ids, names, text, refresh, on_error)

    def _do(self) -> tags.TagChange:
        self._take_snapshots()
        removed = tags.untag_documents(self.archive, self.doc_ids, self.names)
        return tags.TagChange(", ".join(self.names), removed, 0)


class RenameTagCommand(TagCommand):
    """Rename, then write down the colours the new names would change (`keep_colors`, new name →
    #rrggbb, from `colors.colors_kept_by_rename`); undo clears those and renames back. A rename loses
    nothing, so no snapshot is needed."""

    def __init__(self, archive: Archive, old: str, new: str, refresh: Refresh | None = None,
                 on_error: ErrorHandler | None = None, keep_colors: Mapping[str, str] | None = None) -> None:
        self.old, self.new = tags.normalise_name(old), tags.normalise_name(new)
        text = QCoreApplication.translate("TagCommands", "Rename tag “{old}” to “{new}”").format(
            old=self.old, new=self.new)
        super().__init__(archive, text, refresh, on_error)
        self.keep_colors = dict(keep_colors or {})

    def _do(self) -> tags.TagChange:
        change = tags.rename(self.archive, self.old, self.new)
        for name, color in self.keep_colors.items():
            tags.set_color(self.archive, name, color)
        return change

    def _undo(self) -> object:
        for name in self.keep_colors:
            tags.set_color(self.archive, name, None)
        return tags.rename(self.archive, self.new, self.old)


class MergeTagCommand(TagCommand):
    """Undo restores the source and the target as they were (the target loses what the merge gave it)."""

    def __init__(self, archive: Archive, source: str, into: str, refresh: Refresh | None = None,
                 on_error: ErrorHandler | None = None) -> None:
        self.source, self.into = tags.normalise_name(source), tags.normalise_name(into)
        text = QCoreApplication.translate("TagCommands", "Merge tag “{source}” into “{into}”").format(
            source=self.source, into=self.into)
        super().__init__(archive, text, refresh, on_error)
        self._before: tuple[tags.TagSnapshot, ...] = ()

    def _do(self) -> tags.TagChange:
        self._before = (tags.snapshot(self.archive, self.source), tags.snapshot(self.archive, self.into))
        return tags.merge(self.archive, self.source, self.into)

    def _undo(self) -> object:
        return tags.restore(self.archive, *self._before)


class DeleteTagCommand(TagCommand):
    def __init__(self, archive: Archive, name: str, refresh: Refresh | None = None,
                 on_error: ErrorHandler | None = None) -> None:
        self.name = tags.normalise_name(name)
        text = QCoreApplication.translate("TagCommands", "Delete tag “{name}”").format(name=self.name)
        super().__init__(archive, text, refresh, on_error)
        self._before: tags.TagSnapshot | None = None

    def _do(self) -> tags.TagChange:
        self._before = tags.snapshot(self.archive, self.name)
        return tags.delete_tag(self.archive, self.name)

    def _undo(self) -> object:
        return tags.restore(self.archive, self._before) if self._before is not None else None


class SetTagColorCommand(TagCommand):
    def __init__(self, archive: Archive, name: str, color: str | None, refresh: Refresh | None = None,
                 on_error: ErrorHandler | None = None) -> None:
        self.name, self.color = tags.normalise_name(name), color
        text = (QCoreApplication.translate("TagCommands", "Colour tag “{name}”") if color
                else QCoreApplication.translate("TagCommands", "Clear colour of “{name}”"))
        super().__init__(archive, text.format(name=self.name), refresh, on_error)
        self._previous: str | None = None

    def _do(self) -> tags.TagChange:
        before = tags.snapshot(self.archive, self.name)
        self._previous = before.color
        tags.set_color(self.archive, self.name, self.color)
        return tags.TagChange(self.name, len(before.document_ids), len(before.annotation_ids))

    def _undo(self) -> object:
        tags.set_color(self.archive, self.name, self._previous)
        return None
