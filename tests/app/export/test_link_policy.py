"""One link policy for every format: http(s) and mailto links only, no images, no raw HTML.

Every format that draws a note reads it through `app.annotating.note_text` (markdown-it-py,
CommonMark with raw HTML off): `[x](javascript:…)` stays literal text, `![t](http://…)` is
its alt text, and the Markdown export writes back only what that reading took as markup.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from app.annotating.note_text import note_blocks, safe_href
from app.export.excerpt_model import ExcerptSet
from app.export.files import render
from app.export.markdown import note_markdown

HOSTILE_NOTE = (
    "[click](javascript:alert(1)) [data](data:text/html,x) [file](file:///etc/passwd)\n\n"
    "![pixel](http://evil.example/p.png) ![local](/dev/zero) <javascript:alert(2)>\n\n"
    "[ref][1] ![refimg][1]\n\n[1]: javascript:alert(3)\n\n"
    "<img src=x onerror=alert(4)> [ok](https://the-monitor.org/) <mailto:a@b.org>"
)


def _with_note(excerpt_set: ExcerptSet, note: str) -> ExcerptSet:
    first = dataclasses.replace(excerpt_set.excerpts[0], note=note)
    return dataclasses.replace(excerpt_set, excerpts=[first, *excerpt_set.excerpts[1:]])


def _markdown_links(text: str) -> list[str]:
    """Targets a Markdown renderer would follow: inline links/images, autolinks, reference definitions."""
    inline = re.findall(r"(?<!\\)\]\(([^)\s]+)", text)
    auto = re.findall(r"(?<!\\)<([a-z][a-z0-9+.-]*:[^>\s]*)>", text, flags=re.I)
    refs = re.findall(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*(\S+)", text, flags=re.M)  # not [^N]: endnotes
    return inline + auto + refs


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_no_unsafe_link_or_image_in_any_rendered_format(excerpt_set: ExcerptSet, fmt: str) -> None:
    text = render(_with_note(excerpt_set, HOSTILE_NOTE), fmt).decode("utf-8")
    targets = _markdown_links(text) if fmt == "md" else re.findall(r'(?:href|src)="([^"]*)"', text)
    assert targets, "the safe links must survive"
    assert all(safe_href(t) or t.startswith("#") for t in targets), targets
    assert "https://the-monitor.org/" in targets and "mailto:a@b.org" in targets
    if fmt == "md":
        assert not re.search(r"(?<!\\)!\[", text)  # no image syntax at all
        assert not re.search(r"(?<!\\)<(?!https?://|mailto:)", text)  # no raw HTML
    else:
        assert "<img" not in text and "javascript:" not in text.replace("javascript:alert", "")


def test_markdown_and_html_agree_on_what_is_a_link(excerpt_set: ExcerptSet) -> None:
    """The same reading decides for both: an image is its alt text (no link, never loaded), the rest text."""
    hostile = _with_note(excerpt_set, HOSTILE_NOTE)
    md_text = render(hostile, "md").decode("utf-8")
    md_links = set(_markdown_links(md_text))
    html_links = set(re.findall(r'href="([^"#][^"]*)"', render(hostile, "html").decode("utf-8")))
    expected = {"https://the-monitor.org/", "mailto:a@b.org"}
    assert expected <= md_links and expected <= html_links
    assert md_links - {"“Azerbaijan", "Ibid."} == html_links
    read = {run.href for block in note_blocks(HOSTILE_NOTE) for run in block.runs if run.href}
    assert read == expected
    assert "http://evil.example/p.png" not in md_text and "pixel" in md_text  # the image's alt text only


def test_markdown_note_keeps_what_the_reading_takes_as_markup() -> None:
    note = "# Plan\nCheck **maps** and *dates*, `code`.\n\n3. three\n4. four\n\n- see https://a.org/x_y."
    assert note_markdown(note) == (
        "#### Plan\n\nCheck **maps** and *dates*, `code`.\n\n3. three\n4. four\n\n- see <https://a.org/x_y>."
    )


def test_markdown_note_text_that_looks_like_markup_stays_literal() -> None:
    assert note_markdown("[^1]: not an endnote") == "\\[^1\\]: not an endnote"
    assert note_markdown("!\\[a\\](https://a.org)") == "!\\[a\\](<https://a.org>)"  # escaped: no link, no image
    assert note_markdown("a\n=== b") == "a\n\\=== b"  # not a setext underline: stays text
    assert note_markdown("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"


def test_markdown_note_follows_commonmark_where_the_old_subset_did_not() -> None:
    """CommonMark reads these as markup (the hand-written subset left them as text or dropped them)."""
    assert note_markdown("x\n===") == "#### x"  # a setext heading
    assert note_markdown("a\n\n---\n\nb") == "a\n\n* * *\n\nb"  # a thematic break, kept as one
    assert note_markdown("- a\n  - b\n\n  more") == "- a\n  - b\n\n  more"  # nested list, item paragraph
    assert note_markdown("> quoted\n> - item") == "> quoted\n>\n> - item"
    assert note_markdown("```\nx = `y`\n```") == "```\nx = `y`\n```"
    assert note_markdown("use `` a`b ``") == "use ``a`b``"


def test_csv_and_jsonld_keep_the_note_as_data(excerpt_set: ExcerptSet) -> None:
    """Spreadsheets and JSON readers render no Markdown: the note is kept as written."""
    hostile = _with_note(excerpt_set, HOSTILE_NOTE)
    rows = list(csv.DictReader(io.StringIO(render(hostile, "csv").decode("utf-8-sig"), newline="")))
    assert rows[0]["note"] == HOSTILE_NOTE
    assert '"[click](javascript:alert(1))' in render(hostile, "jsonld").decode("utf-8")


MARKUP = st.sampled_from([
    "*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "!", "#", " ", "\n", "\n\n", "- ", "1. ", "> ", "    ", "---",
    "```", "&amp;", "\\", "a", "b c", "https://a.org/x", "http://e/p.png", "mailto:a@b.c", "javascript:x", "file:///z",
    "<img src=x>", "<script>", "](", "![", "[1]: ", "<http://e/q>", "<javascript:y>",
])


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(MARKUP, max_size=30).map("".join))
def test_the_markdown_export_stays_safe_in_a_permissive_renderer(note: str) -> None:
    """The written note, read by a renderer that allows raw HTML and any link, shows no tag, image or
    unsafe link the note's own reading did not: the export escapes whatever is not its markup."""
    html = MarkdownIt("commonmark", {"html": True}).render(note_markdown(note))
    assert "<img" not in html and "<script" not in html, (note, html)
    assert all(safe_href(href) for href in re.findall(r'href="([^"]*)"', html)), (note, html)
