"""SIGKILL a real `main.py import` at random moments: the archive stays consistent, a re-run finishes the job."""

from __future__ import annotations

import contextlib
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from app.archive.folder import Archive
from tests.reliability.conftest import (
    CORPUS_SIZE,
    Expected,
    alive,
    assert_index_matches,
    check_documents_whole,
    cleanup_group,
    kill_hard,
    queued_ids,
    run_cli,
    sqlite_checks,
    start_cli,
    tracebacks_of_ours,
    wait_for,
)

KILLS = 20
SEED = 20240607


def _document_count(folder: Path) -> int:
    """Committed documents, read beside the running import (WAL: readers never block it)."""
    db = folder / "archive.sqlite3"
    if not db.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created or migrated yet
        return 0


def _check_after_kill(folder: Path, expected: dict[str, Expected], opened: Callable[[Path], Archive]) -> int:
    """What the next open sees; returns how many documents the archive holds."""
    archive = opened(folder)
    sqlite_checks(archive)
    ids = check_documents_whole(archive, expected)
    index = archive.index
    if not index.needs_rebuild:  # a usable index holds every document whose queue row was cleared
        missing = set(ids.values()) - queued_ids(archive) - index.doc_ids()
        assert not missing, f"documents neither indexed nor queued: {sorted(missing)[:10]}"
    archive.close()
    return len(ids)


def test_kill_during_import_then_finish(
    corpus: Path, expected: dict[str, Expected], tmp_path: Path, opened: Callable[[Path], Archive]
) -> None:
    rng = random.Random(SEED)
    generation = 0
    folder = tmp_path / f"archive{generation}"
    kills = 0
    counts: list[int] = []
    completed_archives: list[Path] = []
    while kills < KILLS:
        before = _document_count(folder)
        if before >= CORPUS_SIZE:  # this one is complete: the next kills go to a fresh import
            completed_archives.append(folder)
            generation += 1
            folder = tmp_path / f"archive{generation}"
            before = 0
        proc = start_cli("--archive", str(folder), "import", str(corpus))
        try:
            if rng.random() < 0.25:  # during startup: creating/migrating the archive, spawning workers
                target = before
                delay = rng.uniform(0.05, 1.5)
            else:  # after a random number of further documents has been committed
                target = min(CORPUS_SIZE, before + rng.randint(1, 100))
                delay = rng.uniform(0.0, 0.3)
            reached = wait_for(lambda p=proc, t=target, f=folder: p.poll() is not None or _document_count(f) >= t, 120)
            assert reached
            if proc.poll() is None:
                time.sleep(delay)
            if proc.poll() is not None:
                # the import ended before the kill: it must have succeeded; go on with a fresh archive
                _out, err = proc.communicate(timeout=30)
                assert proc.returncode == 0, err
                completed_archives.append(folder)
                generation += 1
                folder = tmp_path / f"archive{generation}"
                continue
            children, err = kill_hard(proc)
            kills += 1
            assert not tracebacks_of_ours(err), err
            # worker processes notice the dead parent and exit: a crash leaves no orphans behind
            assert wait_for(lambda c=children: not any(alive(pid) for pid in c), 30), "orphaned import workers"
        finally:
            cleanup_group(proc)
        if (folder / "archive.sqlite3").exists():
            counts.append(_check_after_kill(folder, expected, opened))
    # kills landed throughout the import, not only at startup or after the end
    assert any(0 < c < CORPUS_SIZE for c in counts), counts

    started = time.monotonic()
    result = run_cli("--archive", str(folder), "import", str(corpus))
    assert result.returncode == 0, result.stderr
    assert "failed 0" in result.stdout
    assert time.monotonic() - started < 300
    for done in [*completed_archives, folder]:
        archive = opened(done)
        sqlite_checks(archive)
        ids = check_documents_whole(archive, expected)
        assert set(ids) == set(expected), "every corpus file is present exactly once"
        assert_index_matches(archive)
        archive.close()
