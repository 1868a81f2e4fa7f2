"""Removing documents from the archive, without silently taking annotations with them.

A document's annotations are months of a researcher's work: removing a
document that has any is refused unless the caller says so (`with_annotations`,
the CLI's `--force`, a confirmation in the GUI), and the refusal says how many.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.archive.folder import Archive
from app.errors import DossierError, NotFoundError
from app.search.updates import queue_documents, reindex_now
from db.models import Annotation, Base, Document


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


_CHUNK = 500  # values per IN (…): SQLite bounds the parameters of one statement


@dataclass(frozen=True, slots=True)
class RemovedRows:
    """Every row that removing some documents deletes, by table in creation order: enough to put them back."""

    document_ids: tuple[int, ...]
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]


def rows_removed_with(archive: Archive, doc_ids: Iterable[int]) -> RemovedRows:
    """The rows that deleting these documents would take with them, found by following every foreign key that
    cascades from `documents` (sections, notes, citations, links from other documents, tags, annotations …);
    read from the schema, so a table added later is covered without a change here."""
    ids = tuple(sorted(set(doc_ids)))
    tables = Base.metadata.sorted_tables
    keys: dict[str, dict[str, set[Any]]] = {"documents": {"id": set(ids)}}
    found: list[tuple[str, tuple[dict[str, Any], ...]]] = []
    with archive.session() as s:
        for table in tables:
            conditions = []
            if table.name == "documents":
                conditions.append(table.c.id.in_(ids))
            for fk in table.foreign_keys:
                wanted = keys.get(fk.column.table.name, {}).get(fk.column.name)
                if wanted and fk.ondelete and fk.ondelete.upper() == "CASCADE":
                    conditions.append(fk.parent.in_(sorted(wanted)))
            if not conditions:
                continue
            rows = tuple(dict(r) for r in s.execute(select(table).where(or_(*conditions))).mappings())
            if rows:
                found.append((table.name, rows))
                referenced = {fk.column.name for t in tables for fk in t.foreign_keys if fk.column.table is table}
                keys[table.name] = {name: {r[name] for r in rows} for name in referenced}
    return RemovedRows(ids, tuple(found))


def restore_rows(archive: Archive, removed: RemovedRows) -> None:
    """Put removed documents back with everything that went with them, same ids, in one transaction; rows that
    point at something removed since (a deleted tag) stay out. Then the index learns of them."""
    tables = Base.metadata.tables
    with archive.session() as s:
        for name, rows in removed.rows:
            table = tables[name]
            kept = list(rows)
            for fk in table.foreign_keys:
                values = {r[fk.parent.name] for r in kept} - {None}
                present: set[Any] = set()
                ordered = sorted(values)
                for start in range(0, len(ordered), _CHUNK):
                    present |= set(s.scalars(select(fk.column).where(fk.column.in_(ordered[start:start + _CHUNK]))))
                kept = [r for r in kept if r[fk.parent.name] is None or r[fk.parent.name] in present]
            if kept:
                s.execute(sqlite_insert(table).on_conflict_do_nothing(), kept)  # one statement, many rows
        queue_documents(s, removed.document_ids)
    reindex_now(archive, removed.document_ids)


def annotation_count(archive: Archive, doc_ids: Iterable[int]) -> int:
    """How many annotations removing these documents would take with them (for the question asked first)."""
    with archive.session() as s:
        return s.scalar(select(func.count(Annotation.id)).where(Annotation.document_id.in_(sorted(set(doc_ids))))) or 0
