"""Real processes on one archive: two imports at once, a reader searching during an import, two index writers."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from app.archive.folder import Archive
from app.search.engine import IndexLockedError, SearchIndex
from bench.generator import write_corpus
from tests.reliability.conftest import (
    ROOT,
    assert_index_matches,
    check_documents_whole,
    cleanup_group,
    cli_env,
    sqlite_checks,
    start_cli,
)


def _halves(corpus: Path, tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for i, path in enumerate(sorted(corpus.iterdir())[:130]):
        shutil.copy2(path, (first if i % 2 else second) / path.name)
    return first, second


def _finish(proc: subprocess.Popen[str], timeout: float = 180) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        cleanup_group(proc)
    return proc.returncode, out, err


@pytest.mark.parametrize("fresh", [False, True], ids=["existing", "fresh"])
def test_two_imports_at_once(corpus: Path, tmp_path: Path, opened: Callable[[Path], Archive], fresh: bool) -> None:
    first, second = _halves(corpus, tmp_path)
    folder = tmp_path / "archive"
    if not fresh:
        Archive.open(folder).close()
    a = start_cli("--archive", str(folder), "import", str(first))
    b = start_cli("--archive", str(folder), "import", str(second))
    results = [_finish(a), _finish(b)]
    for code, out, err in results:
        assert "Traceback" not in err and "database is locked" not in err, err
        assert code == 0, out + err
    archive = opened(folder)
    sqlite_checks(archive)
    from app.importing.prepare import prepare
    from tests.reliability.conftest import Expected

    wanted = {}
    for path in [*first.iterdir(), *second.iterdir()]:
        parsed = prepare(path.resolve()).parsed
        assert parsed is not None
        wanted[str(path.resolve())] = Expected(len(parsed.text), len(parsed.sections), len(parsed.markers),
                                               len(parsed.footnotes))
    ids = check_documents_whole(archive, wanted)
    assert set(ids) == set(wanted)
    assert_index_matches(archive)


READER = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from app.search import service as search
    from app.archive.folder import Archive
    archive = Archive.open(Path(sys.argv[1]))
    stop = Path(sys.argv[2])
    totals = []
    errors = 0
    while not stop.exists():
        for _ in search.bring_up_to_date(archive):
            pass
        totals.append(search.search(archive, "mine", limit=5).total)
        time.sleep(0.05)
    for _ in search.bring_up_to_date(archive):
        pass
    totals.append(search.search(archive, "mine", limit=5).total)
    print(json.dumps(totals))
    archive.close()
""")


def test_searching_process_during_import(archive_copy: Path, tmp_path: Path, opened: Callable[[Path], Archive]) -> None:
    """A GUI-like process keeps the archive open and searches in a loop while the CLI imports."""
    import json

    new = tmp_path / "new"
    write_corpus(new, 120, seed=31)
    archive = opened(archive_copy)
    from app.search import service as search

    before = search.search(archive, "mine", limit=5).total
    archive.close()
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(archive_copy), str(stop)], cwd=ROOT, env=cli_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        code, out, err = _finish(start_cli("--archive", str(archive_copy), "import", str(new)))
        assert code == 0, out + err
        stop.touch()
        r_out, r_err = reader.communicate(timeout=120)
    finally:
        cleanup_group(reader)
    assert reader.returncode == 0, r_err
    assert "Traceback" not in r_err
    totals = json.loads(r_out)
    assert totals[0] >= before and totals == sorted(totals)
    archive = opened(archive_copy)
    sqlite_checks(archive)
    assert_index_matches(archive)
    after = search.search(archive, "mine", limit=5).total
    assert after > before
    assert totals[-1] == after  # the reader sees the new documents after the import


def test_reindex_while_import(archive_copy: Path, tmp_path: Path, opened: Callable[[Path], Archive]) -> None:
    new = tmp_path / "new"
    write_corpus(new, 120, seed=41)
    imp = start_cli("--archive", str(archive_copy), "import", str(new))
    rex = start_cli("--archive", str(archive_copy), "reindex")
    for code, out, err in (_finish(imp), _finish(rex)):
        assert "Traceback" not in err
        assert code == 0 or (code == 1 and "index" in err and err.count("\n") == 1), out + err
    archive = opened(archive_copy)
    sqlite_checks(archive)
    assert_index_matches(archive)


def test_index_lock_timeout_is_a_clear_error(tmp_path: Path) -> None:
    """A second writer waits for the lock, then gets IndexLockedError (a DossierError), the index unharmed."""
    holder = SearchIndex.open(tmp_path / "index")
    other = SearchIndex.open(tmp_path / "index", lock_timeout=0.5)
    with holder.writer(), pytest.raises(IndexLockedError, match="another running Dossier"), other.writer():
        pass
    with other.writer():
        pass
    holder.close()
    other.close()
