"""Write one prepared file's rows: its document, parts, tags, links and index_queue row.

Kept apart from `app.importing.importer` (which orders files into batches and events) so
that what a stored document consists of is read in one place. The rows are
written through the session's own sqlite3 connection, in the caller's
transaction: an import writes tens of rows per document, and SQLAlchemy's layer
cost several times what SQLite takes for a statement. The statements' SQL is
compiled once from the tables of `db/models.py`, so the columns are named only
there.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ClauseElement, bindparam, delete, insert, select, update
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.annotating.annotations import reanchor_document
from app.archive.folder import Archive
from app.importing.prepare import Prepared, prepare
from app.library.linking import relink_document
from app.library.stored_text import AUTHOR_SEPARATOR, path_text
from app.library.tags import add_declared_tags
from app.model import ParsedDocument
from db.models import Citation, Document, Footnote, IndexQueue, Marker, Section

IMPORTED, UPDATED, UNCHANGED, DUPLICATE, FAILED = "imported", "updated", "unchanged", "duplicate", "failed"

StoreResult = tuple[str, int | None, str | None]  # outcome, document id, reason


def store_prepared(session: Session, prepared: Prepared) -> StoreResult:
    """Store one prepared file inside the caller's transaction: (outcome, document id, reason)."""
    if prepared.error is not None or prepared.sha is None:
        return FAILED, None, prepared.error or "cannot read"
    source = path_text(prepared.path)  # a name that is not UTF-8 kept as \xNN escapes
    db = _dbapi(session)
    same_content = db.execute(_BY_SHA, (prepared.sha,)).fetchone()
    if same_content is not None:
        same_id, same_source = same_content
        if same_source == source:
            return UNCHANGED, same_id, None
        return DUPLICATE, same_id, f"same content as document {same_id}"
    if prepared.parsed is None:  # was known when the workers started, and has gone since
        prepared = prepare(prepared.path)
        if prepared.parsed is None:
            return FAILED, None, prepared.error or "cannot read"
    parsed = prepared.parsed
    now = _now()
    found = db.execute(_BY_PATH, (source,)).fetchone()
    if found is None:
        outcome = IMPORTED
        doc_id = db.execute(_INSERT_DOCUMENT, (
            parsed.title, parsed.date, parsed.date_label, parsed.publisher, parsed.kind, _authors(parsed),
            parsed.language, source, prepared.format, prepared.sha, parsed.text, len(parsed.text), _timestamp(now),
            _timestamp(now),
        )).lastrowid
    else:
        outcome = UPDATED
        doc_id = found[0]
        values = {**_metadata(parsed), "format": prepared.format, "sha256": prepared.sha, "updated_at": now}
        session.execute(update(Document).where(Document.id == doc_id).values(**values))
    assert doc_id is not None
    _store_parts(session, db, doc_id, parsed, replace=outcome == UPDATED)
    if outcome == UPDATED:
        reanchor_document(session, doc_id, parsed.text)
    add_declared_tags(session, doc_id, parsed.tags)
    relink_document(session, doc_id, new=outcome == IMPORTED)
    db.execute(_QUEUE, (doc_id, _timestamp(now)))
    return outcome, doc_id, None


def known_hashes(archive: Archive) -> frozenset[str]:
    """The content hashes of the archive's documents (the workers skip parsing those files)."""
    with archive.session() as session:
        return frozenset(session.scalars(select(Document.sha256)))


def _store_parts(session: Session, db: sqlite3.Connection, doc_id: int, parsed: ParsedDocument, *,
                 replace: bool) -> None:
    """Write the parsed structure of a document, replacing what it had."""
    if replace:
        for table in (Section, Marker, Footnote):
            session.execute(delete(table).where(table.document_id == doc_id))
    if parsed.sections:
        db.executemany(_SECTIONS, [(doc_id, x.title, x.level, x.start) for x in parsed.sections])
    if parsed.markers:
        db.executemany(_MARKERS, [(doc_id, m.number, m.start, m.end) for m in parsed.markers])
    citations = []
    for f in parsed.footnotes:
        footnote_id = db.execute(_FOOTNOTE, (doc_id, f.number, f.text, f.resolved_text, f.ibid_of)).lastrowid
        citations += [(footnote_id, position, c.text, c.author, c.title, c.publisher, c.place, c.date, c.url)
                      for position, c in enumerate(f.citations)]
    if citations:
        db.executemany(_CITATIONS, citations)


def _dbapi(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under the session, in the same transaction."""
    connection = session.connection().connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection


def _metadata(parsed: ParsedDocument) -> dict[str, object]:
    """What a re-import replaces; authors and language only when the file declares them, so that names a
    user entered for a file that carries none survive its next version."""
    values: dict[str, object] = {
        "title": parsed.title, "date": parsed.date, "date_label": parsed.date_label, "publisher": parsed.publisher,
        "kind": parsed.kind, "text": parsed.text, "text_length": len(parsed.text),
    }
    if parsed.authors:
        values["authors"] = _authors(parsed)
    if parsed.language:
        values["language"] = parsed.language
    return values


def _authors(parsed: ParsedDocument) -> str | None:
    return AUTHOR_SEPARATOR.join(parsed.authors) or None


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


_DIALECT = sqlite_dialect.dialect()
_timestamp = sqlite_dialect.DATETIME().bind_processor(_DIALECT)  # as SQLAlchemy stores them


def _sql(statement: ClauseElement, *parameters: InstrumentedAttribute[Any]) -> str:
    """`statement` as SQL for the sqlite3 connection, its `?` standing for `parameters` in that order.

    The order is checked: SQLAlchemy writes an INSERT's columns in the order of the table in
    db/models.py, which the values passed here must follow.
    """
    compiled = statement.compile(dialect=_DIALECT)
    expected = [column.key for column in parameters]
    if list(compiled.positiontup or ()) != expected:
        raise RuntimeError(f"{statement!s}: parameters {compiled.positiontup}, not {expected}")
    return str(compiled)


def _insert(*columns: InstrumentedAttribute[Any]) -> str:
    """An INSERT of `columns`, all of one table, in the table's order."""
    return _sql(insert(columns[0].class_).values({column: bindparam(column.key) for column in columns}), *columns)


_BY_SHA = _sql(select(Document.id, Document.source_path).where(Document.sha256 == bindparam("sha256")),
               Document.sha256)
_BY_PATH = _sql(select(Document.id).where(Document.source_path == bindparam("source_path")), Document.source_path)
_INSERT_DOCUMENT = _insert(
    Document.title, Document.date, Document.date_label, Document.publisher, Document.kind, Document.authors,
    Document.language, Document.source_path, Document.format, Document.sha256, Document.text, Document.text_length,
    Document.imported_at, Document.updated_at,
)
_SECTIONS = _insert(Section.document_id, Section.title, Section.level, Section.start)
_MARKERS = _insert(Marker.document_id, Marker.number, Marker.start, Marker.end)
_FOOTNOTE = _insert(Footnote.document_id, Footnote.number, Footnote.text, Footnote.resolved_text, Footnote.ibid_of)
_CITATIONS = _insert(
    Citation.footnote_id, Citation.position, Citation.text, Citation.author, Citation.title, Citation.publisher,
    Citation.place, Citation.date, Citation.url,
)
_queued = sqlite_dialect.insert(IndexQueue).values(
    {IndexQueue.document_id: bindparam("document_id"), IndexQueue.queued_at: bindparam("queued_at")})
_QUEUE = _sql(
    _queued.on_conflict_do_update(index_elements=[IndexQueue.document_id],
                                  set_={IndexQueue.queued_at: _queued.excluded.queued_at}),
    IndexQueue.document_id, IndexQueue.queued_at,
)
