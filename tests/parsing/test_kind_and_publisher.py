import pytest

from app.parsing.organisations import canonical, ministry, subject_organisation

from .util import parse_fixture, parse_text

PROSE = "This paragraph is running text about mines, long enough to read as prose in any document of the genre."


@pytest.mark.parametrize(
    ("name", "kind", "publisher"),
    [
        ("profile_ruritania.txt", "country-profile", "Landmine Monitor"),
        ("press_release_ministry.txt", "press-release", "Ministry of Foreign Affairs of the Republic of Ruritania"),
        ("press_release_dateline.txt", "press-release", "ICBL"),
        ("article_displaced_markers.txt", "article", None),
        ("speech_review_conference.txt", "speech", None),
        ("statement_icbl.txt", "statement", "ICBL"),
        ("report_notes_heading.txt", "report", "Ruritanian Mine Action Centre"),
    ],
)
def test_fixture_kind_and_publisher(name: str, kind: str, publisher: str | None) -> None:
    doc = parse_fixture(name)
    assert (doc.kind, doc.publisher) == (kind, publisher)


def test_numbered_ministry_press_release_names_the_ministry_from_the_minister() -> None:
    text = (
        "No:17/23, Press release on mine victims\n\n"
        "Since 2020, 300 persons have become landmine victims, the Minister of Foreign Affairs of the "
        "Republic of Ruritania Karl Weber said in a letter to the UN Secretary-General on 3 March 2023."
    )
    doc = parse_text(text)
    assert (doc.kind, doc.publisher) == ("press-release", "Ministry of Foreign Affairs of the Republic of Ruritania")


def test_speech_by_vocatives_alone() -> None:
    text = f"Opening words\n\nMr. President,\nDistinguished delegates,\n\n{PROSE}\n\nThank you, Mr. President."
    assert parse_text(text).kind == "speech"


def test_statement_title_beats_vocatives() -> None:
    text = f"Statement of Ruritania\n\nMr. President,\nExcellencies,\n\n{PROSE}\n\nI thank you."
    assert parse_text(text).kind == "statement"


def test_plain_prose_is_an_article_and_a_scrap_is_other() -> None:
    assert parse_text(f"Some title\n\n{PROSE}\n\n{PROSE}").kind == "article"
    assert parse_text("A scrap of text").kind == "other"


def test_hints_win() -> None:
    doc = parse_text(
        f"Ruritania\n\nLast Updated: 12 March 2019\n\n{PROSE}",
        hints={
            "title": "Ruritania profile",
            "date": "2020-01-02",
            "publisher": "ICBL",
            "kind": "Report",
            "tags": ["x"],
        },
    )
    assert (doc.title, doc.date, doc.publisher, doc.kind, doc.tags) == (
        "Ruritania profile",
        "2020-01-02",
        "ICBL",
        "report",
        ["x"],
    )
    assert doc.date_label == "last updated"


def test_unknown_hint_kind_is_ignored() -> None:
    assert parse_text(f"Title\n\n{PROSE}\n\n{PROSE}", hints={"kind": "novel"}).kind == "article"


def test_organisations() -> None:
    found = subject_organisation("The International Campaign to Ban Landmines (ICBL) is deeply disturbed")
    assert found is not None and (found.name, found.acronym, found.verb) == (
        "International Campaign to Ban Landmines",
        "ICBL",
        "is",
    )
    assert subject_organisation("The worst-affected areas are along the line") is None
    assert subject_organisation("Azerbaijan has stated") is None
    assert canonical("the ICBL") == "ICBL"
    assert canonical("International Campaign to Ban Landmines") == "ICBL"
    assert canonical("The Guardian") == "The Guardian"
    assert ministry("the Minister of Defense of Borduria said") == "Ministry of Defense of Borduria"


def test_declared_title_is_tidied_like_a_title_line_and_body_headings_survive() -> None:
    doc = parse_text(
        f"Mine Ban Policy\n\nPolicy\n\n{PROSE}",
        headings=[(2, "Mine Ban Policy"), (3, "Policy")],
        hints={"title": "No:112/22, Press release on mines"},
    )
    assert doc.title == "Press release on mines"
    assert [(s.title, s.level) for s in doc.sections] == [("Mine Ban Policy", 2), ("Policy", 3)]


def test_malformed_hints_and_headings_are_ignored() -> None:
    doc = parse_text(
        f"Title\n\n{PROSE}\n\n{PROSE}",
        headings=[("x", "Title"), (1,), None, (True, 3)],  # type: ignore[list-item]
        hints={"title": 5, "date": "not a date", "kind": None, "tags": "a, b"},
    )
    assert (doc.title, doc.date, doc.kind, doc.tags) == ("Title", None, "article", ["a", "b"])
