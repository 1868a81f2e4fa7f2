"""Queries about tags that several services share, inside the caller's session.

The library, the search index feed, the tag services, annotations and excerpts
all ask "which tags does this item carry?" and "which items carry this tag or a
tag below it?"; one place answers, so the hierarchy rule (`country` takes
`country/…`) cannot drift between them. The library's Tags facet also counts and
filters documents by the tags of their annotations, as the search index does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, CompoundSelect, Select, Table, exists, func, or_, select, union_all
from sqlalchemy.orm import Session

from db.models import Annotation, Tag, annotation_tags, document_tags


def tag_or_below(name: str) -> ColumnElement[bool]:
    """Tag.name is `name` or a tag below it (`name/…`)."""
    return or_(Tag.name == name, func.substr(Tag.name, 1, len(name) + 1) == name + "/")


def documents_tagged(name: str) -> Select[tuple[int]]:
    """Ids of the documents carrying `name` or a tag below it (a subquery)."""
    return select(document_tags.c.document_id).join(Tag, Tag.id == document_tags.c.tag_id).where(tag_or_below(name))


def documents_carrying(names: Iterable[str]) -> CompoundSelect:
    """Ids of the documents carrying any of `names` (or a tag below one), themselves or on an annotation.

    What the library's Tags facet filters by: the search index merges annotation tags into a
    document's tags too, so `tag:` and the facet agree.
    """
    wanted = select(Tag.id).where(or_(*(tag_or_below(name) for name in names)))
    return union_all(
        select(document_tags.c.document_id).where(document_tags.c.tag_id.in_(wanted)),
        select(Annotation.document_id)
        .join(annotation_tags, annotation_tags.c.annotation_id == Annotation.id)
        .where(annotation_tags.c.tag_id.in_(wanted)),
    )


def tag_document_counts(within: Select[tuple[int]] | None = None) -> Select[tuple[str, int]]:
    """(tag name, documents carrying it themselves or on an annotation), each document counted once.

    Only documents in `within` (a subquery of ids) when given. Direct links are counted from
    the tag index; an annotation's link is added only where its document lacks the tag itself,
    so just those are made distinct (de-duplicating every link would sort them all).
    """
    direct = select(document_tags.c.tag_id, func.count().label("n")).group_by(document_tags.c.tag_id)
    already = document_tags.alias("already")
    pairs = (
        select(Annotation.document_id, annotation_tags.c.tag_id)
        .distinct()
        .join(annotation_tags, annotation_tags.c.annotation_id == Annotation.id)
        .where(
            ~exists().where(
                already.c.document_id == Annotation.document_id, already.c.tag_id == annotation_tags.c.tag_id
            )
        )
    )
    if within is not None:
        direct = direct.where(document_tags.c.document_id.in_(within))
        pairs = pairs.where(Annotation.document_id.in_(within))
    only_annotated = pairs.subquery()
    via_annotations = select(only_annotated.c.tag_id, func.count().label("n")).group_by(only_annotated.c.tag_id)
    counts = union_all(direct, via_annotations).subquery()
    return select(Tag.name, func.sum(counts.c.n)).join(counts, counts.c.tag_id == Tag.id).group_by(Tag.id)


def annotations_tagged(name: str) -> Select[tuple[int]]:
    """Ids of the annotations carrying `name` or a tag below it (a subquery)."""
    return (
        select(annotation_tags.c.annotation_id).join(Tag, Tag.id == annotation_tags.c.tag_id).where(tag_or_below(name))
    )


def _names(session: Session, links: Table, owner: str, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for owner_id, name in session.execute(
        select(links.c[owner], Tag.name)
        .join(Tag, Tag.id == links.c.tag_id)
        .where(links.c[owner].in_(list(ids)))
        .order_by(Tag.name)
    ):
        out.setdefault(owner_id, []).append(name)
    return out


def names_by_document(session: Session, doc_ids: Sequence[int]) -> dict[int, list[str]]:
    """Each document's tag names, by name; documents without tags are absent."""
    return _names(session, document_tags, "document_id", doc_ids)


def names_by_annotation(session: Session, annotation_ids: Sequence[int]) -> dict[int, list[str]]:
    """Each annotation's tag names, by name; annotations without tags are absent."""
    return _names(session, annotation_tags, "annotation_id", annotation_ids)
