"""Headlines under letterheads, dates inside header lines, and publishers only from real cues."""

from __future__ import annotations

import pytest

from app.parsing.headline import LineClass, classify, strip_trailing_byline

from .util import parse_text

PROSE = (
    "Australia will provide an additional $40 million in development assistance over four years, "
    "the Minister said today, as part of a bilateral agreement on resettlement and demining.\n\n"
    "The funding is additional to the bilateral aid programme and will support land mine clearance.\n"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("MEDIA RELEASE", LineClass.KIND_LABEL),
        ("Media ReIease", LineClass.KIND_LABEL),  # OCR
        ("News Release No 139/89", LineClass.KIND_LABEL),
        ("DRAFT", LineClass.KIND_LABEL),
        ("Speeches THE COLLEGE OF LAW", LineClass.KIND_LABEL),
        ("MINISTER FOR FOREIGN AFFAIRS", LineClass.OFFICE),
        ("ROBERT SMITH MP SHADOW MINISTER FOR DEFENCE", LineClass.OFFICE),
        ("The Hon Jane Doe MP", LineClass.PERSON),
        ("By Dr Penelope Mathew", LineClass.PERSON),
        ("MDC 20", LineClass.CODE),
        ("http://www.example.org/releases", LineClass.URL),
        ("`Y 1 e 1 I", LineClass.NOISE),
        ("33", LineClass.NOISE),
        ("Address to the United Nations Youth Association", LineClass.DESCRIPTOR),
        ("paper for", LineClass.DESCRIPTOR),
        ("AWARDS FUNCTION WESTIN HOTEL, SYDNEY", LineClass.WEAK),
        ("DEVELOPMENT ASSISTANCE FOR CAMBODIA", LineClass.CANDIDATE),
        ("LAW FIRMS AND JUSTICE IN AUSTRALIA", LineClass.CANDIDATE),  # "JUSTICE" in capitals is a word
        ("Minister welcomes mine clearance results", LineClass.CANDIDATE),  # a headline with a verb
    ],
)
def test_header_lines_are_classed(line: str, expected: LineClass) -> None:
    assert classify(line) is expected


def test_the_headline_under_a_letterhead_is_the_title() -> None:
    doc = parse_text(
        "MEDIA RELEASE\n\nMINISTER FOR FOREIGN AFFAIRS\n\nThe Hon Jane Doe MP  26 September 2014\n\n"
        "DEVELOPMENT ASSISTANCE FOR CAMBODIA\n\n" + PROSE
    )
    assert doc.title == "DEVELOPMENT ASSISTANCE FOR CAMBODIA"
    assert doc.date == "2014-09-26"
    assert doc.publisher == "Minister for Foreign Affairs"
    assert doc.kind == "press-release"


def test_a_headline_wrapped_over_two_lines_is_joined() -> None:
    doc = parse_text("MINISTER for JUSTICE\n\n12 December 1994\n\nGREATER RESPECT FOR\n\nHUMANITARIAN LAW NEEDED\n\n" + PROSE)
    assert doc.title == "GREATER RESPECT FOR HUMANITARIAN LAW NEEDED"
    assert doc.publisher == "Minister for Justice"


def test_a_release_code_before_the_date_does_not_hide_it() -> None:
    doc = parse_text("AA 07 03          25  January  2007\n\nAustralia provides $5 million for clearance in Lebanon\n\n" + PROSE)
    assert (doc.title, doc.date) == ("Australia provides $5 million for clearance in Lebanon", "2007-01-25")


def test_a_covering_note_before_the_headline() -> None:
    doc = parse_text(
        "Attached is the Minister's opening address to the conference on humanitarian law held in Canberra "
        "this week, for the information of members and their staff, 12 May 1994\n\n"
        "INTERNATIONAL HUMANITARIAN LAW: A TIME FOR ACTION\n\n"
        "Opening Address by Senator the Hon Gareth Evans QC, Minister for Foreign Affairs, at the Australian "
        "Defence Force Academy, Canberra, 12 May 1994.\n\n" + PROSE
    )
    assert doc.title == "INTERNATIONAL HUMANITARIAN LAW: A TIME FOR ACTION"
    assert doc.date == "1994-05-12"
    assert doc.kind == "speech"
    assert doc.publisher == "Minister for Foreign Affairs"


def test_the_occasion_and_the_speaker_are_not_the_title() -> None:
    doc = parse_text(
        "Speeches AUSTRALIAN LAW AWARDS\n\nAWARDS FUNCTION WESTIN HOTEL, SYDNEY\n\n7 MARCH 2002\n\n"
        "LAW FIRMS AND JUSTICE IN AUSTRALIA\n\nThe Hon Justice Michael Kirby AC CMG*\n\n" + PROSE
    )
    assert doc.title == "LAW FIRMS AND JUSTICE IN AUSTRALIA"
    assert doc.date == "2002-03-07"
    assert doc.kind == "speech"
    assert doc.publisher is None  # a judge's name is not an issuer


def test_a_place_after_a_description_belongs_to_it() -> None:
    doc = parse_text(
        "Address to United Nations Youth Association\n\nCanberra\n\n10 July 2007\n\n"
        "STRENGTHENING UN RELEVANCE\n\nIN THE NEW MILLENNIUM\n\n" + PROSE
    )
    assert doc.title == "STRENGTHENING UN RELEVANCE IN THE NEW MILLENNIUM"


def test_a_headline_run_into_its_first_paragraph() -> None:
    doc = parse_text(
        "13 June 2002  MEDIA RELEASE                          02/304\n\n"
        "Human toll of the crisis continues to grow The Democrats say it is time for the Government to act on "
        "the growing human misery and to show some leadership in the region on the issue.\n\n" + PROSE
    )
    assert doc.title == "Human toll of the crisis continues to grow"
    assert doc.date == "2002-06-13"


def test_trailing_byline_is_not_part_of_the_title() -> None:
    assert strip_trailing_byline("Bouncing the Ball: What is the score? By Susan Kneebone*") == (
        "Bouncing the Ball: What is the score?"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Source: of the NDAA for FY 2018, which the committee amended",
        "Published by antidumping or countervailing duty orders issued",
    ],
)
def test_sentence_fragments_are_never_publishers(line: str) -> None:
    doc = parse_text("A Report on Trade\n\n" + PROSE + "\n" + line + "\n")
    assert doc.publisher is None


def test_an_organisation_in_the_letterhead_is_the_publisher() -> None:
    doc = parse_text(
        "The Department of Foreign Affairs and Trade, Australia\n\nSTRENGTHENING HUMAN RIGHTS\n\n" + PROSE
    )
    assert doc.publisher == "Department of Foreign Affairs and Trade"


def test_a_note_cited_only_by_another_note_is_referenced() -> None:
    doc = parse_text(
        "Ruritania\n\n" + PROSE + "\nThe anthem is sung at official events.[3] The flag flies on public days.[1]\n\n"
        "[1] Flag Act 1981.\n\n[2] Ministry of Culture, Protocol for the anthems, 2008.\n\n"
        "[3] The anthem is used on regal occasions only.[2]\n"
    )
    assert doc.unreferenced_footnotes == []


def test_an_office_that_acts_is_a_headline() -> None:
    assert classify("MINISTER FOR DEFENCE VISITS TROOPS IN AFGHANISTAN") is LineClass.CANDIDATE
    assert classify("Minister for Defence announces new clearance funding") is LineClass.CANDIDATE


def test_a_declared_kind_only_replaces_the_guess() -> None:
    prose_only = parse_text("Ruritania\n\n" + PROSE, hints={"fallback_kind": "report"})
    assert prose_only.kind == "report"  # nothing in the text decides: the page's own claim stands
    release = parse_text(
        "MEDIA RELEASE\n\nMINISTER FOR FOREIGN AFFAIRS\n\nDEVELOPMENT ASSISTANCE FOR CAMBODIA\n\n" + PROSE,
        hints={"fallback_kind": "article"},
    )
    assert release.kind == "press-release"  # the text's cues win over a site's "article" on every page
    assert parse_text("Ruritania\n\n" + PROSE, hints={"fallback_kind": "nonsense"}).kind != "nonsense"


def test_a_copyright_line_quoted_mid_text_is_not_the_publisher() -> None:
    middle = "\n".join(f"Paragraph {n} of the diary runs on about the law and the week's events.\n" for n in range(30))
    doc = parse_text("A diary entry\n\n" + middle + "\nCopyright (C) NOTICE SUPPORT CENTER. All rights reserved.\n\n" + middle)
    assert doc.publisher is None


def test_an_untitled_text_is_named_by_its_whole_first_sentence() -> None:
    doc = parse_text(
        "I am pleased to announce an Australian contribution of $500,000 to a United\n"
        "Nations mine awareness program in Afghanistan. It will support returning refugees.\n\n" + PROSE
    )
    assert doc.title.startswith("I am pleased to announce an Australian contribution of $500,000 to a United")
    assert doc.title.endswith("…")  # cut at a word, and marked as cut


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Field Survey Group - Report excerpt", "Field Survey Group"),
        ("The Halo Trust - Annual report", "HALO Trust"),
        ("Summary of Service", None),  # a form's section heading: what belongs to a service, not a service
        ("Head of Mission", None),
        ("Terms of Service", None),
    ],
)
def test_a_line_opening_with_an_organisation_names_it_but_a_thing_of_one_does_not(line: str,
                                                                                    expected: str | None) -> None:
    from app.parsing.publisher import _opening_organisation

    assert _opening_organisation(line) == expected
