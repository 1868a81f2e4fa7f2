"""Annotation fixtures: the reader joined to an AnnotationController, its panel docked beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCursor, QUndoStack

from app.archive.folder import Archive
from tests.ui.reader.conftest import Reader, library  # noqa: F401 (the samples fixture, shared)
from ui.annotations import AnnotationController
from ui.settings import AppSettings

PROFILE = "Serevia"


class Annotating(Reader):
    """Reader + footnotes + Annotations panel in one window, with an undo stack, as the main window wires them."""

    def __init__(self, qtbot, archive: Archive, settings_file: Path) -> None:  # type: ignore[no-untyped-def]
        super().__init__(qtbot, archive)
        self.archive = archive
        self.stack = QUndoStack()
        self.settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
        self.annotations = AnnotationController(archive, self.controller, self.stack, self.settings)
        self.list_panel = self.annotations.panel
        self.window.insertWidget(0, self.list_panel)
        self.window.resize(1280, 800)
        self.window.setSizes([320, 640, 320])
        self.messages: list[str] = []
        self.annotations.message.connect(self.messages.append)
        self.window.activateWindow()
        qtbot.waitActive(self.window)

    def open(self, library: dict[str, int], title: str = PROFILE) -> str:  # noqa: F811
        assert self.controller.open_document(library[title])
        return self.view.plan.text


def select_text(view, fragment: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Select the first occurrence of `fragment` with a real QTextCursor; returns its Document.text span."""
    start = view.plan.text.index(fragment)
    end = start + len(fragment)
    select_offsets(view, start, end)
    return start, end


def select_offsets(view, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    pos = view.position_map
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos.to_position(start))
    cursor.setPosition(pos.to_position(end, end=True), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def offset_point(view, offset: int) -> QPoint:  # type: ignore[no-untyped-def]
    """A viewport point over text[offset], scrolling it into view first."""
    view.scroll_to_offset(offset)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map.to_position(offset))
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 4, rect.center().y())


def click_offset(qtbot, view, offset: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=offset_point(view, offset))


@pytest.fixture
def annotating(qtbot, archive: Archive, library: dict[str, int], tmp_path: Path) -> Annotating:  # type: ignore[no-untyped-def]  # noqa: F811
    return Annotating(qtbot, archive, tmp_path / "settings.ini")
