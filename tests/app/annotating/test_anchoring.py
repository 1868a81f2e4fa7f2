"""Re-anchoring: position, exact quote with context, fuzzy match, or orphan — never a wrong place."""

from __future__ import annotations

from app.annotating.anchoring import Anchor, make_anchor, reanchor, trim_span

TEXT = (
    "Freedonia has not joined the Mine Ban Treaty. The ministry confirmed new use of mines in 2020. "
    "Officials denied use of PMN-2 mines near the border. Deminers cleared 40 hectares in the south. "
    "The ministry confirmed new use of mines in 2020, a second report said."
)


def _anchor_on(text: str, quote: str, occurrence: int = 0) -> Anchor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return make_anchor(text, start, start + len(quote))


def test_make_anchor_keeps_32_characters_of_context() -> None:
    a = _anchor_on(TEXT, "PMN-2 mines")
    assert a.quote == "PMN-2 mines"
    assert a.prefix == TEXT[a.start - 32:a.start] and len(a.prefix) == 32
    assert a.suffix == TEXT[a.end:a.end + 32]


def test_unchanged_text_keeps_the_position() -> None:
    a = _anchor_on(TEXT, "Deminers cleared 40 hectares")
    found = reanchor(TEXT, a)
    assert found is not None and found.method == "position"
    assert (found.anchor.start, found.anchor.end) == (a.start, a.end)


def test_text_inserted_before_moves_the_span() -> None:
    a = _anchor_on(TEXT, "Deminers cleared 40 hectares")
    edited = "A new introductory paragraph was added by the editors.\n\n" + TEXT
    found = reanchor(edited, a)
    assert found is not None and found.method == "exact"
    assert edited[found.anchor.start:found.anchor.end] == "Deminers cleared 40 hectares"
    assert found.anchor.start == a.start + len("A new introductory paragraph was added by the editors.\n\n")


def test_duplicated_span_follows_its_context_not_the_first_copy() -> None:
    # The second occurrence is annotated; an insertion shifts everything.
    a = _anchor_on(TEXT, "The ministry confirmed new use of mines in 2020", occurrence=1)
    edited = "Preface. " + TEXT
    found = reanchor(edited, a)
    assert found is not None
    assert found.anchor.start == a.start + len("Preface. ")
    assert edited[found.anchor.end:].startswith(", a second report said")


def test_text_changed_inside_the_span_is_found_fuzzily() -> None:
    a = _anchor_on(TEXT, "Officials denied use of PMN-2 mines near the border")
    edited = TEXT.replace("Officials denied use of PMN-2 mines near the border",
                          "Officials denied the use of PMN-2 mines near the northern border")
    found = reanchor(edited, a)
    assert found is not None and found.method == "fuzzy"
    assert "denied the use of PMN-2 mines near the northern border" in edited[found.anchor.start:found.anchor.end]
    assert found.score >= 75


def test_text_changed_around_the_span_keeps_it() -> None:
    a = _anchor_on(TEXT, "Deminers cleared 40 hectares")
    edited = TEXT.replace("near the border. Deminers cleared 40 hectares in the south.",
                          "near the frontier.\n\nDeminers cleared 40 hectares in the far south.")
    found = reanchor(edited, a)
    assert found is not None
    assert edited[found.anchor.start:found.anchor.end] == "Deminers cleared 40 hectares"


def test_deleted_quote_is_orphaned_not_moved() -> None:
    a = _anchor_on(TEXT, "Deminers cleared 40 hectares in the south")
    edited = TEXT.replace("Deminers cleared 40 hectares in the south. ", "")
    assert reanchor(edited, a) is None


def test_short_quote_is_never_matched_fuzzily() -> None:
    a = _anchor_on(TEXT, "PMN-2")
    assert reanchor(TEXT.replace("PMN-2", "PMN-4"), a) is None


def test_trim_span_drops_surrounding_whitespace() -> None:
    text = "one  two\n three"
    assert trim_span(text, 3, 10) == (5, 8)
    assert trim_span(text, 3, 5) == (5, 5)
