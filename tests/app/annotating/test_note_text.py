"""The one Markdown reading of notes (markdown-it-py): what is markup, what stays text, which links survive."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.annotating.note_text import (
    Block,
    Run,
    linkify,
    note_blocks,
    note_head,
    note_html,
    note_plain_text,
    note_summary,
    note_summary_text,
    runs_html,
    safe_href,
)


def test_bold_italic_code_lists_and_links() -> None:
    blocks = note_blocks(
        "Intro with **bold** and *it*\nsecond line\n\n- one\n- two [x](https://a.org/b_(c))\n\n3. three\n4. four"
    )
    assert [block.kind for block in blocks] == ["paragraph", "item", "item", "item", "item"]
    intro = blocks[0].runs
    assert Run("bold", bold=True) in intro and Run("it", italic=True) in intro
    assert intro[-1].text == "\nsecond line"  # a line break typed in a paragraph is kept
    assert blocks[2].runs[-1] == Run("x", href="https://a.org/b_(c)")
    assert [(b.number, b.depth) for b in blocks[1:]] == [(None, 1), (None, 1), (3, 1), (4, 1)]
    assert blocks[3].marker() == "3." and blocks[1].marker() == "•"


def test_html_is_escaped_and_styled() -> None:
    html = note_html("**no production** & <script>alert(1)</script> *or* `x<y`")
    assert html == (
        "<p><strong>no production</strong> &amp; &lt;script&gt;alert(1)&lt;/script&gt; <em>or</em> "
        "<code>x&lt;y</code></p>"
    )


@pytest.mark.parametrize("image", ["![a map](http://evil.example/p.png)", '![a map](https://x.org/p.png "t")',
                                   "![a map][img]\n\n[img]: http://evil.example/p.png"])
def test_images_are_their_alt_text_and_never_a_resource(image: str) -> None:
    html = note_html(image)
    assert html == "<p>a map</p>"
    assert "<img" not in html and "evil.example" not in html


@pytest.mark.parametrize("target", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x",
                                    "file:///etc/passwd", "/dev/zero", "#top", "vbscript:x", "ftp://a.org/"])
def test_links_keep_only_web_and_mail_targets(target: str) -> None:
    for note in (f"[click]({target})", f"<{target}>", f"[click][1]\n\n[1]: {target}"):
        html = note_html(note)
        assert "<a " not in html and "href" not in html, (note, html)
        assert "click" in html or target.split(":")[0] in html  # what was typed stays, as text


def test_safe_links_stay_links() -> None:
    html = note_html("[the Monitor](https://the-monitor.org/) <mailto:a@b.org> see http://a.org/x.")
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs == ["https://the-monitor.org/", "mailto:a@b.org", "http://a.org/x"]
    assert all(safe_href(h) for h in hrefs)
    assert html.endswith('http://a.org/x</a>.</p>')  # the full stop is not part of the bare URL


def test_raw_html_is_text_even_as_a_block() -> None:
    note = '<div onclick="x">\n<img src="http://evil.example/p.png">\n</div>\n\n<!-- c --> <b>b</b>'
    html = note_html(note)
    assert "<div" not in html and "<img" not in html and "<b>" not in html and "<!--" not in html
    assert "&lt;img src=&quot;" in html and "&lt;/div&gt;" in html  # shown as typed (its URL a plain link)


def test_snake_case_is_not_emphasis() -> None:
    assert note_blocks("mine_action_centre") == (Block("paragraph", (Run("mine_action_centre"),)),)


def test_nested_lists_quotes_code_and_rules() -> None:
    blocks = note_blocks("- a\n  1. b\n\n  more\n\n> q\n\n```\n<x>\n```\n\n---")
    assert [(b.kind, b.marker(), b.depth, b.quote) for b in blocks] == [
        ("item", "•", 1, 0), ("item", "1.", 2, 0), ("paragraph", "", 1, 0), ("paragraph", "", 0, 1),
        ("code", "", 0, 0), ("rule", "", 0, 0),
    ]
    assert blocks[4].runs == (Run("<x>", code=True),)


def test_summary_is_the_first_line_read() -> None:
    assert note_summary("**no production**\nsecond") == (Run("no production", bold=True),)
    assert note_summary_text("\n\n# Plan\n\nbody") == "Plan"
    assert note_summary_text("- first *point*\n- two") == "• first point"
    assert note_summary_text("Stockpile composition.\nCompare with the Article 7 report.") == "Stockpile composition."
    assert note_summary("") == () and note_summary(" \n ") == ()


def test_summary_reads_only_the_head_of_a_long_note() -> None:
    note = "**first** line\n\n" + "more text\n" * 20_000
    assert note_head(note) == "**first** line"
    assert note_summary_text(note) == "first line"
    assert len(note_head("x" * 50_000)) == 2000


def test_plain_text_reads_the_markup() -> None:
    assert note_plain_text("**no production** and [a link](https://a.org)\n\n- one\n2. two") == (
        "no production and a link\n• one\n2. two"
    )


def test_runs_html_for_previews() -> None:
    runs = (Run("a<b", bold=True), Run("site", href="https://a.org"))
    assert runs_html(runs) == '<strong>a&lt;b</strong><a href="https://a.org" rel="noopener noreferrer">site</a>'
    assert runs_html(runs, links=False) == "<strong>a&lt;b</strong><u>site</u>"


def test_linkify_for_plain_text_leaves_sentence_punctuation_outside() -> None:
    runs = linkify("See https://the-monitor.org/en-gb/reports.aspx.")
    url = "https://the-monitor.org/en-gb/reports.aspx"
    assert runs == [Run("See "), Run(url, href=url), Run(".")]


MARKUP = st.sampled_from([
    "*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "!", "#", " ", "\n", "\n\n", "- ", "1. ", "> ", "    ", "---",
    "```", "&amp;", "\\", "a", "b c", "https://a.org/x", "http://e/p.png", "mailto:a@b.c", "javascript:x", "file:///z",
    "<img src=", "<script>", "](", "![",
])


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(MARKUP, max_size=30).map("".join))
def test_any_note_renders_safely(note: str) -> None:
    """Whatever is typed: no tag but the renderer's own, no image, every link to http(s) or mailto."""
    html = note_html(note)
    tags = set(re.findall(r"</?([a-z0-9]+)", html))
    assert tags <= {"p", "strong", "em", "code", "pre", "a", "ul", "ol", "li", "blockquote", "hr", "br"}, html
    assert all(safe_href(href) for href in re.findall(r'href="([^"]*)"', html)), html
    assert all(attr in ("href", "rel", "start", "class") for attr in re.findall(r" ([a-z-]+)=\"", html)), html
    assert all(run.href is None or safe_href(run.href) for block in note_blocks(note) for run in block.runs)
