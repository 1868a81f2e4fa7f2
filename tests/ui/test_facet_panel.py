"""The Browse panel on its own: several values checked per group, by mouse and keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem

from app.library.listing import DocumentFilter
from ui.facet_panel import KEY_ROLE, FacetPanel

pytestmark = pytest.mark.gui

COUNTS = {
    "kind": {"press-release": 2, "statement": 1, "report": 1},
    "publisher": {f"Publisher {i:03}": 1 for i in range(120)},
    "year": {"2022": 3, "2023": 1},
    "tag": {"press release": 3, "casualties/2023": 1, "casualties/2024": 1, "Serevia": 2},
}


@pytest.fixture
def panel(qtbot: Any) -> FacetPanel:
    widget = FacetPanel()
    qtbot.addWidget(widget)
    widget.resize(300, 500)
    widget.show()
    widget.set_counts(COUNTS)
    widget.filterChanged.connect(lambda _flt: widget.set_counts(COUNTS))  # as the window answers a change
    return widget


def item(panel: FacetPanel, group: str, value: str) -> QStandardItem:
    found = panel._find((group, value))
    assert found is not None, (group, value)
    return found


def click(qtbot: Any, panel: FacetPanel, group: str, value: str) -> None:
    index = item(panel, group, value).index()
    panel.tree.scrollTo(index)
    with qtbot.waitSignal(panel.filterChanged):
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualRect(index).center())


def checked(panel: FacetPanel, group: str) -> set[str]:
    head = next(panel.model.item(r) for r in range(panel.model.rowCount())
                if panel.model.item(r).data(KEY_ROLE) == (group, None))
    out: set[str] = set()

    def walk(parent: QStandardItem) -> None:
        for r in range(parent.rowCount()):
            child = parent.child(r)
            if child.checkState() == Qt.CheckState.Checked:
                out.add(child.data(KEY_ROLE)[1])
            walk(child)

    walk(head)
    return out


def test_two_values_of_a_group_stay_checked_together(qtbot: Any, panel: FacetPanel) -> None:
    click(qtbot, panel, "kind", "press-release")
    click(qtbot, panel, "kind", "statement")
    assert checked(panel, "kind") == {"press-release", "statement"}
    assert item(panel, "kind", "report").text() == "report  (1)"  # still there to be added
    assert panel.current_filter() == DocumentFilter(kind={"press-release", "statement"})
    click(qtbot, panel, "year", "2023")
    assert panel.current_filter() == DocumentFilter(kind={"press-release", "statement"}, year="2023")
    assert panel.summary.text() == "Showing kind press release or statement, and year 2023"  # kinds by name
    click(qtbot, panel, "kind", "press-release")  # a second click unchecks
    assert checked(panel, "kind") == {"statement"}
    assert panel.clear_button.isEnabled()
    panel.clear_button.click()
    assert panel.current_filter().is_empty() and not checked(panel, "kind") and not panel.clear_button.isEnabled()


def test_space_toggles_the_current_value(qtbot: Any, panel: FacetPanel) -> None:
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(item(panel, "year", "2022").index())
    with qtbot.waitSignal(panel.filterChanged):
        qtbot.keyClick(panel.tree, Qt.Key.Key_Space)
    assert panel.chosen("year") == ("2022",)
    assert panel.tree.currentIndex().data(KEY_ROLE) == ("year", "2022")  # the counts came back, the row stayed
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up)  # years run newest first
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert panel.chosen("year") == ("2022", "2023")


def test_tag_levels_and_tags_combine(qtbot: Any, panel: FacetPanel) -> None:
    click(qtbot, panel, "tag", "casualties")  # a level: the tags below it
    assert item(panel, "tag", "casualties").text() == "casualties"  # no tag of its own, no count
    click(qtbot, panel, "tag", "press release")
    assert panel.current_filter().tag == frozenset({"casualties", "press release"})
    assert panel.chosen_tag() is None  # two tags: no single one to export
    click(qtbot, panel, "tag", "casualties")
    assert panel.chosen_tag() == "press release"


def test_a_checked_value_without_documents_stays_to_be_unchecked(qtbot: Any, panel: FacetPanel) -> None:
    click(qtbot, panel, "kind", "report")
    click(qtbot, panel, "tag", "casualties")
    panel.set_counts({"kind": {"statement": 1}, "tag": {"Serevia": 1}})  # e.g. a search that finds no report
    assert item(panel, "kind", "report").text() == "report  (0)"
    assert item(panel, "tag", "casualties").text() == "casualties  (0)"
    assert checked(panel, "kind") == {"report"} and checked(panel, "tag") == {"casualties"}


def test_checking_keeps_the_list_where_it_was(qtbot: Any, panel: FacetPanel) -> None:
    publishers = panel._find(("publisher", None))
    assert publishers is not None
    panel.tree.expand(publishers.index())
    click(qtbot, panel, "publisher", "Publisher 080")
    scrolled = panel.tree.verticalScrollBar().value()
    assert scrolled > 0
    click(qtbot, panel, "publisher", "Publisher 079")
    assert panel.tree.verticalScrollBar().value() == scrolled
    assert panel.chosen("publisher") == ("Publisher 080", "Publisher 079")


def test_model_passes_model_tester(qtbot: Any, panel: FacetPanel, qtmodeltester: Any) -> None:
    click(qtbot, panel, "kind", "statement")
    click(qtbot, panel, "tag", "Serevia")
    qtmodeltester.check(panel.model)


def test_kinds_show_their_names_and_keep_their_keys(panel: FacetPanel) -> None:
    shown = item(panel, "kind", "press-release")
    assert shown.text() == "press release  (2)"  # as people read it, in the app's language
    assert shown.data(KEY_ROLE) == ("kind", "press-release") and "press-release" in shown.toolTip()  # as `kind:` takes it
