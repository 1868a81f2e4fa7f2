import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.parsing import boilerplate
from app.parsing.boilerplate import is_furniture, strip_furniture


@pytest.mark.parametrize(
    "line",
    [
        "news banner image Desktop news banner image Mobile",
        "Share this page",
        "All rights reserved. Contact us to use any licensed material.",
        "© 2021 Ministry of Foreign Affairs of the Republic of Ruritania. All rights reserved.",
        "Copyright 2020 ICBL",
        "Privacy Policy",
        "Cookie Policy",
        "This website uses cookies to improve your experience.",
        "Print",
        "Back to top",
        "Skip to main content",
        "Facebook | Twitter | Email",
        "Home > News > Press releases",
        "Share on Facebook",
        "Page 3 of 12",
        "Photo: ICBL",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Policy",
        "Use",
        "Contact",
        "Copyright law in Ruritania protects reports of public bodies.",
        "The ICBL shares this view and calls for the cookies to be shared.",
        "Print media reported the explosion on 3 May.",
        "Location of Nagorno-Karabakh",
        "Soviet PMN-2 - the most common AP mine in Karabakh.",
    ],
)
def test_content_lines_are_kept(line: str) -> None:
    assert not is_furniture(line)


def test_strip_furniture_drops_lines_and_empty_blocks_and_reports_them() -> None:
    blocks = [["news banner image Desktop", "Press release 1 May 2020"], ["Body text."], ["Share this page"]]
    kept, dropped = strip_furniture(blocks)
    assert kept == [["Press release 1 May 2020"], ["Body text."]]
    assert dropped == ["news banner image Desktop", "Share this page"]


@given(st.from_regex(boilerplate._FURNITURE, fullmatch=True))
@settings(max_examples=300, deadline=None)
def test_every_furniture_line_holds_a_cue_word(line: str) -> None:
    """The patterns run only on lines holding a cue word: that must never skip a furniture line.

    Cue words are looked for in the lower-cased line, which the three letters that `re` matches
    case-insensitively to a different ASCII letter (long s, Kelvin sign, dotted capital I) escape."""
    assume(not any(letter in line for letter in "\u017f\u212a\u0130"))
    assert any(cue in line.lower() for cue in boilerplate._FURNITURE_CUES)


@given(st.text(alphabet=st.sampled_from([" ", "\t", "\u00a0", "\u2009", "\n", "\x1f", "a", "é", "|"]) | st.characters()))
@settings(max_examples=500, deadline=None)
def test_double_space_is_two_whitespace_characters_in_a_row(text: str) -> None:
    assert boilerplate._double_space(text) == (re.search(r"\s\s", text) is not None)
