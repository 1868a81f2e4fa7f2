"""The search command's archive without SQLAlchemy: opened only when nothing needs writing first."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.archive import layout
from app.archive.folder import Archive
from app.archive.reading import open_for_search
from app.importing.importer import run_import
from app.search import answers, service
from db.models import Document, IndexQueue


@pytest.fixture
def filled(archive_dir: Path, corpus: Path) -> Path:
    with Archive.open(archive_dir) as archive:
        run_import(archive, [corpus])
    return archive_dir


def test_an_up_to_date_archive_is_searched_read_only_with_the_usual_answer(filled: Path) -> None:
    before = (filled / "archive.sqlite3").read_bytes()
    with open_for_search(filled) as quick:  # type: ignore[union-attr]
        result = answers.search(quick, "Freedonia")
        with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only"), quick.rows() as rows:
            rows.execute("DELETE FROM documents")
    with Archive.open(filled) as archive:
        usual = service.search(archive, "Freedonia")
    assert result.total == usual.total == 2
    assert [(h.id, h.snippets) for h in result.hits] == [(h.id, h.snippets) for h in usual.hits]
    assert (filled / "archive.sqlite3").read_bytes() == before


def test_a_missing_or_empty_database_needs_the_usual_open(tmp_path: Path) -> None:
    assert open_for_search(tmp_path / "nowhere") is None
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "archive.sqlite3").write_bytes(b"")
    assert open_for_search(tmp_path / "empty") is None
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "archive.sqlite3").write_bytes(b"not a database at all" * 100)
    assert open_for_search(tmp_path / "junk") is None


def test_an_older_schema_queued_changes_or_a_damaged_index_need_the_usual_open(filled: Path) -> None:
    with Archive.open(filled) as archive, archive.session() as s:
        s.add(IndexQueue(document_id=s.scalar(select(func.min(Document.id))), queued_at=datetime.now()))
    assert open_for_search(filled) is None
    with Archive.open(filled) as archive:
        list(service.bring_up_to_date(archive))
    _opens(filled)
    with sqlite3.connect(filled / "archive.sqlite3") as db:  # what an older Dossier's archive says
        db.execute("UPDATE alembic_version SET version_num = '0004'")
    assert open_for_search(filled) is None
    with sqlite3.connect(filled / "archive.sqlite3") as db:
        db.execute("UPDATE alembic_version SET version_num = '0005'")
    _opens(filled)
    shutil.rmtree(filled / "index")
    assert open_for_search(filled) is None


def test_a_read_only_medium_needs_the_usual_open(filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout, "writable", lambda _folder: False)
    assert open_for_search(filled) is None


def _opens(folder: Path) -> None:
    quick = open_for_search(folder)
    assert quick is not None
    quick.close()
