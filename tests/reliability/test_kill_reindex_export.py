"""SIGKILL `main.py reindex` and `main.py export` part-way: the index is rebuilt on open, no truncated export."""

from __future__ import annotations

import json
import math
import os
import random
import re
import resource
import time
from collections.abc import Callable
from pathlib import Path

from app.annotating import annotations
from app.archive.folder import Archive
from app.library import listing as library
from app.search import service as search
from app.search.engine import META_FILE
from tests.reliability.conftest import (
    assert_index_matches,
    cleanup_group,
    database_ids,
    kill_hard,
    run_cli,
    sqlite_checks,
    start_cli,
    wait_for,
)

QUERIES = ("mine", "landmine OR cluster", "stockpil*", "ban AND treaty", "NOT mine")
TEMPORARY = re.compile(r"^\.(?P<target>.+)\.[0-9a-f]{8}\.tmp$")


def _totals(archive: Archive) -> dict[str, int]:
    return {q: search.search(archive, q, limit=5).total for q in QUERIES}


def _index_state(folder: Path) -> str | None:
    try:
        return json.loads((folder / "index" / META_FILE).read_text(encoding="utf-8")).get("state")
    except (OSError, ValueError):
        return None


def test_kill_during_reindex_then_open_rebuilds(archive_copy: Path, opened: Callable[[Path], Archive]) -> None:
    archive = opened(archive_copy)
    reference = _totals(archive)
    assert all(reference[q] > 0 for q in QUERIES[:3]), reference
    expected_ids = database_ids(archive)
    archive.close()
    rng = random.Random(7)
    detected = 0
    # the first kill lands as soon as the rebuild is seen under way, so one is inside it however slow the
    # machine; the others at a random point of it (or after its end)
    for delay in [0.0, *(rng.uniform(0.0, 0.8) for _ in range(3))]:
        proc = start_cli("--archive", str(archive_copy), "reindex")
        try:
            # wait until the rebuild has started (the meta file says so), then kill
            assert wait_for(lambda p=proc: p.poll() is not None or _index_state(archive_copy) == "rebuilding", 120)
            time.sleep(delay)
            _children, err = kill_hard(proc)
            assert "Traceback" not in err
        finally:
            cleanup_group(proc)
        archive = opened(archive_copy)
        sqlite_checks(archive)
        detected += archive.index.needs_rebuild
        if not archive.index.needs_rebuild:  # the rebuild finished before the kill: the index must be whole
            assert archive.index.doc_ids() == expected_ids
        assert_index_matches(archive)  # the next open rebuilds or catches up
        assert _totals(archive) == reference
        archive.close()
    assert detected >= 1, "no kill landed inside a rebuild"
    result = run_cli("--archive", str(archive_copy), "search", "mine", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == reference["mine"]


def _annotate(archive: Archive, count: int) -> None:
    """`count` tagged annotations with notes, spread over the documents."""
    ids = sorted(database_ids(archive))[:count]
    for doc_id in ids:
        text_length = len(library.document_text(archive, doc_id))
        start = min(200, text_length // 3)
        annotations.create(archive, doc_id, start, min(text_length, start + 400),
                           note=f"Note on document {doc_id}: check the stockpile figures.", tag_names=["export"])


def _writing(folder: Path) -> bool:
    """An export is writing into `folder`: its hidden temporary file is there."""
    return any(TEMPORARY.match(path.name) for path in folder.iterdir())


def _children_cpu() -> float:
    """CPU seconds of the test process's ended (and waited-for) child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu(pid: int) -> float:
    """CPU seconds a live process has used, its waited-for children included (inf once it is gone).

    How far a process has got, whatever else the machine runs: a busy machine stretches the
    wall-clock time of the same work, never its CPU time.
    """
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return math.inf
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime, stime, cutime, cstime


def _stable(export: bytes) -> bytes:
    """The export without its "Exported <date time>" line, which differs between two runs a minute apart."""
    return re.sub(rb"(?m)^Exported .*$", b"", export)


def test_kill_during_export_leaves_no_truncated_file(
    archive_copy: Path, tmp_path: Path, opened: Callable[[Path], Archive]
) -> None:
    archive = opened(archive_copy)
    _annotate(archive, 50)
    archive.close()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    reference = out_dir / "reference.md"
    cpu_before = _children_cpu()
    result = run_cli("--archive", str(archive_copy), "export", "--format", "md", "--tag", "export", "-o", str(reference))
    work = _children_cpu() - cpu_before  # the CPU time of a whole export
    assert result.returncode == 0, result.stderr
    complete = reference.read_bytes()
    assert len(complete) > 20_000
    reference.unlink()

    target = out_dir / "excerpts.md"
    rng = random.Random(11)
    finished = 0
    for run in range(6):
        proc = start_cli("--archive", str(archive_copy), "export", "--format", "md", "--tag", "export",
                         "-o", str(target))
        try:
            if run == 0:  # once while the export writes: as soon as its temporary file is there
                wait_for(lambda p=proc: p.poll() is not None or _writing(out_dir), 120, interval=0.005)
            else:
                # at a random point from start-up to about the end, measured in CPU time, not in seconds on
                # the clock: a busy machine makes runs longer and their length uneven, so a moment on the
                # clock drawn from one run's length can come after the end of every other run
                point = rng.uniform(0.05, 1.1) * work
                wait_for(lambda p=proc, at=point: p.poll() is not None or _cpu(p.pid) >= at, 120, interval=0.01)
            if proc.poll() is None:
                kill_hard(proc)
            else:
                finished += 1
        finally:
            cleanup_group(proc)
        # the target name holds the whole export or nothing
        if target.exists():
            assert _stable(target.read_bytes()) == _stable(complete)
            target.unlink()
        # a temporary left by the kill is hidden and names its target: `.excerpts.md.<8 hex>.tmp`
        for leftover in out_dir.iterdir():
            match = TEMPORARY.match(leftover.name)
            assert match and match["target"] == target.name, leftover.name
    archive = opened(archive_copy)
    sqlite_checks(archive)
    archive.close()
    assert finished < 6, "no kill landed during an export"
