"""The attribute count that keeps attribute-stuffed pages out of a tree: an upper bound that holds for
every way lxml separates attributes, an exact count equal to what bs4 builds, and the readers' fallbacks."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from app.readers.epub import read_epub
from app.readers.html import read_html
from app.readers.html_budget import attribute_bound, attribute_count, too_many_attributes
from tests.readers.epub_packages import epub

DEVCORPUS_HTML = Path(__file__).resolve().parents[3] / "shared" / "devcorpus" / "html"

_NAMES = st.text(alphabet="abcxyz:-_", min_size=1, max_size=4)
_VALUES = st.sampled_from(['=""', "=''", "=x", '="a b"', " = 'v' ", ""])
_SEPARATORS = st.sampled_from([" ", "/", "\n", "\t", "", "  /  "])


def _built(markup: str) -> int:
    """The attributes of bs4's tree of `markup` (the parser bs4 is given in the readers)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(markup, "lxml")
    return sum(len(tag.attrs) for tag in soup.find_all(True))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.tuples(_SEPARATORS, _NAMES, _VALUES), max_size=12), min_size=1, max_size=6))
def test_the_bound_is_never_below_what_the_parser_reads(tags: list[list[tuple[str, str, str]]]) -> None:
    markup = "<html><body>" + "".join(
        "<p " + "".join(sep + name + value for sep, name, value in attrs) + ">w</p>" for attrs in tags) + "</body></html>"
    count = attribute_count(markup, 10**9)
    assert count <= attribute_bound(markup)
    assert count == _built(markup)


@pytest.mark.parametrize("markup", [
    "<p a b c d>x</p>", "<p a/b/c/d>x</p>", '<p a=""b=""c="">x</p>', "<p a=1 b=2>x</p>", "<p a a a>x</p>",
    '<div id="n1" class="note x" data-x="1"><a href="#r1" name="n1">1</a></div>',
])
def test_the_count_is_what_bs4_builds(markup: str) -> None:
    assert attribute_count(markup, 10**9) == _built(markup) <= attribute_bound(markup)


@pytest.mark.skipif(not DEVCORPUS_HTML.is_dir(), reason="../shared/devcorpus is not beside the repository")
def test_real_pages_are_counted_as_bs4_builds_them_and_are_far_from_the_limit() -> None:
    for page in sorted(DEVCORPUS_HTML.glob("*.html")):
        markup = page.read_text(encoding="utf-8", errors="replace")
        assert attribute_count(markup, 10**9) == _built(markup), page.name
        assert not too_many_attributes(markup, 200_000), page.name


def test_the_count_stops_past_its_limit() -> None:
    markup = "<p " + " ".join(f"a{n}" for n in range(10_000)) + ">x</p>"
    assert attribute_count(markup, 100) == 101
    assert too_many_attributes(markup, 100) and not too_many_attributes(markup, 10_000)


def test_a_page_of_too_many_attributes_is_read_as_a_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.readers.html.MAX_TREE_ATTRIBUTES", 1_000)
    names = " ".join(f"a{n}" for n in range(600))
    page = f"<html><body><p {names}>First words.</p><p {names}>Second words.</p></body></html>"
    doc = read_html(page.encode())
    assert doc.text.split() == ["First", "words.", "Second", "words."]
    assert any("attributes was read as plain text" in notice for notice in doc.notices)
    assert not read_html(f"<html><body><p {names}>Fine.</p></body></html>".encode()).notices


def test_a_book_whose_chapters_fill_the_attribute_budget_reads_the_rest_as_text(
        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from app.readers import epub as epub_reader

    monkeypatch.setattr(epub_reader, "MAX_BOOK_ATTRIBUTES", 1_000)
    names = " ".join(f"a{n}" for n in range(600))
    chapters = [(f"c{n}.xhtml", f"<p {names}>Chapter {n}.</p>") for n in range(3)]
    doc = read_epub(epub(chapters))
    assert [line for line in doc.text.splitlines() if line] == ["Chapter 0.", "Chapter 1.", "Chapter 2."]
    assert any("2 very large chapter(s) were read as plain text" in notice for notice in doc.notices)
