"""Annotating in the reader through the real widgets: select, Ctrl+Shift+H / Ctrl+Shift+A, click to edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QPushButton, QToolTip

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
    assert drawn.tooltip == "Accession date — #country/Serevia #treaty"  # plain, the Markdown read
    assert a.view.highlights("annotation-draft") == []
    tip = a.annotations.tooltip_at(offset_point(a.view, start + 5))  # what hovering shows: the note rendered
    assert tip is not None and "Accession <strong>date</strong>" in tip and "#country/Serevia" in tip
    assert "**" not in tip


def test_escape_cancels_without_storing(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    a.open(library)
    select_text(a.view, PASSAGE)
    a.annotations.annotate_action.trigger()
    editor = a.annotations.editor
    qtbot.keyClicks(editor.note, "not kept")
    qtbot.keyClick(editor.note, Qt.Key.Key_Escape)
    assert editor.isVisible() and editor.discard_prompt is not None  # a typed note is not thrown away unasked
    discard = editor.discard_prompt.findChild(QPushButton, "discardButton")
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
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


def test_tab_in_the_editor_never_reaches_the_links_of_the_text(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    text = a.open(library)
    assert "dossier-fn:" in a.view.toHtml()  # the text behind the editor has links (footnote markers)
    select_text(a.view, PASSAGE)
    qtbot.keyClick(a.view, Qt.Key.Key_A, CTRL_SHIFT)
    editor = a.annotations.editor
    qtbot.keyClicks(editor.note, "a note")
    qtbot.keyClick(editor.note, Qt.Key.Key_Tab)
    assert editor.tags.hasFocus()
    qtbot.keyClick(editor.tags, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.note.hasFocus() and editor.note.toPlainText() == "a note"
    chain = editor.tab_chain()
    for key in [Qt.Key.Key_Tab] * (len(chain) + 2) + [Qt.Key.Key_Backtab] * (len(chain) + 2):
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert QApplication.focusWidget() in chain
        assert not a.view.textCursor().hasSelection()  # no link of the text was given keyboard focus
    assert editor.isVisible() and text == a.view.plan.text


def test_a_click_in_the_text_asks_before_it_throws_a_typed_note_away(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    text = a.open(library)
    start, _end = select_text(a.view, PASSAGE)
    a.annotations.annotate_selection()
    editor = a.annotations.editor
    elsewhere = text.index("Serevia", start + len(PASSAGE) + 50)
    click_offset(qtbot, a.view, elsewhere)  # nothing typed: a click outside closes at once
    assert not editor.isVisible() and editor.discard_prompt is None
    select_text(a.view, PASSAGE)
    a.annotations.annotate_selection()
    qtbot.keyClicks(editor.note, "keep me")
    click_offset(qtbot, a.view, elsewhere)
    assert editor.isVisible() and editor.discard_prompt is not None
    assert not a.view.textCursor().hasSelection()  # the click was eaten, not turned into a selection
    qtbot.mouseClick(editor.discard_prompt.findChild(QPushButton, "keepEditingButton"), Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.note.toPlainText() == "keep me"
    click_offset(qtbot, a.view, elsewhere)
    qtbot.mouseClick(editor.discard_prompt.findChild(QPushButton, "discardButton"), Qt.MouseButton.LeftButton)
    assert not editor.isVisible() and stored(a, library["Serevia"]) == []


def test_opening_another_annotation_asks_first_when_the_note_was_changed(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    doc = library["Serevia"]
    first = annotations.create_from_quote(a.archive, doc, PASSAGE, note="first")
    second = annotations.create_from_quote(a.archive, doc, "found freshly emplaced PMA-2 mines", note="second")
    a.open(library)
    editor = a.annotations.editor
    assert a.annotations.edit_annotation(first.id)
    qtbot.keyClicks(editor.note, " edited")
    assert a.annotations.edit_annotation(first.id)  # the same one: kept as it is being edited
    assert editor.note.toPlainText() == "first edited" and editor.discard_prompt is None
    assert not a.annotations.edit_annotation(second.id)  # not yet: the question is asked
    qtbot.mouseClick(editor.discard_prompt.findChild(QPushButton, "discardButton"), Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.annotation_id == second.id and editor.note.toPlainText() == "second"
    assert annotations.get(a.archive, first.id).note == "first"


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform, showing the tooltip
def test_hovering_an_annotation_shows_its_note_rendered(qtbot, a: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    note = "**no production** <img src=http://evil.example/p.png> ![map](http://evil.example/m.png) [x](javascript:y)"
    made = annotations.create_from_quote(a.archive, library["Serevia"], PASSAGE, note=note, tag_names=["treaty"])
    a.open(library)
    point = offset_point(a.view, made.start + 5)
    a.view.viewport().setFocus()
    QApplication.sendEvent(a.view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, a.view.viewport().mapToGlobal(point)))
    assert QToolTip.isVisible()
    tip = QToolTip.text()
    assert tip == a.annotations.tooltip_at(point)
    assert "<strong>no production</strong>" in tip and "**" not in tip and "#treaty" in tip
    assert "<img" not in tip and "&lt;img src=" in tip and "map" in tip and "m.png" not in tip
    assert "javascript" in tip and "href=\"javascript" not in tip  # an unsafe link is its text
    QToolTip.hideText()
