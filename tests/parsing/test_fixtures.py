"""End-to-end checks of the parser on the project's own documents of the genre."""

from .util import footnote, marker_numbers, parse_fixture


def test_profile_metadata_and_sections() -> None:
    doc = parse_fixture("profile_ruritania.txt")
    assert (doc.title, doc.date, doc.date_label) == ("Ruritania", "2019-03-12", "last updated")
    assert [(s.title, s.level) for s in doc.sections] == [
        ("Mine Ban Policy", 1),
        ("Policy", 2),
        ("Use", 2),
        ("Mine Action", 1),
        ("Contamination", 2),
    ]
    assert all(doc.text.startswith(s.title, s.start) for s in doc.sections)


def test_profile_markers_missing_and_unreferenced() -> None:
    doc = parse_fixture("profile_ruritania.txt")
    assert marker_numbers(doc) == list(range(1, 13))
    assert doc.missing_footnotes == [4, 9]
    assert doc.unreferenced_footnotes == [13]
    assert "[1] Statement of Ruritania" not in doc.text
    assert doc.text.endswith("stalled.[12]")


def test_profile_wrapped_note_and_its_citation() -> None:
    note = footnote(parse_fixture("profile_ruritania.txt"), 2)
    assert note.text == (
        "Anna Petrova, “Ruritania Destroys Last Mine Stocks,” Zenda Herald (Strelsau), 3 March 2018, "
        "zendaherald.com/2018/03/ruritania-destroys-stocks/."
    )
    assert note.citations[0].url == "https://zendaherald.com/2018/03/ruritania-destroys-stocks/"


def test_profile_ibid_chain() -> None:
    doc = parse_fixture("profile_ruritania.txt")
    source = footnote(doc, 6).text.rstrip(".")
    assert (footnote(doc, 7).ibid_of, footnote(doc, 7).resolved_text) == (6, footnote(doc, 6).text)
    # a chain of Ibids names the note that spells the source out (7 and 8 only repeat note 6)
    assert (footnote(doc, 8).ibid_of, footnote(doc, 8).resolved_text) == (6, f"{source}, at 10966")
    assert (footnote(doc, 10).ibid_of, footnote(doc, 10).resolved_text) == (6, f"{source}, at 5.")
    assert footnote(doc, 10).text == "Id. at 5."
    twelve = footnote(doc, 12)
    assert twelve.ibid_of == 11
    assert [c.title for c in twelve.citations] == [
        "Letter from the Permanent Mission of Ruritania to the United Nations in Geneva",
        "Mine Clearance Stalls in the North",
    ]
    assert footnote(doc, 1).ibid_of is None and footnote(doc, 1).resolved_text is None


def test_press_release_boilerplate_is_gone() -> None:
    doc = parse_fixture("press_release_ministry.txt")
    for furniture in (
        "banner image",
        "Share this page",
        "All rights reserved",
        "Privacy Policy",
        "Facebook",
        "Skip to main content",
        "Home >",
        "Back to top",
        "Cookie Policy",
        "Print",
    ):
        assert furniture not in doc.text
    assert doc.text.startswith("Press release 14 June 2021\n\nNo:212/21, Press release on the handover")
    assert doc.title == "Press release on the handover of minefield maps by Borduria"
    assert (doc.date, doc.date_label) == ("2021-06-14", "published")
    assert doc.sections == []


def test_dateline_press_release() -> None:
    doc = parse_fixture("press_release_dateline.txt")
    assert (doc.date, doc.date_label) == ("2019-12-03", "published")
    assert doc.title.startswith("The International Campaign to Ban Landmines (ICBL) welcomes")


def test_article_displaced_markers_and_false_markers() -> None:
    doc = parse_fixture("article_displaced_markers.txt")
    assert marker_numbers(doc) == [4, 6, 7, 9, 12, 13]
    assert doc.footnotes == []
    assert doc.missing_footnotes == [4, 6, 7, 9, 12, 13]
    assert "[citation needed]" in doc.text and "[2000]" in doc.text and "[75]-[81]" in doc.text
    assert doc.title == "Landmines in Borduria"
    assert doc.date is None
    assert doc.text.endswith("Map of contaminated districts")  # captions are content, kept


def test_speech_and_statement() -> None:
    speech = parse_fixture("speech_review_conference.txt")
    assert speech.title.startswith("Remarks by Ambassador Maria Lopez")
    assert speech.date == "2019-11-25"
    assert speech.sections == []
    statement = parse_fixture("statement_icbl.txt")
    assert statement.title.startswith("Statement by the International Campaign")
    assert statement.date == "2020-05-12"


def test_report_with_notes_heading() -> None:
    doc = parse_fixture("report_notes_heading.txt")
    assert "Notes" not in doc.text.split("\n")
    assert [f.number for f in doc.footnotes] == [1, 2, 3]
    assert footnote(doc, 3).ibid_of == 2
    assert footnote(doc, 3).resolved_text == "Decree No. 45 of the Government of Ruritania, 3 March 2012, p. 4."
    assert [(s.title, s.level) for s in doc.sections] == [
        ("Executive Summary", 1),
        ("1. Introduction", 1),
        ("1.1 Funding", 2),
    ]
    assert (doc.date, doc.date_label) == ("2021-04-30", "published")
