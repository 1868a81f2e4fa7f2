"""Choosing annotations for export and resolving them into excerpts with their endnotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.annotating import annotations
from app.archive.folder import Archive
from app.export import excerpts
from app.importing.importer import import_paths
from app.library import tags
from app.library.listing import document_text


def _ids(archive: Archive, folder: Path) -> dict[str, int]:
    return {e.path.name: e.document_id for e in import_paths(archive, [folder]) if e.document_id is not None}


@pytest.fixture
def docs(archive: Archive, corpus: Path) -> dict[str, int]:
    return _ids(archive, corpus)


def test_carried_markers_inside_and_right_after() -> None:
    text = "One claim.[1] Another “quoted claim.”[2][3] Then prose [4]."
    markers = []
    for n in range(1, 5):
        at = text.index(f"[{n}]")
        markers.append((n, at, at + len(f"[{n}]")))
    claim = text.index("Another")
    end = text.index("[2]") - 2  # before .” — punctuation then markers follow
    assert excerpts.carried_markers(text, markers, claim, end) == [2, 3]
    assert excerpts.carried_markers(text, markers, 0, len(text)) == [1, 2, 3, 4]
    assert excerpts.carried_markers(text, markers, text.index("Then"), text.index("prose") + 5) == [4]
    assert excerpts.carried_markers(text, markers, 0, 3) == []  # words between: not carried


def test_citation_line() -> None:
    assert excerpts.citation_line("Azerbaijan", "2022-09-28", "last updated", "Landmine Monitor") == (
        "Landmine Monitor, “Azerbaijan”, last updated 28 September 2022."
    )
    assert excerpts.citation_line("Untitled", None, None, None) == "“Untitled”, undated."


def test_citation_line_names_the_authors_first() -> None:
    line = excerpts.citation_line("Mines near the border", "2013-09-20", None, "Landmine Monitor",
                                  ["Human Rights Watch", "J. Smith"], "https://www.hrw.org/report")
    assert line == (
        "Human Rights Watch; J. Smith, “Mines near the border”, Landmine Monitor, 20 September 2013."
        " https://www.hrw.org/report"
    )
    # a publisher that is also the author is not named twice
    assert excerpts.citation_line("Statement", "2013", None, "ICBL", ["ICBL"]) == "ICBL, “Statement”, 2013."
    assert excerpts.citation_line("Statement", None, None, None, [], "https://icbl.org/s") == (
        "“Statement”, undated. https://icbl.org/s"
    )


def test_build_renumbers_footnotes_and_resolves_ibid(archive: Archive, docs: dict[str, int]) -> None:
    profile = docs["profile.txt"]
    first = annotations.create_from_quote(archive, profile, "The ministry confirmed new use of mines in 2020.")
    second = annotations.create_from_quote(archive, profile, "Officials denied use of PMN-2 mines near the border")
    built = excerpts.build(archive, [second.id, first.id])
    assert [e.annotation_id for e in built.excerpts] == [second.id, first.id]
    ibid, cited = built.excerpts[0].endnotes[0], built.excerpts[1].endnotes[0]
    assert (ibid.number, ibid.original_number, cited.number, cited.original_number) == (1, 3, 2, 2)
    assert ibid.text == "Ibid." and "Freedonia admits laying new mines" in (ibid.resolved_text or "")
    assert "Freedonia admits laying new mines" in ibid.display_text
    assert cited.urls and "campaignwatch.example.org" in cited.urls[0]
    doc = built.excerpts[0].document
    assert doc.citation.endswith("“Freedonia”, last updated 12 March 2021.")
    assert doc.uri.startswith("file://")


def test_selection_by_document_tag_query_and_ids(archive: Archive, docs: dict[str, int]) -> None:
    p, r = docs["profile.txt"], docs["release.txt"]
    a = annotations.create_from_quote(archive, p, "PMN-2", note="denial of use", tag_names=["topic/denial"])
    b = annotations.create_from_quote(archive, r, "antipersonnel mines", note="January")
    c = annotations.create_from_quote(archive, r, "clear the northern border")
    tags.tag_documents(archive, [r], ["source/ngo"])
    sel = excerpts.Selection
    by_document = sorted([(p, a.id), (r, b.id), (r, c.id)])
    assert excerpts.select_annotation_ids(archive, sel()) == [i for _, i in by_document]
    assert excerpts.select_annotation_ids(archive, sel(document_ids=[r])) == [b.id, c.id]
    assert excerpts.select_annotation_ids(archive, sel(tag="topic")) == [a.id]
    assert excerpts.select_annotation_ids(archive, sel(tag="source/ngo")) == [b.id, c.id]  # via the document
    assert excerpts.select_annotation_ids(archive, sel(query="PMN-2")) == [a.id]
    assert excerpts.select_annotation_ids(archive, sel(query="January", notes_only=True)) == [b.id]
    assert excerpts.select_annotation_ids(archive, sel(annotation_ids=[c.id, a.id])) == [a.id, c.id]
    assert excerpts.select_annotation_ids(archive, sel(document_ids=[r], tag="topic")) == []


def test_orphaned_excerpt_keeps_its_quote_and_brings_no_notes(archive: Archive, tmp_path: Path) -> None:
    from tests.app.importing.test_importer import PROFILE

    src = tmp_path / "src"
    src.mkdir()
    (src / "p.txt").write_text(PROFILE, encoding="utf-8")
    doc = _ids(archive, src)["p.txt"]
    a = annotations.create_from_quote(archive, doc, "Officials denied use of PMN-2 mines near the border")
    (src / "p.txt").write_text(PROFILE.replace("Officials denied use of PMN-2 mines near the border.", ""),
                               encoding="utf-8")
    _ids(archive, src)
    built = excerpts.build(archive, [a.id])
    assert built.excerpts[0].orphaned and built.excerpts[0].quote == a.quote and built.excerpts[0].endnotes == []


def test_seed_excerpt_brings_footnote_15(archive: Archive, seeds_dir: Path) -> None:
    ids = _ids(archive, seeds_dir)
    doc = next(i for name, i in ids.items() if name.startswith("004"))
    text = document_text(archive, doc)
    quote = "the accuracy of the maps provided at the latest stage is only 25 percent.”"
    assert quote in text
    a = annotations.create_from_quote(archive, doc, quote, note="Accuracy of maps")
    built = excerpts.build(archive, [a.id])
    notes = built.excerpts[0].endnotes
    assert [(n.number, n.original_number) for n in notes] == [(1, 15)]
    assert notes[0].text.strip()


def test_authors_url_and_language_reach_every_export(archive: Archive, docs: dict[str, int], tmp_path: Path) -> None:
    """A real archive: metadata edited, then exported as CSV and JSON-LD, and cited in Markdown."""
    import csv
    import io
    import json

    from app.export.files import render
    from app.library.metadata import edit_metadata

    release = docs["release.txt"]
    edit_metadata(archive, release, authors=["Human Rights Watch", "J. Smith"],
                  source_url="https://www.hrw.org/news/2013/report", language="en")
    note = annotations.create_from_quote(archive, release, "antipersonnel mines")
    built = excerpts.build(archive, [note.id])
    doc = built.excerpts[0].document
    assert (doc.authors, doc.source_url, doc.language) == (
        ("Human Rights Watch", "J. Smith"), "https://www.hrw.org/news/2013/report", "en")
    assert doc.citation.startswith("Human Rights Watch; J. Smith, “")
    assert doc.citation.endswith(". https://www.hrw.org/news/2013/report")

    row = next(csv.DictReader(io.StringIO(render(built, "csv").decode("utf-8-sig"), newline="")))
    assert (row["authors"], row["url"], row["language"]) == (
        "Human Rights Watch; J. Smith", "https://www.hrw.org/news/2013/report", "en")
    assert row["citation"] == doc.citation

    source = json.loads(render(built, "jsonld"))["first"]["items"][0]["target"]["source"]
    assert source["dcterms:creator"] == ["Human Rights Watch", "J. Smith"]
    assert (source["dcterms:language"], source["schema:url"]) == ("en", "https://www.hrw.org/news/2013/report")
    assert source["dcterms:bibliographicCitation"] == doc.citation

    assert "Human Rights Watch; J. Smith, “" in render(built, "md").decode("utf-8")
    assert "Human Rights Watch; J. Smith, “" in render(built, "html").decode("utf-8")
    assert render(built, "pdf").startswith(b"%PDF")


def test_a_citation_line_writes_its_date_in_the_exporters_words() -> None:
    from app.export.excerpt_model import ExportWords

    french = ExportWords(undated="non daté", date=lambda iso: {"2022-09-28": "28 septembre 2022"}.get(iso, iso))
    assert excerpts.citation_line("Azerbaïdjan", "2022-09-28", "last updated", "Landmine Monitor", words=french) == (
        "Landmine Monitor, “Azerbaïdjan”, last updated 28 septembre 2022."  # the label is the document's own words
    )
    assert excerpts.citation_line("Sans titre", None, None, None, words=french) == "“Sans titre”, non daté."
