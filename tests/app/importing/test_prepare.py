"""The parallel half of an import gives the same results as the inline one, in order."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from app.archive.folder import Archive
from app.importing.importer import import_paths, run_import
from app.importing.prepare import Prepared, prepare, prepared_stream
from app.importing.storage import StoreResult, store_prepared
from app.library.listing import document_detail
from app.search.engine import DocumentAnalysis, IndexDoc
from tests.app.importing.test_importer import PROFILE, RELEASE


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
    monkeypatch.setattr("app.importing.workers.PARALLEL_MIN", 2)
    parallel = list(prepared_stream(folder, frozenset(), workers=1))
    inline = [prepare(p, analyse=True) for p in folder]
    assert [p.path for p in parallel] == folder
    assert parallel == inline
    assert parallel[-1].error == "empty file"
    assert parallel[0].analysis  # workers also compute the index terms


def test_worker_analysis_equals_the_index_own(folder: list[Path]) -> None:
    """Pre-computed index terms are exactly what the index computes from the same texts."""
    from app.search.engine.schema import _schema

    prepared = prepare(folder[1], analyse=True)
    assert prepared.parsed is not None and prepared.analysis
    assert set(prepared.analysis) == {"title", "body", "footnotes"}
    schema = _schema()
    for name, analysed in prepared.analysis.items():
        assert analysed.terms == list(schema[name].index(analysed.text))
    assert prepared.analysis["body"].text == prepared.parsed.text


@pytest.mark.parametrize("index_built", [False, True], ids=["new-index", "built-index"])
def test_import_hands_worker_analyses_to_the_index_with_their_documents(
    archive: Archive, folder: list[Path], monkeypatch: pytest.MonkeyPatch, index_built: bool
) -> None:
    """Each document's worker analysis is used for that document, and only while its text is the one
    analysed: a text changed before it is stored gets the stored text's terms. A new archive's index
    is built by a rebuild at the first index batch, an existing one gets the batch's documents."""
    from app.importing import importer
    from app.search import service as search
    from app.search.engine import analysis as search_analysis

    if index_built:
        list(search.bring_up_to_date(archive))
    assert archive.index.needs_rebuild != index_built
    monkeypatch.setattr("app.importing.workers.PARALLEL_MIN", 2)
    changed = folder[1]  # a profile: the worker analysed "Officials denied…"

    def store_changed(session: Session, prepared: Prepared) -> StoreResult:
        if prepared.path == changed and prepared.parsed is not None:
            prepared.parsed.text = prepared.parsed.text.replace("Officials", "Ministers")  # same length
        return store_prepared(session, prepared)

    handed: dict[int, DocumentAnalysis] = {}
    index_docs = search.index_docs

    def given_to_the_index(session: Session, doc_ids: list[int],
                           analyses: Mapping[int, DocumentAnalysis] | None = None) -> list[IndexDoc]:  # fmt: skip
        handed.update(analyses or {})
        return index_docs(session, doc_ids, analyses)

    analysed_here: list[str] = []  # texts analysed by this process (the workers are other processes)
    token_positions = search_analysis._token_positions

    def counted(text: str) -> dict[str, list[int]]:
        analysed_here.append(text)
        return token_positions(text)

    monkeypatch.setattr(importer, "store_prepared", store_changed)
    monkeypatch.setattr(search, "index_docs", given_to_the_index)
    monkeypatch.setattr(search_analysis, "_token_positions", counted)
    summary = run_import(archive, folder)
    monkeypatch.undo()

    assert len(summary.imported) == 6 and set(handed) == set(summary.imported)
    with archive.session() as session:
        docs = {doc.id: doc for doc in search.index_docs(session, summary.imported)}
    changed_id = next(i for i in summary.imported
                      if Path(document_detail(archive, i)["source"]["path"]).name == changed.name)  # fmt: skip
    for doc_id, analysis in handed.items():
        for name, analysed in analysis.items():
            assert (analysed.text == getattr(docs[doc_id], name)) == (doc_id != changed_id or name != "body")
    bodies = {doc.body for doc in docs.values()}
    assert [text for text in analysed_here if text in bodies] == [docs[changed_id].body]

    def found(query: str) -> set[int]:
        return set(search.search(archive, query, limit=50).match_ids)

    assert found("ministers") == {changed_id}
    assert changed_id not in found("officials") and len(found("officials")) == 2
    queries = ["mines", '"new use of mines"', "ministers", "officials", "footnotes:geneva", "title:freedonia"]
    before = {query: found(query) for query in queries}
    list(search.rebuild(archive))  # every text analysed afresh
    assert {query: found(query) for query in queries} == before


def test_known_content_is_not_parsed(folder: list[Path]) -> None:
    sha = prepare(folder[0]).sha
    assert sha is not None
    known = prepare(folder[0], frozenset({sha}))
    assert known.sha == sha and known.parsed is None and known.error is None


def test_parallel_import_and_cancel(archive: Archive, folder: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.importing.workers.PARALLEL_MIN", 2)
    gen = import_paths(archive, folder[:3])
    next(gen)
    gen.close()  # cancels: the worker pool is shut down, one document stays
    summary = run_import(archive, folder)
    assert len(summary.imported) == 5 and len(summary.unchanged) == 1
    assert [f for _, f in summary.failed] == ["empty file"]
    assert document_detail(archive, summary.imported[0])["title"]


@pytest.mark.parametrize(
    ("count", "workers", "size", "expected"),
    [(64, 2, 0, True), (10, 2, 0, False), (10, 2, 3_000_000, True), (3, 2, 10**9, False), (500, 0, 10**9, False)],
)
def test_workers_start_for_many_files_or_a_few_big_ones(count: int, workers: int, size: int, expected: bool) -> None:
    from app.importing.workers import parallel

    assert parallel(count, workers, size) is expected


def test_the_size_is_counted_only_as_far_as_it_matters(tmp_path: Path) -> None:
    from app.importing.workers import total_size

    paths = []
    for i in range(5):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_bytes(b"x" * 1000)
    assert total_size([*paths, tmp_path / "missing.txt"], 10**6) == 5000
    assert total_size(paths, 1500) == 2000


def _niceness() -> int:
    return os.nice(0)


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no scheduling priorities here")
def test_workers_run_at_a_lower_priority_than_the_import() -> None:
    """The index process and the importing process (the GUI's) come first; parsing fills the rest."""
    from app.importing.workers import WORKER_NICENESS, Workers

    workers = Workers(1)
    try:
        workers.configure(frozenset(), False)
        assert workers.pool.submit(_niceness).result() == min(19, os.nice(0) + WORKER_NICENESS)
    finally:
        workers.close()


def test_tasks_hold_eight_small_files_or_one_big_one(tmp_path: Path) -> None:
    from app.importing.prepare import CHUNK, CHUNK_BYTES, _chunks

    sizes = [10] * 10 + [CHUNK_BYTES] * 2 + [CHUNK_BYTES // 2] * 3 + [10]
    paths = []
    for i, size in enumerate(sizes):
        path = tmp_path / f"{i:02}.txt"
        path.write_bytes(b"x" * size)
        paths.append(path)
    chunks = list(_chunks([*paths, tmp_path / "gone.txt"]))
    assert [p for chunk in chunks for p in chunk] == [*paths, tmp_path / "gone.txt"]  # in order, none lost
    assert [len(chunk) for chunk in chunks] == [CHUNK, 3, 1, 2, 3]
    assert all(len(chunk) <= CHUNK for chunk in chunks)


def test_a_worker_killed_before_its_settings_leaves_nothing_waiting() -> None:
    """The settings (here more than a pipe holds) are sent without waiting for the worker to read them."""
    import signal
    import threading
    from concurrent.futures.process import BrokenProcessPool

    from app.importing.workers import Workers

    workers = Workers(2)
    try:
        victim = next(iter(workers.pool._processes.values()))  # type: ignore[union-attr]
        os.kill(victim.pid, signal.SIGKILL)
        victim.join()
        known = frozenset(f"{n:064x}" for n in range(20_000))
        sent = threading.Thread(target=workers.configure, args=(known, False), daemon=True)
        sent.start()
        sent.join(timeout=120)  # a safety net only: the call returns at once
        assert not sent.is_alive()
        with pytest.raises(BrokenProcessPool):
            workers.pool.submit(_niceness).result()
    finally:
        workers.close()
