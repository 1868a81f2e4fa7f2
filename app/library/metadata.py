"""Editing a document's metadata: validated, committed, re-linked and re-indexed at once.

The database commits first (with an index_queue row); the index is updated
right after, so the edit is searchable immediately and survives a crash in
between (the queue is drained on the next open).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from app.archive.folder import Archive
from app.errors import DossierError, NotFoundError
from app.library.linking import relink_document
from app.library.stored_text import clean_value
from app.model import KINDS
from app.parsing.dates import parse_date
from app.search.service import apply_changes
from db.models import Document, IndexQueue

EDITABLE = ("title", "date", "date_label", "publisher", "kind")


_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _valid_iso(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month and day."""
    match = _ISO_PARTIAL.match(value)
    if match is None:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _normalise_date(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    if _valid_iso(value):
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
    for key in ("title", "publisher", "date_label"):  # no terminal escapes or bidi overrides stored
        if isinstance(changes.get(key), str):
            changes[key] = clean_value(changes[key] or "")
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
    apply_changes(archive, [document_id])
