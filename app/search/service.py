"""The search service: keeps the Whoosh index in step with the database and queries it.

The database commits first and records what changed in `index_queue`; this
module drains that queue into the index in batches (one writer, one commit)
and clears the rows only after the index commit. A crash in between leaves
the rows, and the next open catches up. A missing, corrupt or outdated index
is rebuilt from the database.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.orm import Session

from app.archive.folder import Archive
from app.library.stored_text import author_names
from app.library.tag_queries import names_by_annotation, names_by_document
from app.search.answers import footnote_texts
from app.search.answers import search as search  # re-exported: the one way a query is answered
from app.search.engine import DocumentAnalysis, IndexDoc, SearchIndex, parse_query
from app.search.engine import Hit as Hit  # re-exported: callers use the service, not the engine
from app.search.engine import SearchResult as SearchResult
from app.search.engine.annotation_match import AnnotationMatcher
from db.models import Annotation, Document, IndexQueue, Tag, annotation_tags

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
    """The footnotes field of these documents, read on the session's own connection, in its transaction."""
    connection = session.connection().connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return footnote_texts(connection, doc_ids)


def index_docs(session: Session, doc_ids: list[int],
               analyses: Mapping[int, DocumentAnalysis] | None = None) -> list[IndexDoc]:  # fmt: skip
    """What the index needs for these documents (missing ids are simply absent).

    `analyses` are index terms computed in advance, by document id (an import's workers).
    """
    docs = session.execute(
        select(
            Document.id,
            Document.title,
            Document.text,
            Document.publisher,
            Document.kind,
            Document.date,
            Document.authors,
            Document.language,
        ).where(Document.id.in_(doc_ids))
    ).all()
    notes = _footnotes_text(session, doc_ids)
    doc_tags = names_by_document(session, doc_ids)
    annotated = _annotation_texts(session, doc_ids)
    return [
        IndexDoc(
            id=d.id,
            title=d.title,
            body=d.text,
            footnotes=notes.get(d.id, ""),
            publisher=d.publisher,
            kind=d.kind,
            date=d.date,
            tags=doc_tags.get(d.id, []),
            authors=author_names(d.authors),
            language=d.language,
            notes=annotated.get(d.id, ("", []))[0],
            annotation_tags=annotated.get(d.id, ("", []))[1],
            analysis=analyses.get(d.id) if analyses else None,
        )
        for d in docs
    ]


def _annotation_texts(session: Session, doc_ids: list[int]) -> dict[int, tuple[str, list[str]]]:
    """Per document: its annotations' notes joined, and the tags on its annotations."""
    notes: dict[int, list[str]] = {}
    for doc_id, note in session.execute(
        select(Annotation.document_id, Annotation.note)
        .where(Annotation.document_id.in_(doc_ids), Annotation.note != "")
        .order_by(Annotation.document_id, Annotation.start)
    ):
        notes.setdefault(doc_id, []).append(note)
    tagged: dict[int, list[str]] = {}
    for doc_id, name in session.execute(
        select(Annotation.document_id, Tag.name)
        .join(annotation_tags, annotation_tags.c.annotation_id == Annotation.id)
        .join(Tag, Tag.id == annotation_tags.c.tag_id)
        .where(Annotation.document_id.in_(doc_ids))
        .distinct()
    ):
        tagged.setdefault(doc_id, []).append(name)
    return {d: ("\n\n".join(notes.get(d, [])), sorted(tagged.get(d, []))) for d in set(notes) | set(tagged)}


def _all_docs(archive: Archive, analyses: Mapping[int, DocumentAnalysis] | None) -> Iterator[IndexDoc]:
    with archive.session() as s:
        ids = list(s.scalars(select(Document.id).order_by(Document.id)))
    for start in range(0, len(ids), BATCH):
        with archive.session() as s:
            yield from index_docs(s, ids[start : start + BATCH], analyses)


def rebuild(archive: Archive, *, analyses: Mapping[int, DocumentAnalysis] | None = None) -> Iterator[IndexProgress]:
    """Rebuild the whole index from the database; the queue is empty afterwards.

    `analyses`: see `index_docs` (the first import into a new archive builds its index this way).
    """
    with archive.session() as s:
        total = s.scalar(select(func.count(Document.id))) or 0
        queued = list(s.scalars(select(IndexQueue.document_id)))
    yield IndexProgress(0, total, "rebuild")
    for done in archive.index.clear_and_rebuild(_all_docs(archive, analyses), batch=BATCH):
        yield IndexProgress(done, total, "rebuild")
    with archive.session() as s:
        if queued:
            s.execute(delete(IndexQueue).where(IndexQueue.document_id.in_(queued)))
    yield IndexProgress(total, total, "rebuild")


def update(archive: Archive) -> Iterator[IndexProgress]:
    """Bring the index up to date with the queue, one commit per batch."""
    with archive.session() as s:
        queued = list(s.scalars(select(IndexQueue.document_id).order_by(IndexQueue.document_id)))
    total = len(queued)
    for start in range(0, total, BATCH):
        batch = queued[start : start + BATCH]
        apply_changes(archive, batch)
        yield IndexProgress(min(start + BATCH, total), total, "update")


def apply_changes(archive: Archive, doc_ids: Iterable[int], *, merge: bool = False,
                  analyses: Mapping[int, DocumentAnalysis] | None = None) -> None:  # fmt: skip
    """Index these documents now (deleted ones are removed), then clear their queue rows.

    `merge=True` lets Whoosh merge small segments in the same commit: right for a
    background import (else segments pile up, one per batch), wrong when a user waits.
    `analyses`: see `index_docs`.
    """
    unqueue(archive, index_documents(archive, doc_ids, merge=merge, analyses=analyses))


QueueStamps = dict[int, datetime]
"""Documents indexed, with the time each was queued (as read before indexing)."""


def index_documents(archive: Archive, doc_ids: Iterable[int], *, merge: bool = False,
                    analyses: Mapping[int, DocumentAnalysis] | None = None,
                    index: SearchIndex | None = None) -> QueueStamps:  # fmt: skip
    """Index these documents in one commit (deleted ones are removed); the queue is only read.

    Returns the queue stamps for `unqueue`: an import's index process reads the
    database while the import writes it, and leaves the clearing to the import.
    `index`: the archive's own by default; the index process passes the one it opened.
    """
    ids = list(doc_ids)
    if not ids:
        return {}
    with archive.session() as s:
        docs = index_docs(s, ids, analyses)
        rows = s.execute(select(IndexQueue.document_id, IndexQueue.queued_at).where(IndexQueue.document_id.in_(ids)))
        stamps = {doc_id: stamp for doc_id, stamp in rows}
    present = {d.id for d in docs}
    with (index or archive.index).writer(merge=merge) as w:
        for doc in docs:
            w.upsert(doc)
        for doc_id in ids:
            if doc_id not in present:
                w.delete(doc_id)
    return stamps


def unqueue(archive: Archive, stamps: QueueStamps) -> None:
    """Clear the queue rows of indexed documents; a row re-queued meanwhile (newer stamp) stays for the next pass."""
    if stamps:
        with archive.session() as s:
            s.connection().execute(_UNQUEUE, [{"doc": doc_id, "stamp": stamp} for doc_id, stamp in stamps.items()])


# One prepared Core statement run for all rows (executemany): an import clears a thousand rows at a time.
_UNQUEUE = delete(IndexQueue.__table__).where(
    IndexQueue.__table__.c.document_id == bindparam("doc"), IndexQueue.__table__.c.queued_at == bindparam("stamp")
)


def bring_up_to_date(archive: Archive) -> Iterator[IndexProgress]:
    """What opening an archive runs: rebuild if the index is unusable, else drain the queue.

    A read-only archive writes nothing: its index is searched as it is, and `not_yet_indexed`
    says how many documents it lacks."""
    if archive.read_only:
        return
    if archive.index.needs_rebuild:
        log.info("rebuilding search index: %s", archive.index.rebuild_reason)
        yield from rebuild(archive)
    else:
        yield from update(archive)


def not_yet_indexed(archive: Archive) -> int:
    """Documents stored but not yet in the search index (queued)."""
    with archive.session() as s:
        return s.scalar(select(func.count()).select_from(IndexQueue)) or 0


def documents_matching(archive: Archive, query: str) -> set[int]:
    """Every document the query matches (no snippets): for choosing excerpts by search."""
    return set(archive.index.search(query, limit=0).match_ids)


def annotations_matching(archive: Archive, query: str, annotation_ids: Iterable[int]) -> set[int]:
    """Among these annotations, those whose note and tags satisfy the query (parts about documents aside)."""
    matcher = AnnotationMatcher(parse_query(query))
    wanted = set(annotation_ids)
    with archive.session() as s:
        rows = s.execute(select(Annotation.id, Annotation.note).where(Annotation.id.in_(wanted))).all()
        tags = names_by_annotation(s, [r.id for r in rows])
    return {r.id for r in rows if matcher.satisfied(r.note, tags.get(r.id, []), require_all=True)}
