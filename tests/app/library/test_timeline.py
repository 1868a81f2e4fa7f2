"""The library's timeline: documents per year or month by kind, counted by the database, undated apart."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime

import pytest
from sqlalchemy import text

from app.archive.folder import Archive
from app.library import listing as library
from app.library.listing import DocumentFilter
from app.library.timeline import MONTHS_UP_TO_YEARS, Timeline, build, count_by_period
from db.models import Document

SPREAD = [  # (date, kind): six years, three kinds, gaps, every precision, undated and unreadable dates
    ("1999", "report"), ("1999-04", "report"), ("1999-04-02", "press-release"),
    ("2001-12-31", "statement"), ("2001-12-01", "statement"), ("2001", "press-release"),
    ("2004-06-15", "report"), ("2004-06-15", "report"), ("2004-07-01", "press-release"),
    (None, "report"), ("", "statement"), ("n.d.", "report"),
]  # fmt: skip


def add_documents(archive: Archive, rows: Iterable[tuple[str | None, str]], *, publisher: str = "ICBL") -> None:
    """Documents with these dates and kinds, written straight to the database (no parsing)."""
    now = datetime(2024, 1, 1)
    with archive.session() as s:
        start = s.query(Document).count()
        for n, (date, kind) in enumerate(rows, start):
            body = f"document {n}"
            s.add(Document(title=f"Report {n}", date=date, kind=kind, publisher=publisher, format="txt",
                           sha256=hashlib.sha256(body.encode()).hexdigest(), text=body, text_length=len(body),
                           imported_at=now, updated_at=now))  # fmt: skip


def sql_counts(archive: Archive, where: str = "1") -> tuple[dict[tuple[str, str], int], int]:
    """What plain SQL says: (year, kind) → documents, and the undated."""
    with archive.session() as s:
        dated = s.execute(text(
            "SELECT substr(date, 1, 4), kind, count(*) FROM documents "
            f"WHERE date GLOB '[0-9][0-9][0-9][0-9]*' AND {where} GROUP BY substr(date, 1, 4), kind"
        )).all()  # fmt: skip
        undated = s.scalar(text(
            f"SELECT count(*) FROM documents WHERE NOT coalesce(date GLOB '[0-9][0-9][0-9][0-9]*', 0) AND {where}"
        ))  # fmt: skip
    return {(year, kind): n for year, kind, n in dated}, undated or 0


def timeline_counts(timeline: Timeline) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for bar in timeline.bars:
        for kind, n in bar.counts:
            out[bar.year, kind] = out.get((bar.year, kind), 0) + n
    return out


def test_counts_per_year_and_kind_match_the_database(archive: Archive) -> None:
    add_documents(archive, SPREAD)
    timeline = count_by_period(archive)
    expected, undated = sql_counts(archive)
    assert timeline.unit == "year"
    assert timeline_counts(timeline) == expected
    assert timeline.undated == undated == 3  # NULL, empty and "n.d."
    assert timeline.dated + timeline.undated == library.count_documents(archive)


def test_every_year_of_the_span_has_a_bar_in_order(archive: Archive) -> None:
    add_documents(archive, SPREAD)
    timeline = count_by_period(archive)
    assert [bar.period for bar in timeline.bars] == [str(y) for y in range(1999, 2005)]
    assert [bar.total for bar in timeline.bars] == [3, 0, 3, 0, 0, 3]
    assert timeline.kinds == ("press-release", "statement", "report")  # the order of app.model.KINDS
    assert timeline.bars[0].counts == (("press-release", 1), ("report", 2))


def test_a_short_span_is_counted_by_month(archive: Archive) -> None:
    add_documents(archive, [("2021-11-03", "report"), ("2021-11", "statement"), ("2022-02-10", "report"),
                            ("2022", "press-release"), (None, "report")])  # fmt: skip
    timeline = count_by_period(archive)
    assert timeline.unit == "month"
    assert [bar.period for bar in timeline.bars] == ["2021-11", "2021-12", "2022-01", "2022-02"]
    assert [bar.total for bar in timeline.bars] == [2, 0, 0, 1]
    assert timeline.year_only == 1  # "2022" has no month: counted apart, as the undated are
    assert timeline.undated == 1
    assert timeline.dated + timeline.year_only + timeline.undated == 5


def test_the_span_that_switches_to_years(archive: Archive) -> None:
    last = 2000 + MONTHS_UP_TO_YEARS - 1
    add_documents(archive, [("2000-01-01", "report"), (f"{last}-12-31", "report")])
    assert count_by_period(archive).unit == "month"
    add_documents(archive, [(f"{last + 1}-01-01", "report")])
    assert count_by_period(archive).unit == "year"


def test_filters_narrow_the_counts_but_its_own_dates_do_not(archive: Archive) -> None:
    add_documents(archive, SPREAD)
    add_documents(archive, [("2004-06-15", "report"), ("1999", "statement")], publisher="Ministry")
    flt = DocumentFilter(kind=frozenset({"report", "statement"}), year="2004", month="2004-06")
    timeline = count_by_period(archive, flt)
    expected, undated = sql_counts(archive, "kind IN ('report', 'statement')")
    assert timeline_counts(timeline) == expected
    assert timeline.undated == undated
    by_publisher = count_by_period(archive, DocumentFilter(publisher="Ministry"))
    assert timeline_counts(by_publisher) == {("1999", "statement"): 1, ("2004", "report"): 1}


def test_search_matches_narrow_the_counts(archive: Archive) -> None:
    add_documents(archive, SPREAD)
    with archive.session() as s:
        ids = frozenset(s.scalars(text("SELECT id FROM documents WHERE kind = 'report'")).all())
    timeline = count_by_period(archive, DocumentFilter(ids=ids))
    assert set(timeline.kinds) == {"report"}
    assert timeline.dated + timeline.undated == len(ids)


def test_an_empty_or_undated_archive_has_no_bars(archive: Archive) -> None:
    assert count_by_period(archive) == Timeline("year")
    add_documents(archive, [(None, "report"), ("", "report")])
    timeline = count_by_period(archive)
    assert timeline.is_empty and timeline.undated == 2


def test_the_month_filter_narrows_the_library(archive: Archive) -> None:
    add_documents(archive, SPREAD)
    flt = DocumentFilter(month=frozenset({"2004-06", "1999-04"}))
    rows = library.list_documents(archive, flt=flt)
    assert sorted(r.date for r in rows) == ["1999-04", "1999-04-02", "2004-06-15", "2004-06-15"]
    assert library.count_documents(archive, flt) == 4
    assert not flt.is_empty()
    counts = library.facet_counts(archive, flt)
    assert counts["year"] == {"1999": 2, "2004": 2}


@pytest.mark.parametrize(
    ("rows", "unit", "periods"),
    [
        ([("2013-13", "report", 1)], "year", ["2013"]),  # no such month: its year still counts
        ([("2013-09", "report", 2), ("2013", "report", 1)], "month", ["2013-09"]),
        ([("", "report", 4)], "year", []),
    ],
)
def test_build_from_groups(rows: list[tuple[str, str, int]], unit: str, periods: list[str]) -> None:
    timeline = build(rows)
    assert timeline.unit == unit
    assert [bar.period for bar in timeline.bars] == periods
