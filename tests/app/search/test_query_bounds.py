"""Queries that would cost minutes are cut down before parsing, and the user is told (never an error)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.search.engine import SearchIndex
from app.search.engine.query import MAX_DEPTH, MAX_QUERY_CHARS, MAX_TERMS, bound_query


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        (" ".join(f"word{n}" for n in range(3000)), "first 1,000 characters"),
        (" OR ".join(f"w{n}" for n in range(10_000)), "first 1,000 characters"),
        ("mines " + "x" * 100_000, "over 100 characters"),
        ("(" * 1000 + "mines" + ")" * 1000, f"deeper than {MAX_DEPTH}"),
        (" OR ".join(f"w{n}" for n in range(MAX_TERMS + 10)), f"first {MAX_TERMS} terms"),
    ],
)
def test_hostile_queries_are_bounded(query: str, notice: str) -> None:
    bounded, notices = bound_query(query)
    assert any(notice in n for n in notices), notices
    assert len(bounded) <= MAX_QUERY_CHARS
    assert bounded.count("(") <= MAX_DEPTH
    assert not bounded.rstrip().endswith(("OR", "AND", "NOT"))


def test_ordinary_queries_pass_untouched() -> None:
    for query in ('"Mine Ban Treaty" AND (survey OR clearance) NOT cluster', "title:Azerbaijan date:[2020 to 2022]"):
        assert bound_query(query) == (query, [])


def test_the_index_searches_a_bounded_query_and_says_so(tmp_path: Path) -> None:
    index = SearchIndex.open(tmp_path / "index")
    result = index.search("(" * 500 + "mines " * 2000 + ")" * 500)
    assert result.notice and "characters" in result.notice
    result = index.search("mines " + "y" * 50_000)
    assert result.notice and "over 100 characters" in result.notice


def test_deep_parentheses_keep_their_words() -> None:
    bounded, _ = bound_query("(" * 1000 + "mines" + ")" * 1000)
    assert bounded == "mines"
