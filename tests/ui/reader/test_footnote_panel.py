"""FootnotePanel: notes, Ibid, sources, missing notes, and where each kind of link goes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor

from app.reading import FootnoteEntry
from tests.ui.reader.conftest import Reader, anchor_cursor, anchor_point, click_anchor, is_visible
from ui.reader import FootnotePanel

pytestmark = pytest.mark.gui

PROFILE = "Serevia"
RELEASE = "Coalition alarmed by reports of new mine use in northern Serevia"


def test_lists_notes_missing_notes_and_ibid(reader: Reader, library: dict[str, int]) -> None:
    reader.controller.open_document(library["Ruvenia"])
    panel = reader.panel
    assert [(e.number, e.missing) for e in panel.entries] == [(1, False), (2, False), (3, True), (4, False), (5, False)]
    text = panel.browser.toPlainText()
    assert "Footnote 3 — missing from the document" in text
    assert "Ibid → Ruvenia Mine Ban Treaty Article 7 Report (for calendar year 2008), Form B." in text
    assert "Source: Ruvenia Mine Action Centre · “Annual casualty report 2020” · Ruvenia Mine Action Centre (Dravo)" in text
    assert panel.summary.text() == "4 footnotes · 1 missing"


def test_number_click_asks_for_the_marker_and_selects_the_note(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    reader.controller.open_document(library["Ruvenia"])
    panel = reader.panel
    with qtbot.waitSignal(panel.showMarker) as blocker:
        click_anchor(qtbot, panel.browser, "dossier-marker:4")
    assert blocker.args == [4]
    assert panel.selected_footnote == 4


def test_url_opens_in_the_system_browser_only(qtbot, reader: Reader, library: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    reader.controller.open_document(library["Ruvenia"])
    browser = reader.panel.browser
    before = browser.toPlainText()
    href = "https://www.rmac.example.org/reports/casualties-2020"
    assert anchor_cursor(browser, href).selectedText() == "www.rmac.example.org/reports/casualties-2020"
    click_anchor(qtbot, browser, href)
    assert [u.toString() for u in opened] == [href]
    assert browser.toPlainText() == before and browser.source().isEmpty()  # the app never navigated
    assert reader.view.plan is not None and reader.controller.document_id == library["Ruvenia"]


def test_archive_link_emits_open_document(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    reader.controller.open_document(library[PROFILE])
    panel = reader.panel
    linked = [e for e in panel.entries if e.links]
    assert [(e.number, e.links[0].document_id) for e in linked] == [(8, library[RELEASE])]
    assert f"In the archive: {RELEASE} — September 12, 2022" in panel.browser.toPlainText()  # the date as en_US writes it
    with qtbot.waitSignal(panel.openDocument) as blocker:
        click_anchor(qtbot, panel.browser, f"dossier-doc:{library[RELEASE]}")
    assert blocker.args == [library[RELEASE]]


def test_ibid_links_to_the_note_it_repeats(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    reader.controller.open_document(library["Ruvenia"])
    click_anchor(qtbot, reader.panel.browser, "dossier-note:1")
    assert reader.panel.selected_footnote == 1


def test_click_in_a_note_selects_it(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    reader.controller.open_document(library["Ruvenia"])
    browser = reader.panel.browser
    point = anchor_point(browser, "dossier-marker:5")
    point.setX(point.x() + 80)  # on the note's text, not its number
    with qtbot.waitSignal(reader.panel.footnoteSelected) as blocker:
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [5]


def test_select_footnote_scrolls_a_long_list(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = FootnotePanel()
    qtbot.addWidget(panel)
    panel.resize(320, 300)
    panel.show()
    panel.show_entries([FootnoteEntry(n, text=f"Note number {n}, a source of some length. " * 3) for n in range(1, 81)])
    assert panel.select_footnote(70)
    cursor = QTextCursor(panel.browser.document())
    cursor.setPosition(panel._frames[70].firstPosition())
    assert is_visible(panel.browser, cursor)
    assert not panel.select_footnote(999) and panel.selected_footnote == 70


def test_empty_states(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    panel = reader.panel
    assert panel.browser.toPlainText() == "No document open" and not panel.summary.isVisible()
    reader.controller.open_document(library["Statement by the Republic of Lorvania"])
    assert panel.browser.toPlainText() == "This document has no footnotes."
    reader.controller.open_document(library["Landmines in Serevia"])  # markers but no note list
    assert panel.summary.text().startswith("No note list · ")
