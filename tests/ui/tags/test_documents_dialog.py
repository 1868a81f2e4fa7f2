"""Tagging the documents selected in the library: completion, partial tags, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox

from app.archive.folder import Archive
from app.errors import NotFoundError
from app.library import tags
from tests.ui.tags.conftest import doc_tags, tag_state
from ui.tags.completer import split_names
from ui.tags.documents_dialog import TagDocumentsDialog

pytestmark = pytest.mark.gui


def _dialog(qtbot, archive: Archive, ids: list[int], **kw: object) -> TagDocumentsDialog:  # type: ignore[no-untyped-def]
    dialog = TagDocumentsDialog(archive, ids, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _ok(qtbot, dialog: TagDocumentsDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _items(dialog: TagDocumentsDialog) -> dict[str, Qt.CheckState]:
    return {dialog.current.item(r).text(): dialog.current.item(r).checkState() for r in range(dialog.current.count())}


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")  # the offscreen popup
def test_tag_two_documents_with_completion(qtbot, tagged: Archive, doc_ids: list[int]) -> None:  # type: ignore[no-untyped-def]
    two = [doc_ids[3], doc_ids[4]]
    dialog = _dialog(qtbot, tagged, two)
    dialog.activateWindow()
    dialog.edit.setFocus()
    qtbot.waitUntil(dialog.edit.hasFocus)
    with qtbot.waitSignal(dialog.tagsChanged):
        qtbot.keyClicks(dialog.edit, "urgent, FREE")
        popup = dialog.completer.popup()
        qtbot.waitUntil(popup.isVisible)
        assert [dialog.completer.completionModel().index(r, 0).data()
                for r in range(dialog.completer.completionCount())] == ["country/Freedonia"]
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        assert dialog.edit.text() == "urgent, country/Freedonia"
        _ok(qtbot, dialog)
    assert dialog.result() == TagDocumentsDialog.DialogCode.Accepted
    for doc in two:
        assert set(doc_tags(tagged, two)[doc]) >= {"urgent", "country/Freedonia"}
    assert tag_state(tagged)["country/Freedonia"] == (None, 3, 0)


def test_current_tags_are_listed_and_unticking_removes_from_all(
    qtbot, tagged: Archive, doc_ids: list[int], stack: QUndoStack  # type: ignore[no-untyped-def]
) -> None:
    ids = doc_ids[:2]
    before = doc_tags(tagged, ids)
    state = tag_state(tagged)
    dialog = _dialog(qtbot, tagged, ids, stack=stack)
    items = _items(dialog)
    assert items["maps"] == Qt.CheckState.Checked  # both carry it
    partial = [name for name, s in items.items() if s == Qt.CheckState.PartiallyChecked]
    assert "mine-maps  (1 of 2)" in partial
    for row in range(dialog.current.count()):
        item = dialog.current.item(row)
        if item.text() == "maps":
            item.setCheckState(Qt.CheckState.Unchecked)
        elif item.text().startswith("mine-maps"):
            item.setCheckState(Qt.CheckState.Checked)  # a partial one ticked: added to all
    assert dialog.changes() == (["mine-maps"], ["maps"])
    _ok(qtbot, dialog)
    after = doc_tags(tagged, ids)
    assert all("maps" not in names and "mine-maps" in names for names in after.values())
    assert tag_state(tagged)["maps"] == (None, 0, 1)  # the annotation keeps it
    assert stack.count() == 1  # one undo step for the whole dialog
    stack.undo()
    assert doc_tags(tagged, ids) == before and tag_state(tagged) == state
    stack.redo()
    assert doc_tags(tagged, ids) == after


def test_undo_of_a_new_tag_removes_the_tag(qtbot, tagged: Archive, doc_ids: list[int], stack: QUndoStack) -> None:  # type: ignore[no-untyped-def]
    state = tag_state(tagged)
    refreshed: list[int] = []
    dialog = _dialog(qtbot, tagged, doc_ids[:3], stack=stack, refresh=lambda: refreshed.append(1))
    dialog.edit.setText("fresh, maps")
    _ok(qtbot, dialog)
    assert tag_state(tagged)["fresh"] == (None, 3, 0) and tag_state(tagged)["maps"] == (None, 3, 1)
    assert refreshed == []  # the dialog's own change is announced by tagsChanged
    stack.undo()
    assert tag_state(tagged) == state and refreshed == [1]
    stack.redo()
    assert tag_state(tagged)["fresh"] == (None, 3, 0)


def test_a_bad_name_keeps_the_dialog_open(qtbot, tagged: Archive, doc_ids: list[int]) -> None:  # type: ignore[no-untyped-def]
    state = tag_state(tagged)
    dialog = _dialog(qtbot, tagged, doc_ids[:1])
    dialog.edit.setText("ok, " + "x" * 201)
    _ok(qtbot, dialog)
    assert dialog.isVisible() and "limited to 200" in dialog.error.text()
    assert tag_state(tagged) == state


def test_unknown_document_is_refused(qtbot, tagged: Archive) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError):
        TagDocumentsDialog(tagged, [999])


def test_split_names() -> None:
    assert split_names(" a, b ,, c/d ,") == ["a", "b", "c/d"]
    assert tags.normalise_name(split_names("x ,")[0]) == "x"
