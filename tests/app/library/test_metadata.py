"""Metadata edits: validated, saved, and searchable at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.archive.folder import Archive
from app.errors import DossierError
from app.importing.importer import run_import
from app.library.listing import document_detail
from app.library.metadata import edit_metadata
from app.search import service as search


@pytest.fixture
def release_id(archive: Archive, corpus: Path) -> int:
    return run_import(archive, [corpus / "release.txt"]).imported[0]


def test_edit_is_saved_and_searchable(archive: Archive, release_id: int) -> None:
    edit_metadata(archive, release_id, title="Sylvania border statement", date="3 March 2021", kind="statement")
    detail = document_detail(archive, release_id)
    assert (detail["title"], detail["date"], detail["kind"]) == ("Sylvania border statement", "2021-03-03", "statement")
    assert [h.id for h in search.search(archive, "title:Sylvania").hits] == [release_id]
    assert search.search(archive, "kind:statement").total == 1


@pytest.mark.parametrize(("typed", "stored"), [("12/31/2020", "2020-12-31"), ("31/12/2020", "2020-12-31"),
                                               ("05/05/2020", "2020-05-05"), ("1/01/2020", "2020-01-01")])  # fmt: skip
def test_numeric_dates_that_can_be_read_one_way_only_are_taken(archive: Archive, release_id: int, typed: str,
                                                                stored: str) -> None:  # fmt: skip
    edit_metadata(archive, release_id, date=typed)
    assert document_detail(archive, release_id)["date"] == stored


@pytest.mark.parametrize("date", ["2021", "2021-02", "2021-02-28"])
def test_iso_dates_are_kept(archive: Archive, release_id: int, date: str) -> None:
    edit_metadata(archive, release_id, date=date)
    assert document_detail(archive, release_id)["date"] == date


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": "2021-13-40"}, "not a date"),
        ({"date": "soon"}, "not a date"),
        ({"date": "01/02/2020"}, "could be 1 February or 2 January 2020; write 2020-02-01 for the first, 2020-01-02"),
        ({"date": "0/5/2020"}, "not a date"),
        ({"date": "3.4.2021"}, "ambiguous date"),
        ({"kind": "novel"}, "kind must be one of"),
        ({"title": "  "}, "title cannot be empty"),
        ({"sha256": "x"}, "cannot edit sha256"),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(
    archive: Archive, release_id: int, changes: dict[str, str], message: str
) -> None:
    before = document_detail(archive, release_id)
    with pytest.raises(DossierError, match=message):
        edit_metadata(archive, release_id, **changes)
    assert document_detail(archive, release_id) == before


def test_authors_url_and_language_are_saved_normalised(archive: Archive, release_id: int) -> None:
    edit_metadata(
        archive, release_id, authors="  Human Rights Watch ;\nJ.  Smith\n\nJ. Smith",
        source_url=" https://www.hrw.org/news/2013/09/20/report ", language="pt_br",
    )
    detail = document_detail(archive, release_id)
    assert detail["authors"] == ["Human Rights Watch", "J. Smith"]
    assert detail["source_url"] == "https://www.hrw.org/news/2013/09/20/report"
    assert detail["language"] == "pt-BR"
    edit_metadata(archive, release_id, authors=["ICBL", "Landmine Monitor"], language="ZH-hant-tw")
    detail = document_detail(archive, release_id)
    assert (detail["authors"], detail["language"]) == (["ICBL", "Landmine Monitor"], "zh-Hant-TW")
    edit_metadata(archive, release_id, authors=[], source_url="", language=None)
    detail = document_detail(archive, release_id)
    assert (detail["authors"], detail["source_url"], detail["language"]) == ([], None, None)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"source_url": "ftp://example.org/report.pdf"}, "http:// or https://"),
        ({"source_url": "javascript:alert(1)"}, "http:// or https://"),
        ({"source_url": "www.hrw.org/report"}, "http:// or https://"),
        ({"source_url": "https://"}, "http:// or https://"),
        ({"source_url": "https://example.org/a report"}, "no spaces"),
        ({"language": "English"}, "BCP 47"),
        ({"language": "e"}, "BCP 47"),
        ({"language": "en-"}, "BCP 47"),
        ({"language": "en US"}, "BCP 47"),
        ({"authors": "x" * 201}, "at most 200 characters"),
        ({"authors": ["Smith; Jones"]}, "cannot contain ';'"),
    ],
)
def test_bad_authors_url_or_language_are_refused(
    archive: Archive, release_id: int, changes: dict[str, object], message: str
) -> None:
    edit_metadata(archive, release_id, authors="Kept Author")
    before = document_detail(archive, release_id)
    with pytest.raises(DossierError, match=message):
        edit_metadata(archive, release_id, title="Not saved either", **changes)  # type: ignore[arg-type]
    assert document_detail(archive, release_id) == before


@pytest.mark.parametrize("tag", ["en", "fr", "pt-BR", "es-419", "sr-Latn-RS", "de-CH-1996", "x-private", "yue"])
def test_plausible_language_tags_are_accepted(archive: Archive, release_id: int, tag: str) -> None:
    edit_metadata(archive, release_id, language=tag)
    assert document_detail(archive, release_id)["language"] == tag
