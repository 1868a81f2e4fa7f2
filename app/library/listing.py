"""Read-side service: documents as plain data for the CLI and the GUI.

Results are dataclasses and dicts, never ORM objects, so callers cannot
touch the session (and the UI never writes SQL).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Select, func, literal, select, union_all
from sqlalchemy.orm import selectinload

from app.archive.folder import Archive
from app.errors import NotFoundError
from app.library.stored_text import author_names
from app.library.tag_queries import documents_carrying, names_by_document, tag_document_counts
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


FACET_GROUPS = ("kind", "publisher", "year", "tag")
_YEAR = func.substr(Document.date, 1, 4)
_FACET_COLUMNS = {"kind": Document.kind, "publisher": Document.publisher, "year": _YEAR}


@dataclass(slots=True, frozen=True)
class DocumentFilter:
    """Facet choices and search matches that narrow the library.

    Values chosen in one group combine with OR, groups with AND (as Zotero's and Recoll's
    facets do); an empty group does not filter. A group may be given as one string.
    """

    kind: frozenset[str] = frozenset()
    publisher: frozenset[str] = frozenset()
    year: frozenset[str] = frozenset()
    tag: frozenset[str] = frozenset()  # each: the tag or any tag below it, on the document or an annotation
    ids: frozenset[int] | None = None  # e.g. the documents a search matched
    month: frozenset[str] = frozenset()  # "2013-09": a month of the timeline (no facet of its own)

    def __post_init__(self) -> None:
        for group in (*FACET_GROUPS, "month"):
            values = getattr(self, group)
            values = (values,) if isinstance(values, str) else values or ()
            object.__setattr__(self, group, frozenset(v for v in values if v))

    def without(self, group: str) -> DocumentFilter:
        """This filter with nothing chosen in `group`: what that group's facet counts are taken over."""
        return replace(self, **{group: frozenset()})

    def is_empty(self) -> bool:
        return not (self.kind or self.publisher or self.year or self.tag or self.month) and self.ids is None


def _conditions(flt: DocumentFilter | None, *, shared: bool = False) -> dict[str, ColumnElement[bool]]:
    """One condition on Document per group chosen in `flt`, and one for its ids, by group name.

    `shared`: the tag and ids subqueries as CTEs, computed once by a statement that uses them
    several times (facet counts leave out a different group in each part).
    """
    if flt is None:
        return {}
    out: dict[str, ColumnElement[bool]] = {}
    for group, column in _FACET_COLUMNS.items():
        values = getattr(flt, group)
        if values:
            out[group] = column.in_(sorted(values))
    if flt.month:
        out["month"] = func.substr(Document.date, 1, 7).in_(sorted(flt.month))
    if flt.tag:
        tagged = documents_carrying(sorted(t.strip("/") for t in flt.tag))
        out["tag"] = Document.id.in_(_shared(tagged, "tagged") if shared else tagged)
    if flt.ids is not None:
        # One JSON parameter instead of thousands of bound ids: a broad search matches most documents.
        chosen = select(func.json_each(json.dumps(sorted(flt.ids))).table_valued("value").c.value)
        out["ids"] = Document.id.in_(_shared(chosen, "chosen") if shared else chosen)
    return out


def filter_conditions(flt: DocumentFilter | None) -> list[ColumnElement[bool]]:
    """The conditions on Document that `flt` sets, for other read-side queries over the same documents."""
    return list(_conditions(flt).values())


def _shared(query: Select[Any] | CompoundSelect, name: str) -> Select[Any]:
    cte = query.cte(name)
    return select(*cte.c)


def _filtered(query: Select[Any], flt: DocumentFilter | None) -> Select[Any]:
    """`query` (over Document) narrowed by `flt`."""
    return query.where(*_conditions(flt).values())


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
    """Documents per kind, publisher, year and tag, for the facet sidebar (most frequent first).

    Each group is counted over the documents the filter's other groups (and its ids) let
    through, so choosing one value keeps the others of its group countable: with
    press-release chosen, the count of statements is still there to add to it. Tags count
    documents tagged themselves or through an annotation, as the search index does.
    """
    conditions = _conditions(flt, shared=True)
    counted = [
        select(literal(group), column, func.count())
        .where(column.is_not(None), column != "", *(c for g, c in conditions.items() if g != group))
        .group_by(column)
        for group, column in _FACET_COLUMNS.items()
    ]
    others = [c for g, c in conditions.items() if g != "tag"]
    out: dict[str, dict[str, int]] = {group: {} for group in FACET_GROUPS}
    with archive.session() as s:
        for group, value, n in s.execute(union_all(*counted)):
            out[group][str(value)] = n
        out["tag"] = dict(s.execute(tag_document_counts(select(Document.id).where(*others) if others else None)).all())
    return {group: _most_frequent_first(counts) for group, counts in out.items()}


def _most_frequent_first(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


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
        "authors": author_names(doc.authors),
        "source_url": doc.source_url,
        "language": doc.language,
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
