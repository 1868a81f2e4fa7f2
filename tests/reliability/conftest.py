"""Shared pieces of the reliability tests: a generated corpus, real CLI processes, consistency checks.

"Consistent" here is checked directly (the check command is built elsewhere): SQLite's
integrity and foreign-key checks, every document whole (its text, sections, markers and
footnotes as the parser makes them), and, after `bring_up_to_date`, index ids == database ids.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from app.archive.folder import Archive
from app.importing.prepare import prepare
from app.search import service as search
from bench.generator import write_corpus

ROOT = Path(__file__).resolve().parents[2]
CORPUS_SIZE = 300
CORPUS_SEED = 7


@dataclass(frozen=True, slots=True)
class Expected:
    """What a whole document of one source file holds."""

    text_length: int
    sections: int
    markers: int
    footnotes: int


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reliability") / "corpus"
    write_corpus(folder, CORPUS_SIZE, seed=CORPUS_SEED)
    return folder


@pytest.fixture(scope="session")
def expected(corpus: Path) -> dict[str, Expected]:
    """Per source path, the parts a completely imported document has (parsed once)."""
    out: dict[str, Expected] = {}
    for path in sorted(corpus.iterdir()):
        parsed = prepare(path.resolve()).parsed
        assert parsed is not None
        out[str(path.resolve())] = Expected(len(parsed.text), len(parsed.sections), len(parsed.markers),
                                            len(parsed.footnotes))
    return out


@pytest.fixture(scope="session")
def built_archive(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed archive holding the whole corpus, indexed: copy it, never change it."""
    folder = tmp_path_factory.mktemp("built") / "archive"
    result = run_cli("--archive", str(folder), "import", str(corpus))
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def archive_copy(built_archive: Path, tmp_path: Path) -> Path:
    target = tmp_path / "archive"
    shutil.copytree(built_archive, target)
    return target


def cli_command(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), *args]


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.pop("DOSSIER_ARCHIVE", None)
    return env


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cli_command(*args), cwd=ROOT, env=cli_env(), capture_output=True, text=True,
                          timeout=timeout, check=False)


def start_cli(*args: str) -> subprocess.Popen[str]:
    """A CLI process in its own session, so its worker processes can be found and cleaned up."""
    return subprocess.Popen(cli_command(*args), cwd=ROOT, env=cli_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def children_of(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out.extend(int(x) for x in (task / "children").read_text().split())
        except OSError:
            continue
    return out


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def kill_hard(proc: subprocess.Popen[str]) -> tuple[list[int], str]:
    """SIGKILL the main process only, as a crash would; returns its children then and its stderr."""
    children = children_of(proc.pid)
    proc.send_signal(signal.SIGKILL)
    _out, err = proc.communicate(timeout=30)
    return children, err


def tracebacks_of_ours(err: str) -> list[str]:
    """Tracebacks in `err`, except a helper's that died in multiprocessing's own start-up (spawn_main) because
    its parent was killed before handing it its work: no Dossier code had run in it yet."""
    blocks = err.split("Traceback (most recent call last):")[1:]
    return [block for block in blocks if not ("multiprocessing/spawn.py" in block and "spawn_main" in block
                                               and "/app/" not in block)]  # fmt: skip


def wait_for(condition: Callable[[], bool], timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()


def cleanup_group(proc: subprocess.Popen[str]) -> None:
    """Whatever a test's process left behind (its own session only) is ended."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def sqlite_checks(archive: Archive) -> None:
    with archive.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []


def check_documents_whole(archive: Archive, expected: dict[str, Expected]) -> dict[str, int]:
    """No half-imported document: each row has all its parts, as parsed. Returns source path → id."""
    with archive.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT d.id, d.source_path, d.text_length, length(d.text),"
            " (SELECT count(*) FROM sections s WHERE s.document_id = d.id),"
            " (SELECT count(*) FROM markers m WHERE m.document_id = d.id),"
            " (SELECT count(*) FROM footnotes f WHERE f.document_id = d.id),"
            " (SELECT count(*) FROM markers m WHERE m.document_id = d.id"
            "    AND NOT (0 <= m.start AND m.start < m.\"end\" AND m.\"end\" <= d.text_length)),"
            " (SELECT count(*) FROM sections s WHERE s.document_id = d.id AND NOT s.start BETWEEN 0 AND d.text_length)"
            " FROM documents d"
        )).all()
        orphans = conn.execute(text(
            "SELECT (SELECT count(*) FROM index_queue WHERE document_id NOT IN (SELECT id FROM documents))"
            " + (SELECT count(*) FROM citations WHERE footnote_id NOT IN (SELECT id FROM footnotes))"
        )).scalar()
    assert orphans == 0
    ids: dict[str, int] = {}
    for doc_id, source, text_length, length, sections, markers, footnotes, bad_markers, bad_sections in rows:
        assert source not in ids, f"{source} imported twice"
        ids[source] = doc_id
        want = expected[source]
        assert (text_length, length, sections, markers, footnotes) == (
            want.text_length, want.text_length, want.sections, want.markers, want.footnotes
        ), f"document {doc_id} ({source}) is incomplete"
        assert bad_markers == 0 and bad_sections == 0, f"document {doc_id} has parts outside its text"
    return ids


def queued_ids(archive: Archive) -> set[int]:
    with archive.engine.connect() as conn:
        return set(conn.execute(text("SELECT document_id FROM index_queue")).scalars())


def bring_index_up_to_date(archive: Archive) -> None:
    for _ in search.bring_up_to_date(archive):
        pass


def database_ids(archive: Archive) -> set[int]:
    with archive.engine.connect() as conn:
        return set(conn.execute(text("SELECT id FROM documents")).scalars())


def assert_index_matches(archive: Archive) -> None:
    bring_index_up_to_date(archive)
    assert archive.index.doc_ids() == database_ids(archive)
    assert queued_ids(archive) == set()


@pytest.fixture
def opened() -> Iterator[Callable[[Path], Archive]]:
    """Open archives in the test process, closed at the end whatever happens."""
    archives: list[Archive] = []

    def open_(folder: Path) -> Archive:
        archive = Archive.open(folder)
        archives.append(archive)
        return archive

    yield open_
    for archive in archives:
        archive.close()
