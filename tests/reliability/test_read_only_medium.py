"""An archive on a real read-only medium (a tmpfs remounted read-only, which stops root too):
reading commands work through real `main.py` processes, writing ones are refused in one line,
and not a byte changes. Skipped where mounting is not allowed (the forced read-only tests in
tests/app/test_archive_refusals.py cover the same paths there)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from app.archive.folder import Archive
from app.importing.importer import import_paths
from tests.app.archive.test_archive_refusals import snapshot
from tests.app.importing.test_importer import PROFILE, RELEASE
from tests.reliability.conftest import run_cli
from tests.reliability.test_disk_full import tmpfs  # noqa: F401 - the fixture


def test_reading_commands_on_read_only_medium(tmpfs: Callable[[str], Path], tmp_path: Path) -> None:  # noqa: F811
    disk = tmpfs("16m")
    folder = disk / "archive"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "profile.txt").write_text(PROFILE, encoding="utf-8")
    (corpus / "release.txt").write_text(RELEASE, encoding="utf-8")
    with Archive.open(folder) as archive:
        list(import_paths(archive, [corpus]))
    remount = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True, check=False)
    assert remount.returncode == 0, remount.stderr
    before = snapshot(folder)
    for command in (["list"], ["show", "1"], ["search", "mines"]):
        result = run_cli("--archive", str(folder), *command)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    backup = tmp_path / "backup"
    result = run_cli("--archive", str(folder), "backup", str(backup))
    assert result.returncode == 0 and "read-only" in result.stderr, result.stderr
    for command in (["import", str(corpus)], ["reindex"], ["tag", "1", "x"]):
        result = run_cli("--archive", str(folder), *command)
        assert result.returncode != 0, result.stdout
        assert "read-only" in result.stderr and "internal error" not in result.stderr, result.stderr
    assert snapshot(folder) == before
    restored = tmp_path / "restored"
    result = run_cli("restore", str(backup), str(restored))
    assert result.returncode == 0, result.stderr
    assert "Freedonia" in run_cli("--archive", str(restored), "list").stdout
