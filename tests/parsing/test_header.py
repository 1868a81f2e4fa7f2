import pytest

from app.parsing.header import Header, clean_title, date_line, read_header, shorten
from app.parsing.normalise import flatten, split_blocks


def header(text: str) -> Header:
    return read_header(flatten(split_blocks(text)))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Last Updated: 28 November 2013", ("2013-11-28", "last updated")),
        ("Last updated: 28 September 2022", ("2022-09-28", "last updated")),
        ("Press release 25 October 2022", ("2022-10-25", "published")),
        ("Published on November 10, 2020", ("2020-11-10", "published")),
        ("Date: 25/10/2022", ("2022-10-25", "published")),
        ("20 September 2013", ("2013-09-20", None)),
        ("Geneva, 3 December 2019", ("2019-12-03", None)),
        ("Monday, 28 November 2013", ("2013-11-28", None)),
        ("In 2013 the army laid mines on 4 May 2013", None),
        ("Mine Ban Policy", None),
    ],
)
def test_date_line(line: str, expected: tuple[str, str | None] | None) -> None:
    assert date_line(line) == expected


def test_title_line_and_labelled_date() -> None:
    found = header("Azerbaijan\n\nMine Ban Policy\n\nLast updated: 28 September 2022\n\nPolicy\n\n" + "Prose. " * 40)
    assert (found.title, found.date, found.date_label) == ("Azerbaijan", "2022-09-28", "last updated")
    assert found.header_lines == {0, 2}


def test_numbered_title_after_a_press_release_date_line() -> None:
    found = header("Press release 25 October 2022\n\nNo:493/22, Press release on ongoing threats\n\n" + "Text. " * 40)
    assert found.title == "Press release on ongoing threats"
    assert found.numbered_title
    assert (found.date, found.date_label) == ("2022-10-25", "published")


def test_no_title_line_makes_one_from_the_first_sentence() -> None:
    prose = (
        "The International Campaign to Ban Landmines (ICBL) is deeply disturbed by recent information "
        "indicating that the army is laying mines. The ICBL calls for a halt."
    )
    found = header("20 September 2013\n\n" + prose)
    assert found.title_line is None
    assert found.title.startswith("The International Campaign to Ban Landmines (ICBL) is deeply")
    assert found.title.endswith("…") and len(found.title) <= 81
    assert (found.date, found.date_label, found.date_first) == ("2013-09-20", "published", True)


def test_dateline_in_the_first_paragraph() -> None:
    found = header("GENEVA, 3 December 2019 – The ICBL welcomes the news that Ruritania will join the treaty soon.")
    assert (found.date, found.date_label, found.dateline) == ("2019-12-03", "published", True)
    assert found.title.startswith("The ICBL welcomes")


def test_a_date_in_the_body_is_not_the_document_date() -> None:
    body = "Title\n\n" + "On 12 June 2021, Armenia handed over maps of the minefields in the region. " * 3
    assert header(body).date is None


def test_greeting_is_not_a_title() -> None:
    found = header("Mr. President,\n\nIt is an honor to address this conference on behalf of my government today.")
    assert found.title_line is None
    assert found.title == "It is an honor to address this conference on behalf of my government today"


def test_empty_document_gets_a_title() -> None:
    assert header("").title == "Untitled document"


def test_clean_title_and_shorten() -> None:
    assert clean_title("No:493/22, Press release on threats[1]") == "Press release on threats"
    assert clean_title("## Mine Ban Policy") == "Mine Ban Policy"
    assert clean_title("No:493/22") == "No:493/22"
    assert shorten("Short one. Second sentence.") == "Short one"
    assert shorten("Mr. Smith said so. Next.") == "Mr. Smith said so"
    assert shorten("word " * 40).endswith("…")


def test_byline_is_a_header_line() -> None:
    found = header("Mines in the north\n\nBy Anna Petrova\n\n" + "Prose about mines. " * 20)
    assert found.title == "Mines in the north"
    assert found.header_lines == {0, 1}
