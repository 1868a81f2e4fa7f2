import pytest

from app.model import Footnote
from app.parsing.ibid import compose, ibid_rest, resolve_ibids

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


def test_chain_ibid_ibid_source_and_missing_previous() -> None:
    notes = [
        Footnote(6, SOURCE),
        Footnote(7, "Ibid."),
        Footnote(8, "Ibid at 10966"),
        Footnote(10, "Id. at 5."),  # note 9 is missing: Id. names note 8
    ]
    assert resolved(notes) == {
        6: (None, None),
        7: (6, SOURCE),
        8: (7, "Smith, “Mines,” Herald, 2 May 2001, at 10966"),
        10: (8, "Smith, “Mines,” Herald, 2 May 2001, at 5."),
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
