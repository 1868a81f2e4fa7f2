"""Is the archive consistent? `check` finds problems, `repair` fixes what can be fixed.

The database is the truth; the index is derived and can always be rebuilt from it.
What is looked at (see docs/RELIABILITY.md):

- SQLite `integrity_check` and `foreign_key_check` (full check only: they read every
  page, seconds on a large archive; `quick=True`, what the app runs on open, skips them);
- the index: unusable (missing, corrupt, old version, unfinished rebuild: `SearchIndex.needs_rebuild`),
  documents missing from it, ids in it that the database lacks, and stale entries: an indexed
  title that differs from the database's, or a document whose `updated_at` is later than the
  write time of the index segment holding it. Documents in `index_queue` are pending, not stale;
- annotations (not orphaned) whose `text[start:end]` is not their quote;
- citation links to documents that do not exist.

Every part is a set comparison or one SQL query, so `quick=True` stays well under a second
on 20,000 documents.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from app.annotating import anchoring
from app.archive.folder import Archive
from app.errors import ArchiveError
from app.search import service as search
from db.models import Annotation, CitationLink, Document, IndexQueue

# Rows of these tables only repeat what an import derives from a document: a row whose parent
# is gone can go. Annotations and tags are the user's work and are never deleted by repair.
DERIVED_TABLES = frozenset({"sections", "markers", "footnotes", "citations", "citation_links", "document_tags"})
SHOWN_IDS = 10


log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str
    detail: str
    repairable: bool
    ids: tuple[int, ...] = ()  # what repair acts on (document, annotation or link ids; rowids for foreign-key)
    table: str | None = None  # for foreign-key problems

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "detail": self.detail, "repairable": self.repairable, "ids": list(self.ids),
                "table": self.table}  # fmt: skip


@dataclass(slots=True)
class IntegrityReport:
    quick: bool
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def of_kind(self, kind: str) -> list[Problem]:
        return [p for p in self.problems if p.kind == kind]

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "quick": self.quick, "counts": dict(self.counts),
                "problems": [p.to_json() for p in self.problems]}  # fmt: skip


@dataclass(frozen=True, slots=True)
class RepairProgress:
    """One step of a repair: `done` of `total`, and a line for the user when a step ends."""

    step: str
    done: int
    total: int
    message: str | None = None
    failed: bool = False  # the message says what could not be repaired


def _listed(ids: list[int]) -> str:
    shown = ", ".join(map(str, ids[:SHOWN_IDS]))
    return shown + (f", … ({len(ids) - SHOWN_IDS} more)" if len(ids) > SHOWN_IDS else "")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# ------------------------------------------------------------------------ checks


def _sqlite_checks(session: Session, report: IntegrityReport) -> None:
    rows = [r[0] for r in session.execute(text("PRAGMA integrity_check"))]
    if rows != ["ok"]:
        report.problems.append(Problem(
            "sqlite-integrity", "the database file is damaged: " + "; ".join(rows[:5])
            + ". Restore a backup (see `restore`); repair cannot fix this.", False,
        ))
    by_table: dict[str, list[int]] = {}
    for table, rowid, _parent, _fk in session.execute(text("PRAGMA foreign_key_check")):
        if table != "citation_links":  # reported, with more detail, as dangling links
            by_table.setdefault(table, []).append(rowid)
    for table, rowids in sorted(by_table.items()):
        repairable = table in DERIVED_TABLES
        what = "they are removed by repair" if repairable else "restore a backup to recover them"
        report.problems.append(Problem(
            "foreign-key", f"{_plural(len(rowids), 'row')} of {table} refer to rows that do not exist ({what})",
            repairable, tuple(rowids), table,
        ))


def _index_checks(archive: Archive, session: Session, report: IntegrityReport) -> None:
    db_rows = {r.id: (r.title, r.updated_at) for r in session.execute(
        select(Document.id, Document.title, Document.updated_at))}  # fmt: skip
    pending = set(session.scalars(select(IndexQueue.document_id)))
    report.counts.update(documents=len(db_rows), pending=len(pending))
    try:
        index = archive.index
    except ArchiveError as e:  # a read-only archive's unusable index: reported, as it cannot be rebuilt there
        report.counts["indexed"] = 0
        report.problems.append(Problem("index-unusable", str(e), False))
        return
    if index.needs_rebuild:
        report.counts["indexed"] = 0
        report.problems.append(Problem(
            "index-unusable", f"the search index must be rebuilt: {index.rebuild_reason}", True,
        ))
        return
    entries = index.entries()
    report.counts["indexed"] = len(entries)
    missing = sorted(set(db_rows) - set(entries) - pending)
    extra = sorted(set(entries) - set(db_rows) - pending)
    stale = []
    now = time.time()
    for doc_id, (title, written) in entries.items():
        row = db_rows.get(doc_id)
        if row is None or doc_id in pending:
            continue
        updated = row[1].replace(tzinfo=UTC).timestamp() if row[1] else 0.0
        changed = written < updated <= now  # a future stamp is a moved clock: re-indexing would not clear it
        if changed or title != (row[0] or ""):
            stale.append(doc_id)
    stale.sort()
    if missing:
        report.problems.append(Problem(
            "index-missing", f"{_plural(len(missing), 'document')} missing from the search index: {_listed(missing)}",
            True, tuple(missing),
        ))
    if extra:
        report.problems.append(Problem(
            "index-extra", f"{_plural(len(extra), 'id')} in the search index but not in the archive: {_listed(extra)}",
            True, tuple(extra),
        ))
    if stale:
        report.problems.append(Problem(
            "index-stale", f"{_plural(len(stale), 'document')} changed since indexed: {_listed(stale)}",
            True, tuple(stale),
        ))


def _mismatched_annotations(session: Session) -> list[int]:
    """Annotations whose span no longer holds their quote (SQLite substr counts characters, as Python does)."""
    return list(session.scalars(
        select(Annotation.id)
        .join(Document, Document.id == Annotation.document_id)
        .where(
            Annotation.orphaned.is_(False),
            (Annotation.start < 0) | (Annotation.end > func.length(Document.text))
            | (func.substr(Document.text, Annotation.start + 1, Annotation.end - Annotation.start) != Annotation.quote),
        )
        .order_by(Annotation.id)
    ))


def _dangling_links(session: Session) -> list[int]:
    return list(session.scalars(
        select(CitationLink.id)
        .outerjoin(Document, Document.id == CitationLink.target_document_id)
        .where(Document.id.is_(None))
        .order_by(CitationLink.id)
    ))


def check(archive: Archive, *, quick: bool = False) -> IntegrityReport:
    """Look for problems; `quick` skips SQLite's page-level checks (what the app runs on open)."""
    report = IntegrityReport(quick=quick)
    with archive.session() as s:
        if not quick:
            _sqlite_checks(s, report)
        _index_checks(archive, s, report)
        mismatched = _mismatched_annotations(s)
        report.counts["annotations"] = s.scalar(select(func.count(Annotation.id))) or 0
        if mismatched:
            report.problems.append(Problem(
                "annotation-mismatch",
                f"{_plural(len(mismatched), 'annotation')} whose quote no longer matches its span: "
                f"{_listed(mismatched)}",
                True, tuple(mismatched),
            ))
        dangling = _dangling_links(s)
        if dangling:
            report.problems.append(Problem(
                "dangling-link", f"{_plural(len(dangling), 'citation link')} to documents that do not exist",
                True, tuple(dangling),
            ))
    return report


# ------------------------------------------------------------------------ repair


def repair(archive: Archive, report: IntegrityReport) -> Iterator[RepairProgress]:
    """Fix the report's repairable problems, with progress; say what could not be fixed."""
    for problem in report.problems:
        if not problem.repairable:
            yield RepairProgress(problem.kind, 0, 0, f"not repaired: {problem.detail}", failed=True)
    if report.of_kind("index-unusable"):
        last = None
        for progress in search.rebuild(archive):
            last = progress
            yield RepairProgress("reindex", progress.done, progress.total)
        count = _plural(last.total if last else 0, "document")
        yield RepairProgress("reindex", 1, 1, f"rebuilt the search index ({count})")
    else:
        yield from _reindex(archive, report)
    yield from _reanchor(archive, [i for p in report.of_kind("annotation-mismatch") for i in p.ids])
    yield from _delete_rows(archive, report)


def _reindex(archive: Archive, report: IntegrityReport) -> Iterator[RepairProgress]:
    ids = sorted({i for kind in ("index-missing", "index-extra", "index-stale") for p in report.of_kind(kind)
                  for i in p.ids})  # fmt: skip
    if not ids:
        return
    for start in range(0, len(ids), search.BATCH):
        yield RepairProgress("reindex", start, len(ids))
        search.apply_changes(archive, ids[start:start + search.BATCH])
    done = f"re-indexed {_plural(len(ids), 'document')} (added, updated or removed)"
    yield RepairProgress("reindex", len(ids), len(ids), done)


def _reanchor(archive: Archive, annotation_ids: list[int]) -> Iterator[RepairProgress]:
    """Find each annotation's quote again (exact, then fuzzy); orphan it if not found, never guess."""
    if not annotation_ids:
        return
    moved = orphaned = 0
    with archive.session() as s:
        texts: dict[int, str] = {}
        for n, a in enumerate(s.scalars(select(Annotation).where(Annotation.id.in_(annotation_ids)))):
            yield RepairProgress("reanchor", n, len(annotation_ids))
            if a.document_id not in texts:
                texts[a.document_id] = s.scalar(select(Document.text).where(Document.id == a.document_id)) or ""
            doc_text = texts[a.document_id]
            found = anchoring.reanchor(doc_text, anchoring.Anchor(a.start, a.end, a.quote, a.prefix, a.suffix))
            if found is None:
                a.orphaned = True
                orphaned += 1
            else:
                anchor = found.anchor
                a.start, a.end, a.quote, a.prefix, a.suffix = (
                    anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix)  # fmt: skip
                moved += 1
            a.text_sha256 = anchoring.text_hash(doc_text)
    done = f"re-anchored {_plural(moved, 'annotation')}, orphaned {orphaned} (quote not found)"
    yield RepairProgress("reanchor", len(annotation_ids), len(annotation_ids), done)


def _delete_rows(archive: Archive, report: IntegrityReport) -> Iterator[RepairProgress]:
    links = [i for p in report.of_kind("dangling-link") for i in p.ids]
    if links:
        with archive.session() as s:
            s.execute(delete(CitationLink).where(CitationLink.id.in_(links)))
        yield RepairProgress("links", 1, 1, f"deleted {_plural(len(links), 'dangling citation link')}")
    for p in report.of_kind("foreign-key"):
        if p.repairable and p.table in DERIVED_TABLES:
            with archive.session() as s:
                for rowid in p.ids:
                    s.execute(text(f'DELETE FROM "{p.table}" WHERE rowid = :r'), {"r": rowid})
            yield RepairProgress("foreign-key", 1, 1, f"deleted {_plural(len(p.ids), 'orphaned row')} of {p.table}")


INDEX_KINDS = ("index-unusable", "index-missing", "index-extra", "index-stale")


def on_open(archive: Archive) -> Iterator[search.IndexProgress]:
    """What the desktop app runs in the background when an archive opens.

    Catch the index up (or rebuild it) and warm it, so a search typed at once is quick;
    then run the cheap checks and repair what they find in the index (the rest is left
    to `check --repair`, which the user runs knowingly). Progress is the index's.
    """
    yield from search.bring_up_to_date(archive)
    archive.index.warm()
    report = check(archive, quick=True)
    index_problems = [p for p in report.problems if p.kind in INDEX_KINDS and p.repairable]
    if index_problems:
        log.info("repairing the search index on open: %s", "; ".join(p.detail for p in index_problems))
        for step in repair(archive, IntegrityReport(quick=True, problems=index_problems)):
            yield search.IndexProgress(step.done, max(step.total, 1), "repair")
