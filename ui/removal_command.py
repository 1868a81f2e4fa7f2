"""Removing documents from the library as one undoable step: undo puts them back with their notes,
annotations, tags and links, same ids (app.library.removal keeps the rows)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.archive.folder import Archive
from app.errors import DossierError
from app.library.removal import RemovedRows, remove_documents, restore_rows, rows_removed_with


class RemoveDocumentsCommand(QUndoCommand):
    def __init__(self, archive: Archive, doc_ids: list[int], changed: Callable[[list[int], bool], None],
                 failed: Callable[[str], None], text: str) -> None:  # fmt: skip
        """`text` names the step in Edit › Undo, in the app's language (e.g. "Remove 2 documents");
        `changed(ids, restored)` follows each removal and each putting back."""
        super().__init__(text)
        self._archive = archive
        self._ids = list(doc_ids)
        self._changed = changed
        self._failed = failed
        self._removed: RemovedRows | None = None

    def redo(self) -> None:
        try:
            self._removed = rows_removed_with(self._archive, self._ids)
            remove_documents(self._archive, self._ids, with_annotations=True)
        except DossierError as e:
            self.setObsolete(True)  # nothing was removed: nothing to undo
            self._failed(str(e))
            return
        self._changed(self._ids, False)

    def undo(self) -> None:
        if self._removed is None:
            return
        try:
            restore_rows(self._archive, self._removed)
        except DossierError as e:
            message = QCoreApplication.translate("RemoveDocumentsCommand",
                                                 "The documents could not be put back: {error}")
            self._failed(message.format(error=e))
            return
        self._changed(self._ids, True)
