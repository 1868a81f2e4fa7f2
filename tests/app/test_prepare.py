"""The parallel half of an import gives the same results as the inline one, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.archive import Archive
from app.importer import import_paths, run_import
from app.library import document_detail
from app.prepare import prepare, prepared_stream
from tests.app.test_importer import PROFILE, RELEASE


@pytest.fixture
def folder(tmp_path: Path) -> list[Path]:
    paths = []
    for i in range(6):
        path = tmp_path / f"r{i}.txt"
        path.write_text((PROFILE if i % 2 else RELEASE).replace("mines", f"mines ({i})", 1), encoding="utf-8")
        paths.append(path)
    (tmp_path / "empty.txt").write_bytes(b"")
    paths.append(tmp_path / "empty.txt")
    return paths


def test_worker_processes_match_inline(folder: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.prepare.PARALLEL_MIN", 2)
    parallel = list(prepared_stream(folder, frozenset(), workers=1))
    inline = [prepare(p, analyse=True) for p in folder]
    assert [p.path for p in parallel] == folder
    assert parallel == inline
    assert parallel[-1].error == "empty file"
    assert parallel[0].analysis  # workers also compute the index terms


def test_worker_analysis_equals_the_index_own(folder: list[Path]) -> None:
    """Pre-computed index terms are exactly what the index computes from the same texts."""
    from app.search_index.schema import _schema

    prepared = prepare(folder[0], analyse=True)
    assert prepared.parsed is not None and prepared.analysis
    body = _schema()["body"]
    for text, items in prepared.analysis:
        assert items == list(body.index(text))


def test_known_content_is_not_parsed(folder: list[Path]) -> None:
    sha = prepare(folder[0]).sha
    assert sha is not None
    known = prepare(folder[0], frozenset({sha}))
    assert known.sha == sha and known.parsed is None and known.error is None


def test_parallel_import_and_cancel(archive: Archive, folder: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.prepare.PARALLEL_MIN", 2)
    gen = import_paths(archive, folder[:3])
    next(gen)
    gen.close()  # cancels: the worker pool is shut down, one document stays
    summary = run_import(archive, folder)
    assert len(summary.imported) == 5 and len(summary.unchanged) == 1
    assert [f for _, f in summary.failed] == ["empty file"]
    assert document_detail(archive, summary.imported[0])["title"]
