"""Queries about tags that several services share, inside the caller's session.

The library, the search index feed, the tag services, annotations and excerpts
all ask "which tags does this item carry?" and "which items carry this tag or a
tag below it?"; one place answers, so the hierarchy rule (`country` takes
`country/…`) cannot drift between them.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, Select, Table, func, or_, select
from sqlalchemy.orm import Session

from db.models import Tag, annotation_tags, document_tags


def tag_or_below(name: str) -> ColumnElement[bool]:
    """Tag.name is `name` or a tag below it (`name/…`)."""
    return or_(Tag.name == name, func.substr(Tag.name, 1, len(name) + 1) == name + "/")


def documents_tagged(name: str) -> Select[tuple[int]]:
    """Ids of the documents carrying `name` or a tag below it (a subquery)."""
    return select(document_tags.c.document_id).join(Tag, Tag.id == document_tags.c.tag_id).where(tag_or_below(name))


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
