"""Import files and folders into an archive, as a generator of progress events.

The GUI worker and the CLI drive the same generator; stopping iteration (or
calling `close()`) cancels between two files. Each document is read, parsed,
stored and linked in its own transaction, so a crash or a cancel leaves every
document either fully imported or not at all.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Generator, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.annotations import reanchor_document
from app.archive import Archive, storage_problem
from app.errors import ArchiveError
from app.linking import relink_document
from app.model import ParsedDocument
from app.prepare import Prepared, prepare, prepared_stream
from app.readers import iter_candidate_files
from app.search import apply_changes, rebuild
from app.search_index import remember_analysis
from app.tags import add_declared_tags
from db.models import Citation, Document, Footnote, ImportFailure, ImportRun, IndexQueue, Marker, Section

log = logging.getLogger(__name__)

INDEX_BATCH = 1000  # at most this many documents per index commit during an import…
INDEX_INTERVAL = 10.0  # …and at least every this many seconds (bigger batches: fewer, cheaper segments)

IMPORTED, UPDATED, UNCHANGED, DUPLICATE, FAILED = "imported", "updated", "unchanged", "duplicate", "failed"


@dataclass(slots=True)
class ImportEvent:
    """Progress after one file: `done` of `total` files handled."""

    done: int
    total: int
    path: Path
    outcome: str
    reason: str | None = None
    document_id: int | None = None


@dataclass(slots=True)
class ImportSummary:
    imported: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    duplicates: list[tuple[Path, int]] = field(default_factory=list)  # (path, id of the same content)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False
    run_id: int | None = None

    def add(self, event: ImportEvent) -> None:
        if event.outcome == IMPORTED:
            self.imported.append(event.document_id or 0)
        elif event.outcome == UPDATED:
            self.updated.append(event.document_id or 0)
        elif event.outcome == UNCHANGED:
            self.unchanged.append(event.path)
        elif event.outcome == DUPLICATE:
            self.duplicates.append((event.path, event.document_id or 0))
        else:
            self.failed.append((event.path, event.reason or "unknown error"))


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _store_parts(session: Session, doc_id: int, parsed: ParsedDocument, *, replace: bool) -> None:
    """Write the parsed structure of a document with bulk inserts, replacing what it had.

    Core inserts instead of ORM objects: an import writes tens of rows per
    document and the unit of work would dominate its cost.
    """
    if replace:
        for table in (Section, Marker, Footnote):
            session.execute(delete(table).where(table.document_id == doc_id))
    conn = session.connection()  # Core, not ORM, inserts: the ORM's bulk path costs more than SQLite
    if parsed.sections:
        conn.execute(
            _SECTIONS, [{"document_id": doc_id, "title": x.title, "level": x.level, "start": x.start}
                        for x in parsed.sections]
        )
    if parsed.markers:
        conn.execute(
            _MARKERS, [{"document_id": doc_id, "number": m.number, "start": m.start, "end": m.end}
                       for m in parsed.markers]
        )
    if not parsed.footnotes:
        return
    rows = conn.execute(
        _FOOTNOTES,
        [{"document_id": doc_id, "number": f.number, "text": f.text, "resolved_text": f.resolved_text,
          "ibid_of": f.ibid_of} for f in parsed.footnotes],
    )
    citations = [
        {"footnote_id": footnote_id, "position": position, "text": c.text, "author": c.author, "title": c.title,
         "publisher": c.publisher, "place": c.place, "date": c.date, "url": c.url}
        for (footnote_id,), f in zip(rows, parsed.footnotes, strict=True)
        for position, c in enumerate(f.citations)
    ]
    if citations:
        conn.execute(_CITATIONS, citations)


_SECTIONS = insert(Section.__table__)
_MARKERS = insert(Marker.__table__)
_FOOTNOTES = insert(Footnote.__table__).returning(Footnote.__table__.c.id, sort_by_parameter_order=True)
_CITATIONS = insert(Citation.__table__)


def _metadata(parsed: ParsedDocument) -> dict[str, object]:
    return {
        "title": parsed.title, "date": parsed.date, "date_label": parsed.date_label, "publisher": parsed.publisher,
        "kind": parsed.kind, "text": parsed.text, "text_length": len(parsed.text),
    }


def store_prepared(session: Session, prepared: Prepared) -> tuple[str, int | None, str | None]:
    """Store one prepared file inside the caller's transaction: (outcome, document id, reason)."""
    if prepared.error is not None or prepared.sha is None:
        return FAILED, None, prepared.error or "cannot read"
    source = str(prepared.path)
    conn = session.connection()  # prepared Core statements: building ORM statements per file cost more
    same_content = conn.execute(_BY_SHA, {"sha": prepared.sha}).first()
    if same_content is not None:
        if same_content.source_path == source:
            return UNCHANGED, same_content.id, None
        return DUPLICATE, same_content.id, f"same content as document {same_content.id}"
    if prepared.parsed is None:  # was known when the workers started, and has gone since
        prepared = prepare(prepared.path)
        if prepared.parsed is None:
            return FAILED, None, prepared.error or "cannot read"
    parsed = prepared.parsed
    now = _now()
    values = {**_metadata(parsed), "format": prepared.format, "sha256": prepared.sha, "updated_at": now}
    doc_id = conn.execute(_BY_PATH, {"path": source}).scalar()
    if doc_id is None:
        outcome = IMPORTED
        doc_id = conn.execute(_INSERT_DOCUMENT, {"source_path": source, "imported_at": now, **values}).scalar()
    else:
        outcome = UPDATED
        session.execute(update(Document).where(Document.id == doc_id).values(**values))
    assert doc_id is not None
    _store_parts(session, doc_id, parsed, replace=outcome == UPDATED)
    if outcome == UPDATED:
        reanchor_document(session, doc_id, parsed.text)
    add_declared_tags(session, doc_id, parsed.tags)
    relink_document(session, doc_id, new=outcome == IMPORTED)
    conn.execute(_QUEUE, {"document_id": doc_id, "queued_at": now})
    return outcome, doc_id, None


_BY_SHA = select(Document.id, Document.source_path).where(Document.sha256 == bindparam("sha"))
_BY_PATH = select(Document.id).where(Document.source_path == bindparam("path"))
_INSERT_DOCUMENT = insert(Document.__table__).returning(Document.__table__.c.id)
_queue = sqlite_insert(IndexQueue.__table__)
_QUEUE = _queue.on_conflict_do_update(index_elements=["document_id"], set_={"queued_at": _queue.excluded.queued_at})


def _known_hashes(archive: Archive) -> frozenset[str]:
    with archive.session() as session:
        return frozenset(session.scalars(select(Document.sha256)))


def import_paths(archive: Archive, paths: Iterable[Path]) -> Generator[ImportEvent, None, ImportSummary]:
    """Import every supported file under `paths`; yields an ImportEvent per file."""
    named = [Path(p).expanduser() for p in paths]
    summary = ImportSummary()
    with archive.session() as session:
        run = ImportRun(started_at=_now(), paths="\n".join(str(p) for p in named))
        session.add(run)
        session.flush()
        summary.run_id = run.id
    files: list[Path] = []
    for p in named:
        if not p.exists() and not p.is_symlink():
            summary.failed.append((p, "no such file or folder"))
            continue
        files.extend(iter_candidate_files([p]))
    total = len(files) + len(summary.failed)
    done = len(summary.failed)
    unindexed: list[int] = []
    indexed_at = time.monotonic()
    absolute_files = [path.resolve() if path.exists() else path.absolute() for path in files]
    stream = prepared_stream(absolute_files, _known_hashes(archive))
    try:
        for prepared in stream:
            absolute = prepared.path
            try:
                with archive.session() as session:
                    outcome, doc_id, reason = store_prepared(session, prepared)
            except Exception as e:  # a bug must not stop the import of the other files…
                problem = storage_problem(e)
                if problem is not None:  # …but a full disk, a read-only folder or a held lock stops them all
                    saved = len(summary.imported) + len(summary.updated)
                    raise ArchiveError(
                        f"import stopped at {absolute.name}: {problem}. The {saved} document(s) imported before "
                        "are saved; import again to finish."
                    ) from e
                log.exception("import of %s failed", absolute)
                outcome, doc_id, reason = FAILED, None, f"internal error: {type(e).__name__}: {e}"
            done += 1
            event = ImportEvent(done, total, absolute, outcome, reason, doc_id)
            summary.add(event)
            if outcome in (IMPORTED, UPDATED) and doc_id is not None:
                unindexed.append(doc_id)
                if prepared.analysis:
                    remember_analysis(prepared.analysis)
                if len(unindexed) >= INDEX_BATCH or time.monotonic() - indexed_at >= INDEX_INTERVAL:
                    _index(archive, unindexed)
                    indexed_at = time.monotonic()
            yield event
    except GeneratorExit:
        summary.cancelled = True
        raise
    finally:
        stream.close()
        _index(archive, unindexed)
        _finish_run(archive, summary)
    return summary


def _index(archive: Archive, doc_ids: list[int]) -> None:
    """Index a batch; on failure the rows stay in index_queue and the next open catches up."""
    try:
        if archive.index.needs_rebuild:  # new or unusable index: build it from the database, batch included
            for _ in rebuild(archive, archive.index):
                pass
        else:
            apply_changes(archive, archive.index, doc_ids, merge=True)
    except Exception:
        log.exception("indexing %d documents failed; left queued", len(doc_ids))
    doc_ids.clear()


def _finish_run(archive: Archive, summary: ImportSummary) -> None:
    """Record the run's outcome; never masks the error that ended the import (e.g. a full disk)."""
    try:
        _record_run(archive, summary)
    except Exception:
        log.exception("recording import run %s failed", summary.run_id)


def _record_run(archive: Archive, summary: ImportSummary) -> None:
    with archive.session() as session:
        run = session.get(ImportRun, summary.run_id)
        if run is None:
            return
        run.finished_at = _now()
        run.imported = len(summary.imported)
        run.updated = len(summary.updated)
        run.unchanged = len(summary.unchanged) + len(summary.duplicates)
        run.failed = len(summary.failed)
        run.cancelled = summary.cancelled
        for path, reason in summary.failed:
            run.failures.append(ImportFailure(path=str(path), reason=reason))


def run_import(archive: Archive, paths: Iterable[Path]) -> ImportSummary:
    """Drive `import_paths` to the end (for callers that need no progress)."""
    gen = import_paths(archive, paths)
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value
