"""The Tag manager driven through its buttons: rename, merge, delete, colour, with confirmations and undo;
its layout with a long undo text and deep child tags."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from app.annotating import annotations
from app.archive.folder import Archive
from app.library import tags
from tests.ui.tags.conftest import doc_tags, tag_state
from ui import plain_text
from ui.tags.colors import TagColors
from ui.tags.commands import RenameTagCommand
from ui.tags.manager_dialog import NAME_CHARS, RENAME_ASKS_ABOVE, TagManagerDialog
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
    freedonia = manager.colors.color("country/Freedonia", manager.palette()).name()
    assert manager.select("country")
    assert not manager.merge_button.isEnabled() and not manager.delete_button.isEnabled()  # a level only
    prompts.answer_text = "place"
    with qtbot.waitSignal(manager.tagsChanged):
        _click(qtbot, manager.rename_button)
    assert len(prompts.asked) == 1  # one item touched: no confirmation
    assert "New name for “country”" in prompts.asked[0] and "below it" in prompts.asked[0]
    assert "place/Freedonia" in tag_state(tagged) and "country/Freedonia" not in tag_state(tagged)
    assert manager.current_name() == "place" and "Renamed “country” to “place”" in manager.status.text()
    assert manager.undo_action is not None
    manager.undo_action.trigger()
    assert tag_state(tagged) == before
    assert manager.model.index_of("country/Freedonia").isValid()  # the tree followed the undo
    stack.redo()
    assert tag_state(tagged) == {**{k: v for k, v in before.items() if k != "country/Freedonia"},
                                 "place/Freedonia": (freedonia, 1, 0)}  # its hue came from its name: written down


def test_a_rename_onto_another_tag_offers_to_merge(qtbot, manager: TagManagerDialog, tagged: Archive,  # type: ignore[no-untyped-def]
                                                   doc_ids: list[int], stack: QUndoStack, prompts: Prompts) -> None:
    before, docs_before = tag_state(tagged), doc_tags(tagged, doc_ids)
    manager.select("maps")
    prompts.answer_text = "Mine-Maps"
    prompts.confirm = QMessageBox.StandardButton.No
    _click(qtbot, manager.rename_button)
    question = prompts.asked[1]
    assert "“mine-maps” is already a tag. Merge “maps” into it?" in question
    assert "The 2 documents and 1 annotation tagged “maps”" in question
    assert tag_state(tagged) == before and stack.count() == 0  # declined
    prompts.confirm = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(manager.tagsChanged):
        _click(qtbot, manager.rename_button)
    assert tag_state(tagged)["mine-maps"] == (None, 2, 1) and "maps" not in tag_state(tagged)
    assert manager.current_name() == "mine-maps" and manager.status.text().startswith("Merged “maps” into")
    stack.undo()
    assert tag_state(tagged) == before and doc_tags(tagged, doc_ids) == docs_before


def test_a_clashing_rename_of_a_family_shows_the_service_message(qtbot, manager: TagManagerDialog,  # type: ignore[no-untyped-def]
                                                                 tagged: Archive, stack: QUndoStack,
                                                                 prompts: Prompts) -> None:
    tags.tag_documents(tagged, [1], ["mine-maps/old"])
    manager.reload()
    before = tag_state(tagged)
    manager.select("mine-maps")
    prompts.answer_text = "maps"
    _click(qtbot, manager.rename_button)
    assert prompts.warned and "already exists" in prompts.warned[0] and "merge" in prompts.warned[0]
    assert "Not changed" in manager.status.text()
    assert tag_state(tagged) == before and stack.count() == 0


def _annotate_many(archive: Archive, doc_id: int, name: str, count: int) -> None:
    for i in range(count):
        annotations.create(archive, doc_id, i * 3, i * 3 + 2, tag_names=[name])


def test_a_rename_touching_many_items_asks_first_with_counts(qtbot, manager: TagManagerDialog,  # type: ignore[no-untyped-def]
                                                             tagged: Archive, doc_ids: list[int],
                                                             stack: QUndoStack, prompts: Prompts) -> None:
    _annotate_many(tagged, doc_ids[1], "mine-maps/old", RENAME_ASKS_ABOVE)  # 1 document + 20 + 1 annotations
    manager.reload()
    before = tag_state(tagged)
    manager.select("mine-maps")
    prompts.answer_text = "minefield maps"
    prompts.confirm = QMessageBox.StandardButton.No
    _click(qtbot, manager.rename_button)
    question = prompts.asked[1]
    assert "Rename “mine-maps” to “minefield maps”?" in question
    assert f"1 document and {RENAME_ASKS_ABOVE} annotations tagged “mine-maps” or below it" in question
    assert "2 tags are renamed" in question and "You can undo this." in question
    assert tag_state(tagged) == before and stack.count() == 0  # declined
    prompts.confirm = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(manager.tagsChanged):
        _click(qtbot, manager.rename_button)
    assert "minefield maps/old" in tag_state(tagged)
    assert manager.status.text().endswith(f"1 document and {RENAME_ASKS_ABOVE} annotations carry it.")  # as asked


def test_the_rename_confirmation_is_a_real_message_box(qtbot, manager: TagManagerDialog, tagged: Archive,  # type: ignore[no-untyped-def]
                                                       doc_ids: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    _annotate_many(tagged, doc_ids[0], "maps", RENAME_ASKS_ABOVE)
    manager.reload()
    manager.select("maps")
    monkeypatch.setattr(plain_text, "get_text", lambda *_args: ("atlas", True))
    seen: list[tuple[str, Qt.TextFormat]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append((box.text(), box.textFormat()))
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer)
    manager.rename_current()
    text, fmt = seen[0]
    assert fmt == Qt.TextFormat.PlainText
    assert f"2 documents and {RENAME_ASKS_ABOVE + 1} annotations tagged “maps”" in text
    assert "atlas" in tag_state(tagged) and "maps" not in tag_state(tagged)


def test_rename_and_its_undo_keep_every_colour(qtbot, manager: TagManagerDialog, tagged: Archive,  # type: ignore[no-untyped-def]
                                               stack: QUndoStack, prompts: Prompts) -> None:
    tags.tag_documents(tagged, [1], ["maps/old"])
    manager.reload()
    palette = manager.palette()

    def shown_as(name: str) -> str:
        return manager.colors.color(name, palette).name()

    shown = {n: shown_as(n) for n in ("maps", "maps/old", "mine-maps")}
    before = tag_state(tagged)
    manager.select("maps")
    prompts.answer_text = "atlas"
    _click(qtbot, manager.rename_button)
    assert shown_as("atlas") == shown["maps"]
    assert shown_as("atlas/old") == shown["maps/old"]
    assert shown_as("mine-maps") == shown["mine-maps"]
    icon = manager.model.index_of("atlas").data(Qt.ItemDataRole.DecorationRole)
    assert icon.pixmap(14, 14).toImage().pixelColor(7, 7).name() == shown["maps"]  # the tree's swatch too
    stack.undo()
    assert tag_state(tagged) == before  # the written-down colours are gone again
    assert {n: shown_as(n) for n in shown} == shown
    stack.redo()
    assert shown_as("atlas/old") == shown["maps/old"]


def test_a_renamed_tag_keeps_its_own_colour_and_its_children_inherit_it(qtbot, manager: TagManagerDialog,  # type: ignore[no-untyped-def]
                                                                        tagged: Archive, prompts: Prompts) -> None:
    tags.tag_documents(tagged, [1], ["maps/old"])
    tags.set_color(tagged, "maps", "#aa0000")
    manager.reload()
    manager.select("maps")
    prompts.answer_text = "atlas"
    _click(qtbot, manager.rename_button)
    state = tag_state(tagged)
    assert state["atlas"][0] == "#aa0000" and state["atlas/old"][0] is None  # nothing written down
    assert manager.colors.color("atlas/old", manager.palette()) == QColor("#aa0000")


def _rows(model, parent: QModelIndex = QModelIndex(), depth: int = 0):  # type: ignore[no-untyped-def]  # noqa: B008
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index, depth
        yield from _rows(model, index, depth + 1)


def _assert_names_fit(dialog: TagManagerDialog) -> None:
    """Every label in the name column has room for its indentation, swatch and whole text (up to NAME_CHARS)."""
    tree, metrics = dialog.tree, dialog.tree.fontMetrics()
    cap = metrics.averageCharWidth() * NAME_CHARS
    for index, depth in _rows(dialog.proxy):
        text = min(metrics.horizontalAdvance(index.data()), cap)
        needed = tree.indentation() * (depth + 1) + 16 + text
        assert tree.columnWidth(0) >= needed, (index.data(), tree.columnWidth(0), needed)
    assert tree.columnWidth(1) >= tree.header().sectionSizeHint(1)


def test_a_long_undo_text_and_deep_children_leave_the_names_readable(qtbot, manager: TagManagerDialog,  # type: ignore[no-untyped-def]
                                                                     tagged: Archive, stack: QUndoStack) -> None:
    deep = "country/Nagorno-Karabakh/Stepanakert district/Askeran region"
    tags.tag_documents(tagged, [1], [deep, "landmine-monitor/country-profiles/annual"])
    long_name = "maps of contaminated areas in the South Caucasus region (2013 survey)"
    RenameTagCommand(tagged, "maps", long_name).apply(stack)
    manager.reload()
    qtbot.wait(1)
    undo_button = next(b for b in manager.side.findChildren(type(manager.color_button))
                       if b.defaultAction() is manager.undo_action)
    assert undo_button.text() == "Undo"
    assert manager.undo_action is not None and long_name in manager.undo_action.toolTip()
    assert manager.side.width() <= manager.fontMetrics().averageCharWidth() * 16
    assert manager.tree.width() >= 2 * manager.side.width()
    _assert_names_fit(manager)
    manager.resize(1, 1)  # as small as the dialog lets itself be
    qtbot.waitUntil(lambda: manager.width() < 640)
    assert manager.width() >= manager.minimumSizeHint().width() and manager.height() >= 240
    _assert_names_fit(manager)
    assert manager.tree.columnWidth(0) > 4 * manager.tree.indentation()
    stack.undo()
    assert "Nothing to undo" in manager.undo_action.toolTip() and not manager.undo_action.isEnabled()
    assert manager.redo_action is not None and long_name in manager.redo_action.toolTip()


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
    assert manager.status.text() == ""  # "Deleted …" is no longer true
    stack.redo()
    assert "maps" not in tag_state(tagged)


def test_the_window_closing_with_the_manager_open_is_quiet(qtbot, tagged: Archive,  # type: ignore[no-untyped-def]
                                                           prompts: Prompts) -> None:
    """The main window owns the undo stack: destroyed with the manager still open, the stack empties itself
    first, and the manager must not read it then (it raised "QUndoStack already deleted")."""
    from PySide6.QtWidgets import QWidget
    from shiboken6 import isValid

    owner = QWidget()
    stack = QUndoStack(owner)
    dialog = TagManagerDialog(tagged, stack=stack, parent=owner)
    dialog.show()
    dialog.select("maps")
    prompts.confirm = QMessageBox.StandardButton.Yes
    _click(qtbot, dialog.delete_button)
    assert stack.count() == 1
    with qtbot.captureExceptions() as raised:
        owner.deleteLater()
        qtbot.waitUntil(lambda: not isValid(dialog))
    assert raised == []


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


def test_the_outcome_line_never_covers_the_tree(qtbot, manager: TagManagerDialog, tagged: Archive,  # type: ignore[no-untyped-def]
                                                prompts: Prompts) -> None:
    manager.select("maps")
    prompts.answer_text = "maps of minefields surveyed in the South Caucasus between 2009 and 2013 by district"
    _click(qtbot, manager.rename_button)
    manager.resize(1, 1)
    qtbot.waitUntil(lambda: manager.width() < 640)
    assert manager.status.text().startswith("Renamed “maps”")
    assert manager.tree.geometry().bottom() < manager.status.geometry().top()
    assert manager.status.height() >= manager.status.heightForWidth(manager.status.width())
