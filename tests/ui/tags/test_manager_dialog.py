"""The Tag manager driven through its buttons: rename, merge, delete, colour, with confirmations and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from app.archive.folder import Archive
from tests.ui.tags.conftest import doc_tags, tag_state
from ui import plain_text
from ui.tags.colors import TagColors
from ui.tags.manager_dialog import TagManagerDialog
from ui.tags.tree_model import NAME_ROLE, TagTreeModel

pytestmark = pytest.mark.gui


class Prompts:
    """Stands in for the plain-text prompts and message boxes and records what they were asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[str] = []
        self.warned: list[str] = []
        self.answer_text = ""
        self.answer_item = ""
        self.confirm = QMessageBox.StandardButton.Yes
        monkeypatch.setattr(plain_text, "get_text", self._get_text)
        monkeypatch.setattr(plain_text, "get_item", self._get_item)
        monkeypatch.setattr(plain_text, "message", self._message)

    def _get_text(self, _parent, _title, label, text):  # type: ignore[no-untyped-def]
        self.asked.append(f"{label} [{text}]")
        return self.answer_text, True

    def _get_item(self, _parent, _title, label, items):  # type: ignore[no-untyped-def]
        self.asked.append(f"{label} {list(items)}")
        return self.answer_item, True

    def _message(self, _parent, icon, _title, text, *_args):  # type: ignore[no-untyped-def]
        if icon == QMessageBox.Icon.Question:
            self.asked.append(text)
            return self.confirm
        self.warned.append(text)
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    return Prompts(monkeypatch)


@pytest.fixture
def manager(qtbot, tagged: Archive, stack: QUndoStack) -> TagManagerDialog:  # type: ignore[no-untyped-def]
    dialog = TagManagerDialog(tagged, stack=stack)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_tree_model_passes_the_model_tester(qtmodeltester, tagged: Archive) -> None:  # type: ignore[no-untyped-def]
    from app.library import tags

    tags.tag_documents(tagged, [1], ["country/Freedonia/north", "Country/Ruritania"])
    model = TagTreeModel(TagColors())
    qtmodeltester.check(model)
    model.set_tags(tags.list_tags(tagged))
    qtmodeltester.check(model)
    country = model.index_of("country")
    assert country.isValid() and not model.data(country, Qt.ItemDataRole.UserRole + 2)  # a level, not a tag
    names = [model.index(r, 0, country).data(NAME_ROLE) for r in range(model.rowCount(country))]
    assert names == ["country/Freedonia", "Country/Ruritania"]
    assert model.index_of("country/freedonia/NORTH").data(NAME_ROLE) == "country/Freedonia/north"
    maps = model.index_of("maps")
    assert [maps.siblingAtColumn(c).data() for c in range(3)] == ["maps", "2", "1"]


def test_rename_with_undo_and_redo(qtbot, manager: TagManagerDialog, tagged: Archive, stack: QUndoStack,  # type: ignore[no-untyped-def]
                                   prompts: Prompts) -> None:
    before = tag_state(tagged)
    assert manager.select("country")
    assert not manager.merge_button.isEnabled() and not manager.delete_button.isEnabled()  # a level only
    prompts.answer_text = "place"
    with qtbot.waitSignal(manager.tagsChanged):
        _click(qtbot, manager.rename_button)
    assert "New name for “country”" in prompts.asked[0] and "below it" in prompts.asked[0]
    assert "place/Freedonia" in tag_state(tagged) and "country/Freedonia" not in tag_state(tagged)
    assert manager.current_name() == "place" and "Renamed “country” to “place”" in manager.status.text()
    assert manager.undo_action is not None
    manager.undo_action.trigger()
    assert tag_state(tagged) == before
    assert manager.model.index_of("country/Freedonia").isValid()  # the tree followed the undo
    stack.redo()
    assert tag_state(tagged) == {**{k: v for k, v in before.items() if k != "country/Freedonia"},
                                 "place/Freedonia": before["country/Freedonia"]}


def test_a_clashing_rename_shows_the_service_message(qtbot, manager: TagManagerDialog, tagged: Archive,  # type: ignore[no-untyped-def]
                                                     stack: QUndoStack, prompts: Prompts) -> None:
    before = tag_state(tagged)
    manager.select("maps")
    prompts.answer_text = "Mine-Maps"
    _click(qtbot, manager.rename_button)
    assert prompts.warned and "already exists" in prompts.warned[0] and "merge" in prompts.warned[0]
    assert "Not changed" in manager.status.text()
    assert tag_state(tagged) == before and stack.count() == 0


def test_merge_two_tags_on_one_document(qtbot, manager: TagManagerDialog, tagged: Archive, doc_ids: list[int],  # type: ignore[no-untyped-def]
                                        stack: QUndoStack, prompts: Prompts) -> None:
    before, docs_before = tag_state(tagged), doc_tags(tagged, doc_ids)
    manager.select("maps")
    prompts.answer_item = "mine-maps"
    with qtbot.waitSignal(manager.tagsChanged):
        _click(qtbot, manager.merge_button)
    assert "mine-maps" in prompts.asked[0] and "'maps'" not in prompts.asked[0]  # not offered into itself
    assert "The 2 documents and 1 annotation tagged “maps”" in prompts.asked[1]
    state = tag_state(tagged)
    assert "maps" not in state and state["mine-maps"] == (None, 2, 1)  # doc 0 carried both: one link
    assert doc_tags(tagged, doc_ids)[doc_ids[0]].count("mine-maps") == 1
    assert manager.status.text() == "Merged “maps” into “mine-maps”: 2 documents and 1 annotation moved."
    stack.undo()
    assert tag_state(tagged) == before and doc_tags(tagged, doc_ids) == docs_before
    stack.redo()
    assert tag_state(tagged)["mine-maps"] == (None, 2, 1)


def test_delete_confirms_with_counts_and_undo_restores(qtbot, manager: TagManagerDialog, tagged: Archive,  # type: ignore[no-untyped-def]
                                                       doc_ids: list[int], stack: QUndoStack, prompts: Prompts) -> None:
    before, docs_before = tag_state(tagged), doc_tags(tagged, doc_ids)
    manager.select("maps")
    prompts.confirm = QMessageBox.StandardButton.No
    _click(qtbot, manager.delete_button)
    assert "Delete the tag “maps”?" in prompts.asked[0] and "2 documents and 1 annotation will lose it" in prompts.asked[0]
    assert tag_state(tagged) == before  # declined
    prompts.confirm = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(manager.tagsChanged):
        _click(qtbot, manager.delete_button)
    assert "maps" not in tag_state(tagged)
    assert manager.status.text() == "Deleted “maps”: 2 documents and 1 annotation lost it."
    assert not manager.model.index_of("maps").isValid()
    stack.undo()
    assert tag_state(tagged) == before and doc_tags(tagged, doc_ids) == docs_before
    assert manager.model.index_of("maps").isValid()
    stack.redo()
    assert "maps" not in tag_state(tagged)


def test_colour_from_the_palette_menu_and_undo(qtbot, manager: TagManagerDialog, tagged: Archive,  # type: ignore[no-untyped-def]
                                               stack: QUndoStack) -> None:
    manager.select("maps")
    red = next(a for a in manager.color_button.menu().actions() if a.text() == "Red")
    red.trigger()
    assert tag_state(tagged)["maps"][0] == "#e5534b"
    assert manager.colors.own_color("maps").name() == "#e5534b"
    stack.undo()
    assert tag_state(tagged)["maps"][0] is None


def test_filter_keeps_parents_of_matches(qtbot, manager: TagManagerDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(manager.filter, "freed")
    proxy = manager.proxy
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(NAME_ROLE) == "country"
    assert proxy.index(0, 0, proxy.index(0, 0)).data(NAME_ROLE) == "country/Freedonia"


def test_without_a_stack_changes_apply_directly(qtbot, tagged: Archive, prompts: Prompts) -> None:  # type: ignore[no-untyped-def]
    dialog = TagManagerDialog(tagged)
    qtbot.addWidget(dialog)
    dialog.select("mine-maps")
    prompts.answer_text = "maps of mines"
    dialog.rename_current()
    assert "maps of mines" in tag_state(tagged) and dialog.undo_action is None


def test_keys_on_the_tree(qtbot, manager: TagManagerDialog, tagged: Archive, prompts: Prompts) -> None:  # type: ignore[no-untyped-def]
    manager.select("mine-maps")
    manager.tree.setFocus()
    qtbot.waitUntil(manager.tree.hasFocus)
    qtbot.keyClick(manager.tree, Qt.Key.Key_Delete)
    assert "Delete the tag “mine-maps”?" in prompts.asked[0] and "mine-maps" not in tag_state(tagged)
    qtbot.keyClicks(manager.filter, "maps")
    qtbot.keyClick(manager.filter, Qt.Key.Key_Backspace)
    qtbot.keyClick(manager.filter, Qt.Key.Key_Home)
    qtbot.keyClick(manager.filter, Qt.Key.Key_Delete)  # edits the filter, deletes no tag
    assert manager.filter.text() == "ap" and len(prompts.asked) == 1
