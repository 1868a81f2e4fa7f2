"""The reader with documents of the largest size an import keeps: the first slice shows at once, the
rest is drawn between events, long lines are split for layout, and offsets stay exact throughout."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.reading import plan_document
from ui.reader import Highlight, ReaderView
from ui.reader.document_builder import MAX_DRAWN_BLOCK
from ui.reader.reader_view import FIRST_SLICE_CHARS, MAX_DRAWN_HIGHLIGHTS

pytestmark = pytest.mark.gui
WAIT = 60_000


def _plan(text: str):  # type: ignore[no-untyped-def]
    return plan_document({"title": "Big report", "sections": [], "markers": [], "footnotes": []}, text)


def _paragraphs(count: int) -> str:
    return "Big report\n\n" + "\n\n".join(f"Paragraph {n} on mine clearance in the north." for n in range(count))


@pytest.fixture
def view(qtbot) -> ReaderView:  # type: ignore[no-untyped-def]
    widget = ReaderView()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def _char_at(view: ReaderView, offset: int) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map.to_position(offset))
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def _visible(view: ReaderView, offset: int) -> bool:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map.to_position(offset))
    return 0 <= view.cursorRect(cursor).top() < view.viewport().height()


def test_a_long_line_is_drawn_in_pieces_mapped_to_its_offsets(qtbot, view: ReaderView) -> None:  # type: ignore[no-untyped-def]
    text = "Big report\n\n" + " ".join(f"word{n}" for n in range(60_000)) + "[1] end"
    plan = plan_document({"title": "Big report", "sections": [],
                          "markers": [{"number": 1, "start": len(text) - 7, "end": len(text) - 4}],
                          "footnotes": [{"number": 1, "text": "A note."}]}, text)  # fmt: skip
    view.show_plan(plan)
    qtbot.waitUntil(lambda: view.fully_drawn, timeout=WAIT)
    doc = view.document()
    lengths = []
    block = doc.begin()
    while block.isValid():
        lengths.append(block.length() - 1)
        block = block.next()
    assert len(lengths) > len(text) // MAX_DRAWN_BLOCK and max(lengths) <= MAX_DRAWN_BLOCK
    for offset in range(12, len(text) - 8, 9_973):
        assert _char_at(view, offset) == text[offset]
    assert view.marker_span(1) == (len(text) - 7, len(text) - 4)  # the marker past the last split is intact
    span = (len(text) - 20_000, len(text) - 19_990)
    view.select_span(*span)
    assert view.selected_span() == span


def test_a_big_document_shows_its_start_at_once_and_the_rest_between_events(qtbot, view: ReaderView) -> None:  # type: ignore[no-untyped-def]
    text = _paragraphs(20_000)
    assert len(text) > 4 * FIRST_SLICE_CHARS
    view.show_plan(_plan(text))
    assert not view.fully_drawn, "drawing yields to the event loop after the first slice"
    assert view.toPlainText().startswith("Big report")
    assert "Paragraph 0 on mine clearance" in view.toPlainText()
    last = text.index("Paragraph 19999")
    view.scroll_to_offset(last, margin=0)  # asked before that text is drawn: done once it is
    view.set_highlights([Highlight(last, last + 9, "yellow")], "search")
    with qtbot.waitSignal(view.drawingFinished, timeout=WAIT):
        pass
    assert view.fully_drawn and view.toPlainText().endswith("Paragraph 19999 on mine clearance in the north.")
    qtbot.waitUntil(lambda: _visible(view, last), timeout=WAIT)
    assert [s.cursor.selectedText() for s in view.extraSelections()] == ["Paragraph"]
    assert _char_at(view, last) == "P"


def test_another_document_replaces_one_still_being_drawn(qtbot, view: ReaderView) -> None:  # type: ignore[no-untyped-def]
    view.show_plan(_plan(_paragraphs(20_000)))
    assert not view.fully_drawn
    view.show_plan(_plan("Small note\n\nOne paragraph."))
    assert view.fully_drawn
    QApplication.processEvents()  # the first document's pending slice runs and finds itself replaced
    assert "Paragraph 0" not in view.toPlainText() and "One paragraph." in view.toPlainText()


def test_each_highlight_layer_draws_a_bounded_number(view: ReaderView) -> None:
    text = _paragraphs(2 * MAX_DRAWN_HIGHLIGHTS // 10)  # small enough to draw at once
    view.show_plan(_plan(text))
    assert view.fully_drawn
    hits = [Highlight(n, n + 1, "yellow") for n in range(12, 12 + 2 * MAX_DRAWN_HIGHLIGHTS)]
    view.set_highlights(hits, "search")
    assert len(view.extraSelections()) == MAX_DRAWN_HIGHLIGHTS
    assert view.extraSelections()[0].cursor.selectionStart() == view.position_map.to_position(12)
