"""FIFOs, devices and undecodable file names: reported or imported, never a hang or a traceback.

The imports run `main.py` as a subprocess with a timeout: before the fix, a FIFO or
/dev/zero made the import hang at 100 % CPU.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.errors import ReadError
from app.readers import source
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs FIFOs, /dev/zero and byte file names")

BODY = "Report on mine clearance\n\nSurvey teams cleared the fields near the border in 2013.\n"


def _cli(archive: Path, *args: str | bytes) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "main.py"), "--archive", str(archive), *args]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # strict, as on a UTF-8 terminal
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)  # type: ignore[arg-type]


def test_fifos_and_devices_are_reported_and_the_rest_imported(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # met while walking the folder
    (folder / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "named.html")  # named on the command line
    (tmp_path / "urandom.txt").symlink_to("/dev/urandom")  # a device through a symlink

    done = _cli(tmp_path / "archive", "import", "--json", str(folder), str(tmp_path / "named.html"),
                str(tmp_path / "urandom.txt"), "/dev/zero")  # fmt: skip

    summary = json.loads(done.stdout)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert len(summary["imported"]) == 1
    reasons = {Path(f["path"]).name: f["reason"] for f in summary["failed"]}
    assert set(reasons) == {"pipe.txt", "zero", "named.html", "urandom"}  # symlinks are reported resolved
    assert set(reasons.values()) == {"cannot read: not a regular file"}


def test_a_file_swapped_for_a_fifo_after_the_check_is_not_waited_on(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    fifo = tmp_path / "swapped.txt"
    os.mkfifo(fifo)
    monkeypatch.setattr(source, "regular_file_size", lambda _path: 0)  # the stat said "regular file"
    outcome: list[BaseException] = []

    def attempt() -> None:
        try:
            source.open_regular(fifo).close()
        except BaseException as e:
            outcome.append(e)

    thread = threading.Thread(target=attempt, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "opening a FIFO blocked"
    assert len(outcome) == 1 and isinstance(outcome[0], ReadError)
    assert str(outcome[0]) == source.NOT_REGULAR


def test_file_name_with_invalid_utf8_is_imported_and_kept(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    first = os.fsencode(folder) + b"/r\xff\xfeport.txt"
    second = os.fsencode(folder) + b"/r\xfdport.txt"  # would read the same with replacement characters
    for name, year in ((first, 2013), (second, 2014)):
        with open(name, "w", encoding="utf-8") as fh:
            fh.write(BODY.replace("2013", str(year)))
    archive = tmp_path / "archive"

    done = _cli(archive, "import", str(folder))
    assert done.returncode == 0, done.stderr
    assert "imported 2" in done.stdout and "Traceback" not in done.stderr and "Logging error" not in done.stderr

    shown = {json.loads(_cli(archive, "show", str(i), "--json").stdout)["source"]["path"] for i in (1, 2)}
    assert shown == {os.fsdecode(name).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                     for name in (first, second)}  # fmt: skip
    assert _cli(archive, "list").returncode == 0

    again = _cli(archive, "import", os.fsdecode(first))  # the same file is found again, not duplicated
    assert again.returncode == 0 and "unchanged 1" in again.stdout, again.stdout + again.stderr
