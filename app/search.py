"""The search service: keeps the Whoosh index in step with the database and queries it.

The database commits first and records what changed in `index_queue`; this
module drains that queue into the index in batches (one writer, one commit)
and clears the rows only after the index commit. A crash in between leaves
the rows, and the next open catches up. A missing, corrupt or outdated index
is rebuilt from the database.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.archive import Archive
from app.search_index import IndexDoc, SearchIndex, SearchResult
from db.models import Document, Footnote, IndexQueue

log = logging.getLogger(__name__)

BATCH = 500
SORTS = ("relevance", "date")


@dataclass(slots=True)
class IndexProgress:
    """Progress of a rebuild or catch-up: `done` of `total` documents."""

    done: int
    total: int
    phase: str  # "rebuild" or "update"


def _footnotes_text(session: Session, doc_ids: list[int]) -> dict[int, str]:
    rows = session.execute(
        select(Footnote.document_id, Footnote.number, Footnote.text)
        .where(Footnote.document_id.in_(doc_ids))
        .order_by(Footnote.document_id, Footnote.number)
    )
    notes: dict[int, list[str]] = {}
    for doc_id, number, text in rows:
        notes.setdefault(doc_id, []).append(f"[{number}] {text}")
    return {k: "\n".join(v) for k, v in notes.items()}


def index_docs(session: Session, doc_ids: list[int]) -> list[IndexDoc]:
    """What the index needs for these documents (missing ids are simply absent)."""
    docs = session.execute(
        select(Document.id, Document.title, Document.text, Document.publisher, Document.kind, Document.date).where(
            Document.id.in_(doc_ids)
        )
    ).all()
    notes = _footnotes_text(session, doc_ids)
    return [
        IndexDoc(id=d.id, title=d.title, body=d.text, footnotes=notes.get(d.id, ""), publisher=d.publisher,
                 kind=d.kind, date=d.date)
        for d in docs
    ]


def document_texts(archive: Archive, doc_id: int) -> tuple[str, str]:
    """(body, footnotes) from the database, for highlighting snippets."""
    with archive.session() as s:
        body = s.scalar(select(Document.text).where(Document.id == doc_id)) or ""
        return body, _footnotes_text(s, [doc_id]).get(doc_id, "")


def _all_docs(archive: Archive) -> Iterator[IndexDoc]:
    with archive.session() as s:
        ids = list(s.scalars(select(Document.id).order_by(Document.id)))
    for start in range(0, len(ids), BATCH):
        with archive.session() as s:
            yield from index_docs(s, ids[start:start + BATCH])


def rebuild(archive: Archive, index: SearchIndex) -> Iterator[IndexProgress]:
    """Rebuild the whole index from the database; the queue is empty afterwards."""
    with archive.session() as s:
        total = s.scalar(select(func.count(Document.id))) or 0
        queued = list(s.scalars(select(IndexQueue.document_id)))
    yield IndexProgress(0, total, "rebuild")
    for done in index.clear_and_rebuild(_all_docs(archive), batch=BATCH):
        yield IndexProgress(done, total, "rebuild")
    with archive.session() as s:
        if queued:
            s.execute(delete(IndexQueue).where(IndexQueue.document_id.in_(queued)))
    yield IndexProgress(total, total, "rebuild")


def update(archive: Archive, index: SearchIndex) -> Iterator[IndexProgress]:
    """Bring the index up to date with the queue, one commit per batch."""
    with archive.session() as s:
        queued = list(s.scalars(select(IndexQueue.document_id).order_by(IndexQueue.document_id)))
    total = len(queued)
    for start in range(0, total, BATCH):
        batch = queued[start:start + BATCH]
        apply_changes(archive, index, batch)
        yield IndexProgress(min(start + BATCH, total), total, "update")


def apply_changes(archive: Archive, index: SearchIndex, doc_ids: Iterable[int], *, merge: bool = False) -> None:
    """Index these documents now (deleted ones are removed), then clear their queue rows.

    `merge=True` lets Whoosh merge small segments in the same commit: right for a
    background import (else segments pile up, one per batch), wrong when a user waits.
    """
    ids = list(doc_ids)
    if not ids:
        return
    with archive.session() as s:
        docs = index_docs(s, ids)
        rows = s.execute(select(IndexQueue.document_id, IndexQueue.queued_at).where(IndexQueue.document_id.in_(ids)))
        stamps = {doc_id: stamp for doc_id, stamp in rows}
    present = {d.id for d in docs}
    with index.writer(merge=merge) as w:
        for doc in docs:
            w.upsert(doc)
        for doc_id in ids:
            if doc_id not in present:
                w.delete(doc_id)
    # Clear only the rows we indexed; a row re-queued meanwhile (newer stamp) stays for the next pass.
    with archive.session() as s:
        for doc_id, stamp in stamps.items():
            s.execute(delete(IndexQueue).where(IndexQueue.document_id == doc_id, IndexQueue.queued_at == stamp))


def bring_up_to_date(archive: Archive, index: SearchIndex) -> Iterator[IndexProgress]:
    """What opening an archive runs: rebuild if the index is unusable, else drain the queue."""
    if index.needs_rebuild:
        log.info("rebuilding search index: %s", index.rebuild_reason)
        yield from rebuild(archive, index)
    else:
        yield from update(archive, index)


def search(
    archive: Archive, index: SearchIndex, query: str, *, limit: int = 20, sort: str = "relevance"
) -> SearchResult:
    return index.search(
        query, limit=limit, sort="date" if sort == "date" else "relevance",
        text_for=lambda doc_id: document_texts(archive, doc_id),
    )
