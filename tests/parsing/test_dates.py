import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.parsing import dates
from app.parsing.dates import find_dates, first_date, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("28 November 2013", "2013-11-28"),
        ("November 10, 2020", "2020-11-10"),
        ("2022-10-25", "2022-10-25"),
        ("25/10/2022", "2022-10-25"),
        ("25.10.2022", "2022-10-25"),
        ("10/25/2022", "2022-10-25"),  # only the month-first reading is possible
        ("Last Updated: 28 November 2013", "2013-11-28"),
        ("Press release 25 October 2022", "2022-10-25"),
        ("1–2 February 2002", "2002-02-01"),
        ("June 2021", "2021-06"),
        ("Sept. 28th, 2022", "2022-09-28"),
        ("28-Sep-2022", "2022-09-28"),
        ("2022-10-25T10:00:00Z", "2022-10-25"),
        ("the 4th of July 2019", "2019-07-04"),
        ("JUNE 2021", "2021-06"),
        ("2013", "2013"),
        ("On September 12-13, 2022", "2022-09-12"),
    ],
)
def test_parse_date_reads_the_genres_formats(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_ambiguous_numeric_dates_are_day_first_unless_told() -> None:
    assert parse_date("05/06/2022") == "2022-06-05"
    assert parse_date("05/06/2022", dayfirst=False) == "2022-05-06"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "31 February 2020",
        "May the mines be cleared",
        "Mayor 2013",
        "Junta 2013",
        "13/13/2022",
        "Resolution 76/26",
        "No:493/22",
        "page 12 of 2013 pages?",
        "[2000] 1 AC 123",
        None,
        42,
    ],
)
def test_parse_date_does_not_invent_dates(text: object) -> None:
    assert parse_date(text) is None


def test_parse_date_accepts_date_objects() -> None:
    assert parse_date(dt.date(2021, 4, 7)) == "2021-04-07"
    assert parse_date(dt.datetime(2021, 4, 7, 12, 30)) == "2021-04-07"


def test_find_dates_gives_spans_in_order() -> None:
    text = "Signed on 12 June 2021 and published on July 3, 2021."
    found = find_dates(text)
    assert [d.iso for d in found] == ["2021-06-12", "2021-07-03"]
    assert text[found[0].start : found[0].end] == "12 June 2021"
    assert first_date(text) == found[0]


def test_a_year_alone_in_running_text_is_not_a_date() -> None:
    assert find_dates("since 1997 the treaty has grown") == []


@given(st.from_regex(dates._DATE, fullmatch=True))
@settings(max_examples=300, deadline=None)
def test_every_date_the_pattern_matches_holds_a_year(text: str) -> None:
    """`find_dates` skips texts without a year: that must never skip a date."""
    assert dates._ANY_YEAR.search(text) is not None
