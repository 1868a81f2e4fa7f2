"""One link policy for every format: http(s) and mailto links only, no remote images, no raw HTML.

The HTML and PDF exports draw notes from `note_markup`; Markdown used to copy the note
as written, so `[x](javascript:…)` and `![t](http://…)` reached the file. Now every
format reads the note through the same safe parse.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re

import pytest

from app.export.excerpt_model import ExcerptSet
from app.export.files import render
from app.export.markdown import note_markdown
from app.export.note_markup import parse_inline, safe_href

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
    """The same parse decides for both: an image becomes a plain link (never loaded), the rest text."""
    hostile = _with_note(excerpt_set, HOSTILE_NOTE)
    md_links = set(_markdown_links(render(hostile, "md").decode("utf-8")))
    html_links = set(re.findall(r'href="([^"#][^"]*)"', render(hostile, "html").decode("utf-8")))
    expected = {"http://evil.example/p.png", "https://the-monitor.org/", "mailto:a@b.org"}
    assert expected <= md_links and expected <= html_links
    assert md_links - {"“Azerbaijan", "Ibid."} == html_links
    assert {run.href for run in parse_inline(HOSTILE_NOTE.replace("\n", " ")) if run.href} == expected


def test_markdown_note_keeps_what_the_subset_reads() -> None:
    note = "# Plan\nCheck **maps** and *dates*, `code`.\n\n3. three\n4. four\n\n- see https://a.org/x_y."
    assert note_markdown(note) == (
        "#### Plan\n\nCheck **maps** and *dates*, `code`.\n\n3. three\n4. four\n\n- see <https://a.org/x_y>."
    )


def test_markdown_note_text_that_looks_like_markup_stays_literal() -> None:
    assert note_markdown("x\n===") == "x\n\\==="  # no setext heading
    assert note_markdown("[^1]: not an endnote") == "\\[^1\\]: not an endnote"
    assert note_markdown("!\\[a\\](https://a.org)") == "!\\[a\\](<https://a.org>)"  # escaped: no link, no image
    assert note_markdown("---") == ""


def test_csv_and_jsonld_keep_the_note_as_data(excerpt_set: ExcerptSet) -> None:
    """Spreadsheets and JSON readers render no Markdown: the note is kept as written."""
    hostile = _with_note(excerpt_set, HOSTILE_NOTE)
    rows = list(csv.DictReader(io.StringIO(render(hostile, "csv").decode("utf-8-sig"), newline="")))
    assert rows[0]["note"] == HOSTILE_NOTE
    assert '"[click](javascript:alert(1))' in render(hostile, "jsonld").decode("utf-8")
