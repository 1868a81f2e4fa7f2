"""A real import large enough to write its index in an index process, among other processes and a kill."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.archive.folder import DB_NAME, Archive
from app.importing import importer
from bench.generator import write_corpus
from tests.reliability.conftest import (
    ROOT,
    alive,
    assert_index_matches,
    children_of,
    cleanup_group,
    cli_env,
    kill_hard,
    run_cli,
    sqlite_checks,
    start_cli,
    wait_for,
)
from tests.reliability.test_concurrency import READER

# enough files past the first index batch that the workers are still reading when a test kills the import
# there (they end as soon as the last files are prepared, up to a hundred ahead of the database)
LARGE = importer.BACKGROUND_INDEX_MIN + 400


@pytest.fixture(scope="module")
def large_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("large") / "corpus"
    write_corpus(folder, LARGE, seed=53)
    return folder


def _committed(folder: Path) -> int:
    try:
        with sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True, timeout=5) as db:
            return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _past_the_first_hand_over(folder: Path, corpus: Path) -> subprocess.Popen[str]:
    """A CLI import of `corpus` that has committed (and handed to its index process) a first batch."""
    imp = start_cli("--archive", str(folder), "import", str(corpus))
    if not wait_for(lambda: _committed(folder) >= importer.INDEX_BATCH + 50, timeout=300):
        cleanup_group(imp)
        pytest.fail("the import did not get past its first index batch")
    return imp


def test_a_large_import_shares_the_archive(large_corpus: Path, tmp_path: Path,
                                           opened: Callable[[Path], Archive]) -> None:  # fmt: skip
    """While the index process writes the index: another process's write gets in, a searching process sees
    no error and, at the end, every document."""
    folder = tmp_path / "archive"
    Archive.open(folder).close()
    stop = tmp_path / "stop"
    imp = start_cli("--archive", str(folder), "import", str(large_corpus))
    reader = subprocess.Popen([sys.executable, "-c", READER, str(folder), str(stop)], cwd=ROOT, env=cli_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert wait_for(lambda: _committed(folder) >= 50, timeout=120)
        assert len(children_of(imp.pid)) >= 2  # the workers and the index process
        tagged = run_cli("--archive", str(folder), "tag", "1", "during-import", timeout=60)
        assert tagged.returncode == 0, tagged.stdout + tagged.stderr  # got in, well within the busy timeout
        out, err = imp.communicate(timeout=600)
        assert imp.returncode == 0, out + err
        assert "Traceback" not in err
        stop.touch()
        r_out, r_err = reader.communicate(timeout=120)
    finally:
        cleanup_group(imp)
        cleanup_group(reader)
    assert reader.returncode == 0 and "Traceback" not in r_err, r_err
    totals = json.loads(r_out)
    assert totals == sorted(totals)
    archive = opened(folder)
    sqlite_checks(archive)
    assert_index_matches(archive)
    from app.search import service as search

    assert totals[-1] == search.search(archive, "mine", limit=5).total
    assert search.search(archive, "tag:during-import").total == 1


def test_a_killed_large_import_leaves_no_index_process(large_corpus: Path, tmp_path: Path,
                                                       opened: Callable[[Path], Archive]) -> None:  # fmt: skip
    folder = tmp_path / "archive"
    imp = _past_the_first_hand_over(folder, large_corpus)
    try:
        children, _err = kill_hard(imp)
        assert len(children) >= 3, children
        assert wait_for(lambda: not any(alive(pid) for pid in children), timeout=30)  # they poll every 0.5 s
    finally:
        cleanup_group(imp)
    archive = opened(folder)
    sqlite_checks(archive)
    assert_index_matches(archive)  # what the index process had not committed is caught up on open
    archive.close()
    again = run_cli("--archive", str(folder), "import", str(large_corpus), timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    archive = opened(folder)
    assert_index_matches(archive)
    assert len(archive.index.doc_ids()) == LARGE


def test_ctrl_c_cancels_a_large_import_cleanly(large_corpus: Path, tmp_path: Path,
                                              opened: Callable[[Path], Archive]) -> None:  # fmt: skip
    """Ctrl-C reaches the whole process group (workers and index process too): one line, the run recorded."""
    folder = tmp_path / "archive"
    imp = _past_the_first_hand_over(folder, large_corpus)
    try:
        os.killpg(imp.pid, signal.SIGINT)
        out, err = imp.communicate(timeout=120)
    finally:
        cleanup_group(imp)
    assert imp.returncode == 130 and err.strip() == "dossier: interrupted", out + err
    with sqlite3.connect(folder / DB_NAME) as db:
        cancelled, imported, finished = db.execute("SELECT cancelled, imported, finished_at FROM import_runs").fetchone()
        documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert cancelled == 1 and finished is not None and imported == documents
    archive = opened(folder)
    sqlite_checks(archive)
    assert_index_matches(archive)
