"""The editor on its own: keyboard use, Tab order, Esc asking before it throws changes away, placement."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from app.annotating.annotations import AnnotationInfo
from app.export.excerpt_model import COLORS
from ui.annotations.commands import AnnotationValues
from ui.annotations.editor import AnnotationEditor

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(qtbot) -> Iterator[AnnotationEditor]:  # type: ignore[no-untyped-def]
    host = QWidget()
    host.resize(800, 600)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    yield AnnotationEditor(host)


def test_swatches_are_named_buttons_with_shortcuts(qtbot, editor: AnnotationEditor) -> None:  # type: ignore[no-untyped-def]
    names = [b.accessibleName() for b in editor.swatches.buttons()]
    assert names == [c.capitalize() for c in COLORS]
    assert editor.swatches.button(0).toolTip() == "Yellow (Alt+1)"
    editor.open_new(0, 5, "quote", "green", [])
    assert editor.color() == "green" and not editor.delete_button.isVisible()
    qtbot.keyClick(editor.note, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    assert editor.color() == "orange"


def prompt_button(editor: AnnotationEditor, name: str) -> QPushButton:
    """A button of the "Discard changes?" box, which is open (window-modal, no nested event loop)."""
    assert editor.discard_prompt is not None and editor.discard_prompt.isVisible()
    button = editor.discard_prompt.findChild(QPushButton, name)
    assert button is not None
    return button


def test_keyboard_only_save_and_cancel(qtbot, editor: AnnotationEditor) -> None:  # type: ignore[no-untyped-def]
    editor.open_new(0, 5, "quote", "yellow", [])
    assert editor.note.hasFocus()
    qtbot.keyClicks(editor.note, "a note")
    qtbot.keyClick(editor.note, Qt.Key.Key_Tab)  # Tab leaves the note for the tags
    assert editor.tags.hasFocus() and editor.note.toPlainText() == "a note"
    qtbot.keyClicks(editor.tags, "one, two")
    with qtbot.waitSignal(editor.saveRequested) as saved:
        qtbot.keyClick(editor.tags, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [AnnotationValues("yellow", "a note", ("one", "two"))]
    qtbot.keyClick(editor.tags, Qt.Key.Key_Escape)  # not saved yet (the controller closes after saving)
    with qtbot.waitSignal(editor.closed):
        qtbot.mouseClick(prompt_button(editor, "discardButton"), Qt.MouseButton.LeftButton)
    assert not editor.isVisible() and editor.span is None and editor.discard_prompt is None


def test_tab_goes_from_the_note_to_the_tags_and_shift_tab_back(qtbot, editor: AnnotationEditor) -> None:  # type: ignore[no-untyped-def]
    editor.open_new(0, 5, "quote", "yellow", [])
    assert editor.note.tabChangesFocus()
    qtbot.keyClick(editor.note, Qt.Key.Key_Tab)
    assert editor.tags.hasFocus()
    assert editor.note.toPlainText() == ""  # no tab character typed
    qtbot.keyClick(editor.tags, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.note.hasFocus()
    qtbot.keyClick(editor.note, Qt.Key.Key_Backtab)  # Shift+Tab as X11 sends it
    assert editor.swatches.button(len(COLORS) - 1).hasFocus()  # the last colour, just above the note


def test_tab_goes_round_the_editor_in_layout_order(qtbot, editor: AnnotationEditor) -> None:  # type: ignore[no-untyped-def]
    info = AnnotationInfo(id=7, document_id=1, document_title="t", start=0, end=5, quote="quote", prefix="",
                          suffix="", color="green", note="n", tags=("a",), orphaned=False,
                          created_at=datetime(2024, 1, 1), modified_at=datetime(2024, 1, 1))
    for opened in ("new", "existing"):
        if opened == "new":
            editor.open_new(0, 5, "quote", "yellow", [])
        else:
            editor.open_existing(info, ["a"])
        chain = editor.tab_chain()
        expected = [*editor.swatches.buttons(), editor.note, editor.tags,
                    *([editor.delete_button] if opened == "existing" else []), editor.cancel_button,
                    editor.save_button]
        assert chain == expected
        seen = []
        for _ in range(2 * len(chain)):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            seen.append(QApplication.focusWidget())
        start = chain.index(editor.tags)
        assert seen == [chain[(start + i) % len(chain)] for i in range(len(seen))]  # round and round, inside
        for _ in range(len(chain) + 1):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
            assert QApplication.focusWidget() in chain
        editor.close_editor()


def test_escape_with_nothing_changed_closes_at_once(qtbot, editor: AnnotationEditor) -> None:  # type: ignore[no-untyped-def]
    editor.open_new(0, 5, "quote", "yellow", ["evidence"])
    qtbot.keyClick(editor.note, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)  # a colour is one click to redo
    assert editor.color() == "pink" and not editor.has_changes()
    with qtbot.waitSignal(editor.closed, timeout=1000):
        qtbot.keyClick(editor.note, Qt.Key.Key_Escape)
    assert editor.discard_prompt is None


def test_escape_after_typing_asks_and_keep_editing_keeps_everything(qtbot, editor: AnnotationEditor) -> None:  # type: ignore[no-untyped-def]
    editor.open_new(0, 5, "quote", "yellow", [])
    qtbot.keyClicks(editor.note, "**no production**")
    qtbot.keyClick(editor.note, Qt.Key.Key_Escape)
    prompt = editor.discard_prompt
    assert prompt is not None and prompt.isVisible() and prompt.text() == "Discard changes?"
    assert prompt.windowModality() == Qt.WindowModality.WindowModal
    assert {b.text() for b in prompt.buttons()} == {"Discard", "Keep editing"}
    assert prompt.defaultButton() is prompt_button(editor, "keepEditingButton")  # Return keeps the note
    qtbot.mouseClick(prompt_button(editor, "keepEditingButton"), Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.discard_prompt is None
    assert editor.note.toPlainText() == "**no production**"
    qtbot.waitUntil(editor.note.hasFocus, timeout=2000)
    qtbot.keyClick(editor.note, Qt.Key.Key_Escape)
    qtbot.keyClick(editor.discard_prompt, Qt.Key.Key_Escape)  # Esc in the question means Keep editing too
    assert editor.isVisible() and editor.discard_prompt is None
    editor.cancel_button.click()  # Cancel is Esc
    with qtbot.waitSignal(editor.closed):
        qtbot.mouseClick(prompt_button(editor, "discardButton"), Qt.MouseButton.LeftButton)
    assert not editor.isVisible()


def test_changed_tags_ask_but_a_note_typed_back_as_it_was_does_not(qtbot, editor: AnnotationEditor) -> None:  # type: ignore[no-untyped-def]
    editor.open_new(0, 5, "quote", "yellow", [])
    editor.tags.setFocus()
    qtbot.keyClicks(editor.tags, "evidence")
    assert editor.has_changes()
    qtbot.keyClick(editor.tags, Qt.Key.Key_Escape)
    qtbot.mouseClick(prompt_button(editor, "keepEditingButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.tags.hasFocus, timeout=2000)  # back in the field the user was typing in
    editor.tags.clear()
    qtbot.keyClicks(editor.note, "x")
    qtbot.keyClick(editor.note, Qt.Key.Key_Backspace)
    assert not editor.has_changes()
    with qtbot.waitSignal(editor.closed, timeout=1000):
        qtbot.keyClick(editor.note, Qt.Key.Key_Escape)


def test_closing_for_another_reason_drops_the_question(qtbot, editor: AnnotationEditor) -> None:  # type: ignore[no-untyped-def]
    editor.open_new(0, 5, "quote", "yellow", [])
    qtbot.keyClicks(editor.note, "draft")
    ran: list[str] = []
    editor.close_asking(lambda: ran.append("then"))
    prompt = editor.discard_prompt
    assert prompt is not None and ran == []
    editor.close_editor()  # e.g. the document changed under it
    assert editor.discard_prompt is None and not prompt.isVisible() and ran == []
    editor.open_new(0, 5, "quote", "yellow", [])
    editor.close_asking(lambda: ran.append("then"))  # nothing typed: closes and goes on at once
    assert ran == ["then"] and not editor.isVisible()


def test_placed_below_the_passage_or_above_it_inside_the_parent(editor: AnnotationEditor) -> None:
    editor.open_new(0, 5, "quote", "yellow", [])
    editor.place_near(QRect(100, 100, 200, 20))
    assert editor.y() > 120 and editor.x() == 100
    editor.place_near(QRect(700, 560, 50, 20))  # near the bottom right: above, and pulled in
    host = editor.parentWidget().rect()
    assert editor.geometry().bottom() < 560 and host.contains(editor.geometry())
