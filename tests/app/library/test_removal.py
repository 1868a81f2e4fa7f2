"""Removing documents, and putting them back exactly (what undo in the app relies on)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.annotating import annotations
from app.archive.folder import Archive
from app.importing.importer import run_import
from app.library import tags
from app.library.removal import remove_documents, restore_rows, rows_removed_with
from app.search import service as search
from db.models import Base, Document


def _everything(archive: Archive) -> dict[str, list[tuple]]:
    """Every row of every table but the queue, sorted: to compare an archive before and after."""
    out = {}
    with archive.session() as s:
        for table in Base.metadata.sorted_tables:
            if table.name in ("index_queue", "import_runs", "import_failures"):
                continue
            out[table.name] = sorted(tuple(map(repr, row)) for row in s.execute(select(table)))
    return out


def test_removed_documents_come_back_with_everything_that_went_with_them(archive: Archive, corpus: Path) -> None:
    run_import(archive, [corpus])
    with archive.session() as s:
        profile = s.scalar(select(Document.id).where(Document.title == "Freedonia"))
        release = s.scalar(select(Document.id).where(Document.id != profile))
    made = annotations.create_from_quote(archive, profile, "new use of mines", note="key line", tag_names=["use"])
    tags.tag_documents(archive, [profile, release], ["caucasus"])
    before = _everything(archive)
    assert before["citation_links"]  # the profile cites the release: the link goes when the release goes

    removed = rows_removed_with(archive, [release, profile])
    remove_documents(archive, [release, profile], with_annotations=True)
    with archive.session() as s:
        assert s.scalar(select(func.count(Document.id))) == 0
    assert search.search(archive, "mines").total == 0

    restore_rows(archive, removed)
    assert _everything(archive) == before
    assert {h.id for h in search.search(archive, "mines").hits} >= {profile}
    assert search.search(archive, "notes:key").hits[0].annotation_ids == [made.id]


def test_a_tag_deleted_meanwhile_stays_deleted(archive: Archive, corpus: Path) -> None:
    run_import(archive, [corpus])
    with archive.session() as s:
        doc = s.scalar(select(Document.id).limit(1))
    tags.tag_documents(archive, [doc], ["gone", "kept"])
    removed = rows_removed_with(archive, [doc])
    remove_documents(archive, [doc])
    tags.delete_tag(archive, "gone")
    restore_rows(archive, removed)
    assert tags.document_tag_names(archive, [doc])[doc] == ("kept",)
