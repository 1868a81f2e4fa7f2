"""Read-side service: documents as plain data for the CLI and the GUI.

Results are dataclasses and dicts, never ORM objects, so callers cannot
touch the session (and the UI never writes SQL).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from app.archive.folder import Archive
from app.errors import NotFoundError
from app.library.tag_queries import documents_tagged, names_by_document
from db.models import Annotation, Citation, CitationLink, Document, Footnote, Tag, document_tags

_ANNOTATION_COUNT = (
    select(func.count(Annotation.id)).where(Annotation.document_id == Document.id).correlate(Document).scalar_subquery()
)
_FIRST_TAG = (
    select(func.min(Tag.name))
    .join(document_tags, document_tags.c.tag_id == Tag.id)
    .where(document_tags.c.document_id == Document.id)
    .correlate(Document)
    .scalar_subquery()
)
SORT_COLUMNS = {
    "title": Document.title,
    "date": Document.date,
    "publisher": Document.publisher,
    "kind": Document.kind,
    "tags": _FIRST_TAG,
    "annotations": _ANNOTATION_COUNT,
    "imported": Document.imported_at,
    "id": Document.id,
}


@dataclass(slots=True, frozen=True)
class DocumentRow:
    """One line of the library table."""

    id: int
    title: str
    date: str | None
    publisher: str | None
    kind: str
    imported: str
    tags: tuple[str, ...] = ()
    annotations: int = 0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["tags"] = list(self.tags)
        return data


@dataclass(slots=True, frozen=True)
class DocumentFilter:
    """Facet choices that narrow the library (combined with AND); None does not filter."""

    kind: str | None = None
    publisher: str | None = None
    year: str | None = None
    tag: str | None = None  # the tag or any tag below it
    ids: frozenset[int] | None = None  # e.g. the documents a search matched

    def is_empty(self) -> bool:
        return not (self.kind or self.publisher or self.year or self.tag) and self.ids is None


def _filtered(query: Select[Any], flt: DocumentFilter | None) -> Select[Any]:
    if flt is None:
        return query
    if flt.kind:
        query = query.where(Document.kind == flt.kind)
    if flt.publisher:
        query = query.where(Document.publisher == flt.publisher)
    if flt.year:
        query = query.where(func.substr(Document.date, 1, 4) == flt.year)
    if flt.tag:
        query = query.where(Document.id.in_(documents_tagged(flt.tag.strip("/"))))
    if flt.ids is not None:
        # One JSON parameter instead of thousands of bound ids: a broad search matches most documents.
        chosen = func.json_each(json.dumps(sorted(flt.ids))).table_valued("value")
        query = query.where(Document.id.in_(select(chosen.c.value)))
    return query


def count_documents(archive: Archive, flt: DocumentFilter | None = None) -> int:
    with archive.session() as s:
        return s.scalar(_filtered(select(func.count(Document.id)), flt)) or 0


def list_documents(
    archive: Archive, *, sort: str = "id", descending: bool = False, offset: int = 0, limit: int | None = None,
    flt: DocumentFilter | None = None,
) -> list[DocumentRow]:
    """A page of documents sorted in the database (the table never loads texts)."""
    column = SORT_COLUMNS.get(sort, Document.id)
    order = column.desc().nulls_last() if descending else column.asc().nulls_last()
    query = _filtered(
        select(Document.id, Document.title, Document.date, Document.publisher, Document.kind, Document.imported_at),
        flt,
    ).order_by(order, Document.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with archive.session() as s:
        rows = s.execute(query).all()
        ids = [r.id for r in rows]
        names = names_by_document(s, ids)
        counts = dict(
            s.execute(
                select(Annotation.document_id, func.count()).where(Annotation.document_id.in_(ids))
                .group_by(Annotation.document_id)
            ).all()
        )
        return [
            DocumentRow(r.id, r.title, r.date, r.publisher, r.kind, r.imported_at.isoformat(timespec="seconds"),
                        tuple(names.get(r.id, ())), counts.get(r.id, 0))
            for r in rows
        ]


def facet_counts(archive: Archive, flt: DocumentFilter | None = None) -> dict[str, dict[str, int]]:
    """Counts of kind, publisher, year and tag over the (filtered) library, for the facet sidebar."""
    with archive.session() as s:
        base = _filtered(select(Document.id), flt).subquery()
        out: dict[str, dict[str, int]] = {}
        for name, column in (("kind", Document.kind), ("publisher", Document.publisher),
                             ("year", func.substr(Document.date, 1, 4))):
            rows = s.execute(
                select(column, func.count()).where(Document.id.in_(select(base.c.id)), column.is_not(None))
                .group_by(column).order_by(func.count().desc(), column)
            ).all()
            out[name] = {str(value): n for value, n in rows if value}
        tag_rows = s.execute(
            select(Tag.name, func.count())
            .join(document_tags, document_tags.c.tag_id == Tag.id)
            .where(document_tags.c.document_id.in_(select(base.c.id)))
            .group_by(Tag.name).order_by(Tag.name)
        ).all()
        out["tag"] = dict(tag_rows)
        return out


def document_text(archive: Archive, document_id: int) -> str:
    with archive.session() as s:
        text = s.scalar(select(Document.text).where(Document.id == document_id))
    if text is None:
        raise NotFoundError(f"no document with id {document_id}")
    return text


def document_detail(archive: Archive, document_id: int) -> dict[str, Any]:
    """Everything known about one document, in the shape of `show --json`."""
    with archive.session() as s:
        doc = s.execute(
            select(Document)
            .where(Document.id == document_id)
            .options(
                selectinload(Document.sections),
                selectinload(Document.markers),
                selectinload(Document.tags),
                selectinload(Document.footnotes)
                .selectinload(Footnote.citations)
                .selectinload(Citation.links)
                .selectinload(CitationLink.target),
            )
        ).scalar_one_or_none()
        if doc is None:
            raise NotFoundError(f"no document with id {document_id}")
        return _detail(doc)


def _detail(doc: Document) -> dict[str, Any]:
    noted = {f.number for f in doc.footnotes}
    marked = {m.number for m in doc.markers}
    footnotes = []
    for f in doc.footnotes:
        links: dict[int, dict[str, Any]] = {}
        for c in f.citations:
            for link in c.links:
                best = links.get(link.target_document_id)
                if best is None or link.score > best["score"]:
                    links[link.target_document_id] = {
                        "document_id": link.target_document_id,
                        "title": link.target.title,
                        "date": link.target.date,
                        "score": link.score,
                    }
        footnotes.append(
            {
                "number": f.number,
                "text": f.text,
                "resolved_text": f.resolved_text,
                "ibid_of": f.ibid_of,
                "citations": [
                    {
                        "text": c.text, "author": c.author, "title": c.title, "publisher": c.publisher,
                        "place": c.place, "date": c.date, "url": c.url,
                    }
                    for c in f.citations
                ],
                "links": sorted(links.values(), key=lambda link: -link["score"]),
            }
        )
    return {
        "id": doc.id,
        "title": doc.title,
        "date": doc.date,
        "date_label": doc.date_label,
        "publisher": doc.publisher,
        "kind": doc.kind,
        "source": {"path": doc.source_path, "format": doc.format, "sha256": doc.sha256},
        "imported_at": doc.imported_at.isoformat(timespec="seconds"),
        "updated_at": doc.updated_at.isoformat(timespec="seconds"),
        "text_length": doc.text_length,
        "tags": [t.name for t in doc.tags],
        "sections": [{"title": s.title, "level": s.level, "start": s.start} for s in doc.sections],
        "markers": [{"number": m.number, "start": m.start, "end": m.end} for m in doc.markers],
        "footnotes": footnotes,
        "missing_footnotes": sorted(marked - noted),
        "unreferenced_footnotes": sorted(noted - marked),
    }
