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
