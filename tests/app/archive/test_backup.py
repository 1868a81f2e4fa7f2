"""Backup of a live archive restores to the same rows; refused and failed backups leave nothing behind."""

from __future__ import annotations

import errno
import sqlite3
import threading
from pathlib import Path

import pytest

from app.archive import backup, integrity
from app.archive.folder import DB_NAME, Archive
from app.errors import DossierError
from app.search import service as search
from tests.app.conftest import annotate_corpus
from tests.app.test_cli import run


@pytest.fixture
def filled(archive_dir: Path, corpus: Path) -> Path:
    annotate_corpus(archive_dir, corpus, note="key", tag_names=["claim"])
    originals = archive_dir / "originals"
    (originals / "sub").mkdir(parents=True)
    (originals / "profile.txt").write_text("one", encoding="utf-8")
    (originals / "sub" / "release.txt").write_text("two", encoding="utf-8")
    return archive_dir


def _rows(db: Path, table: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
    finally:
        conn.close()


def test_backup_of_live_archive_restores_equal(filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 1)  # many steps, so the writer really interleaves
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        conn = sqlite3.connect(filled / DB_NAME, timeout=15)
        n = 0
        while not stop.is_set():
            n += 1
            conn.execute("INSERT INTO tags (name) VALUES (?)", (f"live/{n}",))
            conn.commit()
            written.append(n)
        conn.close()

    thread = threading.Thread(target=writer)
    with Archive.open(filled) as archive:
        thread.start()
        try:
            steps = list(backup.backup(archive, tmp_path / "bk"))
        finally:
            stop.set()
            thread.join()
    assert written and {s.phase for s in steps} == {"database", "originals"}
    assert not list(tmp_path.glob(".bk.*"))
    assert not (tmp_path / "bk" / "index").exists()
    assert (tmp_path / "bk" / "originals" / "sub" / "release.txt").read_text(encoding="utf-8") == "two"

    target = backup.restore(tmp_path / "bk", tmp_path / "restored")
    for table in ("documents", "annotations", "annotation_tags", "document_tags", "citation_links"):
        assert _rows(target / DB_NAME, table) == _rows(filled / DB_NAME, table), table
    restored_tags = _rows(target / DB_NAME, "tags")
    assert restored_tags == _rows(filled / DB_NAME, "tags")[: len(restored_tags)]  # a snapshot: a prefix
    with Archive.open(target, create=False) as archive:
        assert archive.index.needs_rebuild
        list(search.bring_up_to_date(archive))
        assert search.search(archive, "mines").total == 2
        assert integrity.check(archive).ok


def test_backup_into_non_empty_folder_is_refused(filled: Path, tmp_path: Path) -> None:
    dest = tmp_path / "full"
    dest.mkdir()
    (dest / "keep.txt").write_text("mine", encoding="utf-8")
    with Archive.open(filled) as archive, pytest.raises(DossierError, match="new or empty folder"):
        list(backup.backup(archive, dest))
    assert sorted(p.name for p in dest.iterdir()) == ["keep.txt"]


def test_backup_into_empty_folder_works(filled: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with Archive.open(filled) as archive:
        list(backup.backup(archive, tmp_path / "empty"))
    assert (tmp_path / "empty" / DB_NAME).is_file()


def test_failing_backup_leaves_no_target(filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def disk_full(src: str, dst: str) -> object:
        calls.append(src)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return backup.shutil.copy2(src, dst)

    monkeypatch.setattr(backup, "_copy_file", disk_full)
    with Archive.open(filled) as archive, pytest.raises(DossierError, match="disk is full"):
        list(backup.backup(archive, tmp_path / "bk"))
    assert len(calls) == 2
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith((".bk", "bk"))]


def test_restore_refuses_damaged_backup(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / DB_NAME).write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(DossierError):
        backup.restore(bad, tmp_path / "target")
    assert not (tmp_path / "target").exists() and not list(tmp_path.glob(".target.*"))


def test_cli_backup_and_restore(filled: Path, tmp_path: Path) -> None:
    code, out, _ = run("backup", "--archive", str(filled), str(tmp_path / "bk"))
    assert code == 0 and "not copied" in out
    code, _, err = run("backup", "--archive", str(filled), str(tmp_path / "bk"))
    assert code == 1 and "new or empty folder" in err and err.count("\n") == 1
    code, out, _ = run("restore", str(tmp_path / "bk"), str(tmp_path / "restored"))
    assert code == 0 and "Restored 2 documents" in out
    assert run("check", "--archive", str(tmp_path / "restored"))[0] == 0
    code, _, err = run("restore", str(tmp_path / "nothing"), str(tmp_path / "other"))
    assert code == 1 and "holds no backup" in err
