"""Annotations: create, list, edit, delete and re-anchor marked passages.

Each service call is one transaction and returns detached `AnnotationInfo`
values, so the GUI and the CLI never hold a session. Changes queue the
document for the search index (notes and annotation tags are searchable) and
re-index it right after the commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from app.annotating import anchoring
from app.archive.folder import Archive
from app.errors import DossierError, NotFoundError
from app.export.excerpt_model import COLORS
from app.library import tags
from app.library.stored_text import without_surrogates
from app.library.tag_queries import annotations_tagged
from app.search.updates import queue_documents, reindex_now
from db.models import Annotation, Document

MAX_NOTE = 100_000


@dataclass(frozen=True, slots=True)
class AnnotationInfo:
    id: int
    document_id: int
    document_title: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    color: str
    note: str
    tags: tuple[str, ...]
    orphaned: bool
    created_at: datetime
    modified_at: datetime

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id, "document_id": self.document_id, "document_title": self.document_title,
            "start": self.start, "end": self.end, "quote": self.quote, "prefix": self.prefix,
            "suffix": self.suffix, "color": self.color, "note": self.note, "tags": list(self.tags),
            "orphaned": self.orphaned, "created": self.created_at.isoformat(timespec="seconds"),
            "modified": self.modified_at.isoformat(timespec="seconds"),
        }


@dataclass(slots=True)
class AnnotationFilter:
    """What `list_annotations` returns; empty fields do not filter."""

    document_ids: Sequence[int] = ()
    annotation_ids: Sequence[int] = ()
    tag: str | None = None  # the tag or any tag below it (`country` takes `country/Azerbaijan`)
    color: str | None = None
    text: str | None = None  # words found in the quote or the note (case-insensitive substring)
    orphaned: bool | None = None
    order: str = "document"  # "document" (document, then position) or "modified" (newest first)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _info(a: Annotation) -> AnnotationInfo:
    return AnnotationInfo(
        a.id, a.document_id, a.document.title, a.start, a.end, a.quote, a.prefix, a.suffix, a.color, a.note,
        tuple(t.name for t in a.tags), a.orphaned, a.created_at, a.modified_at,
    )


def _check_color(color: str) -> str:
    if color not in COLORS:
        raise DossierError(f"colour must be one of: {', '.join(COLORS)}")
    return color


def _check_note(note: str) -> str:
    if len(note) > MAX_NOTE:
        raise DossierError(f"a note is limited to {MAX_NOTE:,} characters")
    return without_surrogates(note)  # what SQLite and every export can encode


def _load(session: Session, annotation_id: int) -> Annotation:
    a = session.get(Annotation, annotation_id, options=[selectinload(Annotation.tags)])
    if a is None:
        raise NotFoundError(f"no annotation with id {annotation_id}")
    return a


def _text_of(session: Session, document_id: int) -> str:
    text = session.scalar(select(Document.text).where(Document.id == document_id))
    if text is None:
        raise NotFoundError(f"no document with id {document_id}")
    return text


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """The span of the `occurrence`-th (1-based) exact occurrence of `quote`; a clear error otherwise."""
    if not quote.strip():
        raise DossierError("the quote is empty")
    starts = anchoring.find_occurrences(text, quote)
    if not starts:
        raise DossierError("the quote does not occur in the document's text")
    if not 1 <= occurrence <= len(starts):
        raise DossierError(f"the quote occurs {len(starts)} time(s); --occurrence must be 1–{len(starts)}")
    return starts[occurrence - 1], starts[occurrence - 1] + len(quote)


def create(
    archive: Archive, document_id: int, start: int, end: int, *, note: str = "", color: str = "yellow",
    tag_names: Iterable[str] = (),
) -> AnnotationInfo:
    """Annotate [start, end) of the document's text (trimmed of surrounding whitespace)."""
    _check_color(color)
    note = _check_note(note)
    names = [tags.normalise_name(n) for n in tag_names]
    with archive.session() as s:
        text = _text_of(s, document_id)
        if not (0 <= start < end <= len(text)):
            raise DossierError(f"span {start}–{end} is outside the document's text (0–{len(text)})")
        start, end = anchoring.trim_span(text, start, end)
        if start >= end:
            raise DossierError("the span holds only spaces")
        anchor = anchoring.make_anchor(text, start, end)
        now = _now()
        a = Annotation(
            document_id=document_id, start=anchor.start, end=anchor.end, quote=anchor.quote, prefix=anchor.prefix,
            suffix=anchor.suffix, text_sha256=anchoring.text_hash(text), color=color, note=note,
            created_at=now, modified_at=now,
        )
        a.tags = [tags.get_or_create(s, n) for n in dict.fromkeys(names)]
        s.add(a)
        s.flush()
        queue_documents(s, [document_id])
        info = _info(a)
    reindex_now(archive, [document_id])
    return info


def create_from_quote(
    archive: Archive, document_id: int, quote: str, *, occurrence: int = 1, **kwargs: object
) -> AnnotationInfo:
    with archive.session() as s:
        start, end = find_quote(_text_of(s, document_id), quote, occurrence)
    return create(archive, document_id, start, end, **kwargs)  # type: ignore[arg-type]


def get(archive: Archive, annotation_id: int) -> AnnotationInfo:
    with archive.session() as s:
        return _info(_load(s, annotation_id))


def edit(
    archive: Archive, annotation_id: int, *, note: str | None = None, color: str | None = None,
    tag_names: Iterable[str] | None = None, add_tags: Iterable[str] = (), remove_tags: Iterable[str] = (),
) -> AnnotationInfo:
    """Change note, colour or tags (`tag_names` replaces them all; add/remove adjust)."""
    if color is not None:
        _check_color(color)
    if note is not None:
        note = _check_note(note)
    with archive.session() as s:
        a = _load(s, annotation_id)
        if note is not None:
            a.note = note
        if color is not None:
            a.color = color
        current = [t.name for t in a.tags] if tag_names is None else [tags.normalise_name(n) for n in tag_names]
        dropped = {tags.normalise_name(n).casefold() for n in remove_tags}
        wanted = [n for n in current if n.casefold() not in dropped]
        wanted += [tags.normalise_name(n) for n in add_tags]
        unique = list({n.casefold(): n for n in wanted}.values())
        a.tags = [tags.get_or_create(s, n) for n in unique]
        a.modified_at = _now()
        s.flush()
        queue_documents(s, [a.document_id])
        info = _info(a)
    reindex_now(archive, [info.document_id])
    return info


def delete(archive: Archive, annotation_id: int) -> AnnotationInfo:
    """Delete one annotation; returns what it was, so an undo can `restore` it."""
    with archive.session() as s:
        a = _load(s, annotation_id)
        info = _info(a)
        s.delete(a)
        queue_documents(s, [info.document_id])
    reindex_now(archive, [info.document_id])
    return info


def restore(archive: Archive, info: AnnotationInfo) -> AnnotationInfo:
    """Put back a deleted annotation as it was, with its id (the undo of `delete`)."""
    with archive.session() as s:
        if s.get(Annotation, info.id) is not None:
            raise DossierError(f"annotation {info.id} already exists")
        text = _text_of(s, info.document_id)
        a = Annotation(
            id=info.id, document_id=info.document_id, start=info.start, end=info.end, quote=info.quote,
            prefix=info.prefix, suffix=info.suffix, text_sha256=anchoring.text_hash(text), color=info.color,
            note=info.note, orphaned=info.orphaned, created_at=info.created_at, modified_at=info.modified_at,
        )
        a.tags = [tags.get_or_create(s, n) for n in info.tags]
        s.add(a)
        s.flush()
        queue_documents(s, [info.document_id])
        restored = _info(a)
    reindex_now(archive, [info.document_id])
    return restored


def _place(a: Annotation, anchor: anchoring.Anchor) -> None:
    a.start, a.end, a.quote, a.prefix, a.suffix = anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix


def reattach(archive: Archive, annotation_id: int, start: int, end: int) -> AnnotationInfo:
    """Anchor an annotation (typically an orphan) to a new span of its document ("Re-anchor here")."""
    with archive.session() as s:
        a = _load(s, annotation_id)
        text = _text_of(s, a.document_id)
        start, end = anchoring.trim_span(text, start, end)
        if start >= end:
            raise DossierError("select the text to anchor the annotation to")
        _place(a, anchoring.make_anchor(text, start, end))
        a.text_sha256 = anchoring.text_hash(text)
        a.orphaned = False
        a.modified_at = _now()
        s.flush()
        return _info(a)


def restore_anchor(archive: Archive, info: AnnotationInfo) -> AnnotationInfo:
    """Put back the anchor and orphaned state `info` had, in one transaction (the undo of `reattach`)."""
    with archive.session() as s:
        a = _load(s, info.id)
        _place(a, anchoring.Anchor(info.start, info.end, info.quote, info.prefix, info.suffix))
        a.orphaned = info.orphaned
        a.modified_at = info.modified_at
        s.flush()
        return _info(a)


def list_annotations(archive: Archive, flt: AnnotationFilter | None = None) -> list[AnnotationInfo]:
    flt = flt or AnnotationFilter()
    stmt = select(Annotation).join(Document, Document.id == Annotation.document_id).options(
        selectinload(Annotation.tags), selectinload(Annotation.document).load_only(Document.title)
    )
    if flt.document_ids:
        stmt = stmt.where(Annotation.document_id.in_(list(flt.document_ids)))
    if flt.annotation_ids:
        stmt = stmt.where(Annotation.id.in_(list(flt.annotation_ids)))
    if flt.color:
        stmt = stmt.where(Annotation.color == _check_color(flt.color))
    if flt.orphaned is not None:
        stmt = stmt.where(Annotation.orphaned.is_(flt.orphaned))
    if flt.text:
        like = f"%{flt.text.strip()}%"
        stmt = stmt.where(or_(Annotation.quote.ilike(like), Annotation.note.ilike(like)))
    if flt.tag:
        stmt = stmt.where(Annotation.id.in_(annotations_tagged(tags.normalise_name(flt.tag))))
    if flt.order == "modified":
        stmt = stmt.order_by(Annotation.modified_at.desc(), Annotation.id.desc())
    else:
        stmt = stmt.order_by(Annotation.document_id, Annotation.orphaned, Annotation.start, Annotation.id)
    with archive.session() as s:
        return [_info(a) for a in s.scalars(stmt)]


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    kept: int = 0
    moved: int = 0
    orphaned: int = 0


def reanchor_document(session: Session, document_id: int, text: str) -> ReanchorReport:
    """Re-anchor a document's annotations to its new text, inside the caller's transaction."""
    new_hash = anchoring.text_hash(text)
    kept = moved = orphaned = 0
    for a in session.scalars(select(Annotation).where(Annotation.document_id == document_id)):
        if a.text_sha256 == new_hash and not a.orphaned:
            kept += 1
            continue
        found = anchoring.reanchor(text, anchoring.Anchor(a.start, a.end, a.quote, a.prefix, a.suffix))
        if found is None:
            a.orphaned = True  # keep position and quote as they were: the quote is what was marked
            orphaned += 1
        else:
            anchor = found.anchor
            if (anchor.start, anchor.end) == (a.start, a.end) and not a.orphaned:
                kept += 1
            else:
                moved += 1
            _place(a, anchor)
            a.orphaned = False
        a.text_sha256 = new_hash
    return ReanchorReport(kept, moved, orphaned)
