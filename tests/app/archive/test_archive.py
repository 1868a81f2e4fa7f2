"""Opening, creating and refusing archive folders; where the default archive lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from app.archive.folder import DB_NAME, Archive
from app.archive.paths import default_archive_dir, resolve_archive_dir
from app.errors import ArchiveError


def test_open_creates_folder_with_database(archive_dir: Path) -> None:
    with Archive.open(archive_dir) as archive:
        assert (archive_dir / DB_NAME).is_file()
        with archive.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() > 0


def test_reopen_keeps_data(archive_dir: Path) -> None:
    with Archive.open(archive_dir) as archive, archive.session() as s:
        s.execute(text("INSERT INTO import_runs (started_at, paths, imported, updated, unchanged, failed, cancelled)"
                       " VALUES ('2024-01-01', 'x', 0, 0, 0, 0, 0)"))
    with Archive.open(archive_dir) as archive, archive.session() as s:
        assert s.execute(text("SELECT count(*) FROM import_runs")).scalar() == 1


def test_session_rolls_back_on_error(archive: Archive) -> None:
    with pytest.raises(RuntimeError), archive.session() as s:
        s.execute(text("INSERT INTO import_runs (started_at, paths, imported, updated, unchanged, failed, cancelled)"
                       " VALUES ('2024-01-01', 'x', 0, 0, 0, 0, 0)"))
        raise RuntimeError("boom")
    with archive.session() as s:
        assert s.execute(text("SELECT count(*) FROM import_runs")).scalar() == 0


def test_refuses_non_empty_folder_without_archive(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ArchiveError, match="not empty"):
        Archive.open(tmp_path)
    assert not (tmp_path / DB_NAME).exists()


def test_refuses_file_as_folder(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(ArchiveError, match="is a file"):
        Archive.open(target)


def test_refuses_garbage_database(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ArchiveError, match="not a readable Dossier archive"):
        Archive.open(folder)


def test_open_without_create(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no archive"):
        Archive.open(tmp_path / "nothing", create=False)


def test_archive_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert default_archive_dir().parts[-2:] == ("Dossier", "archive")
    assert str(default_archive_dir()).startswith(os.environ["XDG_DATA_HOME"])  # isolated by conftest
    assert resolve_archive_dir(None) == default_archive_dir()
    monkeypatch.setenv("DOSSIER_ARCHIVE", str(tmp_path / "env"))
    assert resolve_archive_dir(None) == tmp_path / "env"
    assert resolve_archive_dir(str(tmp_path / "flag")) == tmp_path / "flag"
