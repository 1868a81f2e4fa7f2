"""A corpus of malformed and hostile files: each is reported and skipped, or imported safely, and the
import of the others goes on, with memory bounded. The corpus is built by `corpus.build_corpus`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

import app.importing.importer as importer
import app.importing.prepare as prepare_module
from app.archive.folder import Archive
from app.errors import ReadError
from app.importing.importer import ImportSummary, run_import
from app.importing.prepare import prepare
from app.library.listing import document_detail
from app.readers import read_file
from app.readers.pdf import MAX_PAGES
from app.reading import plan_document
from db.models import Document

from .corpus import EXPECTED, HUGE_BYTES, IMPORTED, SCRIPT_TEXT, build_corpus

ROOT = Path(__file__).resolve().parents[2]
PEAK_RSS_LIMIT_MB = 400


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("hostile") / "corpus")


@pytest.fixture(scope="module")
def imported(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Archive, ImportSummary]]:
    """One import of the whole corpus, shared by the checks below (it is the slow part)."""
    with Archive.open(tmp_path_factory.mktemp("archive")) as archive:
        yield archive, run_import(archive, [corpus])


def _outcomes(corpus: Path, summary: ImportSummary) -> dict[str, str]:
    failed = {path.resolve().relative_to(corpus.resolve()).as_posix(): reason for path, reason in summary.failed}
    return {name: failed.get(name, IMPORTED) for name in EXPECTED}


def test_every_bad_file_is_reported_and_the_rest_imported(corpus: Path, imported: tuple[Archive, ImportSummary]) -> None:
    _, summary = imported
    outcomes = _outcomes(corpus, summary)
    for name, expected in EXPECTED.items():
        assert outcomes[name].startswith(expected), f"{name}: {outcomes[name]!r}, expected {expected!r}"
        assert "\n" not in outcomes[name] and "Traceback" not in outcomes[name]
    assert not any(reason.startswith("internal error") for _, reason in summary.failed)
    assert len(summary.imported) == list(EXPECTED.values()).count(IMPORTED)
    assert len(summary.failed) == len(EXPECTED) - len(summary.imported), "nothing reported twice (symlink loop)"


def _stored_text(archive: Archive, name: str) -> str:
    with archive.session() as session:
        text = session.scalar(select(Document.text).where(Document.source_path.endswith(f"/{name}")))
    assert text is not None, f"{name} not imported"
    return text


def test_hostile_html_keeps_no_script_and_no_active_links(imported: tuple[Archive, ImportSummary]) -> None:
    archive, _ = imported
    text = _stored_text(archive, "hostile.html")
    assert "Deminers cleared 40 hectares" in text and "the map" in text and "the annex" in text
    for banned in (SCRIPT_TEXT, "javascript:", "file:", "evil.example", "<script", "<iframe", "onerror", "<img"):
        assert banned not in text


def test_hostile_html_reader_plan_holds_nothing_active(imported: tuple[Archive, ImportSummary]) -> None:
    """What the reader view draws (app.reading's plan, with the document's notes) names no script or URL to load."""
    archive, _ = imported
    with archive.session() as session:
        doc_id = session.scalar(select(Document.id).where(Document.source_path.endswith("/hostile.html")))
    assert doc_id is not None
    detail = document_detail(archive, doc_id)
    shown = repr(plan_document(detail, _stored_text(archive, "hostile.html"))) + repr(detail)
    for banned in (SCRIPT_TEXT, "javascript:", "file:", "evil.example"):
        assert banned not in shown.replace(str(ROOT), "").replace("hostile.html", "")


def test_garbled_encodings_import_as_text_without_controls(imported: tuple[Archive, ImportSummary]) -> None:
    archive, _ = imported
    for name in ("invalid-utf8.txt", "invalid-utf16.txt", "odd-utf16.md"):
        text = _stored_text(archive, name)
        assert "\x00" not in text and not any("\ud800" <= ch <= "\udfff" for ch in text)
    assert "mines" in _stored_text(archive, "invalid-utf8.txt")
    assert "Report on mines" in _stored_text(archive, "invalid-utf16.txt")


def test_pdf_over_the_page_limit_is_read_up_to_it(corpus: Path) -> None:
    raw = read_file(corpus / "many-pages.pdf")
    assert raw.text.count("Mine clearance page.") <= MAX_PAGES
    assert any(f"only the first {MAX_PAGES:,} were read" in notice for notice in raw.notices)


def test_huge_file_is_refused_by_size_before_it_is_opened(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = corpus / "huge.txt"
    assert huge.stat().st_size == HUGE_BYTES
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(self)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    assert prepare(huge).error is not None and prepare(huge).error.startswith("too large")  # type: ignore[union-attr]
    with pytest.raises(ReadError, match=r"^too large"):
        read_file(huge)
    assert huge not in opened


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this platform")
def test_symlink_loop_terminates(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text("A report in a loop.\n")
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a file link to itself: ELOOP when opened
    with Archive.open(tmp_path / "archive") as archive:
        summary = run_import(archive, [folder, folder / "self.txt"])
    assert len(summary.imported) == 1
    [(path, reason)] = summary.failed
    assert path.name == "self.txt" and reason.startswith("cannot read:") and "symbolic links" in reason


def _three_files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "docs"
    folder.mkdir()
    paths = [folder / f"{name}.txt" for name in ("a", "b", "c")]
    for path in paths:
        path.write_text(f"Report {path.stem}\n\nText of report {path.stem} on mine clearance.\n")
    return paths


def test_file_deleted_between_discovery_and_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _three_files(tmp_path)
    discover = importer.iter_candidate_files

    def discover_then_delete(given: list[Path]) -> Iterator[Path]:
        found = list(discover(given))
        paths[1].unlink()
        yield from found

    monkeypatch.setattr(importer, "iter_candidate_files", discover_then_delete)
    with Archive.open(tmp_path / "archive") as archive:
        summary = run_import(archive, [paths[0].parent])
    assert len(summary.imported) == 2
    assert [(p.name, r) for p, r in summary.failed] == [("b.txt", "cannot read: no such file or directory")]


def test_file_deleted_between_hashing_and_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _three_files(tmp_path)
    real_sha = prepare_module._sha256

    def hash_then_delete(path: Path) -> str:
        digest = real_sha(path)
        if path.name == "b.txt":
            path.unlink()
        return digest

    monkeypatch.setattr(prepare_module, "_sha256", hash_then_delete)
    with Archive.open(tmp_path / "archive") as archive:
        summary = run_import(archive, [paths[0].parent])
    assert len(summary.imported) == 2
    assert [(p.name, r) for p, r in summary.failed] == [("b.txt", "cannot read: file not found")]


def test_files_deleted_by_another_thread_during_import(tmp_path: Path) -> None:
    """The real race, not a patched one: whatever the timing, every file is imported or reported."""
    folder = tmp_path / "docs"
    folder.mkdir()
    paths = [folder / f"r{n:03}.txt" for n in range(40)]
    for path in paths:
        path.write_text(f"Report {path.stem}\n\nText on mine clearance number {path.stem}.\n")
    victims = paths[5::5]
    with Archive.open(tmp_path / "archive") as archive:
        events = importer.import_paths(archive, [folder])
        first = next(events)
        deleter = threading.Thread(target=lambda: [p.unlink() for p in victims])
        deleter.start()
        handled = [first, *events]
        deleter.join()
    assert len(handled) == len(paths)
    failed = [event for event in handled if event.outcome == importer.FAILED]
    assert {event.path.name for event in failed} <= {p.name for p in victims}
    assert all(event.reason and event.reason.startswith("cannot read") for event in failed)


_MEASURE = """
import json, sys
from pathlib import Path
from app.archive.folder import Archive
from app.importing.importer import run_import
with Archive.open(Path(sys.argv[2])) as archive:
    summary = run_import(archive, [Path(sys.argv[1])])
status = Path("/proc/self/status").read_text()
peak_kb = int(status.split("VmHWM:")[1].split()[0])
print(json.dumps({"peak_mb": peak_kb / 1024, "imported": len(summary.imported), "failed": len(summary.failed)}))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak RSS is read from /proc")
def test_hostile_import_peak_memory_is_bounded(corpus: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(corpus), str(tmp_path / "archive")], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=180, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["imported"] + result["failed"] == len(EXPECTED)
    assert result["peak_mb"] < PEAK_RSS_LIMIT_MB, result
