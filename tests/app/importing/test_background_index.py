"""A large import writes its index in a process of its own: same index, same queue, same failures."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.archive.folder import Archive
from app.importing.importer import import_paths, run_import
from app.importing.index_process import BackgroundIndexer
from app.search import service as search
from app.search.updates import queue_documents
from db.models import Document, IndexQueue
from tests.app.importing.test_importer import PROFILE, RELEASE


def _queued(archive: Archive) -> list[int]:
    with archive.session() as s:
        return sorted(s.scalars(select(IndexQueue.document_id)))


def _reports(folder: Path, count: int, first: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(first, first + count):
        text = (PROFILE if i % 2 else RELEASE).replace("mines", f"mines (report {i} zorblat{i})", 1)
        path = folder / f"r{i:02}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def background(monkeypatch: pytest.MonkeyPatch) -> None:
    """An import of a dozen files behaves as a large one: workers, index process, several index batches."""
    monkeypatch.setattr("app.importing.workers.PARALLEL_MIN", 2)
    monkeypatch.setattr("app.importing.importer.BACKGROUND_INDEX_MIN", 2)
    monkeypatch.setattr("app.importing.importer.INDEX_BATCH", 3)


def _ids(archive: Archive) -> list[int]:
    with archive.session() as s:
        return sorted(s.scalars(select(Document.id)))


def test_large_import_indexes_in_the_index_process(archive: Archive, tmp_path: Path, background: None,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    submitted: list[list[int]] = []
    submit = BackgroundIndexer.submit
    monkeypatch.setattr(BackgroundIndexer, "submit",
                        lambda self, ids, **how: submitted.append(list(ids)) or submit(self, ids, **how))
    inline: list[int] = []
    monkeypatch.setattr("app.importing.importer.apply_changes", lambda _a, ids, **_k: inline.extend(ids))
    summary = run_import(archive, _reports(tmp_path / "src", 12))
    assert len(summary.imported) == 12
    assert len(submitted) >= 2 and sorted(i for batch in submitted for i in batch) == _ids(archive)
    assert inline == []  # nothing indexed by the importing process itself
    assert _queued(archive) == []
    assert archive.index.doc_ids() == set(_ids(archive))
    hits = search.search(archive, "zorblat7").hits
    assert [h.id for h in hits] == [summary.imported[7]]
    assert not archive.index.needs_rebuild


def test_a_cancel_does_not_wait_for_the_index_process_which_indexes_the_rest(
    archive: Archive, tmp_path: Path, background: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.importing.importer.INDEX_BATCH", 100)  # everything committed is handed over at the cancel
    waits: list[bool] = []
    submit = BackgroundIndexer.submit
    monkeypatch.setattr(BackgroundIndexer, "submit",
                        lambda self, ids, wait=True: waits.append(wait) or submit(self, ids, wait=wait))  # fmt: skip
    gen = import_paths(archive, _reports(tmp_path / "src", 12))
    for _ in range(4):
        next(gen)
    gen.close()
    assert waits == [False]  # handed over without waiting
    stored = _ids(archive)
    assert 4 <= len(stored) < 12
    deadline = time.monotonic() + 60
    while (_queued(archive) or archive.index.doc_ids() != set(stored)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert archive.index.doc_ids() == set(stored)  # indexed by the process on its own…
    assert _queued(archive) == []  # …and the rows cleared as each batch ended


def test_a_killed_index_process_leaves_its_batch_queued_and_the_import_goes_on(archive: Archive,
                                                                               tmp_path: Path) -> None:  # fmt: skip
    summary = run_import(archive, _reports(tmp_path / "src", 4))
    first, second = summary.imported[:2], summary.imported[2:]
    with archive.session() as s:  # as an import leaves them: committed and queued, not yet indexed
        queue_documents(s, summary.imported)
    indexer = BackgroundIndexer(archive)
    try:
        assert indexer.submit(first)
        indexer._collect(wait=True)  # the process is up and has indexed the first batch
        assert _queued(archive) == sorted(second)
        for pid in list(indexer._pool._processes):  # type: ignore[union-attr]
            os.kill(pid, signal.SIGKILL)
        accepted = indexer.submit(second)
        indexer._collect(wait=True)
        assert not accepted or indexer.broken
        assert not indexer.submit(second) and indexer.broken
    finally:
        indexer.close()
    assert _queued(archive) == sorted(second)  # left for the next open, which catches up
    list(search.bring_up_to_date(archive))
    assert _queued(archive) == []
    assert archive.index.doc_ids() == set(summary.imported)


def test_an_unusable_index_is_rebuilt_by_the_import_then_written_by_the_index_process(archive: Archive, tmp_path: Path,
                                                                           background: None) -> None:  # fmt: skip
    run_import(archive, _reports(tmp_path / "first", 3))
    archive.close()
    for name in os.listdir(archive.index_dir):  # damaged between two runs
        if name.endswith(".trm"):
            (archive.index_dir / name).write_bytes(b"garbage")
    reopened = Archive.open(archive.folder)
    try:
        assert reopened.index.needs_rebuild
        summary = run_import(reopened, _reports(tmp_path / "second", 12, first=3))
        assert len(summary.imported) == 12
        assert not reopened.index.needs_rebuild
        assert reopened.index.doc_ids() == set(_ids(reopened))
        assert _queued(reopened) == []
    finally:
        reopened.close()


@pytest.fixture
def in_this_process(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The index process's functions, run here on the test's archive (the process state restored after)."""
    from app.importing import index_process

    monkeypatch.setattr(index_process, "_archive", archive)
    monkeypatch.setattr(index_process, "_index", None)
    monkeypatch.setattr(index_process, "_analysed", {})
    yield
    if index_process._index is not None:
        index_process._index.close()


def test_fed_documents_are_analysed_ahead_and_their_terms_used_by_their_batch(
    archive: Archive, tmp_path: Path, in_this_process: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.importing import index_process
    from app.search.engine import analysis

    summary = run_import(archive, _reports(tmp_path / "src", 3))
    with archive.session() as s:
        queue_documents(s, summary.imported)
    index_process._analyse(summary.imported)
    fed = index_process._analysed
    assert sorted(fed) == sorted(summary.imported)
    with archive.session() as s:
        doc = s.get(Document, summary.imported[0])
        assert doc is not None
        assert fed[doc.id]["body"].text == doc.text
        assert fed[doc.id]["body"].terms == analysis.analyse_fields(body=doc.text)["body"].terms
    analysed_at_batch: list[str] = []
    positions = analysis._token_positions
    monkeypatch.setattr(analysis, "_token_positions", lambda text: analysed_at_batch.append(text) or positions(text))
    stamps = index_process._index_batch(summary.imported)
    assert sorted(stamps) == sorted(summary.imported) and index_process._analysed == {}
    assert all(len(text) < 200 for text in analysed_at_batch)  # titles only: bodies and notes came analysed
    assert index_process._index is not None
    assert [hit.id for hit in index_process._index.search("zorblat1").hits] == [summary.imported[1]]


def test_a_document_changed_after_its_feed_is_indexed_as_it_is_at_its_batch(
    archive: Archive, tmp_path: Path, in_this_process: None
) -> None:
    from app.importing import index_process

    summary = run_import(archive, _reports(tmp_path / "src", 2))
    doc_id = summary.imported[0]
    index_process._analyse([doc_id])
    with archive.session() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        doc.text = doc.text.replace("zorblat0", "quuxite0")
    index_process._index_batch([doc_id])
    ix = index_process._index
    assert ix is not None
    assert [hit.id for hit in ix.search("quuxite0").hits] == [doc_id]
    assert ix.search("zorblat0").hits == []


def test_near_the_end_a_batch_goes_early_so_the_last_segment_is_small() -> None:
    from app.importing.importer import ENDING_BATCH_MIN, _ending

    indexer = object.__new__(BackgroundIndexer)  # only its presence matters here
    assert _ending(indexer, unindexed=600, remaining=300)  # the rest is parsed while this batch is written
    assert not _ending(indexer, unindexed=600, remaining=301)
    assert not _ending(indexer, unindexed=ENDING_BATCH_MIN - 1, remaining=0)  # too small to be worth a segment
    assert not _ending(None, unindexed=600, remaining=0)  # no index process: the import writes at its end anyway
