"""The index kept in step with the database: batches, crash catch-up, rebuild, CLI."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from app.archive.folder import Archive
from app.cli import main
from app.importing.importer import run_import
from app.search import service as search
from db.models import IndexQueue
from tests.app.importing.test_importer import RELEASE


def _queued(archive: Archive) -> list[int]:
    with archive.session() as s:
        return list(s.scalars(select(IndexQueue.document_id)))


def test_import_indexes_and_clears_queue(archive: Archive, corpus: Path) -> None:
    run_import(archive, [corpus])
    assert _queued(archive) == []
    result = search.search(archive, "PMN-2")
    assert [h.title for h in result.hits] == ["Freedonia"]
    assert any("<b>PMN-2</b>" in s for s in result.hits[0].snippets)


def test_crash_between_database_and_index_commit_is_caught_up(
    archive_dir: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed_before_index_commit(_archive: Archive, unindexed: dict[int, object], *_background: object) -> None:
        unindexed.clear()

    with Archive.open(archive_dir) as archive:
        monkeypatch.setattr("app.importing.importer._index", killed_before_index_commit)
        summary = run_import(archive, [corpus])
        assert len(summary.imported) == 2
        assert sorted(_queued(archive)) == sorted(summary.imported)
        assert search.search(archive, "Freedonia").total == 0
    monkeypatch.undo()
    with Archive.open(archive_dir) as archive:
        list(search.bring_up_to_date(archive))
        assert _queued(archive) == []
        assert search.search(archive, "Freedonia").total == 2


def test_deleted_index_is_rebuilt_on_open(archive_dir: Path, corpus: Path) -> None:
    with Archive.open(archive_dir) as archive:
        run_import(archive, [corpus])
    shutil.rmtree(archive_dir / "index")
    with Archive.open(archive_dir) as archive:
        assert archive.index.needs_rebuild
        progress = list(search.bring_up_to_date(archive))
        assert progress[-1].done == progress[-1].total == 2
        assert search.search(archive, "mines").total == 2


def test_update_after_metadata_change(archive: Archive, corpus: Path) -> None:
    path = corpus / "release.txt"
    run_import(archive, [path])
    path.write_text(RELEASE.replace("Campaign Watch calls", "Campaign Watch, with Sylvania, calls"), encoding="utf-8")
    run_import(archive, [path])
    result = search.search(archive, "Sylvania")
    assert result.total == 1 and archive.index.doc_count() == 1


def test_cli_search_json_shape(archive_dir: Path, corpus: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["--archive", str(archive_dir), "import", str(corpus)], out=out, err=err) == 0
    out = io.StringIO()
    assert main(["--archive", str(archive_dir), "search", "mines", "--json", "--sort", "date"], out=out, err=err) == 0
    payload = json.loads(out.getvalue())
    assert set(payload) >= {"query", "notice", "suggestion", "total", "hits", "facets"}
    assert payload["total"] == 2
    assert [h["date"] for h in payload["hits"]] == ["2021-03-12", "2021-02-02"]
    assert set(payload["hits"][0]) >= {"id", "title", "date", "score", "snippets"}
    assert set(payload["facets"]) == {"kind", "publisher", "year", "tag"}
    assert payload["facets"]["year"] == {"2021": 2}


def test_cli_malformed_query_tells_and_searches_words(archive_dir: Path, corpus: Path) -> None:
    main(["--archive", str(archive_dir), "import", str(corpus)], out=io.StringIO(), err=io.StringIO())
    out = io.StringIO()
    assert main(["--archive", str(archive_dir), "search", '(Freedonia AND "mines'], out=out, err=io.StringIO()) == 0
    text = out.getvalue()
    assert text.startswith("Note: ") and "2 documents found" in text


def test_cli_reindex(archive_dir: Path, corpus: Path) -> None:
    main(["--archive", str(archive_dir), "import", str(corpus)], out=io.StringIO(), err=io.StringIO())
    err = io.StringIO()
    assert main(["--archive", str(archive_dir), "reindex"], out=io.StringIO(), err=err) == 0
    assert err.getvalue() == "Indexed 2 documents.\n"


@pytest.mark.seeds
def test_seeds_search_acceptance(seeds_dir: Path, archive: Archive) -> None:
    ids = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        ids[path.name[:3]] = run_import(archive, [path]).imported[0]

    def found(query: str) -> set[str]:
        result = search.search(archive, query, limit=50)
        assert result.total == len(result.hits)
        return {prefix for prefix, doc_id in ids.items() if doc_id in {h.id for h in result.hits}}

    assert found("PMN-2") == {"001", "002", "004"}
    assert found('"line of contact"') == {"000", "001", "002"}
    assert found("date:[2022 to 2022]") == {"003", "004"}


def test_result_names_every_match_and_snippets_come_in_one_batch(archive, corpus) -> None:  # type: ignore[no-untyped-def]
    from app.importing.importer import run_import
    from app.search import answers
    from app.search import service as search_service

    run_import(archive, [corpus])
    batches: list[list[int]] = []
    real = answers.documents_texts

    def counting(rows, ids):  # type: ignore[no-untyped-def]
        batches.append(list(ids))
        return real(rows, ids)

    answers.documents_texts = counting
    try:
        result = search_service.search(archive, "Freedonia", limit=1)
    finally:
        answers.documents_texts = real
    assert result.total == 2 and len(result.hits) == 1
    assert result.match_ids == frozenset(search_service.documents_matching(archive, "Freedonia")) and len(
        result.match_ids) == 2
    assert batches == [[result.hits[0].id]] and result.hits[0].snippets


def test_author_and_lang_fields_find_edited_documents(archive_dir: Path, corpus: Path) -> None:
    from app.library.metadata import edit_metadata

    with Archive.open(archive_dir) as archive:
        ids = run_import(archive, [corpus]).imported
        first, second = sorted(ids)
        edit_metadata(archive, first, authors=["Human Rights Watch", "J. Smith"], language="pt-BR")
        edit_metadata(archive, second, authors=["Mary Jones"], language="fr")

        def found(query: str) -> list[int]:
            result = search.search(archive, query)
            assert not result.notice, (query, result.notice)
            return sorted(h.id for h in result.hits)

        assert found("author:smith") == [first]
        assert found('author:"human rights watch"') == [first]
        assert found('author:"watch j"') == []  # a phrase does not run from one name into the next
        assert found("author:jones") == [second]
        assert found("author:smith OR author:jones") == [first, second]
        assert found("lang:pt") == [first] and found("lang:pt-br") == [first] and found("lang:PT-BR") == [first]
        assert found("lang:fr") == [second] and found("lang:en") == []
        assert found("author:jones OR author:smith NOT lang:fr") == [first]

        edit_metadata(archive, first, authors=[], language=None)  # cleared: no longer found
        assert found("author:smith") == [] and found("lang:pt") == []

    with Archive.open(archive_dir) as archive:  # a rebuilt index carries them too (read from the database)
        edit_metadata(archive, first, authors="J. Smith")
        list(search.rebuild(archive))
        assert [h.id for h in search.search(archive, "author:smith").hits] == [first]
        assert [h.id for h in search.search(archive, "author:jones").hits] == [second]
