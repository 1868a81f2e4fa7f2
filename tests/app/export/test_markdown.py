"""Markdown export, read back as text."""

from __future__ import annotations

import re

from app.export.excerpt_model import ExcerptSet
from app.export.files import render
from app.export.markdown import escape
from tests.app.export.conftest import MAPS_QUOTE, PROFILE, RELEASE


def _unescape(text: str) -> str:
    return re.sub(r"\\([\\`*_\[\]<>|~#+=.&)-])", r"\1", text)


def md(excerpts: ExcerptSet) -> str:
    return render(excerpts, "md").decode("utf-8")


def test_markdown_carries_quotes_citations_notes_tags_and_endnotes(excerpt_set: ExcerptSet) -> None:
    text = md(excerpt_set)
    plain = _unescape(text)
    assert text.startswith("# Excerpts: Azerbaijan & mine maps\n")
    assert "## Azerbaijan\n" in text and "## Заявление о минах\n" in text
    assert (
        text.index("## Azerbaijan")
        < text.index("Ilham Əliyev")
        < text.index("## Заявление о минах")
        < text.index("Кампания")
    )
    # The quote is a blockquote, its source marker [15] replaced by endnote 1.
    assert (
        "> Ilham Əliyev said the accuracy of the maps provided at the latest stage is only 25 percent.”[^1] The maps"
        in text
    )
    assert "[15]" not in text
    assert "12 km².[^2]" in text
    assert f"— {PROFILE.citation}" in text and f"— {RELEASE.citation}" in text
    assert "Check **mine maps** accuracy & compare with" in text  # the note stays Markdown
    assert "- see [the Monitor](https://the-monitor.org/)" in text
    assert "Tags: country/Azerbaijan, topic/mine-maps" in text
    assert "Highlight: yellow" in text and "Highlight: blue" in text
    endnotes = text[text.index("## Endnotes") :]
    assert "[^1]: “Azerbaijan says maps only 25% accurate,” APA, 12 June 2021, <https://apa.az/en/maps>." in endnotes
    assert "[^2]: Ibid. [= “Azerbaijan says maps only 25% accurate,” APA, 12 June 2021]" in _unescape(endnotes)
    assert "Selection: tag: country/Azerbaijan" in plain


def test_markdown_orphan_is_marked_and_still_quoted(excerpt_set: ExcerptSet) -> None:
    text = md(excerpt_set)
    orphan_at = text.index("text no longer found in the document")
    assert text.index("## Заявление о минах") < orphan_at < text.index("> Кампания призывает все государства")
    assert text.count("text no longer found in the document") == 1


def test_markdown_note_cannot_inject_html(excerpt_set: ExcerptSet) -> None:
    text = md(excerpt_set)
    assert not re.search(r"(?<!\\)<(?!https?://)", text)  # every "<" is escaped or starts an autolink
    assert "\\<script\\>alert('x')\\</script\\>" in text


def test_markdown_long_quote_is_kept_whole(excerpt_set: ExcerptSet) -> None:
    quote_lines = [line for line in md(excerpt_set).splitlines() if line.startswith("> Ilham")]
    assert len(quote_lines) == 1 and quote_lines[0].endswith(MAPS_QUOTE[-40:])


def test_markdown_options_turn_parts_off(bare_set: ExcerptSet) -> None:
    text = md(bare_set)
    assert "> Ilham Əliyev said" in text and "Кампания призывает" in text
    assert "percent.” The maps" in text  # marker dropped with the footnotes
    for absent in (
        "Check **mine maps**",
        "country/Azerbaijan, topic",
        "Tags:",
        "[^1]",
        "Endnotes",
        PROFILE.citation,
        RELEASE.citation,
    ):
        assert absent not in text
    assert "text no longer found in the document" in text  # orphaned status is not optional


def test_escape_keeps_source_text_literal() -> None:
    assert escape("*not em* [sic] <b>") == "\\*not em\\* \\[sic\\] \\<b\\>"
    assert (
        escape("# not a heading\n- not a list\n1. not a list") == "\\# not a heading\n\\- not a list\n1\\. not a list"
    )
    assert escape("1.5 million, -5 percent, #tag") == "1.5 million, -5 percent, #tag"
    assert escape("see https://a.org/x_y.") == "see <https://a.org/x_y>."
