"""Tagging fixtures: an archive holding the bundled samples, with a few tags of the test's own."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from app.annotating import annotations
from app.archive.folder import Archive
from app.archive.paths import sample_files
from app.importing.importer import run_import
from app.library import tags
from app.library.listing import list_documents


@pytest.fixture
def library(archive: Archive) -> dict[str, int]:
    """The samples imported (the Markdown one brings its front-matter tags); title → document id."""
    run_import(archive, sample_files())
    return {row.title: row.id for row in list_documents(archive)}


@pytest.fixture
def doc_ids(library: dict[str, int]) -> list[int]:
    return sorted(library.values())


@pytest.fixture
def tagged(archive: Archive, doc_ids: list[int]) -> Archive:
    """`maps` on two documents and an annotation, `mine-maps` on one of those, `country/Freedonia` on one."""
    tags.tag_documents(archive, doc_ids[:2], ["maps"])
    tags.tag_documents(archive, [doc_ids[0]], ["mine-maps"])
    tags.tag_documents(archive, [doc_ids[2]], ["country/Freedonia"])
    annotations.create(archive, doc_ids[0], 0, 12, tag_names=["maps"])
    return archive


@pytest.fixture
def stack(qtbot) -> QUndoStack:  # type: ignore[no-untyped-def]
    return QUndoStack()


def tag_state(archive: Archive) -> dict[str, tuple[str | None, int, int]]:
    """Every tag's colour and direct counts: what an undo must give back exactly."""
    return {t.name: (t.color, t.documents, t.annotations) for t in tags.list_tags(archive)}


def doc_tags(archive: Archive, doc_ids: list[int]) -> dict[int, tuple[str, ...]]:
    return tags.document_tag_names(archive, doc_ids)
