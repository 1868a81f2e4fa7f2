"""A two-document corpus in the genre (a profile citing a press release), for import and search tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.importing.test_importer import PROFILE, RELEASE


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "profile.txt").write_text(PROFILE, encoding="utf-8")
    (src / "release.txt").write_text(RELEASE, encoding="utf-8")
    return src


def annotate_corpus(archive_dir: Path, corpus: Path, *, note: str, tag_names: list[str] | None = None) -> None:
    """Import `corpus` into a new archive and annotate "new use of mines" in Freedonia; closed again."""
    from sqlalchemy import select

    from app.annotating import annotations
    from app.archive.folder import Archive
    from app.importing.importer import import_paths
    from db.models import Document

    with Archive.open(archive_dir) as archive:
        list(import_paths(archive, [corpus]))
        with archive.session() as s:
            doc_id = s.scalar(select(Document.id).where(Document.title == "Freedonia"))
        annotations.create_from_quote(archive, doc_id, "new use of mines", note=note, tag_names=tag_names or [])
