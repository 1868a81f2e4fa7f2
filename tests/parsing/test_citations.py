from app.parsing.citations import parse_citation, parse_citations
from app.parsing.splitting import split_citations
from app.parsing.urls import find_url


def fields(text: str) -> list[dict[str, str | None]]:
    keys = ("author", "title", "publisher", "place", "date", "url")
    return [{k: getattr(c, k) for k in keys} for c in parse_citations(text)]


def test_quoted_title_with_outlet_place_date_and_bare_url() -> None:
    text = (
        "Anna Petrova, “Ruritania Destroys Last Mine Stocks,” Zenda Herald (Strelsau), 3 March 2018, "
        "zendaherald.com/2018/03/ruritania-destroys-stocks/."
    )
    assert fields(text) == [
        {
            "author": "Anna Petrova",
            "title": "Ruritania Destroys Last Mine Stocks",
            "publisher": "Zenda Herald",
            "place": "Strelsau",
            "date": "2018-03-03",
            "url": "https://zendaherald.com/2018/03/ruritania-destroys-stocks/",
        }
    ]


def test_press_release_citation_without_author() -> None:
    text = "“Ruritania observes treaty meeting,” ICBL (Geneva), 9 April 2018, www.icbl.org/en-gb/news/2018/r.aspx."
    assert fields(text) == [
        {
            "author": None,
            "title": "Ruritania observes treaty meeting",
            "publisher": "ICBL",
            "place": "Geneva",
            "date": "2018-04-09",
            "url": "https://www.icbl.org/en-gb/news/2018/r.aspx",
        }
    ]


def test_an_organisation_issuing_its_own_piece_is_its_publisher() -> None:
    text = "Ministry of Defense of Borduria, “High grounds are cleared of mines,” 22 August 2022."
    assert fields(text)[0] == {
        "author": "Ministry of Defense of Borduria",
        "title": "High grounds are cleared of mines",
        "publisher": "Ministry of Defense of Borduria",
        "place": None,
        "date": "2022-08-22",
        "url": None,
    }


def test_split_on_semicolons_and_and_and_see() -> None:
    text = (
        "See, ICBL, Landmine Monitor Report 2017 (Geneva: ICBL-CMC, December 2017), p. 212; and interview "
        "with Colonel Rudolf Rassendyll, Head of Engineering, Ministry of Defence, Strelsau, 14 February 2018."
    )
    first, second = fields(text)
    assert first == {
        "author": "ICBL",
        "title": "Landmine Monitor Report 2017",
        "publisher": "ICBL-CMC",
        "place": "Geneva",
        "date": "2017-12",
        "url": None,
    }
    assert second["title"] == "interview with Colonel Rudolf Rassendyll"
    assert (second["place"], second["date"]) == ("Strelsau", "2018-02-14")


def test_semicolons_inside_quotes_do_not_split() -> None:
    assert len(split_citations("A, “One; two,” Outlet, 2001; B, “Three,” Other, 2002.")) == 2


def test_commentary_sentences_are_not_sources() -> None:
    text = (
        "Borduria said that it is “committed to clearance” in all areas. Statement of Borduria, Standing "
        "Committee, Geneva, 13 June 2005. Borduria denied these claims and stated that Ruritania was "
        "“spreading false information.” See, Letter from the Permanent Representative of Borduria to the UN, "
        "13 September 2022."
    )
    found = fields(text)
    assert [f["title"] for f in found] == [
        "Statement of Borduria",
        "Letter from the Permanent Representative of Borduria to the UN",
    ]
    assert found[0]["author"] == "Borduria" and found[0]["place"] == "Geneva"
    assert found[1]["author"] == "Permanent Representative of Borduria"


def test_a_note_that_is_only_commentary_keeps_its_text_as_one_citation() -> None:
    found = parse_citations("The figure excludes casualties that were not reported.")
    assert len(found) == 1
    assert found[0].text == "The figure excludes casualties that were not reported."


def test_abbreviations_and_initials_do_not_end_a_source() -> None:
    assert len(split_citations("Response by Maj. J. Smith, U.S. Department of State, 2 May 2018.")) == 1


def test_urls() -> None:
    assert find_url("see asbarez.com/112014/x/.")[0] == "https://asbarez.com/112014/x/"
    assert find_url("(https://example.org/a_(b)).")[0] == "https://example.org/a_(b)"
    assert find_url("at www.icbl.org.")[0] == "https://www.icbl.org"
    assert find_url("p. 844 and 3.5 km") is None
    assert parse_citation("Report, http://x.org/a?b=1, 2001.").url == "http://x.org/a?b=1"


def test_unquoted_statement_at_a_meeting() -> None:
    assert fields("Statement of Ruritania, Mine Ban Treaty Intersessional Meetings, Geneva, 24 June 2018.") == [
        {
            "author": "Ruritania",
            "title": "Statement of Ruritania",
            "publisher": "Mine Ban Treaty Intersessional Meetings",
            "place": "Geneva",
            "date": "2018-06-24",
            "url": None,
        }
    ]


def test_accessed_dates_are_not_publication_dates() -> None:
    found = parse_citation("“Title,” The Guardian, 5 May 2019, https://theguardian.com/x (accessed 6 May 2019).")
    assert (found.publisher, found.date) == ("The Guardian", "2019-05-05")


def test_inline_ibid_repeats_the_previous_notes_sources() -> None:
    previous = parse_citations("Smith, “Mines,” Herald, 2 May 2001.")
    found = parse_citations("Jones, “Maps,” Post, 3 May 2002; ibid.", previous)
    assert [c.title for c in found] == ["Maps", "Mines"]


def test_a_persons_outlet_is_not_a_place_but_an_issuers_place_is() -> None:
    assert parse_citation("Ani Avetisyan, “Soldiers Captured,” Zenda Media, 27 May 2021.").publisher == "Zenda Media"
    found = parse_citation("Ministry of Defence of Serevia, “Statement on mines,” Tarvos, 15 August 2022.")
    assert (found.publisher, found.place) == ("Ministry of Defence of Serevia", "Tarvos")


def test_person_and_position_without_a_title() -> None:
    found = parse_citation("Jana Holm, Coordinator, Mine-Free Serevia Coalition, Tarvos, 17 June 2022.")
    assert (found.author, found.title, found.publisher, found.place, found.date) == (
        "Jana Holm",
        None,
        "Mine-Free Serevia Coalition",
        "Tarvos",
        "2022-06-17",
    )


def test_issuer_then_lowercase_document_type() -> None:
    text = "Mine-Free Serevia Coalition, interviews with residents of Dolna Reka, 28–30 August 2022."
    found = parse_citation(text)
    assert (found.author, found.title, found.date) == (
        "Mine-Free Serevia Coalition",
        "interviews with residents of Dolna Reka",
        "2022-08-28",
    )


def test_plain_sentence_without_a_verb_is_commentary_but_a_bare_title_is_a_source() -> None:
    text = "Coalition, interviews, 3 May 2022. Names withheld at the request of the interviewees."
    assert len(split_citations(text)) == 1
    assert split_citations("Report, Form A. See, Mine Ban Treaty Article 7 Database.")[-1] == (
        "Mine Ban Treaty Article 7 Database."
    )
