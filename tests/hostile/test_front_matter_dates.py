"""One bad front-matter field costs only itself: the title and the rest survive an impossible date."""

from __future__ import annotations

import pytest

from app.parsing import parse
from app.readers.markdown import read_markdown


def parsed(date: str):
    text = f"---\ntitle: Real Title\ndate: {date}\npublisher: ICBL\ntags: [survey]\n---\n\nBody text of the report.\n"
    return parse(read_markdown(text.encode("utf-8")))


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("9999-12-31", "9999-12-31"),  # odd but a real calendar date: kept as declared
        ("0001-01-01", "0001-01-01"),
        ("2020-05-04T10:00:00Z", "2020-05-04"),
        ("-2020-01-01", None),  # not silently made 2020
        ("0000-00-00", None),
        ("2019-02-30", None),
        ("not a date", None),
    ],
)
def test_a_bad_date_costs_only_the_date(written: str, kept: str | None) -> None:
    doc = parsed(written)
    assert (doc.title, doc.publisher, doc.date) == ("Real Title", "ICBL", kept)
    assert doc.tags == ["survey"]
