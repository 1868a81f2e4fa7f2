"""Notes flattened into the text by PDF-to-text conversion, found by their numbering (app/parsing/inline_notes.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.model import ParsedDocument
from app.parsing.inline_notes import find_inline_notes
from app.parsing.normalise import split_blocks

from .util import footnote, marker_numbers, parse_strictly

DEVCORPUS_TXT = Path(__file__).resolve().parents[2].parent / "shared" / "devcorpus" / "txt"

PAGE_FOOT = """Refugee Law Today

The new legislation violates the right not to be returned to persecution;1 the right to liberty;2 and the
right to family unity.3 These were settled long ago in 1951, when 26 states met.
1 Article 33, 1951 Convention Relating to the Status of Refugees. 2 Article 9, International Covenant on Civil
and Political Rights. 3
Articles 17 and 23 ICCPR.
2
The government has relied on ambiguities.4 It moved 4 000 people in 48 hours under the Migration Act 1958 ,5 and
the court agreed.6 On 7 March 2002 the High Court heard the case.
4 See P Mathew, "Refugee Protection in the Wake of the Tampa" (2002) 96 AJIL 661. 5 This was later repealed.
6 Ibid, at 663.
3
"""

ENDNOTES = """ROBERT SMITH MP  SHADOW MINISTER FOR FOREIGN AFFAIRS

Address to the Youth Association

The United Nations is "the basic building block of the system".1

"Multilateralism is a synonym for an ineffective policy."2

 1

As a wise commentator told the Congress: "there must be a global partnership."3 And the panel
reported in 2004.4 Its membership was 15 people.

 2

ENDNOTES

1 Report on UN reform "In Larger Freedom" March 2005  2  Alexander Downer on UN at Press Club 2003  3

 "A Golden Opportunity" testimony by Timothy Wirth, 13 February 2007, Committee on Foreign Affairs.   4

 Ibid

 3
"""


def parse(text: str) -> ParsedDocument:
    return parse_strictly(text)


def assert_markers_in_text(doc: ParsedDocument) -> None:
    assert all(doc.text[m.start : m.end] == f"[{m.number}]" for m in doc.markers)


def test_page_foot_runs_become_footnotes_and_leave_the_body() -> None:
    doc = parse(PAGE_FOOT)
    assert [(f.number, f.text) for f in doc.footnotes] == [
        (1, "Article 33, 1951 Convention Relating to the Status of Refugees."),
        (2, "Article 9, International Covenant on Civil and Political Rights."),
        (3, "Articles 17 and 23 ICCPR."),
        (4, 'See P Mathew, "Refugee Protection in the Wake of the Tampa" (2002) 96 AJIL 661.'),
        (5, "This was later repealed."),
        (6, "Ibid, at 663."),
    ]
    assert marker_numbers(doc) == [1, 2, 3, 4, 5, 6]
    assert_markers_in_text(doc)
    assert "persecution;[1] the right to liberty;[2]" in doc.text
    assert "Migration Act 1958 ,[5] and" in doc.text
    assert "Article 33" not in doc.text and "Ibid" not in doc.text
    assert "in 1951, when 26 states met." in doc.text and "4 000 people in 48 hours" in doc.text
    assert "On 7 March 2002 the High Court" in doc.text
    assert footnote(doc, 6).ibid_of == 4  # note 5 is a comment, not a source
    assert (doc.missing_footnotes, doc.unreferenced_footnotes) == ([], [])


def test_endnotes_run_together_under_a_heading() -> None:
    doc = parse(ENDNOTES)
    assert [(f.number, f.text) for f in doc.footnotes] == [
        (1, 'Report on UN reform "In Larger Freedom" March 2005'),
        (2, "Alexander Downer on UN at Press Club 2003"),
        (3, '"A Golden Opportunity" testimony by Timothy Wirth, 13 February 2007, Committee on Foreign Affairs.'),
        (4, "Ibid"),
    ]
    assert footnote(doc, 4).ibid_of == 3
    assert marker_numbers(doc) == [1, 2, 3, 4]
    assert_markers_in_text(doc)
    assert "ENDNOTES" not in doc.text and "Larger Freedom" not in doc.text
    assert "Its membership was 15 people." in doc.text


def test_a_note_number_alone_on_its_line_counts_when_the_run_goes_on() -> None:
    text = (
        "Title\n\nFirst point.1 Second point.2 Third point.3 Fourth point.4\n"
        "1 Source one, 2001. 2 Source two, 2002. 3\n(1999) 95 FCR 517. 4\nIbid at 520.\n5\n"
    )
    doc = parse(text.replace("3\n(1999)", "\n3\n(1999)"))
    assert [(f.number, f.text) for f in doc.footnotes] == [
        (1, "Source one, 2001."),
        (2, "Source two, 2002."),
        (3, "(1999) 95 FCR 517."),
        (4, "Ibid at 520."),
    ]
    assert doc.text.endswith("Fourth point.[4]\n5")  # the page number stays


def test_a_marker_printed_after_a_space_fills_its_gap() -> None:
    text = (
        "Title\n\nOne.1 Two.2 for applicants. 3 The related part.4 Five.5\n"
        "1 A, 2001. 2 B, 2002. 3 C, 2003. 4 D, 2004. 5 E, 2005.\nBody goes on.\n"
    )
    doc = parse(text)
    assert marker_numbers(doc) == [1, 2, 3, 4, 5]
    assert "applicants. [3] The related part.[4]" in doc.text
    assert [f.number for f in doc.footnotes] == [1, 2, 3, 4, 5]
    assert doc.text.endswith("Body goes on.")


@pytest.mark.parametrize(
    "text",
    [
        # quantities, dates, page numbers and a numbered list: numbers, but no run of markers and notes
        "Mine action in 2021\n\nOn 3 March 2021 the 12 teams cleared 1,200 square metres in 48 hours.\n\n1\n\n"
        "The ministry said 7 mines were found. 2 teams went north and 4 went south.\n\n2\n\n"
        "Priorities\n1 Survey the north\n2 Clear the south\n3 Train 40 deminers",
        # references glued to abbreviations are not markers: "s91", "p.12", "No.3", "n1", "G8", "COVID19"
        "Summary\n\nUnder s91 and p.12 of No.3, see above n1. The G8 and COVID19 plans.\n\n"
        "1 Survey. 2 Clearance. 3 Training.",
        # a speech whose sentences end in numbers
        "Mr President,\n\nWe destroyed 4 stockpiles in 2019.\n\nWe cleared 12 fields in 2020, and 15 in 2021.\n\n"
        "Our target is 20. 20 fields remain. Thank you.",
        # versions and decimals are not markers
        "Report 1.5\n\nVersion 2.1 of the survey covered 3.5 km. Results 1.2 and 2.3 follow.\n\n"
        "1 One. 2 Two. 3 Three.",
    ],
)
def test_ordinary_numbers_never_become_notes(text: str) -> None:
    doc = parse(text)
    assert doc.footnotes == [] and doc.markers == []
    assert find_inline_notes(split_blocks(text)) is None


def test_two_glued_markers_are_not_enough_evidence() -> None:
    text = "Title\n\nFirst.1 Second.2\n1 Source one, 2001. 2 Source two, 2002.\nBody."
    assert find_inline_notes(split_blocks(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "word.1 1 Alpha text.2 2 Beta " * 40_000,
        "word.1\n1 Alpha text.2\n2 Beta\n" * 40_000,
        " ".join(f"text.{n} {n} Source {n}." for n in range(1, 50_000)),
        "1 2 3 4 5 6 7 8 9 " * 60_000,
        ". 1 A. 2 B. 3 C " * 60_000,
        "\n".join(str(n) for n in range(1, 150_000)),
    ],
    ids=["glued-one-line", "glued-lines", "increasing", "digits", "spaced", "lone"],
)
def test_a_megabyte_of_numbers_parses_in_bounded_time(text: str) -> None:
    start = time.process_time()  # CPU time of this process, so a busy machine does not count
    doc = parse(text)
    assert time.process_time() - start < 20  # quadratic behaviour would take minutes
    assert_markers_in_text(doc)


PIECES = ["word", "word.", "rights", ";", ",", " ", "  ", "\n", "\n\n", "1", "2", "3", "4", "12", "2000", ".1", ".2",
          ".3", "Ibid", "Ibid.", "See ", "Smith v Jones ", "(2001) 5 CLR 1", "March ", "Notes\n", "ENDNOTES\n", "[1]",
          "[2000] HCA 2", "A", "The ", "“", "”", "p. ", "s 7A "]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=250).map("".join))
def test_number_soup_keeps_the_document_consistent(text: str) -> None:
    doc = parse(text)
    assert_markers_in_text(doc)
    numbers = [f.number for f in doc.footnotes]
    assert numbers == sorted(set(numbers))
    assert all(f.ibid_of is None or f.ibid_of < f.number for f in doc.footnotes)


DEVCORPUS = {  # file prefix: (notes, Ibid pairs) as labelled in tests/fixtures/devcorpus_truth/txt.yaml
    "054": (109, {6: 5, 8: 7, 9: 7, 30: 29, 43: 40, 45: 44, 46: 44, 70: 69, 79: 78, 82: 81, 83: 81, 86: 85}),
    "055": (34, {11: 10, 20: 19}),
    "056": (34, {7: 6, 10: 9, 33: 32, 34: 32}),
    "057": (12, {9: 8, 10: 8, 12: 11}),
    "058": (56, {3: 2, 7: 6, 17: 16}),
}


@pytest.mark.skipif(not DEVCORPUS_TXT.is_dir(), reason="../shared/devcorpus is not present")
@pytest.mark.parametrize("prefix", sorted(DEVCORPUS))
def test_devcorpus_flattened_notes(prefix: str) -> None:
    matches = sorted(DEVCORPUS_TXT.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"{prefix} is not present")
    doc = parse(matches[0].read_text(encoding="utf-8", errors="replace"))
    count, ibids = DEVCORPUS[prefix]
    assert [f.number for f in doc.footnotes] == list(range(1, count + 1))
    assert {f.number: f.ibid_of for f in doc.footnotes if f.ibid_of} == ibids
    assert doc.missing_footnotes == []
    assert len(doc.unreferenced_footnotes) <= 1  # 054's marker 16 is glued on both sides ("Al Masri16and")
    assert_markers_in_text(doc)
