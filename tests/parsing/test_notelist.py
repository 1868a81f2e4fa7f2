import pytest

from app.parsing.normalise import split_blocks
from app.parsing.notelist import NoteListSplit, join_wrapped, split_note_list


def split(text: str) -> NoteListSplit:
    return split_note_list(split_blocks(text))


def notes(text: str) -> dict[int, str]:
    return {note.number: note.text for note in split(text).notes}


def test_bracket_list_is_cut_off_and_read() -> None:
    text = "Title\n\nBody one.[1] Body two.[2]\n\n[1] First source.\n\n[2]   Second source, 2001."
    result = split(text)
    assert result.body == [["Title"], ["Body one.[1] Body two.[2]"]]
    assert {n.number: n.text for n in result.notes} == {1: "First source.", 2: "Second source, 2001."}


def test_wrapped_notes_are_unwrapped_and_broken_urls_rejoined() -> None:
    text = (
        "Title\n\nBody.[1][2]\n\n"
        "[1] Anna Petrova, “Mines,”\nZenda Herald, 3 March 2018,\nzendaherald.com/2018/03/\nruritania-stocks/.\n"
        "[2] Second note\ncontinues here."
    )
    assert notes(text) == {
        1: "Anna Petrova, “Mines,” Zenda Herald, 3 March 2018, zendaherald.com/2018/03/ruritania-stocks/.",
        2: "Second note continues here.",
    }


def test_a_lone_marker_line_takes_the_following_paragraph_as_its_text() -> None:
    text = "Title\n\nBody.[1][2]\n\n[1]\n\nFirst source, 2001.\n\n[2] Second source."
    assert notes(text) == {1: "First source, 2001.", 2: "Second source."}


def test_missing_numbers_in_the_list_are_fine() -> None:
    text = "Title\n\nA.[1] B.[2] C.[3] D.[4]\n\n[1] One.\n\n[2] Two.\n\n[4] Four."
    assert sorted(notes(text)) == [1, 2, 4]


def test_paragraph_initial_markers_without_a_list_are_body() -> None:
    text = (
        "Land mines in Borduria\n\nIntro paragraph about the war.\n\n[5] In 2013 the army laid mines.\n\n"
        "Prose again.[8]\n\n[22] On 12 June 2021 maps were handed over.\n\n[31] On July 3, 2021 more maps.\n\n"
        "[33] On November 23, 2020 an explosion.\n\nCaption one\nCaption two"
    )
    result = split(text)
    assert result.notes == []
    assert len(result.body) == 8


def test_numbering_restart_separates_body_paragraphs_from_the_list() -> None:
    text = "Title\n\nBody.[1] More.[2]\n\n[31] A paragraph that begins with a displaced marker.\n\n[1] One.\n\n[2] Two."
    result = split(text)
    assert sorted(n.number for n in result.notes) == [1, 2]
    assert result.body[-1] == ["[31] A paragraph that begins with a displaced marker."]


def test_notes_heading_introduces_numbered_and_caret_lists() -> None:
    numbered = "Title\n\nBody.[1][2]\n\nNotes\n\n1. First source.\n2. Second source,\n15 June 2021."
    result = split(numbered)
    assert result.body == [["Title"], ["Body.[1][2]"]]
    assert {n.number: n.text for n in result.notes} == {1: "First source.", 2: "Second source, 15 June 2021."}
    caret = "Title\n\nBody.[1][2]\n\nReferences\n\n^ First source.\n^ Second source."
    assert notes(caret) == {1: "First source.", 2: "Second source."}


def test_a_heading_followed_by_prose_is_not_a_list() -> None:
    text = "Title\n\nBody.\n\nSources\n\nThe sources of this report are many."
    result = split(text)
    assert result.notes == []
    assert len(result.body) == 4


def test_a_document_that_is_only_a_list_stays_body() -> None:
    result = split("[1] One.\n\n[2] Two.")
    assert result.notes == []


def test_join_wrapped() -> None:
    assert join_wrapped(["a  b", "", " c "]) == "a b c"
    assert join_wrapped(["see www.icbl.org/news-", "and-events/x."]) == "see www.icbl.org/news-and-events/x."


def test_note_list_without_a_blank_line_before_it() -> None:
    result = split("Title\n\nBody.[1] More.[2]\n[1] One.\n[2] Two.")
    assert result.body == [["Title"], ["Body.[1] More.[2]"]]
    assert [n.number for n in result.notes] == [1, 2]


def test_one_wrapped_line_opening_on_a_marker_is_not_a_list() -> None:
    result = split("Title\n\nBody text [5] here.\n[5] In 2013 the army\nlaid mines.")
    assert result.notes == []


def test_a_wrapped_line_starting_with_a_date_is_not_the_next_note() -> None:
    text = "Title\n\nBody.[1][2][3]\n\nNotes\n\n1. One.\n2. Decree No. 45,\n3 March 2012.\n3. Three."
    assert notes(text) == {1: "One.", 2: "Decree No. 45, 3 March 2012.", 3: "Three."}


def test_a_note_wrapped_across_a_blank_line_stays_one_note() -> None:
    text = (
        "Speech to the Assembly\n\nThe treaty works.[1] Stockpiles fell.[2] Clearance rose.[3] Again.[4]\n\n"
        "[1] Landmine Monitor, Landmine Monitor Report 2019, Geneva,\n\nNovember 2019, p. 4.\n\n[2] Ibid.\n\n"
        "[3] ICBL, “Stockpile Destruction,” a report to the\n\nCommittee on Disarmament, 13 February 2007.\n\n"
        "[4] Ibid., p. 9."
    )
    result = split(text)
    assert result.body == [["Speech to the Assembly"], ["The treaty works.[1] Stockpiles fell.[2] Clearance rose.[3] Again.[4]"]]
    assert {n.number: n.text for n in result.notes} == {
        1: "Landmine Monitor, Landmine Monitor Report 2019, Geneva, November 2019, p. 4.",
        2: "Ibid.",
        3: "ICBL, “Stockpile Destruction,” a report to the Committee on Disarmament, 13 February 2007.",
        4: "Ibid., p. 9.",
    }


def test_a_finished_note_does_not_swallow_the_paragraph_after_the_list() -> None:
    text = "Title\n\nBody.[1] More.[2]\n\n[1] One, 2001.\n\n[2] Two, 2002.\n\nAnnex: the full text of the decision follows."
    assert notes(text) == {1: "One, 2001.", 2: "Two, 2002."}


def test_a_list_of_1200_notes_keeps_every_number() -> None:
    body = "Annual report\n\n" + " ".join(f"Finding {n}.[{n}]" for n in range(1, 1201))
    listing = "\n\n".join(f"[{n}] Source number {n}, 2021." for n in range(1, 1201))
    result = split(f"{body}\n\n{listing}")
    assert [n.number for n in result.notes] == list(range(1, 1201))
    assert result.notes[999].text == "Source number 1000, 2021."
    assert result.notes[-1].text == "Source number 1200, 2021."


def test_a_wrapped_line_opening_on_a_bracketed_year_is_not_a_note() -> None:
    text = "Title\n\nA.[5] B.[6]\n\n[5] As held in R v Petrovic,\n[2000] 2 AC 118, at 120.\n[6] Next source, 2001."
    assert notes(text) == {5: "As held in R v Petrovic, [2000] 2 AC 118, at 120.", 6: "Next source, 2001."}


def test_a_list_may_start_at_a_high_number_when_the_numbers_run_on() -> None:
    text = "Chapter 12\n\nA.[1201] B.[1202] C.[1203]\n\n[1201] One.\n[1202] Two.\n[1203] Three."
    assert sorted(notes(text)) == [1201, 1202, 1203]


@pytest.mark.parametrize("heading", ["Notes", "Endnotes", "Footnotes", "References", "NOTES:"])
@pytest.mark.parametrize("style", ["{n}. ", "{n} ", "[{n}] ", "{n}) ", "^{n} "])
def test_list_styles_under_a_heading_with_bare_markers(heading: str, style: str) -> None:
    entries = "\n".join(style.format(n=n) + f"Source {n}, Geneva, 2019." for n in range(1, 5))
    result = split(f"Title\n\nFirst.1 Second.2 Third.3 Fourth.4\n\n{heading}\n\n{entries}")
    assert {n.number: n.text for n in result.notes} == {n: f"Source {n}, Geneva, 2019." for n in range(1, 5)}
    assert result.body == [["Title"], ["First.[1] Second.[2] Third.[3] Fourth.[4]"]]


def test_a_plain_list_trailing_the_text_without_a_heading() -> None:
    text = "Title\n\nFirst.[1] Second.[2] Third.[3]\n\n1. One, 2001.\n2. Two, 2002.\n3. Three, 2003."
    result = split(text)
    assert {n.number: n.text for n in result.notes} == {1: "One, 2001.", 2: "Two, 2002.", 3: "Three, 2003."}
    assert result.body == [["Title"], ["First.[1] Second.[2] Third.[3]"]]


@pytest.mark.parametrize("glued", ["", "1"])
def test_a_numbered_list_ending_a_release_is_not_a_note_list(glued: str) -> None:
    text = (
        f"Mine clearance in 2021\n\nIn 2021 the centre cleared 1 200 square metres.{glued} The team of 12 deminers "
        f"worked 6 days a week.\n\nOn 3 March 2021 they found 7 mines. 2 teams went north.{glued and '3'}\n\n"
        "Results\n1 North: 3 mines\n2 South: 4 mines\n3 East: none"
    )
    result = split(text)
    assert result.notes == []
    assert result.body == split_blocks(text)


def test_numbered_words_in_the_body_are_not_taken_for_markers_of_a_list() -> None:
    text = "Title\n\nSee Table1, Table2 and Table3, and Figure4.\n\nReferences\n\n1. One, 2001.\n2. Two.\n3. Three.\n4. Four."
    result = split(text)
    assert sorted(n.number for n in result.notes) == [1, 2, 3, 4]
    assert result.body == [["Title"], ["See Table1, Table2 and Table3, and Figure4."]]
