"""One document's place in the archive's web of citations: what it cites, and what cites it.

Read from the links `app/library/linking.py` keeps (footnote → citation → citation_link →
document), in both directions with one grouped query, so a document cited by thousands costs one
indexed pass (`citation_links.target_document_id`, `footnotes (document_id, number)`), not a row
per citation in Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, literal, select, union_all

from app.archive.folder import Archive
from app.errors import NotFoundError
from db.models import Citation, CitationLink, Document, Footnote

CITES, CITED_BY = "cites", "cited_by"


@dataclass(slots=True, frozen=True)
class LinkedDocument:
    """A document of the archive on the map; `footnotes` are the citing document's note numbers."""

    id: int
    title: str
    date: str | None
    kind: str
    footnotes: tuple[int, ...] = ()

    @property
    def times(self) -> int:
        """How many footnotes make the link."""
        return len(self.footnotes)


@dataclass(slots=True, frozen=True)
class CitationMap:
    document: LinkedDocument
    cites: tuple[LinkedDocument, ...] = ()  # most often cited first
    cited_by: tuple[LinkedDocument, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.cites or self.cited_by)


def citation_map(archive: Archive, document_id: int) -> CitationMap:
    """The archive documents `document_id` cites and those citing it; a document never maps to itself."""
    cites = (
        select(literal(CITES).label("direction"), CitationLink.target_document_id.label("other"), Footnote.number)
        .join(Citation, Citation.footnote_id == Footnote.id)
        .join(CitationLink, CitationLink.citation_id == Citation.id)
        .where(Footnote.document_id == document_id, CitationLink.target_document_id != document_id)
    )
    cited_by = (
        select(literal(CITED_BY).label("direction"), Footnote.document_id.label("other"), Footnote.number)
        .select_from(CitationLink)
        .join(Citation, Citation.id == CitationLink.citation_id)
        .join(Footnote, Footnote.id == Citation.footnote_id)
        .where(CitationLink.target_document_id == document_id, Footnote.document_id != document_id)
    )
    links = union_all(cites, cited_by).subquery()
    numbers = func.group_concat(links.c.number.distinct())
    grouped = (
        select(links.c.direction, Document.id, Document.title, Document.date, Document.kind, numbers)
        .join(Document, Document.id == links.c.other)
        .group_by(links.c.direction, Document.id)
    )
    with archive.session() as s:
        centre = s.execute(
            select(Document.id, Document.title, Document.date, Document.kind).where(Document.id == document_id)
        ).one_or_none()
        if centre is None:
            raise NotFoundError(f"no document with id {document_id}")
        rows = s.execute(grouped).all()
    sides: dict[str, list[LinkedDocument]] = {CITES: [], CITED_BY: []}
    for direction, other, title, date, kind, numbers in rows:
        notes = tuple(sorted({int(n) for n in str(numbers).split(",") if n}))
        sides[direction].append(LinkedDocument(other, title, date, kind, notes))
    return CitationMap(
        LinkedDocument(*centre),
        _ordered(sides[CITES]),
        _ordered(sides[CITED_BY]),
    )


def _ordered(docs: list[LinkedDocument]) -> tuple[LinkedDocument, ...]:
    """Most footnotes first, then the newest, then by title (stable sorts, least significant key first)."""
    docs = sorted(docs, key=lambda d: d.title.casefold())
    docs.sort(key=lambda d: d.date or "", reverse=True)
    docs.sort(key=lambda d: d.times, reverse=True)
    return tuple(docs)
