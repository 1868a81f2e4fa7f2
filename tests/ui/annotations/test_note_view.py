"""Notes in widgets: rendered from their one reading, escaped, and nothing ever loaded for them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextDocument

from app.annotating.note_text import note_html
from tests.ui.test_plain_text import RecordingDocument
from ui.annotations.note_view import annotation_tooltip, clipped, note_tooltip_html, paint_note_line, summary_html
from ui.plain_text import InertDocument

pytestmark = pytest.mark.gui

HOSTILE = (
    "**no production** <script>alert(1)</script> <img src=http://evil.example/p.png> "
    "![map](http://evil.example/m.png) ![local](file:///nonexistent/zero.png) [js](javascript:alert(2)) "
    "[ok](https://the-monitor.org/) <b>b</b> &lt;"
)


def shown(html: str) -> tuple[str, list[str]]:
    """The text Qt shows for `html`, and the resources it asked for while laying it out."""
    document = RecordingDocument()
    document.setHtml(html)
    document.size()
    return document.toPlainText(), document.asked


def test_a_hostile_note_renders_as_text_and_loads_nothing(qapp) -> None:  # type: ignore[no-untyped-def]
    html = note_html(HOSTILE)
    assert "<strong>no production</strong>" in html
    assert "<img" not in html and "<script" not in html and "<b>" not in html
    assert "m.png" not in html  # an image is its alt text: no URL kept, nothing to fetch
    text, asked = shown(html)
    assert asked == []
    assert "no production <script>alert(1)</script> <img src=http://evil.example/p.png> map" in text
    assert "![local](file:///nonexistent/zero.png) [js](javascript:alert(2)) ok <b>b</b> <" in text


def test_links_are_validated(qapp) -> None:  # type: ignore[no-untyped-def]
    document = QTextDocument()
    document.setHtml(note_html(HOSTILE))
    anchors = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor():
                anchors.append((fragment.text(), fragment.charFormat().anchorHref()))
            it += 1
        block = block.next()
    assert anchors == [("http://evil.example/p.png", "http://evil.example/p.png"), ("ok", "https://the-monitor.org/")]


def test_annotation_tooltip_escapes_quote_and_tags_and_renders_the_note(qapp) -> None:  # type: ignore[no-untyped-def]
    tip = annotation_tooltip("*new* use", ["<b>tag</b>", "country/Serevia"], quote="<img src=x> quote")
    assert tip is not None and tip.startswith("<div>")
    assert "<em>new</em>" in tip
    text, asked = shown(tip)
    assert asked == []
    assert text.split("\n") == ["“<img src=x> quote”", "new use", "#<b>tag</b> #country/Serevia"]
    assert annotation_tooltip("", ()) is None
    assert annotation_tooltip("  ", (), quote=None) is None


def test_long_notes_are_clipped_in_tooltips(qapp) -> None:  # type: ignore[no-untyped-def]
    note = "**first**\n" + "word " * 400
    text, cut = clipped(note, 100)
    assert cut and len(text) <= 100 and text.startswith("**first**")
    tip = note_tooltip_html(note, 100)
    assert tip.endswith("<p>…</p></div>") and "<strong>first</strong>" in tip
    assert note_tooltip_html("short") == "<div><p>short</p></div>"


def test_the_preview_line_is_the_first_line_styled_and_elided(qapp) -> None:  # type: ignore[no-untyped-def]
    font = QFont()
    assert summary_html("**no production**\nsecond line", font, 500) == "<strong>no production</strong>"
    assert summary_html("[site](https://a.org) and <b>", font, 500) == "<u>site</u> and &lt;b&gt;"  # no link to click
    long = summary_html("**" + ("word " * 60).strip() + "**", font, 120)
    assert long.startswith("<strong>word") and long.endswith("…") and "**" not in long
    document = InertDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(long)
    assert document.idealWidth() <= 120


def test_paint_note_line_draws_and_asks_for_nothing(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr(InertDocument, "loadResource", lambda _self, _t, name: asked.append(name.toString()))
    image = QImage(300, 24, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    paint_note_line(painter, QRect(0, 0, 300, 24), HOSTILE, QFont(), QColor("#000000"))
    painter.end()
    assert asked == []
    dark = sum(1 for x in range(300) for y in range(24) if QColor(image.pixel(x, y)).lightness() < 128)
    assert dark > 50  # something was drawn
