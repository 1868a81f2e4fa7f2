"""The editor on its own: keyboard use, swatches, placement inside its parent."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWidget

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


def test_keyboard_only_save_and_cancel(qtbot, editor: AnnotationEditor) -> None:  # type: ignore[no-untyped-def]
    editor.open_new(0, 5, "quote", "yellow", [])
    assert editor.note.hasFocus()
    qtbot.keyClicks(editor.note, "a note")
    qtbot.keyClick(editor.note, Qt.Key.Key_Tab)  # Tab leaves the note
    assert not editor.note.hasFocus()
    editor.tags.setFocus()
    qtbot.keyClicks(editor.tags, "one, two")
    with qtbot.waitSignal(editor.saveRequested) as saved:
        qtbot.keyClick(editor.tags, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [AnnotationValues("yellow", "a note", ("one", "two"))]
    with qtbot.waitSignal(editor.closed):
        qtbot.keyClick(editor.tags, Qt.Key.Key_Escape)
    assert not editor.isVisible() and editor.span is None


def test_placed_below_the_passage_or_above_it_inside_the_parent(editor: AnnotationEditor) -> None:
    editor.open_new(0, 5, "quote", "yellow", [])
    editor.place_near(QRect(100, 100, 200, 20))
    assert editor.y() > 120 and editor.x() == 100
    editor.place_near(QRect(700, 560, 50, 20))  # near the bottom right: above, and pulled in
    host = editor.parentWidget().rect()
    assert editor.geometry().bottom() < 560 and host.contains(editor.geometry())
