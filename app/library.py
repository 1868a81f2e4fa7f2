"""Read-side service: documents as plain data for the CLI and the GUI.

Results are dataclasses and dicts, never ORM objects, so callers cannot
touch the session (and the UI never writes SQL).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.archive import Archive
from app.errors import NotFoundError
from db.models import Citation, CitationLink, Document, Footnote

SORT_COLUMNS = {
    "title": Document.title,
    "date": Document.date,
    "publisher": Document.publisher,
    "kind": Document.kind,
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

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def count_documents(archive: Archive) -> int:
    with archive.session() as s:
        return s.scalar(select(func.count(Document.id))) or 0


def list_documents(
    archive: Archive, *, sort: str = "id", descending: bool = False, offset: int = 0, limit: int | None = None
) -> list[DocumentRow]:
    """A page of documents sorted in the database (the table never loads texts)."""
    column = SORT_COLUMNS.get(sort, Document.id)
    order = column.desc().nulls_last() if descending else column.asc().nulls_last()
    query = (
        select(Document.id, Document.title, Document.date, Document.publisher, Document.kind, Document.imported_at)
        .order_by(order, Document.id)
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    with archive.session() as s:
        return [
            DocumentRow(r.id, r.title, r.date, r.publisher, r.kind, r.imported_at.isoformat(timespec="seconds"))
            for r in s.execute(query)
        ]


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
        "sections": [{"title": s.title, "level": s.level, "start": s.start} for s in doc.sections],
        "markers": [{"number": m.number, "start": m.start, "end": m.end} for m in doc.markers],
        "footnotes": footnotes,
        "missing_footnotes": sorted(marked - noted),
        "unreferenced_footnotes": sorted(noted - marked),
    }
