"""ReaderView: typography, markers, offsets ⇄ selection, highlights, and nothing loaded from outside."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPalette, QTextCharFormat, QTextCursor, QTextDocument

from app.library.listing import document_text
from tests.ui.reader.conftest import Reader, anchor_cursor, anchor_point, click_anchor
from ui.reader import Highlight, ReaderView

pytestmark = pytest.mark.gui

RUVENIA = "Ruvenia"


def open_ruvenia(reader: Reader, library: dict[str, int]) -> str:
    assert reader.controller.open_document(library[RUVENIA])
    return reader.view.plan.text


def test_header_headings_and_paragraphs(reader: Reader, library: dict[str, int]) -> None:
    open_ruvenia(reader, library)
    doc = reader.view.document()
    blocks = []
    block = doc.begin()
    while block.isValid():
        blocks.append((block.text(), block.blockFormat().headingLevel()))
        block = block.next()
    assert blocks[0] == ("Ruvenia", 1)  # the title line is the header's title
    assert blocks[1][0] == "Last Updated: 3 October 2021 · Landmine Monitor · Country profile"  # the text's own line
    assert sum("3 October 2021" in text for text, _level in blocks) == 1  # the date is shown once
    assert ("Mine Ban Policy", 2) in blocks and ("Policy", 3) in blocks and ("Casualties", 3) in blocks
    assert any(text.startswith("The Republic of Ruvenia acceded") and level == 0 for text, level in blocks)


def test_markers_are_superscript_links_and_missing_ones_are_struck(reader: Reader, library: dict[str, int]) -> None:
    open_ruvenia(reader, library)
    view = reader.view
    present = anchor_cursor(view, "dossier-fn:1")
    assert present.selectedText() == "1"
    fmt = present.charFormat()
    assert fmt.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript
    assert not fmt.fontStrikeOut()
    missing = anchor_cursor(view, "dossier-fn:3")
    assert missing.charFormat().fontStrikeOut()
    assert "[3]" not in view.toPlainText() and "[1]" not in view.toPlainText()
    assert "missing from the document" in view.tooltip_at(anchor_point(view, "dossier-fn:3"))
    assert "Article 7 Report" in view.tooltip_at(anchor_point(view, "dossier-fn:1"))


def test_marker_click_emits_marker_activated(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    open_ruvenia(reader, library)
    with qtbot.waitSignal(reader.view.markerActivated) as blocker:
        click_anchor(qtbot, reader.view, "dossier-fn:4")
    assert blocker.args == [4]


def test_select_span_and_selected_span_round_trip(reader: Reader, library: dict[str, int]) -> None:
    text = open_ruvenia(reader, library)
    view = reader.view
    sentence = "Officials stated in 2021 that mined areas"
    start = text.index(sentence)
    spans = [
        (start, start + len(sentence)),
        (text.index("Ruvenia"), text.index("Ruvenia") + 7),  # inside the header's title
        (text.index("since 2008.[1]"), text.index("Officials")),  # across a marker
        (text.index("eastern border"), text.index("A local news") + 7),  # across a paragraph break
        (text.index("Casualties"), text.index("The Ruvenia Mine") + 3),  # heading into paragraph
    ]
    for s, e in spans:
        view.select_span(s, e)
        assert view.selected_span() == (s, e), text[s:e]
    # a span ending in the blank lines between paragraphs comes back without them
    view.select_span(text.index("eastern border"), text.index("A local news"))
    assert view.selected_span() == (text.index("eastern border"), text.index("A local news") - 2)
    view.select_span(*spans[0])
    assert view.textCursor().selectedText() == sentence


def test_selection_touching_a_marker_takes_the_whole_marker(reader: Reader, library: dict[str, int]) -> None:
    text = open_ruvenia(reader, library)
    view = reader.view
    digit = anchor_cursor(view, "dossier-fn:1")
    cursor = QTextCursor(view.document())
    cursor.setPosition(digit.selectionStart() - 5)
    cursor.setPosition(digit.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    s, e = view.selected_span()
    assert text[s:e] == "2008.[1]"


def test_keyboard_selection_maps_to_the_text(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    text = open_ruvenia(reader, library)
    view = reader.view
    start = text.index("Demining teams")
    view.select_span(start, start)
    view.setFocus()
    for _ in range(len("Demining teams")):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    s, e = view.selected_span()
    assert text[s:e] == "Demining teams"


def test_copy_gives_the_exact_text_slice(reader: Reader, library: dict[str, int]) -> None:
    text = open_ruvenia(reader, library)
    s, e = text.index("since 2008"), text.index("Officials") - 1
    reader.view.select_span(s, e)
    assert reader.view.createMimeDataFromSelection().text() == "since 2008.[1]"


def test_highlights_land_on_the_right_text(reader: Reader, library: dict[str, int]) -> None:
    text = open_ruvenia(reader, library)
    view = reader.view
    a = text.index("nine casualties")
    b = text.index("2008.[1] Officials")
    view.set_highlights([Highlight(a, a + 15, "#ffe066", "note-1"), (b, b + 18, "#a0e0a0", "note-2")])
    view.set_highlights([(0, 7)], layer="search")
    selections = view.extraSelections()
    texts = [sel.cursor.selectedText() for sel in selections]
    assert texts == ["Ruvenia", "nine casualties", "2008.1 Officials"]  # search below annotations; brackets not drawn
    assert selections[1].format.background().color() == QColor("#ffe066")
    assert [h.key for h in view.highlights_at(a + 3)] == ["note-1"]
    view.clear_highlights("annotations")
    assert len(view.extraSelections()) == 1


def test_click_on_a_highlight_emits_its_key(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    text = open_ruvenia(reader, library)
    view = reader.view
    a = text.index("nine casualties")
    view.set_highlights([Highlight(a, a + 15, "#ffe066", 42, "my note")])
    view.scroll_to_offset(a)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map.to_position(a + 4))
    point = view.cursorRect(cursor).center()
    assert view.tooltip_at(point) == "<p>my note</p>"
    with qtbot.waitSignal(view.highlightClicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [42]


def test_scroll_to_offset_brings_text_into_view(reader: Reader, library: dict[str, int]) -> None:
    reader.controller.open_document(library["Clearing the Northern Belt: Survey and Clearance in Serevia, 2019-2022"])
    view = reader.view
    view.resize(600, 200)
    text = view.plan.text
    offset = len(text) - 20
    view.scroll_to_offset(offset)
    assert view.verticalScrollBar().value() > 0
    assert view.top_offset() <= offset
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map.to_position(offset))
    rect = view.cursorRect(cursor)
    assert 0 <= rect.top() < view.viewport().height()


def test_markup_in_a_document_is_text_and_nothing_is_loaded(
    qtbot, reader: Reader, library: dict[str, int], archive, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    text = open_ruvenia(reader, library)
    assert '<img src="http://tracker.example.net/pixel.png">' in text
    view = reader.view
    plain = view.toPlainText()
    assert '<img src="http://tracker.example.net/pixel.png">' in plain
    assert '<script>alert("x")</script>' in plain
    html = view.document().toHtml()
    assert "<img" not in html and "<script" not in html
    for url in ("http://tracker.example.net/pixel.png", "file:///etc/hostname"):
        assert view.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url)).isNull()
    view.setSource(QUrl("http://tracker.example.net/page.html"))  # navigation is refused
    assert view.toPlainText() == plain
    assert opened == []
    assert document_text(archive, library[RUVENIA]) == text


def test_raw_html_images_are_never_fetched(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    requested: list[str] = []
    original = ReaderView.loadResource

    class SpiedView(ReaderView):
        def loadResource(self, kind: int, url: QUrl) -> object:
            requested.append(url.toString())
            return original(self, kind, url)

    view = SpiedView()
    qtbot.addWidget(view)
    view.setHtml('<p>x<img src="http://tracker.example.net/a.png"><img src="file:///etc/hostname"></p>')
    view.show()
    view.grab()
    assert requested == ["http://tracker.example.net/a.png", "file:///etc/hostname"]  # asked, and given nothing:
    for url in requested:
        image = view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(url))
        assert isinstance(image, QImage) and image.isNull()
    css = view.loadResource(QTextDocument.ResourceType.StyleSheetResource.value, QUrl("http://tracker.example.net/s.css"))
    assert css.isEmpty()


def test_mouse_back_and_forward_buttons(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ReaderView()
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.backRequested):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.BackButton, pos=QPoint(10, 10))
    with qtbot.waitSignal(view.forwardRequested):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.ForwardButton, pos=QPoint(10, 10))


def test_follows_the_palette(reader: Reader, library: dict[str, int]) -> None:
    text = open_ruvenia(reader, library)
    view = reader.view
    reader.window.resize(700, 260)
    offset = text.index("Officials")
    view.scroll_to_offset(offset, margin=0)
    assert view.top_offset() > 0
    palette = QPalette(view.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#80b0ff"))
    view.setPalette(palette)
    assert anchor_cursor(view, "dossier-fn:1").charFormat().foreground().color() == QColor("#80b0ff")
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map.to_position(offset) + 1)
    assert cursor.charFormat().foreground().color() == QColor("#eeeeee")
    assert abs(view.top_offset() - offset) < 200  # the reading position survives the redraw


def test_empty_state(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ReaderView()
    qtbot.addWidget(view)
    assert view.toPlainText() == "No document open"
    assert view.selected_span() is None and view.plan is None
    view.show_message("Could not open the document")
    assert view.toPlainText() == "Could not open the document"


def test_urls_in_the_text_open_in_the_system_browser(
    qtbot, reader: Reader, library: dict[str, int], monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    reader.controller.open_document(library["Coalition alarmed by reports of new mine use in northern Serevia"])
    view = reader.view
    href = "https://www.the-monitor.example.org/serevia"
    link = anchor_cursor(view, href)
    assert link.selectedText() == href
    s = view.plan.text.index(href)
    view.select_span(s, s + len(href))
    assert view.selected_span() == (s, s + len(href))  # a link is drawn one to one, offsets unchanged
    click_anchor(qtbot, view, href)
    assert [u.toString() for u in opened] == [href]
    assert view.source().isEmpty() and view.plan.title.startswith("Coalition")


def test_flash_marks_a_span_briefly(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    text = open_ruvenia(reader, library)
    start = text.index("Demining teams")
    reader.view.flash(start, start + 14, msecs=50)
    assert [(h.start, h.end) for h in reader.view.highlights("flash")] == [(start, start + 14)]
    qtbot.waitUntil(lambda: not reader.view.highlights("flash"), timeout=20_000)


def test_alt_arrows_reach_the_window_actions(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction, QKeySequence

    open_ruvenia(reader, library)
    back = QAction("Back", reader.window)
    back.setShortcut(QKeySequence("Alt+Left"))
    reader.window.addAction(back)
    reader.view.setFocus()
    with qtbot.waitSignal(back.triggered):
        qtbot.keyClick(reader.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
