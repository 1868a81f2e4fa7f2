"""Authors and language a file declares are stored on import, searchable, and never erase what a user typed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.archive.folder import Archive
from app.importing.importer import run_import
from app.library.metadata import edit_metadata
from app.search import service as search
from db.models import Document

PAGE = """<html lang="fr_CA"><head><meta name="author" content="Jeanne Tremblay; Marc Roy">
<title>Déminage au Nord</title></head><body><h1>Déminage au Nord</h1>
<p>Le rapport décrit le déminage de la région nord et ses résultats.</p></body></html>"""


def _stored(archive: Archive) -> tuple[str | None, str | None]:
    with archive.session() as s:
        row = s.execute(select(Document.authors, Document.language)).one()
    return row.authors, row.language


def test_a_pages_authors_and_language_are_stored_and_searchable(archive: Archive, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    run_import(archive, [page])
    assert _stored(archive) == ("Jeanne Tremblay; Marc Roy", "fr-CA")  # the tag in its usual case
    assert search.search(archive, "author:tremblay").total == 1
    assert search.search(archive, "lang:fr").total == 1


def test_a_new_version_without_authors_keeps_the_ones_a_user_entered(archive: Archive, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.replace('<meta name="author" content="Jeanne Tremblay; Marc Roy">', ""), encoding="utf-8")
    run_import(archive, [page])
    with archive.session() as s:
        doc_id = s.scalar(select(Document.id))
    edit_metadata(archive, doc_id, authors=["Claire Dubois"])
    page.write_text(PAGE.replace('<meta name="author" content="Jeanne Tremblay; Marc Roy">', "")
                    .replace("ses résultats", "ses premiers résultats"), encoding="utf-8")  # fmt: skip
    run_import(archive, [page])
    assert _stored(archive) == ("Claire Dubois", "fr-CA")
    page.write_text(PAGE, encoding="utf-8")  # a version that declares its authors: they win, as the title does
    run_import(archive, [page])
    assert _stored(archive) == ("Jeanne Tremblay; Marc Roy", "fr-CA")


def test_a_declared_language_that_is_no_tag_is_left_out(archive: Archive, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.replace('lang="fr_CA"', 'lang="French (Canada)"'), encoding="utf-8")
    run_import(archive, [page])
    assert _stored(archive)[1] is None
