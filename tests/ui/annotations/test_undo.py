"""Undo and redo of creating, editing, deleting annotations through the window's QUndoStack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.annotating import annotations
from app.errors import NotFoundError
from tests.ui.annotations.conftest import Annotating, select_text

pytestmark = pytest.mark.gui

PASSAGE = "acceded to the Mine Ban Treaty on 2 March 2004"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def drawn(a: Annotating) -> list[object]:
    return [h.key for h in a.view.highlights("annotations")]


def test_undo_redo_create_keeps_the_id(qtbot, annotating: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    a = annotating
    a.open(library)
    select_text(a.view, PASSAGE)
    qtbot.keyClick(a.view, Qt.Key.Key_H, CTRL_SHIFT)
    [made] = annotations.list_annotations(a.archive)
    assert a.stack.count() == 1 and a.stack.undoText() == "Highlight in yellow"
    changed: list[int] = []
    a.annotations.annotationsChanged.connect(changed.append)
    a.stack.undo()
    assert annotations.list_annotations(a.archive) == [] and drawn(a) == []
    a.stack.redo()
    assert annotations.get(a.archive, made.id) == made and drawn(a) == [made.id]
    assert changed == [library["Serevia"]] * 2


def test_undo_redo_edit_of_colour_note_and_tags(qtbot, annotating: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    a = annotating
    made = annotations.create_from_quote(a.archive, library["Serevia"], PASSAGE, note="before", tag_names=["old"])
    a.open(library)
    editor = a.annotations.editor
    a.annotations.edit_annotation(made.id)
    editor.set_color("pink")
    editor.note.setPlainText("after")
    editor.tags.setText("new, other")
    qtbot.keyClick(editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    after = annotations.get(a.archive, made.id)
    assert (after.color, after.note, sorted(after.tags)) == ("pink", "after", ["new", "other"])
    a.stack.undo()
    before = annotations.get(a.archive, made.id)
    assert (before.color, before.note, before.tags) == ("yellow", "before", ("old",))
    assert a.list_panel.model.annotations()[0].note == "before"
    a.stack.redo()
    assert annotations.get(a.archive, made.id).note == "after"


def test_saving_an_unchanged_annotation_adds_no_step(qtbot, annotating: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    a = annotating
    made = annotations.create_from_quote(a.archive, library["Serevia"], PASSAGE)
    a.open(library)
    a.annotations.edit_annotation(made.id)
    a.annotations.editor.save()
    assert a.stack.count() == 0 and not a.annotations.editor.isVisible()


def test_undo_of_delete_brings_back_the_same_id(qtbot, annotating: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    a = annotating
    made = annotations.create_from_quote(a.archive, library["Serevia"], PASSAGE, note="kept", tag_names=["x/y"])
    a.open(library)
    assert a.annotations.delete_annotation(made.id)
    with pytest.raises(NotFoundError):
        annotations.get(a.archive, made.id)
    a.stack.undo()
    assert annotations.get(a.archive, made.id) == made
    assert drawn(a) == [made.id]
    a.stack.redo()
    assert annotations.list_annotations(a.archive) == []


def test_a_create_edit_chain_survives_undo_and_redo(qtbot, annotating: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    a = annotating
    a.open(library)
    select_text(a.view, PASSAGE)
    a.annotations.quick_highlight()
    [made] = annotations.list_annotations(a.archive)
    a.annotations.edit_annotation(made.id)
    a.annotations.editor.note.setPlainText("a note")
    a.annotations.editor.save()
    a.stack.undo()
    a.stack.undo()
    assert annotations.list_annotations(a.archive) == []
    a.stack.redo()
    a.stack.redo()
    assert annotations.get(a.archive, made.id).note == "a note"


def test_a_step_that_can_no_longer_be_undone_is_a_message(qtbot, annotating: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    a = annotating
    a.open(library)
    select_text(a.view, PASSAGE)
    a.annotations.quick_highlight()
    [made] = annotations.list_annotations(a.archive)
    annotations.delete(a.archive, made.id)  # removed elsewhere (another view, the CLI)
    a.stack.undo()
    assert a.messages[-1] == f"no annotation with id {made.id}"
    assert a.stack.count() == 0  # the stale step is dropped


def test_switching_archives_clears_the_stack(qtbot, annotating: Annotating, library: dict[str, int], tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.archive.folder import Archive

    a = annotating
    a.open(library)
    select_text(a.view, PASSAGE)
    a.annotations.quick_highlight()
    with Archive.open(tmp_path / "other") as other:
        a.controller.set_archive(other)
        a.annotations.set_archive(other)
        assert a.stack.count() == 0
        assert a.list_panel.model.rowCount() == 0 and a.view.highlights("annotations") == []
