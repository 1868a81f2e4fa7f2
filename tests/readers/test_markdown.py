"""Markdown: front matter hints, plain-text conversion, footnotes in the genre's layout."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from app.model import RawDocument
from app.readers.markdown import read_markdown, split_front_matter

Reader = Callable[[str, bytes], RawDocument]

DOC = """---
title: "ICBL gravely concerned about use of antipersonnel mines"
date: 2013-09-20
author: International Campaign to Ban Landmines
kind: Press release
tags: landmines, Nagorno-Karabakh
---
# Mine Ban Policy

The **ICBL** is *deeply* disturbed by reports.[^1] See [Asbarez](https://asbarez.com/112014/) and
[https://www.icbl.org](https://www.icbl.org) for more.[^src] ![banner](banner.png)

Policy
------

- first item
* second _item_
1. numbered

```
code [^1] **kept**
```

[^1]: Lusine Musayelian, “Karabakh Enhances Defense Capabilities,” Asbarez (Stepanakert),
    26 July 2013, [asbarez.com/112014/](https://asbarez.com/112014/).
[^src]: ICBL letter, 4 September 2013.
"""


def test_front_matter_hints() -> None:
    doc = read_markdown(DOC.encode())
    assert doc.hints == {
        "title": "ICBL gravely concerned about use of antipersonnel mines",
        "date": "2013-09-20",
        "kind": "press-release",
        "tags": ["landmines", "Nagorno-Karabakh"],
        "authors": ["International Campaign to Ban Landmines"],
    }
    assert doc.format == "md"
    assert not doc.text.startswith("---")


def test_body_is_plain_text_with_markers_and_notes() -> None:
    text = read_markdown(DOC.encode()).text
    assert text == (
        "Mine Ban Policy\n\n"
        "The ICBL is deeply disturbed by reports.[1] See Asbarez (https://asbarez.com/112014/) and "
        "https://www.icbl.org for more.[2]\n\n"
        "Policy\n\n"
        "first item\nsecond item\n1. numbered\n\n"
        "code [^1] **kept**\n\n"
        "[1] Lusine Musayelian, “Karabakh Enhances Defense Capabilities,” Asbarez (Stepanakert), "
        "26 July 2013, https://asbarez.com/112014/.\n\n"
        "[2] ICBL letter, 4 September 2013.\n"
    )


def test_headings_recorded_with_levels() -> None:
    assert read_markdown(DOC.encode()).headings == [(1, "Mine Ban Policy"), (2, "Policy")]


def test_labels_numbered_by_first_reference_and_undefined_ones_follow() -> None:
    text = read_markdown(b"Use.[^3] Stock.[^5] Other.[^x]\n\n[^3]: Third.\n[^x]: Named.\n").text
    assert text == "Use.[1] Stock.[3] Other.[2]\n\n[1] Third.\n\n[2] Named.\n"


def test_malformed_front_matter_is_ignored_and_body_kept() -> None:
    doc = read_markdown(b"---\ntitle: [unclosed\ndate: : :\n---\nBody text stays.\n")
    assert doc.hints == {}
    assert doc.text == "Body text stays.\n"


def test_impossible_yaml_date_is_not_a_crash() -> None:
    doc = read_markdown(b"---\ntitle: Report\ndate: 2013-02-30\n---\nBody.\n")
    assert doc.text == "Body.\n"


def test_front_matter_that_is_not_a_mapping() -> None:
    hints, body = split_front_matter("---\n- a\n- b\n---\nText\n")
    assert hints == {} and body == "Text\n"


def test_unclosed_front_matter_is_text() -> None:
    doc = read_markdown(b"---\nNot front matter\n\nBody.\n")
    assert "Body." in doc.text and doc.hints == {}


def test_yaml_datetime_and_tag_list() -> None:
    hints, _ = split_front_matter("---\ndate: 2021-06-12 10:30:00\ntags: [a, b, a]\nsource: HALO Trust\n---\nx")
    assert hints["date"] == "2021-06-12 10:30:00"  # kept as text: one bad date must not fail the block
    from app.parsing.dates import parse_date

    assert parse_date(hints["date"]) == "2021-06-12"
    doc = read_markdown(b"---\ndate: 2021-06-12 10:30:00\ntags: [a, b, a]\nsource: HALO Trust\n---\nx\n")
    assert doc.hints == {"date": "2021-06-12", "tags": ["a", "b"], "publisher": "HALO Trust"}


def test_genre_style_note_lines_are_not_joined(read_bytes_as: Reader) -> None:
    doc = read_bytes_as("plain.md", b"Body.[1]\n\n[1] First note.\n[2] Second note.\n")
    assert doc.text == "Body.[1]\n\n[1] First note.\n[2] Second note.\n"


def test_reference_links_autolinks_and_escapes() -> None:
    text = read_markdown(b"See [the report][r] and <https://example.org/x>, 5 \\* 3.\n\n[r]: https://r.example.org\n").text
    assert text == "See the report (https://r.example.org) and https://example.org/x, 5 * 3.\n"


def test_private_use_placeholder_characters_in_source_are_harmless() -> None:
    text = read_markdown("Odd \ue0000\ue001 and `\ue0000\ue001` [a `b`](https://x.example.org/)\n".encode()).text
    assert text == "Odd 0 and 0 a b (https://x.example.org/)\n"


@given(st.lists(st.sampled_from(["<!--", "-->", "-", "<", ">", "!", "a", " ", "\n", "<!-->", "<!--->"]), max_size=14))
def test_html_comments_go_as_the_lazy_pattern_removes_them(parts: list[str]) -> None:
    """The linear scan removes exactly what `<!--.*?-->` (DOTALL) would."""
    from app.readers.markdown import _without_html_comments

    text = "".join(parts)
    assert _without_html_comments(text) == re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
