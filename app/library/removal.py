"""Removing documents from the archive, without silently taking annotations with them.

A document's annotations are months of a researcher's work: removing a
document that has any is refused unless the caller says so (`with_annotations`,
the CLI's `--force`, a confirmation in the GUI), and the refusal says how many.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, select

from app.archive.folder import Archive
from app.errors import DossierError, NotFoundError
from app.search.updates import queue_documents, reindex_now
from db.models import Annotation, Document


class HasAnnotationsError(DossierError):
    """Removing would delete annotations and the caller did not agree to that."""

    def __init__(self, annotations: int) -> None:
        super().__init__(
            f"{annotations} annotation(s) belong to the document(s) and would be deleted with them; "
            "use --force to remove them too"
        )
        self.annotations = annotations


@dataclass(frozen=True, slots=True)
class RemovalReport:
    documents: int
    annotations: int  # deleted with the documents


def remove_documents(archive: Archive, doc_ids: Iterable[int], *, with_annotations: bool = False) -> RemovalReport:
    """Delete documents with their parts (links citing them go too) in one transaction; then the index."""
    ids = sorted(set(doc_ids))
    with archive.session() as s:
        found = set(s.scalars(select(Document.id).where(Document.id.in_(ids))))
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFoundError(f"no document with id {', '.join(map(str, missing))}")
        notes = s.scalar(select(func.count(Annotation.id)).where(Annotation.document_id.in_(ids))) or 0
        if notes and not with_annotations:
            raise HasAnnotationsError(notes)
        s.execute(delete(Document).where(Document.id.in_(ids)))
        queue_documents(s, ids)
    reindex_now(archive, ids)
    return RemovalReport(len(ids), notes)
