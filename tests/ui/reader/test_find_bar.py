"""Find in document: Ctrl+F, live count, next/previous by keys and buttons, Escape."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.reading import find_all
from tests.ui.reader.conftest import Reader

pytestmark = pytest.mark.gui

PROFILE = "Serevia"


def test_find_counts_and_moves(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    reader.controller.open_document(library[PROFILE])
    pane, view = reader.pane, reader.view
    bar = pane.find_bar
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.edit.hasFocus()
    qtbot.keyClicks(bar.edit, "mines")
    expected = find_all(view.plan.text, "mines")
    assert len(expected) > 3
    assert bar.count_label.text() == f"1 of {len(expected)}"
    assert view.selected_span() == expected[0]
    assert len(view.highlights("find")) == len(expected)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"2 of {len(expected)}" and view.selected_span() == expected[1]
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert bar.count_label.text() == f"3 of {len(expected)}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)  # wraps to the last match
    assert bar.count_label.text() == f"{len(expected)} of {len(expected)}"
    assert view.selected_span() == expected[-1]


def test_no_matches_and_escape(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    reader.controller.open_document(library[PROFILE])
    bar = reader.pane.find_bar
    reader.pane.find_action.trigger()
    qtbot.keyClicks(bar.edit, "zebra crossing")
    assert bar.count_label.text() == "No matches" and not bar.next_button.isEnabled()
    bar.edit.clear()
    assert bar.count_label.text() == ""
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert reader.view.highlights("find") == []


def test_selection_prefills_and_a_new_document_recounts(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    reader.controller.open_document(library[PROFILE])
    text = reader.view.plan.text
    start = text.index("Coalition")
    reader.view.select_span(start, start + len("Coalition"))
    reader.pane.find_action.trigger()
    bar = reader.pane.find_bar
    assert bar.edit.text() == "Coalition"
    count = len(find_all(text, "Coalition"))
    assert bar.count_label.text().endswith(f"of {count}")
    reader.controller.open_document(library["Coalition alarmed by reports of new mine use in northern Serevia"])
    assert bar.count_label.text().endswith(f"of {len(find_all(reader.view.plan.text, 'Coalition'))}")


def test_find_waits_for_a_document_and_goes_with_it(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    """With no document open there is nothing to search: the action is off rather than answering "No matches"."""
    action, bar = reader.pane.find_action, reader.pane.find_bar
    assert not action.isEnabled()
    reader.controller.open_document(library[PROFILE])
    assert action.isEnabled()
    action.trigger()
    assert bar.isVisible()
    reader.controller.set_archive(reader.controller.archive)  # another archive: the document closes
    assert not action.isEnabled() and not bar.isVisible()
