"""Reader fixtures: an archive holding the samples and the reader's own fixture, and anchor clicking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

from app.archive.folder import Archive
from app.archive.paths import sample_files
from app.importing.importer import run_import
from app.library.listing import list_documents
from tests.conftest import FIXTURES_DIR

READER_FIXTURES = FIXTURES_DIR / "reader"






@pytest.fixture
def library(archive: Archive) -> dict[str, int]:
    """The samples and tests/fixtures/reader imported; maps each title to its document id."""
    run_import(archive, [*sample_files(), READER_FIXTURES])
    return {row.title: row.id for row in list_documents(archive)}


def anchor_cursor(browser: QTextBrowser, href: str) -> QTextCursor:
    """A cursor selecting the first fragment that links to href."""
    doc = browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                return cursor
            it += 1
        block = block.next()
    raise AssertionError(f"no anchor {href!r} in the document")


def anchor_point(browser: QTextBrowser, href: str) -> QPoint:
    """The viewport point in the middle of the anchor's text, scrolling it into view first."""
    cursor = anchor_cursor(browser, href)
    start = QTextCursor(cursor)
    start.setPosition(cursor.selectionStart())
    end = QTextCursor(cursor)
    end.setPosition(cursor.selectionEnd())
    rect = browser.cursorRect(start)
    bar = browser.verticalScrollBar()
    if rect.top() < 0 or rect.bottom() > browser.viewport().height():
        bar.setValue(bar.value() + rect.top() - browser.viewport().height() // 2)
    left, right = browser.cursorRect(start), browser.cursorRect(end)
    if right.top() != left.top():  # wrapped: click just after the start
        return QPoint(left.left() + 3, left.center().y())
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def click_anchor(qtbot, browser: QTextBrowser, href: str) -> None:  # type: ignore[no-untyped-def]
    point = anchor_point(browser, href)
    assert browser.anchorAt(point) == href, f"{href} is not under {point}"
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def is_visible(browser: QTextBrowser, cursor: QTextCursor) -> bool:
    rect = browser.cursorRect(cursor)
    return rect.top() >= 0 and rect.bottom() <= browser.viewport().height()


class Reader:
    """A ReaderPane and FootnotePanel side by side, joined by a ReaderController, as the main window will."""

    def __init__(self, qtbot, archive: Archive) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QSplitter

        from ui.reader import FootnotePanel, ReaderController, ReaderPane

        self.window = QSplitter(Qt.Orientation.Horizontal)
        self.pane = ReaderPane()
        self.panel = FootnotePanel()
        self.window.addWidget(self.pane)
        self.window.addWidget(self.panel)
        self.window.resize(1024, 700)
        self.controller = ReaderController(archive, self.pane, self.panel)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)

    @property
    def view(self):  # type: ignore[no-untyped-def]
        return self.pane.view


@pytest.fixture
def reader(qtbot, archive: Archive, library: dict[str, int]) -> Reader:  # type: ignore[no-untyped-def]
    return Reader(qtbot, archive)
