"""A document's own date written for reading in the user's locale, and the reader's meta line that shows it."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from app.reading import plan_document
from ui.reader.dates import document_date
from ui.reader.document_builder import meta_line

TEXT = "Serevia\n\nMine Ban Policy\n\nSerevia acceded in 2004."
DETAIL = {"title": "Serevia", "date": "2021-09-23", "date_label": "last updated", "publisher": "Landmine Monitor",
          "kind": "country-profile", "sections": [], "markers": [], "footnotes": []}  # fmt: skip


def test_a_full_date_is_the_locales_long_date_without_the_weekday() -> None:
    assert document_date("2021-09-23", QLocale("en_US")) == "September 23, 2021"
    assert document_date("2021-09-23", QLocale("en_GB")) == "23 September 2021"
    assert document_date("2021-09-23", QLocale("fr_FR")) == "23 septembre 2021"
    assert document_date("2021-09-23", QLocale("de_DE")) == "23. September 2021"


def test_a_month_or_a_year_stays_as_precise_as_it_is() -> None:
    assert document_date("2021-09", QLocale("en_US")) == "September 2021"
    assert document_date("2021-09", QLocale("fr_FR")) == "septembre 2021"
    assert document_date("2021", QLocale("fr_FR")) == "2021"  # a year, never "2 021"
    assert document_date("circa 1990", QLocale("fr_FR")) == "circa 1990"  # not a date: shown as given
    assert document_date("2021-02-30", QLocale("fr_FR")) == "2021-02-30"
    assert document_date(None) == document_date("") == ""


def test_the_meta_line_writes_the_date_in_the_locale_and_keeps_the_documents_label(qapp) -> None:  # type: ignore[no-untyped-def]
    plan = plan_document(DETAIL, TEXT)
    assert QLocale().name() == "en_US"  # tests/conftest.py
    assert meta_line(plan) == "Last updated September 23, 2021 · Landmine Monitor · Country profile"
    previous = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    try:
        assert meta_line(plan).startswith("Last updated 23 septembre 2021 · Landmine Monitor")  # the label is data
    finally:
        QLocale.setDefault(previous)
    assert meta_line(plan_document({**DETAIL, "kind": "other", "date": "2021-09"}, TEXT)) == (
        "Last updated September 2021 · Landmine Monitor"
    )


def test_the_meta_line_leaves_the_date_to_the_documents_own_date_line() -> None:
    text = "Freedonia\n\nLast Updated: 12 March 2021\n\nMine Ban Policy\n\nFreedonia has not acceded."
    detail = {**DETAIL, "title": "Freedonia", "date": "2021-03-12", "date_label": "Last Updated"}
    assert meta_line(plan_document(detail, text)) == "Landmine Monitor · Country profile"  # the text's line shows it
    assert meta_line(plan_document({**detail, "date_label": "Published"}, text)).startswith("Published March 12, 2021")
    assert meta_line(plan_document({"title": "", "kind": "other"}, "Press release 2 September 2022\n\nText.")) == ""
