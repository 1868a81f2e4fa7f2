import pytest

from app.model import Footnote
from app.parsing.ibid import compose, ibid_rest, resolve_ibids
from app.parsing.sourcecues import cites_source

SOURCE = "Smith, “Mines,” Herald, 2 May 2001."


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Ibid.", ""),
        ("Ibid", ""),
        ("ibid.", ""),
        ("Ibid at 10966", "at 10966"),
        ("Ibid., p. 4.", ", p. 4."),
        ("Ibid; and Jones, 2002.", "; and Jones, 2002."),
        ("Id.", ""),
        ("Id. at 5.", "at 5."),
        ("Id at 5", "at 5"),
        ("Loc cit", ""),
        ("loc. cit.", ""),
        ("op. cit., p. 9.", ", p. 9."),
        ("See ibid., p. 3.", ", p. 3."),
        ("Idem.", ""),
    ],
)
def test_ibid_forms(text: str, rest: str) -> None:
    assert ibid_rest(text) == rest


@pytest.mark.parametrize(
    "text", ["Identity cards were issued.", "Idaho Statesman, 2001.", "ID card rules", "Ibidem-like"]
)
def test_words_that_only_look_like_ibid(text: str) -> None:
    assert ibid_rest(text) is None


def test_compose_appends_pin_cites_and_further_sources() -> None:
    assert compose(SOURCE, "") == SOURCE
    assert compose(SOURCE, "at 10966") == "Smith, “Mines,” Herald, 2 May 2001, at 10966"
    assert compose(SOURCE, ", p. 4.") == "Smith, “Mines,” Herald, 2 May 2001, p. 4."
    assert compose(SOURCE, "; and Jones, 2002.") == "Smith, “Mines,” Herald, 2 May 2001; and Jones, 2002."
    assert compose("Smith 2001", "See also Jones.") == "Smith 2001. See also Jones."


def resolved(notes: list[Footnote]) -> dict[int, tuple[int | None, str | None]]:
    resolve_ibids(notes)
    return {n.number: (n.ibid_of, n.resolved_text) for n in notes}


def test_a_chain_of_ibids_names_the_note_that_spells_the_source_out() -> None:
    notes = [
        Footnote(6, SOURCE),
        Footnote(7, "Ibid."),
        Footnote(8, "Ibid at 10966"),
        Footnote(10, "Id. at 5."),  # note 9 is missing; 7 and 8 only repeat note 6's source
    ]
    assert resolved(notes) == {
        6: (None, None),
        7: (6, SOURCE),
        8: (6, "Smith, “Mines,” Herald, 2 May 2001, at 10966"),
        10: (6, "Smith, “Mines,” Herald, 2 May 2001, at 5."),
    }
    assert notes[1].text == "Ibid."


def test_ibid_and_further_source_accumulates_for_the_next_ibid() -> None:
    notes = [Footnote(11, "Letter, 7 January 2019."), Footnote(12, "Ibid; and Weber, 2019."), Footnote(13, "Ibid.")]
    result = resolved(notes)
    assert result[12] == (11, "Letter, 7 January 2019; and Weber, 2019.")
    assert result[13] == (12, "Letter, 7 January 2019; and Weber, 2019.")


def test_ibid_first_note_resolves_to_nothing() -> None:
    assert resolved([Footnote(1, "Ibid."), Footnote(2, "Source.")]) == {1: (None, None), 2: (None, None)}


def test_author_op_cit_names_that_authors_note() -> None:
    notes = [
        Footnote(1, "Smith, Mines, 2001."),
        Footnote(2, "Jones, Maps, 2002."),
        Footnote(3, "Smith, op. cit., p. 4."),
    ]
    assert resolved(notes)[3] == (1, "Smith, Mines, 2001, p. 4.")


def test_long_chains_terminate_and_stay_bounded() -> None:
    notes = [Footnote(1, SOURCE)] + [Footnote(n, f"Ibid; and Source {n}.") for n in range(2, 400)]
    resolve_ibids(notes)
    for note in notes[1:]:
        assert note.ibid_of == note.number - 1
        assert len(note.resolved_text or "") < 3_000


def test_a_comment_between_a_source_and_its_ibid_is_skipped() -> None:
    notes = [
        Footnote(1, SOURCE),
        Footnote(2, "This was later repealed."),
        Footnote(3, "See the discussion above."),
        Footnote(4, "Ibid., p. 7."),
    ]
    assert resolved(notes)[4] == (1, "Smith, “Mines,” Herald, 2 May 2001, p. 7.")


def test_glosses_and_sentences_are_skipped_but_short_sources_are_not() -> None:
    notes = [
        Footnote(40, "[2002] FCA 726 (11 June 2002)."),
        Footnote(41, "That is, s 51(xix) of the Constitution."),
        Footnote(42, "Approximately 24 decisions on s91R were examined."),
        Footnote(43, "Ibid para 48."),
        Footnote(44, "Nineteen Eighty-Four, p. 3."),
        Footnote(45, "Ibid."),
    ]
    result = resolved(notes)
    assert (result[43][0], result[45][0]) == (40, 44)


def test_an_ibid_after_a_comment_inside_a_note_names_the_previous_source() -> None:
    notes = [
        Footnote(5, "(2002) 67 ALD 577."),
        Footnote(6, "Although they also stress the legislative context. Ibid para [48]."),
        Footnote(10, "Migration Legislation (Validation and Enforcement Powers) Act 2001."),
        Footnote(11, "See s 7A Migration Act, inserted by ibid."),
        Footnote(24, "(1989) 169 CLR 379, 429-430. Ibid per Mason CJ at 388."),  # the note's own case
    ]
    result = resolved(notes)
    assert result[6] == (5, "Although they also stress the legislative context. (2002) 67 ALD 577, para [48].")
    assert result[11] == (
        10,
        "See s 7A Migration Act, inserted by Migration Legislation (Validation and Enforcement Powers) Act 2001.",
    )
    assert result[24] == (None, None)


def test_with_no_earlier_source_the_previous_note_is_the_best_guess() -> None:
    notes = [Footnote(1, "This paper was presented at the conference."), Footnote(2, "Ibid.")]
    assert resolved(notes)[2] == (1, "This paper was presented at the conference.")


@pytest.mark.parametrize(
    "text",
    [
        SOURCE,
        "Nineteen Eighty-Four, p. 3.",
        "George Orwell, Nineteen Eighty-Four, Penguin, London, 2003.",
        "Mabo v Queensland [No 2] (1992) 175 CLR 1.",
        "[2003] FCAFC 80 (19 February 2003).",
        "Migration Act 1958 (Cth) ss. 189, 245.",
        "Article 33, 1951 Convention Relating to the Status of Refugees.",
        "Koops, above n 3, 127.",
        "http://www.gtcentre.unsw.edu.au/publications/submissions.asp",
        "It should be noted that the provisions changed since Chu Kheng Lim v. Minister (1992) 176 CLR 1.",
        "Letter, 7 January 2019.",
        "Source, 2001.",
    ],
)
def test_notes_that_cite_a_source(text: str) -> None:
    assert cites_source(text)


@pytest.mark.parametrize(
    "text",
    [
        "This was later repealed.",
        "See the discussion above.",
        "That is, s 51(xxvii) of the Constitution.",
        "Recognising that most, but not all, such decisions will be favourable to the applicant.",
        "Approximately 21 decisions were examined.",
        "Emphasis added.",
        "",
    ],
)
def test_notes_that_only_comment(text: str) -> None:
    assert not cites_source(text)
