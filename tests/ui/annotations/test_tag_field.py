"""The tags field: comma-separated names, completion of the name after the last comma."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.annotations.tag_field import TagLineEdit, split_tags

pytestmark = pytest.mark.gui


def test_split_tags_trims_and_drops_empty_and_repeated_names() -> None:
    assert split_tags(" a, b ,,A, country/Serevia ,") == ["a", "b", "country/Serevia"]
    assert split_tags("") == []


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")  # the offscreen popup
def test_completes_only_the_last_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = TagLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.set_tag_names(["evidence", "country/Serevia", "country/Lorvania", "treaty"])
    qtbot.keyClicks(field, "evidence, lor")
    completer = field.tag_completer
    assert completer.completionPrefix() == "lor" and completer.popup().isVisible()
    assert completer.currentCompletion() == "country/Lorvania"
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Tab)
    assert field.text() == "evidence, country/Lorvania, "
    assert field.tags() == ["evidence", "country/Lorvania"]


def test_insert_completion_in_the_middle_keeps_the_rest(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = TagLineEdit()
    qtbot.addWidget(field)
    field.setText("a, cou, b")
    field.setCursorPosition(len("a, cou"))
    assert field.current_fragment() == "cou"
    field.insert_completion("country/Serevia")
    assert field.text() == "a, country/Serevia, b"
    assert field.tags() == ["a", "country/Serevia", "b"]


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")  # the offscreen popup
def test_no_popup_for_a_name_already_complete(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = TagLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.set_tag_names(["treaty"])
    qtbot.keyClicks(field, "treaty")
    assert not field.tag_completer.popup().isVisible()
