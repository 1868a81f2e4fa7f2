"""A full disk or a read-only archive folder: a clear one-line message, nothing saved is lost.

A real small tmpfs is used where the test may mount one (root, as in the sandbox and most CI
containers); SQLite's own "database or disk is full" is also provoked everywhere with
`PRAGMA max_page_count`. Export to a full disk is covered in tests/app/export/test_write_export.py
(ENOSPC while writing or renaming leaves no file and no temporary); here only the CLI's line is added.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from app import cli
from app.archive.folder import Archive
from bench.generator import write_corpus
from tests.reliability.conftest import (
    assert_index_matches,
    check_documents_whole,
    database_ids,
    run_cli,
    sqlite_checks,
)


def _one_line_error(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("dossier: ") and "internal error" not in lines[0], err
    return lines[0]


@pytest.fixture
def new_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "new"
    write_corpus(folder, 30, seed=99)
    return folder


def test_sqlite_full_during_import(archive_copy: Path, new_corpus: Path, opened: Callable[[Path], Archive],
                                   expected: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = opened(archive_copy)
    before = database_ids(archive)
    archive.close()

    def limit_pages(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count={pages + 3}")
        cursor.close()

    event.listen(Engine, "connect", limit_pages)
    try:
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(["--archive", str(archive_copy), "import", str(new_corpus)], out, err)
    finally:
        event.remove(Engine, "connect", limit_pages)
    assert code == 1
    assert "is full" in _one_line_error(err.getvalue())

    archive = opened(archive_copy)
    sqlite_checks(archive)
    assert before <= database_ids(archive)  # nothing already saved is lost
    check_documents_whole(archive, {**expected, **_expected_of(new_corpus)})
    assert_index_matches(archive)
    # with room again, the same import finishes the job
    result = run_cli("--archive", str(archive_copy), "import", str(new_corpus))
    assert result.returncode == 0, result.stderr


def _expected_of(folder: Path) -> dict:
    from app.importing.prepare import prepare
    from tests.reliability.conftest import Expected

    out = {}
    for path in folder.iterdir():
        parsed = prepare(path.resolve()).parsed
        assert parsed is not None
        out[str(path.resolve())] = Expected(len(parsed.text), len(parsed.sections), len(parsed.markers),
                                            len(parsed.footnotes))
    return out


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Mount small tmpfs file systems (unmounted afterwards); skipped where mounting is not allowed."""
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        mount_point = tmp_path / f"disk{len(mounted)}"
        mount_point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount_point)],
                              capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip("cannot mount a tmpfs here; the max_page_count test covers a full database")
        mounted.append(mount_point)
        return mount_point

    yield mount
    for mount_point in mounted:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)


@pytest.fixture
def small_disk(tmpfs: Callable[[str], Path]) -> Path:
    return tmpfs("2m")


def _copy_out(folder: Path, target: Path) -> Path:
    """Copy a closed archive off the small disk, to check it with room to open it."""
    shutil.copytree(folder, target)
    return target


def test_full_disk_during_import(small_disk: Path, corpus: Path, tmp_path: Path, expected: dict,
                                 opened: Callable[[Path], Archive]) -> None:
    archive_dir = small_disk / "archive"
    first = tmp_path / "first"
    first.mkdir()
    for path in sorted(corpus.iterdir())[:10]:
        shutil.copy2(path, first / path.name)
    result = run_cli("--archive", str(archive_dir), "import", str(first))
    assert result.returncode == 0, result.stderr
    result = run_cli("--archive", str(archive_dir), "import", str(corpus))
    assert result.returncode == 1, result.stdout + result.stderr
    line = _one_line_error(result.stderr)
    assert "full" in line, line
    copy = opened(_copy_out(archive_dir, tmp_path / "copy"))
    sqlite_checks(copy)
    ids = check_documents_whole(copy, {str((corpus / p.name).resolve()): expected[str((corpus / p.name).resolve())]
                                       for p in corpus.iterdir()} | _expected_of(first))
    assert {str((first / p.name).resolve()) for p in first.iterdir()} <= set(ids)  # nothing saved is lost
    assert_index_matches(copy)


def test_read_only_archive_folder(tmpfs: Callable[[str], Path], archive_copy: Path, new_corpus: Path,
                                  opened: Callable[[Path], Archive]) -> None:
    small_disk = tmpfs("64m")
    folder = small_disk / "archive"
    shutil.copytree(archive_copy, folder)
    archive = opened(folder)
    before = database_ids(archive)
    archive.close()
    remount = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True, check=False)
    assert remount.returncode == 0, remount.stderr
    result = run_cli("--archive", str(folder), "import", str(new_corpus))
    assert result.returncode == 1, result.stdout + result.stderr
    line = _one_line_error(result.stderr)
    assert "read-only" in line, line
    copy = opened(_copy_out(folder, small_disk.parent / "copy"))
    sqlite_checks(copy)
    assert database_ids(copy) == before


def test_export_to_full_disk_cli(small_disk: Path, archive_copy: Path, opened: Callable[[Path], Archive]) -> None:
    from app.annotating import annotations

    archive = opened(archive_copy)
    for doc_id in sorted(database_ids(archive))[:3]:
        annotations.create(archive, doc_id, 0, 50, note="x" * 2000, tag_names=["full"])
    archive.close()
    (small_disk / "filler").write_bytes(b"\0" * (2 * 1024 * 1024 - 8192))
    target = small_disk / "excerpts.pdf"
    result = run_cli("--archive", str(archive_copy), "export", "--format", "pdf", "--tag", "full", "-o", str(target))
    assert result.returncode == 1, result.stdout
    assert "the disk is full" in _one_line_error(result.stderr)
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]
