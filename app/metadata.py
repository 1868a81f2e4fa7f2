"""Editing a document's metadata: validated, committed, re-linked and re-indexed at once.

The database commits first (with an index_queue row); the index is updated
right after, so the edit is searchable immediately and survives a crash in
between (the queue is drained on the next open).
"""

from __future__ import annotations

from datetime import UTC, datetime

from app.archive import Archive
from app.errors import DossierError, NotFoundError
from app.linking import relink_document
from app.model import KINDS
from app.parsing.dates import parse_date
from app.search import apply_changes
from db.models import Document, IndexQueue

EDITABLE = ("title", "date", "date_label", "publisher", "kind")


def _normalise_date(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    if len(value) in (4, 7, 10) and all(part.isdigit() for part in value.split("-")):
        return value
    parsed = parse_date(value)
    if parsed is None:
        raise DossierError(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM, YYYY or e.g. 28 November 2013)")
    return parsed


def edit_metadata(archive: Archive, document_id: int, **changes: str | None) -> None:
    """Apply `changes` (keys among EDITABLE) to one document."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise DossierError(f"cannot edit {', '.join(sorted(unknown))}")
    if "title" in changes and not (changes["title"] or "").strip():
        raise DossierError("a title cannot be empty")
    if "kind" in changes and changes["kind"] not in KINDS:
        raise DossierError(f"kind must be one of: {', '.join(KINDS)}")
    if "date" in changes:
        changes["date"] = _normalise_date(changes["date"])
    now = datetime.now(UTC).replace(tzinfo=None)
    with archive.session() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise NotFoundError(f"no document with id {document_id}")
        for key, value in changes.items():
            setattr(doc, key, value.strip() if isinstance(value, str) and key != "date" else value)
        doc.updated_at = now
        s.flush()
        relink_document(s, document_id)
        s.merge(IndexQueue(document_id=document_id, queued_at=now))
    apply_changes(archive, archive.index, [document_id])
