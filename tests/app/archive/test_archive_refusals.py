"""Opening never destroys what it does not understand (issue 14, items 5, 11 and 15).

A folder whose database is missing or empty but which still holds other files is a damaged
archive, not a new one; a schema from a newer Dossier is refused untouched; an archive on a
read-only medium is read (list, show, search, backup) without a single write, and writing
commands are refused in one line; a restore never writes into the backup it reads.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from app.archive import layout
from app.archive.backup import BackupError, restore
from app.archive.folder import DB_NAME, Archive
from app.cli import main
from app.errors import ArchiveError
from app.importing.importer import import_paths
from app.library import listing as library
from app.search import service as search
from db import migrate


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def snapshot(folder: Path, *, strict: bool = True) -> dict[str, str]:
    """Every file under `folder` with a hash of its bytes: equal snapshots mean nothing was written.

    Not `strict`: SQLite's shared-memory file and an empty WAL, which a read-only connection to
    a writable folder creates to see other processes' writes, are left out (they hold no data)."""
    def sidecar(p: Path) -> bool:
        return p.name.endswith("-shm") or (p.name.endswith("-wal") and p.stat().st_size == 0)

    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and (strict or not sidecar(p))}  # fmt: skip


def _app_messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Capture the desktop app's error box at start (whichever helper ui.application uses)."""
    pytest.importorskip("PySide6")
    from ui import application

    shown: list[str] = []
    holder = getattr(application, "plain_text", None) or application.QMessageBox
    monkeypatch.setattr(holder, "critical", lambda _parent, _title, text, *_a, **_k: shown.append(text))
    return shown


@pytest.fixture
def filled(archive_dir: Path, corpus: Path) -> Path:
    """A closed archive with two imported, indexed documents."""
    with Archive.open(archive_dir) as archive:
        list(import_paths(archive, [corpus]))
    (archive_dir / "originals").mkdir(exist_ok=True)
    (archive_dir / "originals" / "a.txt").write_text("kept", encoding="utf-8")
    return archive_dir


# --------------------------------------------------------------- item 5: lost database


@pytest.mark.parametrize("how", ["missing", "zero-byte"])
def test_lost_database_beside_index_is_refused(filled: Path, how: str) -> None:
    db_file = filled / DB_NAME
    db_file.unlink()
    if how == "zero-byte":
        db_file.write_bytes(b"")
    before = snapshot(filled)
    with pytest.raises(ArchiveError) as caught:
        Archive.open(filled)
    message = str(caught.value)
    assert "is missing" in message if how == "missing" else "is empty" in message
    assert "index" in message and "restore" in message and "backup" in message.lower()
    code, out, err = run("--archive", str(filled), "list")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "not a usable archive" in err and "internal error" not in err
    assert snapshot(filled) == before  # no empty archive made over it


def test_lost_database_without_create_names_the_damage(filled: Path) -> None:
    (filled / DB_NAME).unlink()
    with pytest.raises(ArchiveError, match="not a usable archive"):
        Archive.open(filled, create=False)


def test_folder_with_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / DB_NAME).write_bytes(b"")
    with pytest.raises(ArchiveError, match="not a usable archive"):
        Archive.open(tmp_path)
    assert (tmp_path / DB_NAME).stat().st_size == 0


def test_new_empty_folder_and_lone_empty_database_become_archives(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "new") as archive:
        assert library.list_documents(archive) == []
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / DB_NAME).write_bytes(b"")  # another process is creating it: SQLite made the file first
    with Archive.open(lone) as archive:
        assert migrate.current_revision(archive.engine) == migrate.head_revision()


def test_desktop_app_shows_the_refusal(filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _app_messages(monkeypatch)
    (filled / DB_NAME).unlink()
    from ui import application

    assert application.run_gui(filled) == 1
    assert len(shown) == 1 and "not a usable archive" in shown[0] and "restore" in shown[0]


# --------------------------------------------------------------- item 11: newer schema


def _stamp(folder: Path, revision: str, release: int = 0) -> None:
    """As a newer Dossier leaves it: an unknown revision, and its release in the header (0: none said)."""
    conn = sqlite3.connect(folder / DB_NAME)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.execute(f"PRAGMA user_version = {int(release)}")
    conn.close()


def test_an_archive_records_the_release_that_writes_it(filled: Path) -> None:
    from app import __version__

    with Archive.open(filled) as archive:
        assert migrate.written_by(archive.engine) == __version__


@pytest.mark.parametrize("read_only", [None, True])
def test_a_newer_archive_names_the_release_that_made_it(filled: Path, read_only: bool | None) -> None:
    from app import __version__

    _stamp(filled, "9f3e_from_the_future", release=9_008_007)
    before = snapshot(filled)
    with pytest.raises(ArchiveError) as caught:
        Archive.open(filled, read_only=read_only)
    assert "made or upgraded by Dossier 9.8.7 (schema revision 9f3e_from_the_future)" in str(caught.value)
    assert f"this is Dossier {__version__}" in str(caught.value)
    assert snapshot(filled, strict=read_only is None) == before


@pytest.mark.parametrize("read_only", [None, True])
def test_archive_from_newer_dossier_is_refused_untouched(filled: Path, read_only: bool | None) -> None:
    _stamp(filled, "9f3e_from_the_future")
    before = snapshot(filled)
    with pytest.raises(ArchiveError) as caught:
        Archive.open(filled, read_only=read_only)
    message = str(caught.value)
    assert "newer version of Dossier" in message and "9f3e_from_the_future" in message
    assert migrate.head_revision() in message and "untouched" in message
    assert snapshot(filled, strict=read_only is None) == before


def test_cli_and_app_on_newer_archive(filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _stamp(filled, "9f3e_from_the_future")
    before = snapshot(filled)
    for command in (["list"], ["import", str(filled / "originals")], ["check", "--repair"]):
        code, _out, err = run("--archive", str(filled), *command)
        assert code == 1 and "newer version of Dossier" in err and "internal error" not in err, err
    assert snapshot(filled) == before
    shown = _app_messages(monkeypatch)
    from ui import application

    assert application.run_gui(filled) == 1
    assert "9f3e_from_the_future" in shown[0]


def _foreign_database(folder: Path, *, with_documents: bool = False) -> Path:
    """Another program's SQLite file where the archive's database would be (its WAL mode off, as most are)."""
    folder.mkdir()
    with sqlite3.connect(folder / DB_NAME) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Ann', '555')")
        if with_documents:  # a table of the same name as one of ours
            conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT)")
    return folder


@pytest.mark.parametrize("with_documents", [False, True])
def test_another_programs_database_is_refused_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        with_documents: bool) -> None:  # fmt: skip
    folder = _foreign_database(tmp_path / "contacts", with_documents=with_documents)
    before = snapshot(folder)
    for read_only in (None, True, False):
        with pytest.raises(ArchiveError, match="is not a Dossier archive") as caught:
            Archive.open(folder, read_only=read_only)
        assert read_only is True or "contacts" in str(caught.value)
    for command in (["list"], ["search", "Ann"], ["import", str(tmp_path / "nothing")], ["check"]):
        code, _out, err = run("--archive", str(folder), *command)
        assert code == 1 and "not a Dossier archive" in err and "internal error" not in err, (command, err)
    assert snapshot(folder) == before  # not a byte written: tables, journal mode, header
    shown = _app_messages(monkeypatch)
    from ui import application

    assert application.run_gui(folder) == 1
    assert "not a Dossier archive" in shown[0]


def test_a_file_where_the_index_folder_belongs_is_named_and_kept(filled: Path) -> None:
    """The index is derived data, but a file in its place is not Dossier's to delete: every command that needs
    the index says what to do, in one line, and what needs only the database still works."""
    shutil.rmtree(filled / layout.INDEX_DIR)
    (filled / layout.INDEX_DIR).write_text("someone's notes", encoding="utf-8")
    for command in (["search", "mines"], ["reindex"], ["check"]):
        code, _out, err = run("--archive", str(filled), *command)
        assert code == 1 and "internal error" not in err and "Traceback" not in err, (command, err)
    code, out, err = run("--archive", str(filled), "check")
    assert "is a file, where the archive keeps its search index" in out + err and "move it out" in out + err
    assert run("--archive", str(filled), "list")[0] == 0
    assert (filled / layout.INDEX_DIR).read_text(encoding="utf-8") == "someone's notes"
    (filled / layout.INDEX_DIR).unlink()  # moved away: the next command rebuilds the index
    code, out, _err = run("--archive", str(filled), "search", "mines")
    assert code == 0


# --------------------------------------------------------------- item 15: read-only archives


def test_forced_read_only_reads_and_refuses_writes(filled: Path, tmp_path: Path) -> None:
    before = snapshot(filled)
    with Archive.open(filled, read_only=True) as archive:
        assert archive.read_only and archive.read_only_note
        assert len(library.list_documents(archive)) == 2
        assert search.search(archive, "mines").total >= 1
        with pytest.raises(ArchiveError, match="read-only"):
            archive.require_writable()
        with pytest.raises(ArchiveError, match="opened for reading only"), archive.session() as s:
            s.execute(text("DELETE FROM documents"))
        with pytest.raises(ArchiveError, match="read-only"), archive.index.writer():
            pass
        assert len(library.list_documents(archive)) == 2  # reading goes on after a refused write
    assert snapshot(filled, strict=False) == before


def test_a_read_only_archive_with_documents_not_yet_indexed_is_searched_as_it_is(
        filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    with Archive.open(filled) as archive:
        with archive.session() as s:
            s.execute(text("INSERT INTO index_queue (document_id, queued_at) SELECT id, '2026-01-01' FROM documents"))
        waiting = search.not_yet_indexed(archive)
    assert waiting == 2
    monkeypatch.setattr(layout, "writable", lambda _folder: False)
    before = snapshot(filled)
    code, out, err = run("--archive", str(filled), "search", "mines")
    assert code == 0 and "found" in out and f"{waiting} document(s) are not in the search index yet" in err, err
    assert snapshot(filled) == before


def test_check_on_a_read_only_archive_reports_an_unusable_index(filled: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.rmtree(filled / "index")
    monkeypatch.setattr(layout, "writable", lambda _folder: False)
    before = snapshot(filled)
    code, out, err = run("--archive", str(filled), "check", "--json")
    assert code == 1 and "internal error" not in err, err
    problems = json.loads(out)["problems"]
    assert [p["kind"] for p in problems] == ["index-unusable"] and "needs a rebuild" in problems[0]["detail"]
    assert snapshot(filled) == before


def test_not_writable_folder_opens_read_only_for_reading_commands(
        filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """What a read-only medium does, forced (tests may run as root, whom chmod does not stop)."""
    monkeypatch.setattr(layout, "writable", lambda _folder: False)
    before = snapshot(filled)
    code, out, err = run("--archive", str(filled), "list", "--json")
    assert code == 0, err
    ids = [row["id"] for row in json.loads(out)]
    assert len(ids) == 2
    assert run("--archive", str(filled), "show", str(ids[0]))[0] == 0
    code, out, err = run("--archive", str(filled), "search", "mines")
    assert code == 0 and "found" in out, err
    dest = tmp_path / "copy"
    code, out, err = run("--archive", str(filled), "backup", str(dest))
    assert code == 0 and "read-only" in err, err
    for command in (["import", str(filled / "originals")], ["reindex"]):
        code, out, err = run("--archive", str(filled), *command)
        assert code == 1 and err.count("\n") == 1 and "read-only" in err and "internal error" not in err, err
    assert snapshot(filled) == before
    with pytest.raises(ArchiveError, match="read-only"):
        Archive.open(filled, read_only=False)  # what a writing command asks for
    monkeypatch.undo()
    restored = tmp_path / "restored"
    assert run("restore", str(dest), str(restored))[0] == 0
    with Archive.open(restored) as archive:
        assert len(library.list_documents(archive)) == 2


def test_read_only_archive_with_old_schema_is_refused(archive_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive_dir.mkdir(exist_ok=True)
    archive = Archive(archive_dir.resolve())
    migrate.upgrade(archive.engine, migrate.known_revisions()[migrate.head_revision()] or "head")
    archive.close()
    monkeypatch.setattr(layout, "writable", lambda _folder: False)
    with pytest.raises(ArchiveError, match="older Dossier"):
        Archive.open(archive_dir)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a 0o555 folder; the forced test covers it")
def test_real_read_only_folder(filled: Path) -> None:
    for path in [filled, *filled.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        before = snapshot(filled)
        code, out, err = run("--archive", str(filled), "list")
        assert code == 0 and "Freedonia" in out, err
        code, _out, err = run("--archive", str(filled), "import", str(filled / "originals"))
        assert code == 1 and "read-only" in err
        assert snapshot(filled) == before
    finally:
        for path in [filled, *filled.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_restore_into_the_backup_is_refused(filled: Path, tmp_path: Path) -> None:
    dest = tmp_path / "backup"
    assert run("--archive", str(filled), "backup", str(dest))[0] == 0
    before = snapshot(dest)
    for target in (dest / "restored", dest / "originals" / "deeper", dest):
        with pytest.raises(BackupError, match="inside the backup"):
            restore(dest, target)
        code, _out, err = run("restore", str(dest), str(target))
        assert code == 1 and "inside the backup" in err
    assert snapshot(dest) == before


def test_reading_commands_say_once_that_the_archive_is_read_only(tmp_path, monkeypatch) -> None:
    import io

    from app.cli import main

    folder = tmp_path / "ro"
    Archive.open(folder).close()
    monkeypatch.setattr(layout, "writable", lambda path: False)
    out, err = io.StringIO(), io.StringIO()
    assert main(["--archive", str(folder), "list"], out, err) == 0
    assert err.getvalue().count("read-only") == 1
