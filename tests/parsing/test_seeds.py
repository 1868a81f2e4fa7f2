"""Acceptance facts on the real documents in ../shared/seeds (skipped when that folder is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.model import ParsedDocument

from .util import footnote, marker_numbers, parse_text

SEEDS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="../shared/seeds is not present"),
]


def seed(prefix: str) -> ParsedDocument:
    matches = sorted(SEEDS_DIR.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} is not present")
    return parse_text(matches[0].read_text(encoding="utf-8"))


def test_004_profile_with_missing_notes_and_ibid() -> None:
    doc = seed("004")
    assert (doc.title, doc.date, doc.date_label, doc.kind) == (
        "Azerbaijan",
        "2022-09-28",
        "last updated",
        "country-profile",
    )
    assert marker_numbers(doc) == list(range(1, 19))
    assert doc.missing_footnotes == [3, 8, 9, 14]
    assert doc.unreferenced_footnotes == []
    twelve = footnote(doc, 12)
    assert twelve.ibid_of == 11
    assert twelve.text.startswith("Ibid; and Gunay Hajiyeva")
    assert twelve.resolved_text is not None
    assert twelve.resolved_text.startswith(footnote(doc, 11).text.rstrip("."))
    assert twelve.resolved_text.endswith("Caspian News, 7 April 2021.")
    assert [c.publisher for c in twelve.citations][-1] == "Caspian News"
    assert footnote(doc, 13).citations[0].publisher == "Eurasianet"
    assert footnote(doc, 10).citations[0].publisher == "OC Media"
    assert footnote(doc, 15).citations[0].author == "President of the Republic of Azerbaijan"
    assert footnote(doc, 16).citations[0].author == "Ministry of Defense of Azerbaijan"
    assert [(s.title, s.level) for s in doc.sections] == [
        ("Mine Ban Policy", 1),
        ("Policy", 2),
        ("Production, transfer, and stockpiling", 2),
        ("Use", 2),
    ]
    assert "[1] Azerbaijan Mine Ban Treaty" not in doc.text


def test_001_profile_and_its_citations() -> None:
    doc = seed("001")
    assert (doc.title, doc.date, doc.date_label, doc.kind) == (
        "Nagorno-Karabakh",
        "2013-11-28",
        "last updated",
        "country-profile",
    )
    assert doc.publisher == "Landmine Monitor"
    assert marker_numbers(doc) == [1, 2, 3]
    assert doc.missing_footnotes == [] and doc.unreferenced_footnotes == []
    assert [(s.title, s.level) for s in doc.sections] == [
        ("Mine Ban Policy", 1),
        ("Policy", 2),
        ("Use, production, transfer, and stockpiling", 2),
    ]
    two = footnote(doc, 2).citations[0]
    assert two.url == "https://asbarez.com/112014/karabakh-enhances-defense-capabilities/"
    assert (two.author, two.publisher, two.place, two.date) == (
        "Lusine Musayelian",
        "Asbarez",
        "Stepanakert",
        "2013-07-26",
    )
    three = footnote(doc, 3).citations[0]
    assert three.title == "ICBL gravely concerned about use of antipersonnel mines by Nagorno-Karabakh"
    assert (three.publisher, three.place, three.date) == ("ICBL", "Geneva", "2013-09-20")
    assert three.url == "https://www.icbl.org/index.php/icbl/Library/News/Nagorno-Karabakh"
    assert "[antipersonnel]" in doc.text


def test_000_press_release_without_title_line() -> None:
    doc = seed("000")
    assert doc.date == "2013-09-20"
    assert doc.kind == "press-release"
    assert doc.publisher == "ICBL"
    assert doc.title and not doc.title[0].isdigit()
    assert doc.title.startswith("The International Campaign to Ban Landmines")


def test_003_ministry_press_release_without_boilerplate() -> None:
    doc = seed("003")
    assert (doc.date, doc.kind) == ("2022-10-25", "press-release")
    for furniture in ("news banner image", "Share this page", "All rights reserved", "Privacy Policy"):
        assert furniture not in doc.text
    assert "Press release on ongoing threats" in doc.title
    assert doc.publisher == "Ministry of Foreign Affairs of the Republic of Azerbaijan"
    assert doc.text.endswith("peace and tranquility in the region.")


def test_002_article_with_displaced_markers_and_no_list() -> None:
    doc = seed("002")
    assert marker_numbers(doc) == [5, 6, 7, 8, 15, 18, 22, 28, 29, 31, 32, 33]
    assert doc.footnotes == []
    assert doc.missing_footnotes == [5, 6, 7, 8, 15, 18, 22, 28, 29, 31, 32, 33]
    assert "[citation needed]" in doc.text
    assert doc.kind == "article"
    assert doc.title == "Land mines in Nagorno-Karabakh"
    assert doc.date is None
    assert doc.sections == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_offsets_index_the_text(prefix: str) -> None:
    doc = seed(prefix)
    for marker in doc.markers:
        assert doc.text[marker.start : marker.end] == f"[{marker.number}]"
    for section in doc.sections:
        assert doc.text.startswith(section.title, section.start)
    assert "\r" not in doc.text and "\n\n\n" not in doc.text
    assert all(line == line.rstrip() for line in doc.text.split("\n"))
