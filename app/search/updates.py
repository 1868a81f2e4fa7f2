"""Keeping the search index in step after an edit: queue in the transaction, index after commit.

Every change that alters what the index holds for a document (metadata, tags,
annotation notes) writes an `index_queue` row in the same transaction as the
change; `reindex_now` then indexes those documents at once so the edit is
searchable immediately. If the index is being rebuilt or another process holds
its writer, the rows stay queued and the next open (or drain) catches up.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.archive.folder import Archive
from app.search.engine import IndexLockedError
from app.search.service import apply_changes
from db.models import IndexQueue

log = logging.getLogger(__name__)


def queue_documents(session: Session, doc_ids: Iterable[int]) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = [{"document_id": i, "queued_at": now} for i in sorted(set(doc_ids))]
    if rows:
        session.execute(
            sqlite_insert(IndexQueue).values(rows).on_conflict_do_update(
                index_elements=[IndexQueue.document_id], set_={"queued_at": now}
            )
        )


def reindex_now(archive: Archive, doc_ids: Iterable[int]) -> bool:
    """Index these (already queued) documents now; False if left queued for later."""
    ids = sorted(set(doc_ids))
    if not ids:
        return True
    index = archive.index
    if index.needs_rebuild:
        return False  # the rebuild reads the database, this change included
    try:
        apply_changes(archive, ids)
    except IndexLockedError as e:
        log.info("index busy, %d document(s) stay queued: %s", len(ids), e)
        return False
    return True
