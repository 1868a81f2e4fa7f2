"""Choosing the annotations to export and resolving each into an excerpt.

An excerpt brings along its document's citation and the footnotes whose
markers fall inside the marked span or immediately follow it (only spaces and
punctuation between: a passage ending `… 25 percent.”[15]` brings note 15).
Those footnotes are renumbered as endnotes of the whole export, in order of
appearance; a note met twice keeps its first number.

Selection: the criteria given are combined with AND (`--doc 4 --tag maps` is
the annotations of document 4 tagged `maps`); repeated values of one criterion
with OR. A tag selects annotations carrying it (or a tag below it) and the
annotations of documents carrying it. A query selects the annotations of the
documents it matches, or with `notes_only` only annotations whose note matches.
No criterion selects every annotation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.annotating.annotations import AnnotationFilter, list_annotations
from app.archive.folder import Archive
from app.export.excerpt_model import Endnote, Excerpt, ExcerptSet, ExportOptions, ExportWords, SourceDocument
from app.library import tags
from app.library.stored_text import author_names, without_surrogates
from app.library.tag_queries import annotations_tagged, documents_tagged
from app.parsing.dates import format_date_human
from app.search.service import annotations_matching, documents_matching
from db.models import Annotation, Document, Footnote

_BETWEEN = re.compile(r"^[\s.,;:!?)\]}'\"’”»…–—-]*$")


@dataclass(slots=True)
class Selection:
    document_ids: Sequence[int] = ()
    annotation_ids: Sequence[int] = ()
    tag: str | None = None
    query: str | None = None
    notes_only: bool = False  # with `query`: only annotations whose note matches
    orphaned: bool | None = None

    def describe(self) -> str:
        parts = []
        if self.document_ids:
            parts.append("documents " + ", ".join(map(str, self.document_ids)))
        if self.tag:
            parts.append(f"tag {self.tag}")
        if self.query:
            parts.append(f"{'notes matching' if self.notes_only else 'search'} “{self.query}”")
        if self.annotation_ids:
            parts.append("annotations " + ", ".join(map(str, self.annotation_ids)))
        return "; ".join(parts) or "all annotations"


def citation_line(
    title: str, date: str | None, date_label: str | None, publisher: str | None,
    authors: Sequence[str] = (), url: str | None = None, words: ExportWords | None = None,
) -> str:
    """`Landmine Monitor, “Azerbaijan”, last updated 28 September 2022.`

    Whoever wrote it comes first: the authors, joined by "; ", else the publisher (a body
    writing in its own name, as most of the genre does). With authors, the publisher follows
    the title, unless it is one of the authors. The source URL, when known, ends the line
    after the full stop, as Chicago style places it:
    `Human Rights Watch; J. Smith, “Title”, Landmine Monitor, 20 September 2013. https://…`
    """
    names = [name for name in authors if name]
    if names:
        parts = ["; ".join(names), f"“{title}”"]
        if publisher and publisher.casefold() not in {name.casefold() for name in names}:
            parts.append(publisher)
    else:
        parts = [p for p in (publisher, f"“{title}”") if p]
    words = words or ExportWords()
    if date:
        when = (words.date or format_date_human)(date)
        parts.append(f"{date_label} {when}" if date_label else when)
    else:
        parts.append(words.undated)
    line = ", ".join(parts) + "."
    return f"{line} {url}" if url else line


def source_of(doc: Document, words: ExportWords | None = None) -> SourceDocument:
    if doc.source_path:
        uri = Path(doc.source_path).as_uri() if Path(doc.source_path).is_absolute() else doc.source_path
    else:
        uri = f"urn:sha256:{doc.sha256}"
    authors = tuple(author_names(doc.authors))
    return SourceDocument(
        doc.id, doc.title, doc.date, doc.date_label, doc.publisher, doc.kind, doc.source_path, doc.sha256, uri,
        citation_line(doc.title, doc.date, doc.date_label, doc.publisher, authors, doc.source_url, words),
        authors, doc.source_url, doc.language,
    )


def select_annotation_ids(archive: Archive, selection: Selection) -> list[int]:
    """The chosen annotations' ids, ordered by document, then position."""
    flt = AnnotationFilter(
        document_ids=list(selection.document_ids), annotation_ids=list(selection.annotation_ids),
        orphaned=selection.orphaned,
    )
    chosen = list_annotations(archive, flt)
    if selection.tag:
        allowed = _ids_by_tag(archive, selection.tag)
        chosen = [a for a in chosen if a.id in allowed]
    if selection.query:
        if selection.notes_only:
            allowed = annotations_matching(archive, selection.query, [a.id for a in chosen])
            chosen = [a for a in chosen if a.id in allowed]
        else:
            docs = documents_matching(archive, selection.query)
            chosen = [a for a in chosen if a.document_id in docs]
    return [a.id for a in chosen]


def _ids_by_tag(archive: Archive, name: str) -> set[int]:
    clean = tags.normalise_name(name)
    with archive.session() as s:
        by_annotation = set(s.scalars(annotations_tagged(clean)))
        by_document = set(s.scalars(select(Annotation.id).where(Annotation.document_id.in_(documents_tagged(clean)))))
    return by_annotation | by_document


def carried_markers(text: str, markers: Sequence[tuple[int, int, int]], start: int, end: int) -> list[int]:
    """Numbers of the markers (number, start, end; sorted by start) inside [start, end) or right after it."""
    numbers = [n for n, m_start, _ in markers if start <= m_start < end]
    reach = end
    for number, m_start, m_end in markers:
        if m_start < reach:
            continue
        if _BETWEEN.match(text[reach:m_start]):
            numbers.append(number)
            reach = m_end
        else:
            break
    return list(dict.fromkeys(numbers))


def build(
    archive: Archive, annotation_ids: Sequence[int], *, options: ExportOptions | None = None,
    title: str = "Annotated excerpts", description: str = "", words: ExportWords | None = None,
) -> ExcerptSet:
    """Resolve annotations into excerpts, in the order given, with endnotes numbered across the set;
    `words` are what the file says around them (English when not given)."""
    options = options or ExportOptions()
    with archive.session() as s:
        rows = s.scalars(
            select(Annotation).where(Annotation.id.in_(list(annotation_ids))).options(selectinload(Annotation.tags))
        ).all()
        by_id = {a.id: a for a in rows}
        doc_ids = sorted({a.document_id for a in rows})
        docs = {
            d.id: d
            for d in s.scalars(
                select(Document)
                .where(Document.id.in_(doc_ids))
                .options(
                    selectinload(Document.markers), selectinload(Document.footnotes).selectinload(Footnote.citations)
                )
            )
        }
        numbering: dict[tuple[int, int], int] = {}
        excerpts: list[Excerpt] = []
        for annotation_id in annotation_ids:
            a = by_id.get(annotation_id)
            if a is None:
                continue
            doc = docs[a.document_id]
            excerpts.append(_excerpt(a, doc, numbering, words))
    return ExcerptSet(without_surrogates(title), datetime.now(UTC).replace(tzinfo=None), excerpts, options,
                      without_surrogates(description), words or ExportWords())  # fmt: skip


def _excerpt(a: Annotation, doc: Document, numbering: dict[tuple[int, int], int],
             words: ExportWords | None) -> Excerpt:  # fmt: skip
    endnotes: list[Endnote] = []
    if not a.orphaned:
        markers = [(m.number, m.start, m.end) for m in sorted(doc.markers, key=lambda m: m.start)]
        notes = {f.number: f for f in doc.footnotes}
        for number in carried_markers(doc.text, markers, a.start, a.end):
            key = (doc.id, number)
            endnote_number = numbering.setdefault(key, len(numbering) + 1)
            endnotes.append(_endnote(endnote_number, number, notes.get(number)))
    return Excerpt(
        annotation_id=a.id, document=source_of(doc, words), quote=a.quote, prefix=a.prefix, suffix=a.suffix,
        start=a.start, end=a.end, orphaned=a.orphaned, color=a.color, note=a.note,
        tags=[t.name for t in a.tags], created_at=a.created_at, modified_at=a.modified_at, endnotes=endnotes,
    )


def _endnote(number: int, original: int, note: Footnote | None) -> Endnote:
    if note is None:
        return Endnote(number, original, f"(footnote {original} is missing from the source document)", None)
    urls = [c.url for c in note.citations if c.url]
    return Endnote(number, original, note.text, note.resolved_text, list(dict.fromkeys(urls)))
