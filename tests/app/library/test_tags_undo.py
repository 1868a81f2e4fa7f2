"""Snapshots and restore: the undo of a tag delete, merge or tagging puts back exactly what was there."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.annotating import annotations
from app.archive.folder import Archive
from app.errors import NotFoundError
from app.importing.importer import import_paths
from app.library import tags
from app.search import service as search


@pytest.fixture
def docs(archive: Archive, corpus: Path) -> list[int]:
    return sorted({e.document_id for e in import_paths(archive, [corpus]) if e.document_id is not None})


def _state(archive: Archive) -> dict[str, tuple[str | None, int, int]]:
    return {t.name: (t.color, t.documents, t.annotations) for t in tags.list_tags(archive)}


def _hits(archive: Archive, query: str) -> int:
    return search.search(archive, query).total


def test_snapshot_records_colour_and_links(archive: Archive, docs: list[int]) -> None:
    tags.tag_documents(archive, docs, ["maps"])
    tags.set_color(archive, "maps", "#336699")
    note = annotations.create_from_quote(archive, docs[0], "PMN-2", tag_names=["maps"])
    snap = tags.snapshot(archive, "MAPS")
    assert (snap.name, snap.color, snap.exists) == ("maps", "#336699", True)
    assert snap.document_ids == tuple(docs) and snap.annotation_ids == (note.id,)
    assert snap.below == ()
    with pytest.raises(NotFoundError):
        tags.snapshot(archive, "nothing")
    missing = tags.snapshot(archive, "nothing", missing_ok=True)
    assert not missing.exists and missing.document_ids == ()


def test_restore_undoes_a_delete(archive: Archive, docs: list[int]) -> None:
    tags.tag_documents(archive, docs, ["country/Freedonia"])
    tags.set_color(archive, "country/Freedonia", "#aa0000")
    note = annotations.create_from_quote(archive, docs[0], "PMN-2", tag_names=["country/Freedonia", "other"])
    before = _state(archive)
    snap = tags.snapshot(archive, "country/Freedonia")
    tags.delete_tag(archive, "country/Freedonia")
    assert _hits(archive, "tag:country") == 0
    change = tags.restore(archive, snap)
    assert (change.documents, change.annotations) == (2, 1)
    assert _state(archive) == before
    assert annotations.get(archive, note.id).tags == ("country/Freedonia", "other")
    assert _hits(archive, "tag:country/Freedonia") == 2


def test_restore_undoes_a_merge_without_leaving_extra_links(archive: Archive, docs: list[int]) -> None:
    tags.tag_documents(archive, docs, ["maps"])
    tags.tag_documents(archive, [docs[0]], ["mine-maps"])
    note = annotations.create_from_quote(archive, docs[0], "PMN-2", tag_names=["maps"])
    before = _state(archive)
    snaps = tags.snapshot(archive, "maps"), tags.snapshot(archive, "mine-maps")
    tags.merge(archive, "maps", "mine-maps")
    assert _state(archive) == {"mine-maps": (None, 2, 1)}
    tags.restore(archive, *snaps)
    assert _state(archive) == before
    assert annotations.get(archive, note.id).tags == ("maps",)
    assert _hits(archive, "tag:mine-maps") == 1


def test_descendants_are_snapshotted_and_restored(archive: Archive, docs: list[int]) -> None:
    tags.tag_documents(archive, [docs[0]], ["country", "country/Freedonia", "country/Freedonia/north"])
    tags.tag_documents(archive, [docs[1]], ["countryside"])  # shares the prefix, not the level
    snap = tags.snapshot(archive, "country", descendants=True)
    assert [s.name for s in snap.all()] == ["country", "country/Freedonia", "country/Freedonia/north"]
    before = _state(archive)
    for name in ("country/Freedonia/north", "country/Freedonia", "country"):
        tags.delete_tag(archive, name)
    tags.restore(archive, snap)
    assert _state(archive) == before


def test_restoring_an_absent_snapshot_removes_the_tag(archive: Archive, docs: list[int]) -> None:
    snap = tags.snapshot(archive, "fresh", missing_ok=True)
    tags.tag_documents(archive, docs, ["fresh"])
    assert _hits(archive, "tag:fresh") == 2
    tags.restore(archive, snap)
    assert _state(archive) == {}
    assert _hits(archive, "tag:fresh") == 0


def test_restore_skips_items_deleted_since(archive: Archive, docs: list[int]) -> None:
    tags.tag_documents(archive, docs, ["maps"])
    note = annotations.create_from_quote(archive, docs[0], "PMN-2", tag_names=["maps"])
    snap = tags.snapshot(archive, "maps")
    tags.delete_tag(archive, "maps")
    annotations.delete(archive, note.id)
    change = tags.restore(archive, snap)
    assert (change.documents, change.annotations) == (2, 0)
    assert _state(archive) == {"maps": (None, 2, 0)}


def test_document_tag_names(archive: Archive, docs: list[int]) -> None:
    tags.tag_documents(archive, [docs[0]], ["b", "a"])
    assert tags.document_tag_names(archive, docs) == {docs[0]: ("a", "b"), docs[1]: ()}
