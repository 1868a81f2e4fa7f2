"""Word and OpenDocument files imported into a real archive: stored notes, markers, search, links."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.archive.folder import Archive
from app.importing.importer import run_import
from app.search import service as search
from db.models import Document
from tests.app.importing.test_importer import RELEASE, _link_targets
from tests.readers.office_packages import SEPARATORS, docx, note, para, ref

OFFICE = Path(__file__).resolve().parents[2] / "fixtures" / "office"


def _profile_docx() -> bytes:
    body = (para("Freedonia", style="Title") + para("Last Updated: 12 March 2021")
            + para("Mine Ban Policy", style="Kop1")
            + para("Freedonia has not joined the Mine Ban Treaty.", ref("footnote", 1),
                   " The ministry confirmed new use of mines in 2020.", ref("endnote", 1))
            + para("Officials denied use of PMN-2 mines near the border.", ref("footnote", 2)))  # fmt: skip
    footnotes = SEPARATORS + note("footnote", 1, "Statement of Freedonia, intersessional meetings, Geneva, "
                                  "22 June 2020.") + note("footnote", 2, "Ibid.")  # fmt: skip
    endnotes = note("endnote", 1, "“Freedonia admits laying new mines along the northern border,” Campaign Watch "
                    "(Geneva), 2 February 2021, campaignwatch.example.org/news/freedonia-mines.")  # fmt: skip
    return docx(body, footnotes=footnotes, endnotes=endnotes)


def test_a_docx_with_footnotes_is_stored_searched_and_linked(archive: Archive, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "profile.docx").write_bytes(_profile_docx())
    (src / "release.txt").write_text(RELEASE, encoding="utf-8")
    summary = run_import(archive, [src])
    assert not summary.failed and len(summary.imported) == 2
    with archive.session() as s:
        doc = s.scalars(select(Document).where(Document.title == "Freedonia").options(
            selectinload(Document.footnotes), selectinload(Document.markers))).one()  # fmt: skip
        assert (doc.format, doc.date) == ("docx", "2021-03-12")
        notes = {f.number: f.text for f in doc.footnotes}
        # footnotes and endnotes in one sequence, by first reference: footnote 1, the endnote, footnote 2
        assert notes[1].startswith("Statement of Freedonia") and notes[3] == "Ibid."
        assert notes[2].startswith("“Freedonia admits laying new mines")
        assert [(m.number, doc.text[m.start : m.end]) for m in doc.markers] == [(1, "[1]"), (2, "[2]"), (3, "[3]")]
        assert next(f for f in doc.footnotes if f.number == 3).ibid_of == 2
        doc_id = doc.id
        release_id = s.scalars(select(Document.id).where(Document.format == "txt")).one()
    assert _link_targets(archive, doc_id)[2] == [release_id]  # the endnote cites the release in the archive
    assert doc_id in search.documents_matching(archive, "intersessional")  # a word only in a footnote
    assert doc_id in search.documents_matching(archive, "PMN-2")


def test_libreoffice_files_import(archive: Archive) -> None:
    summary = run_import(archive, [OFFICE / "profile_libreoffice.docx", OFFICE / "profile_libreoffice.odt"])
    assert not summary.failed and len(summary.imported) == 2
    with archive.session() as s:
        formats = sorted(s.scalars(select(Document.format)))
    assert formats == ["docx", "odt"]
