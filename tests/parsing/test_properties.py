"""Whatever text arrives, parse() returns a consistent document and never raises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.model import ParsedDocument

from .util import parse_strictly, parse_text

SOUP_PIECES = [
    "[",
    "]",
    "[1]",
    "[2]",
    "[12]",
    "[2000]",
    "[0]",
    "[999]",
    "-",
    "–",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\x00",
    "\x0c",
    "Ibid",
    "Ibid.",
    "Id.",
    "; and ",
    "“",
    "”",
    '"',
    "(",
    ")",
    ".",
    ",",
    "at ",
    "Notes",
    "1. ",
    "^ ",
    "28 November 2013",
    "Last Updated: ",
    "Press release",
    "No:1/22, ",
    "www.x.org/a",
    "Mine Ban Policy",
    "\u00a0",
    "\t",
    "a",
    "Z",
    "0",
    "9",
]
bracket_soup = st.lists(st.sampled_from(SOUP_PIECES), max_size=120).map("".join)
any_text = st.one_of(st.text(max_size=400), bracket_soup)


def check_invariants(doc: ParsedDocument) -> None:
    text = doc.text
    assert isinstance(doc.title, str) and doc.title.strip()
    previous = -1
    for marker in doc.markers:
        assert 0 <= marker.start < marker.end <= len(text)
        assert text[marker.start : marker.end] == f"[{marker.number}]"
        assert marker.start > previous
        previous = marker.start
    for section in doc.sections:
        assert 0 <= section.start < max(1, len(text))
        assert section.level >= 1
    assert [s.start for s in doc.sections] == sorted(s.start for s in doc.sections)
    numbers = {f.number for f in doc.footnotes}
    assert len(numbers) == len(doc.footnotes)
    for marker in doc.markers:
        assert marker.number in numbers or marker.number in doc.missing_footnotes
    assert doc.missing_footnotes == sorted(set(doc.missing_footnotes))
    assert not set(doc.missing_footnotes) & numbers
    by_number = {f.number: f for f in doc.footnotes}
    for note in doc.footnotes:
        seen = set()
        current = note
        while current.ibid_of is not None:
            assert current.ibid_of in by_number and current.ibid_of < current.number
            assert current.number not in seen
            seen.add(current.number)
            current = by_number[current.ibid_of]
        assert (note.ibid_of is None) == (note.resolved_text is None)
    if doc.date is not None:
        assert len(doc.date) in (4, 7, 10)
    assert "\r" not in text and "\x00" not in text and "\n\n\n" not in text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_parse_never_raises_and_keeps_invariants(text: str) -> None:
    check_invariants(parse_strictly(text))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["Ibid.", "Ibid at 5", "Id.", "Ibid; and X, 2001.", "Source, 2001."]), max_size=30),
    st.lists(st.integers(min_value=1, max_value=40), max_size=30),
)
def test_generated_note_lists(note_texts: list[str], numbers: list[int]) -> None:
    body = "Title\n\nBody " + " ".join(f"text[{n}]" for n in numbers) + "."
    notes = "\n\n".join(f"[{i}] {t}" for i, t in enumerate(note_texts, start=1))
    check_invariants(parse_strictly(f"{body}\n\n{notes}" if notes else body))


def test_odd_inputs() -> None:
    for text in ["", "\x00" * 50, "[" * 5000, "]" * 5000, "[1]" * 3000, "\n" * 10000, "x" * 200_000, "“" * 3000]:
        check_invariants(parse_strictly(text))


def test_parse_falls_back_instead_of_raising(monkeypatch: pytest.MonkeyPatch) -> None:
    import app.parsing as parsing

    def broken(text: str) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(parsing, "split_note_list", broken)
    doc = parse_text("Title line\n\nBody.[1]\n\n[1] Note.")
    assert doc.text == "Title line\n\nBody.[1]\n\n[1] Note."
    assert doc.title == "Title line"
