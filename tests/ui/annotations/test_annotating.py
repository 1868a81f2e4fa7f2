"""Annotating in the reader through the real widgets: select, Ctrl+Shift+H / Ctrl+Shift+A, click to edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.annotating import annotations
from app.annotating.annotations import AnnotationFilter
from tests.ui.annotations.conftest import Annotating, click_offset, offset_point, select_offsets, select_text

pytestmark = pytest.mark.gui

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PASSAGE = "acceded to the Mine Ban Treaty on 2 March 2004"


def stored(a: Annotating, doc: int) -> list[annotations.AnnotationInfo]:
    return annotations.list_annotations(a.archive, AnnotationFilter(document_ids=[doc]))


@pytest.fixture
def a(annotating: Annotating) -> Annotating:
    return annotating


def test_ctrl_shift_h_highlights_exactly_the_selection(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    text = a.open(library)
    assert not a.annotations.highlight_action.isEnabled()  # nothing selected yet
    start, end = select_text(a.view, PASSAGE)
    assert a.annotations.highlight_action.isEnabled()
    qtbot.keyClick(a.view, Qt.Key.Key_H, CTRL_SHIFT)
    [made] = stored(a, library["Serevia"])
    assert (made.start, made.end) == (start, end)
    assert text[made.start:made.end] == made.quote == PASSAGE
    assert made.color == "yellow" and made.note == "" and made.tags == ()
    [drawn] = [h for h in a.view.highlights_at(start + 3) if h.key == made.id]
    assert (drawn.start, drawn.end) == (start, end)
    assert a.view.selected_span() is None  # the selection gives way to the highlight
    assert a.list_panel.model.rowCount() == 1
    assert "Highlighted in yellow" in a.messages[-1]


def test_quick_highlight_uses_the_last_colour(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    a.settings.set_value("annotations/last_color", "blue")
    a.open(library)
    select_text(a.view, PASSAGE)
    a.annotations.highlight_action.trigger()
    assert [x.color for x in stored(a, library["Serevia"])] == ["blue"]


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")  # the offscreen popup
def test_ctrl_shift_a_opens_the_editor_and_save_stores_colour_note_tags(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    annotations.create_from_quote(a.archive, library["Landmines in Serevia"], "Serevia", tag_names=["country/Serevia"])
    text = a.open(library)
    start, end = select_text(a.view, PASSAGE)
    qtbot.keyClick(a.view, Qt.Key.Key_A, CTRL_SHIFT)
    editor = a.annotations.editor
    assert editor.isVisible() and editor.span == (start, end)
    assert editor.note.hasFocus()
    assert not a.annotations.highlight_action.isEnabled()  # no second highlight while the editor is open
    draft = a.view.highlights("annotation-draft")
    assert [(h.start, h.end) for h in draft] == [(start, end)]
    qtbot.keyClick(editor.note, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # Alt+3: the third colour
    assert editor.color() == "blue"
    qtbot.mouseClick(editor.swatches.button(4), Qt.MouseButton.LeftButton)  # purple, by mouse
    assert editor.color() == "purple"
    qtbot.keyClicks(editor.note, "Accession **date**")
    editor.tags.setFocus()
    qtbot.keyClicks(editor.tags, "treaty, ser")
    completer = editor.tags.tag_completer
    assert completer.popup().isVisible()
    assert completer.currentCompletion() == "country/Serevia"
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert editor.tags.text() == "treaty, country/Serevia, "
    qtbot.keyClick(editor.tags, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible()
    [made] = stored(a, library["Serevia"])
    assert text[made.start:made.end] == PASSAGE
    assert (made.color, made.note, sorted(made.tags)) == ("purple", "Accession **date**", ["country/Serevia", "treaty"])
    assert a.settings.value("annotations/last_color") == "purple"
    [drawn] = [h for h in a.view.highlights_at(start) if h.key == made.id]
    assert "Accession **date**" in drawn.tooltip and "#treaty" in drawn.tooltip
    assert a.view.highlights("annotation-draft") == []
    tip = a.view.tooltip_at(offset_point(a.view, start + 5))
    assert tip is not None and "Accession" in tip and "#country/Serevia" in tip


def test_escape_cancels_without_storing(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    a.open(library)
    select_text(a.view, PASSAGE)
    a.annotations.annotate_action.trigger()
    qtbot.keyClicks(a.annotations.editor.note, "not kept")
    qtbot.keyClick(a.annotations.editor.note, Qt.Key.Key_Escape)
    assert not a.annotations.editor.isVisible()
    assert stored(a, library["Serevia"]) == []
    assert a.view.highlights("annotation-draft") == []


def test_clicking_a_highlight_opens_it_in_the_editor(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    made = annotations.create_from_quote(a.archive, library["Serevia"], PASSAGE, note="first", color="green",
                                         tag_names=["treaty"])
    a.open(library)
    assert [h.key for h in a.view.highlights("annotations")] == [made.id]
    click_offset(qtbot, a.view, made.start + 4)
    editor = a.annotations.editor
    assert editor.isVisible() and editor.annotation_id == made.id
    assert editor.note.toPlainText() == "first" and editor.color() == "green" and editor.tags.text() == "treaty"
    assert editor.delete_button.isVisible()
    assert a.view.rect().contains(editor.geometry())
    editor.note.selectAll()
    qtbot.keyClicks(editor.note, "second")
    editor.save_button.click()
    info = annotations.get(a.archive, made.id)
    assert info.note == "second" and info.color == "green" and info.tags == ("treaty",)
    assert a.stack.undoText() == "Edit Annotation"


def test_delete_from_the_editor(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    made = annotations.create_from_quote(a.archive, library["Serevia"], PASSAGE)
    a.open(library)
    assert a.annotations.edit_annotation(made.id)
    a.annotations.editor.delete_button.click()
    assert stored(a, library["Serevia"]) == []
    assert not a.annotations.editor.isVisible()
    assert a.view.highlights("annotations") == []


def test_annotating_only_spaces_is_a_message_not_an_exception(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    text = a.open(library)
    space = text.index(" ", text.index("acceded"))
    select_offsets(a.view, space, space + 1)
    assert a.view.selected_span() == (space, space + 1)
    qtbot.keyClick(a.view, Qt.Key.Key_H, CTRL_SHIFT)
    assert a.messages[-1] == "the span holds only spaces"
    assert stored(a, library["Serevia"]) == [] and a.stack.count() == 0
    a.annotations.annotate_selection()
    assert "only spaces" in a.messages[-1] and not a.annotations.editor.isVisible()


def test_save_error_keeps_the_editor_open(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    a.open(library)
    select_text(a.view, PASSAGE)
    a.annotations.annotate_selection()
    editor = a.annotations.editor
    editor.tags.setText("bad, , /")  # "/" is not a usable tag name
    editor.save()
    assert editor.isVisible() and editor.error.isVisible() and "tag" in editor.error.text()
    assert stored(a, library["Serevia"]) == [] and a.stack.count() == 0


def test_actions_follow_the_document_and_the_context_menu(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    actions = a.annotations.actions()
    assert [x.shortcut().toString() for x in actions[:2]] == ["Ctrl+Shift+H", "Ctrl+Shift+A"]
    assert not any(x.isEnabled() for x in actions)  # no document
    assert all(x in a.view._context_actions for x in actions)
    a.open(library)
    select_text(a.view, PASSAGE)
    assert a.annotations.highlight_action.isEnabled() and a.annotations.annotate_action.isEnabled()
    assert not a.annotations.reanchor_action.isEnabled()  # no orphan chosen
    a.controller.open_document(library["Landmines in Serevia"])
    assert not a.annotations.highlight_action.isEnabled()
