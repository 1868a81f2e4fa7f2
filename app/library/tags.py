"""Tags on documents and annotations: naming, linking, rename, merge and delete.

A tag name may contain `/` to form a hierarchy (`country/Azerbaijan`). Names
compare case-insensitively (the column is NOCASE), so `Country/azerbaijan` is
the same tag. Renaming a tag renames its descendants too (`country` →
`place` turns `country/Azerbaijan` into `place/Azerbaijan`), as a folder rename
would. Every operation is one transaction, queues the documents whose index
entry changes, and re-indexes them right after the commit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.archive.folder import Archive
from app.errors import DossierError, NotFoundError
from app.library.stored_text import clean_value
from app.library.tag_queries import names_by_document, tag_or_below
from app.search.updates import queue_documents, reindex_now
from db.models import Annotation, Document, Tag, annotation_tags, document_tags

MAX_NAME = 200
_SPACES = re.compile(r"\s+")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True, slots=True)
class TagInfo:
    name: str
    color: str | None
    documents: int  # documents carrying the tag itself
    annotations: int  # annotations carrying the tag itself

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "color": self.color, "documents": self.documents, "annotations": self.annotations}


@dataclass(frozen=True, slots=True)
class TagChange:
    """What an operation did, for the message shown to the user."""

    name: str
    documents: int
    annotations: int
    renamed: int = 0  # tags renamed (the tag and its descendants)


def normalise_name(raw: str) -> str:
    """Trimmed, single-spaced, no empty hierarchy levels, no control or bidi characters; a clear
    error for unusable names."""
    parts = [_SPACES.sub(" ", clean_value(part)).strip() for part in (raw or "").split("/")]
    parts = [p for p in parts if p]
    name = "/".join(parts)
    if not name:
        raise DossierError("a tag needs a name")
    if "," in name:
        raise DossierError(f"a tag name cannot contain a comma: {name!r}")
    if len(name) > MAX_NAME:
        raise DossierError(f"a tag name is limited to {MAX_NAME} characters")
    return name


def ancestors(name: str) -> list[str]:
    """`a/b/c` → [`a`, `a/b`]: the levels a hierarchical tag sits under."""
    parts = name.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts))]


def _find(session: Session, name: str) -> Tag | None:
    return session.scalar(select(Tag).where(Tag.name == name))


def _require(session: Session, name: str) -> Tag:
    tag = _find(session, normalise_name(name))
    if tag is None:
        raise NotFoundError(f"no tag named {name!r}")
    return tag


def get_or_create(session: Session, name: str) -> Tag:
    clean = normalise_name(name)
    tag = _find(session, clean)
    if tag is None:
        tag = Tag(name=clean)
        session.add(tag)
        session.flush()
    return tag


def documents_touched_by(session: Session, tag_ids: Sequence[int]) -> set[int]:
    """Documents whose index entry shows these tags: tagged themselves or through an annotation."""
    direct = session.scalars(select(document_tags.c.document_id).where(document_tags.c.tag_id.in_(tag_ids)))
    through = session.scalars(
        select(Annotation.document_id)
        .join(annotation_tags, annotation_tags.c.annotation_id == Annotation.id)
        .where(annotation_tags.c.tag_id.in_(tag_ids))
    )
    return set(direct) | set(through)


def _count_links(session: Session, tag_id: int) -> tuple[int, int]:
    docs = session.scalar(select(func.count()).where(document_tags.c.tag_id == tag_id)) or 0
    notes = session.scalar(select(func.count()).where(annotation_tags.c.tag_id == tag_id)) or 0
    return docs, notes


def _count_carriers(session: Session, tag_ids: Sequence[int]) -> tuple[int, int]:
    """Distinct documents and annotations carrying any of these tags (an item with two of them counts once)."""
    docs = session.scalar(
        select(func.count(func.distinct(document_tags.c.document_id))).where(document_tags.c.tag_id.in_(tag_ids)))
    notes = session.scalar(
        select(func.count(func.distinct(annotation_tags.c.annotation_id))).where(annotation_tags.c.tag_id.in_(tag_ids)))
    return docs or 0, notes or 0


def _existing_documents(session: Session, doc_ids: Iterable[int]) -> list[int]:
    wanted = sorted(set(doc_ids))
    found = set(session.scalars(select(Document.id).where(Document.id.in_(wanted))))
    missing = [i for i in wanted if i not in found]
    if missing:
        raise NotFoundError(f"no document with id {', '.join(map(str, missing))}")
    return wanted


def tag_documents(archive: Archive, doc_ids: Iterable[int], names: Iterable[str]) -> int:
    """Add tags to documents; returns how many new links were made (existing ones are kept)."""
    clean = [normalise_name(n) for n in names]
    with archive.session() as s:
        ids = _existing_documents(s, doc_ids)
        tags = [get_or_create(s, n) for n in clean]
        before = s.scalar(select(func.count()).select_from(document_tags)) or 0
        rows = [{"document_id": d, "tag_id": t.id} for d in ids for t in tags]
        if rows:
            s.execute(sqlite_insert(document_tags).values(rows).on_conflict_do_nothing())
        added = (s.scalar(select(func.count()).select_from(document_tags)) or 0) - before
        queue_documents(s, ids)
    reindex_now(archive, ids)
    return added


def add_declared_tags(session: Session, doc_id: int, names: Iterable[str]) -> None:
    """Tags a file declares (Markdown front matter), inside the import's transaction.

    Only adds: a re-import never takes away tags the user gave the document. A
    declared name that is not a usable tag is skipped rather than failing the import.
    """
    tag_ids = []
    for name in names:
        try:
            tag_ids.append(get_or_create(session, name).id)
        except DossierError:
            continue
    if tag_ids:
        rows = [{"document_id": doc_id, "tag_id": t} for t in dict.fromkeys(tag_ids)]
        session.execute(sqlite_insert(document_tags).values(rows).on_conflict_do_nothing())


def untag_documents(archive: Archive, doc_ids: Iterable[int], names: Iterable[str]) -> int:
    """Remove tags from documents; returns how many links went. Unknown tags are an error."""
    with archive.session() as s:
        ids = _existing_documents(s, doc_ids)
        tag_ids = [_require(s, n).id for n in names]
        removed = s.execute(
            delete(document_tags).where(document_tags.c.document_id.in_(ids), document_tags.c.tag_id.in_(tag_ids))
        ).rowcount
        queue_documents(s, ids)
    reindex_now(archive, ids)
    return removed or 0


def list_tags(archive: Archive) -> list[TagInfo]:
    """Every tag with its direct document and annotation counts, by name."""
    with archive.session() as s:
        docs = dict(s.execute(select(document_tags.c.tag_id, func.count()).group_by(document_tags.c.tag_id)).all())
        notes = dict(
            s.execute(select(annotation_tags.c.tag_id, func.count()).group_by(annotation_tags.c.tag_id)).all()
        )
        tags = s.execute(select(Tag.id, Tag.name, Tag.color).order_by(Tag.name)).all()
        return [TagInfo(t.name, t.color, docs.get(t.id, 0), notes.get(t.id, 0)) for t in tags]


def set_color(archive: Archive, name: str, color: str | None) -> None:
    if color is not None and not _COLOR.match(color):
        raise DossierError(f"a tag colour is written #rrggbb, not {color!r}")
    with archive.session() as s:
        _require(s, name).color = color


def _family(session: Session, name: str) -> list[Tag]:
    """The tag named `name` (if any) and the tags below it (`name/…`)."""
    return list(session.scalars(select(Tag).where(tag_or_below(name)).order_by(Tag.name)))


def rename(archive: Archive, old: str, new: str) -> TagChange:
    """Rename a tag or a level of the hierarchy, with everything below it; a name in use is an error."""
    old_name, new_name = normalise_name(old), normalise_name(new)
    with archive.session() as s:
        family = _family(s, old_name)
        if not family:
            raise NotFoundError(f"no tag named {old!r}")
        renames = {t.id: new_name + t.name[len(old_name):] for t in family}
        for target in renames.values():
            clash = s.scalar(select(Tag.id).where(Tag.name == target, Tag.id.not_in(list(renames))))
            if clash is not None:
                raise DossierError(f"a tag named {target!r} already exists; merge the tags instead")
        # Two steps so that swapping names inside the family never trips the unique index.
        for tag_id in renames:
            s.execute(update(Tag).where(Tag.id == tag_id).values(name=f"~renaming~{tag_id}~"))
        for tag_id, target in renames.items():
            s.execute(update(Tag).where(Tag.id == tag_id).values(name=target))
        docs = documents_touched_by(s, list(renames))
        carrying = _count_carriers(s, list(renames))
        queue_documents(s, docs)
    reindex_now(archive, docs)
    return TagChange(f"{old_name} → {new_name}", *carrying, renamed=len(renames))


def rename_usage(archive: Archive, name: str) -> TagChange:
    """What renaming `name` touches (the items carrying it or a tag below it, and how many tags), told
    before the rename runs; the same counts the rename reports."""
    clean = normalise_name(name)
    with archive.session() as s:
        ids = [t.id for t in _family(s, clean)]
        if not ids:
            raise NotFoundError(f"no tag named {name!r}")
        return TagChange(clean, *_count_carriers(s, ids), renamed=len(ids))


def merge(archive: Archive, source: str, into: str) -> TagChange:
    """Move every link of `source` to `into` (no duplicate links), then delete `source`."""
    with archive.session() as s:
        src = _require(s, source)
        dst = _require(s, into)
        if src.id == dst.id:
            raise DossierError("cannot merge a tag into itself")
        docs = documents_touched_by(s, [src.id])
        moved_docs = _count_links(s, src.id)
        for table, key in ((document_tags, "document_id"), (annotation_tags, "annotation_id")):
            owners = select(table.c[key], dst.id).where(table.c.tag_id == src.id)
            s.execute(sqlite_insert(table).from_select([key, "tag_id"], owners).on_conflict_do_nothing())
            s.execute(delete(table).where(table.c.tag_id == src.id))
        name = f"{src.name} → {dst.name}"
        s.delete(src)
        queue_documents(s, docs)
    reindex_now(archive, docs)
    return TagChange(name, moved_docs[0], moved_docs[1])


def delete_tag(archive: Archive, name: str) -> TagChange:
    """Delete a tag; reports how many documents and annotations lose it."""
    with archive.session() as s:
        tag = _require(s, name)
        docs = documents_touched_by(s, [tag.id])
        counts = _count_links(s, tag.id)
        tag_name = tag.name
        s.delete(tag)
        queue_documents(s, docs)
    reindex_now(archive, docs)
    return TagChange(tag_name, counts[0], counts[1])


def usage(archive: Archive, name: str) -> TagChange:
    """How many items carry a tag: what a confirmation dialog tells before deleting it."""
    with archive.session() as s:
        tag = _require(s, name)
        docs, notes = _count_links(s, tag.id)
        return TagChange(tag.name, docs, notes)


def document_tag_names(archive: Archive, doc_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Each document's tag names (by name), so a dialog can show what a selection already carries."""
    with archive.session() as s:
        wanted = _existing_documents(s, doc_ids)
        names = names_by_document(s, wanted)
    return {doc_id: tuple(names.get(doc_id, ())) for doc_id in wanted}


# --- Undo: snapshots of tags and their links -------------------------------------------------


@dataclass(frozen=True, slots=True)
class TagSnapshot:
    """A tag as it was (colour and links), so an undo can put it back exactly.

    `exists` False records that no such tag existed: restoring it removes the tag
    (the undo of a tagging that created it). `below` holds the descendants when
    the snapshot was taken with `descendants=True`.
    """

    name: str
    color: str | None
    document_ids: tuple[int, ...]
    annotation_ids: tuple[int, ...]
    below: tuple[TagSnapshot, ...] = ()
    exists: bool = True

    def all(self) -> list[TagSnapshot]:
        """This snapshot and every one below it, parents first."""
        return [self, *(s for child in self.below for s in child.all())]


def _snapshot_of(session: Session, tag: Tag) -> TagSnapshot:
    docs = session.scalars(select(document_tags.c.document_id).where(document_tags.c.tag_id == tag.id).order_by(
        document_tags.c.document_id))
    notes = session.scalars(select(annotation_tags.c.annotation_id).where(annotation_tags.c.tag_id == tag.id).order_by(
        annotation_tags.c.annotation_id))
    return TagSnapshot(tag.name, tag.color, tuple(docs), tuple(notes))


def snapshot(archive: Archive, name: str, *, descendants: bool = False, missing_ok: bool = False) -> TagSnapshot:
    """The tag's colour and links (and its descendants' with `descendants`), taken before a change.

    A missing tag is an error unless `missing_ok`, which gives an `exists=False`
    snapshot: restoring it deletes whatever tag of that name exists by then.
    """
    clean = normalise_name(name)
    with archive.session() as s:
        tag = _find(s, clean)
        if tag is None:
            if not missing_ok:
                raise NotFoundError(f"no tag named {name!r}")
            own = TagSnapshot(clean, None, (), (), exists=False)
        else:
            own = _snapshot_of(s, tag)
        if not descendants:
            return own
        below = tuple(_snapshot_of(s, t) for t in _family(s, clean) if t.name.casefold() != clean.casefold())
        return TagSnapshot(own.name, own.color, own.document_ids, own.annotation_ids, below, own.exists)


def _restore_one(session: Session, snap: TagSnapshot, touched: set[int]) -> tuple[int, int]:
    tag = _find(session, snap.name)
    if tag is not None:
        touched |= documents_touched_by(session, [tag.id])
    if not snap.exists:
        if tag is not None:
            session.delete(tag)
        return 0, 0
    if tag is None:
        tag = Tag(name=snap.name)
        session.add(tag)
    tag.name, tag.color = snap.name, snap.color
    session.flush()
    docs = set(session.scalars(select(Document.id).where(Document.id.in_(snap.document_ids))))
    notes: dict[int, int] = {
        a_id: d_id
        for a_id, d_id in session.execute(
            select(Annotation.id, Annotation.document_id).where(Annotation.id.in_(snap.annotation_ids))
        )
    }
    for table, key, ids in ((document_tags, "document_id", docs), (annotation_tags, "annotation_id", set(notes))):
        session.execute(delete(table).where(table.c.tag_id == tag.id, table.c[key].not_in(sorted(ids))))
        if ids:
            rows = [{key: i, "tag_id": tag.id} for i in sorted(ids)]
            session.execute(sqlite_insert(table).values(rows).on_conflict_do_nothing())
    touched |= docs | set(notes.values())
    return len(docs), len(notes)


def restore(archive: Archive, *snapshots: TagSnapshot) -> TagChange:
    """Put tags back as snapshotted: recreate them, their colour and exactly their links, in one transaction.

    Links to documents or annotations deleted since the snapshot are skipped. The
    undo of a delete restores one snapshot; the undo of a merge restores both the
    source and the target, so the target loses the links the merge gave it.
    """
    touched: set[int] = set()
    docs = notes = 0
    with archive.session() as s:
        for snap in (one for top in snapshots for one in top.all()):
            d, n = _restore_one(s, snap, touched)
            docs, notes = docs + d, notes + n
        queue_documents(s, touched)
    reindex_now(archive, touched)
    return TagChange(", ".join(snap.name for snap in snapshots), docs, notes)
