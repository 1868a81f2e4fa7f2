"""A guarded pattern gives what its pattern gives: the guard words hold for every match, in any case."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import app.parsing
from app.parsing.guarded import GuardedPattern


def _guarded_patterns() -> dict[str, GuardedPattern]:
    found = {}
    for module_info in pkgutil.iter_modules(app.parsing.__path__):
        module = importlib.import_module(f"app.parsing.{module_info.name}")
        for name, value in vars(module).items():
            if isinstance(value, GuardedPattern):
                found[f"{module_info.name}.{name}"] = value
    return found


GUARDED = _guarded_patterns()


def test_the_parser_has_guarded_patterns() -> None:
    assert {"kind._VOCATIVES", "kind._PRESS_CLOSING", "kind._ANNOUNCES"} <= set(GUARDED)


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_every_match_passes_the_guard(name: str) -> None:
    guarded = GUARDED[name]

    @given(st.from_regex(guarded.pattern), st.text(max_size=20), st.text(max_size=20))
    @settings(max_examples=200, deadline=None)
    def check(match: str, before: str, after: str) -> None:
        for text in (match, before + match + after, match.upper(), match.title()):
            if guarded.pattern.search(text):
                assert guarded.may_match(text), text
                assert guarded.search(text) is not None

    check()


def test_text_without_the_words_is_not_searched() -> None:
    vocatives = GUARDED["kind._VOCATIVES"]
    assert not vocatives.may_match("The report covers clearance in 2013.")
    assert vocatives.search("LADIES AND GENTLEMEN, welcome") is not None
    assert vocatives.search("ladieſ and gentlemen") is not None  # the long s folds to s, as re's IGNORECASE reads it
    assert vocatives.search("DİSTİNGUİSHED GUESTS") is not None  # re takes İ for i; case folding does not
    assert vocatives.search("Dıstinguished delegates") is not None  # nor the dotless ı
    assert GUARDED["kind._PRESS_CLOSING"].search("For more ınformatıon") is not None


def test_a_line_start_lets_an_anchored_pattern_run() -> None:
    closing = GUARDED["kind._PRESS_CLOSING"]
    assert closing.search("- ENDS -") is not None
    assert closing.search("###") is not None
    assert closing.search("Nothing to see") is None
