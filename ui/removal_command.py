"""Removing documents from the library as one undoable step: undo puts them back with their notes,
annotations, tags and links, same ids (app.library.removal keeps the rows)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from app.archive.folder import Archive
from app.errors import DossierError
from app.library.removal import RemovedRows, remove_documents, restore_rows, rows_removed_with


class RemoveDocumentsCommand(QUndoCommand):
    def __init__(self, archive: Archive, doc_ids: list[int], changed: Callable[[list[int]], None],
                 failed: Callable[[str], None]) -> None:  # fmt: skip
        count = len(doc_ids)
        super().__init__(f"Remove {count} document{'' if count == 1 else 's'}")
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
        self._changed(self._ids)

    def undo(self) -> None:
        if self._removed is None:
            return
        try:
            restore_rows(self._archive, self._removed)
        except DossierError as e:
            self._failed(f"The documents could not be put back: {e}")
            return
        self._changed(self._ids)
