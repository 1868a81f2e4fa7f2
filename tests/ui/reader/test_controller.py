"""The reader and the footnote panel together: markers ⇄ notes, following citations, back and forward."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from app.archive.folder import Archive
from app.importing.importer import run_import
from app.library.listing import list_documents
from tests.ui.reader.conftest import Reader, anchor_cursor, click_anchor, is_visible

pytestmark = pytest.mark.gui

PROFILE = "Serevia"
RELEASE = "Coalition alarmed by reports of new mine use in northern Serevia"


def frame_visible(reader: Reader, number: int) -> bool:
    cursor = QTextCursor(reader.panel.browser.document())
    cursor.setPosition(reader.panel._frames[number].firstPosition())
    return is_visible(reader.panel.browser, cursor)


def test_marker_click_selects_its_footnote(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    reader.window.resize(1024, 360)
    reader.controller.open_document(library[PROFILE])
    click_anchor(qtbot, reader.view, "dossier-fn:9")
    assert reader.panel.selected_footnote == 9
    assert frame_visible(reader, 9)
    click_anchor(qtbot, reader.view, "dossier-fn:4")  # a missing note has its line in the panel too
    assert reader.panel.selected_footnote == 4
    assert "Footnote 4 — missing from the document" in reader.panel.browser.toPlainText()


def test_footnote_number_click_scrolls_the_text_to_its_marker(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    reader.window.resize(1024, 300)
    reader.controller.open_document(library[PROFILE])
    view = reader.view
    assert view.verticalScrollBar().value() == 0
    click_anchor(qtbot, reader.panel.browser, "dossier-marker:11")
    marker = anchor_cursor(view, "dossier-fn:11")
    assert view.verticalScrollBar().value() > 0
    assert is_visible(view, marker)
    assert view.selected_span() is None  # not selected: Highlight and Annotate stay off on a marker
    flashed = view.highlights("flash")
    assert [view.plan.text[h.start:h.end] for h in flashed] == ["[11]"]


def test_following_an_archive_link_and_coming_back(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    reader.window.resize(1024, 300)
    controller = reader.controller
    history: list[tuple[bool, bool]] = []
    controller.historyChanged.connect(lambda back, forward: history.append((back, forward)))
    controller.open_document(library[PROFILE])
    click_anchor(qtbot, reader.view, "dossier-fn:8")
    position = reader.view.top_offset()
    assert position > 0
    with qtbot.waitSignal(controller.documentOpened) as opened:
        click_anchor(qtbot, reader.panel.browser, f"dossier-doc:{library[RELEASE]}")
    assert opened.args == [library[RELEASE]]
    assert reader.view.plan.title == RELEASE
    assert history[-1] == (True, False)
    assert controller.go_back()
    assert controller.document_id == library[PROFILE]
    assert reader.view.top_offset() == position  # back where the reader left off
    assert history[-1] == (False, True)
    assert controller.go_forward() and controller.document_id == library[RELEASE]
    assert not controller.go_forward()


def test_search_terms_are_highlighted_and_scrolled_to(reader: Reader, library: dict[str, int]) -> None:
    reader.window.resize(1024, 300)
    reader.controller.open_document(library[PROFILE], query="firewood")
    view = reader.view
    hits = view.highlights("search")
    assert [view.plan.text[h.start : h.end] for h in hits] == ["firewood"]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map.to_position(hits[0].start))
    assert is_visible(view, cursor) and view.verticalScrollBar().value() > 0
    reader.controller.set_search_query("")
    assert view.highlights("search") == []


def test_an_unknown_document_is_reported_and_changes_nothing(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    reader.controller.open_document(library[PROFILE])
    with qtbot.waitSignal(reader.controller.loadFailed) as failed:
        assert not reader.controller.open_document(99_999)
    assert "99999" in failed.args[0]
    assert reader.controller.document_id == library[PROFILE] and reader.view.plan.title == PROFILE


def test_own_fixture_missing_note_in_text_and_panel(qtbot, reader: Reader, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    reader.controller.open_document(library["Ruvenia"])
    assert anchor_cursor(reader.view, "dossier-fn:3").charFormat().fontStrikeOut()
    click_anchor(qtbot, reader.view, "dossier-fn:3")
    assert reader.panel.selected_footnote == 3


@pytest.mark.seeds
def test_seed_004_missing_notes_and_ibid(qtbot, archive: Archive, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    seed = next(seeds_dir.glob("004_*"))
    run_import(archive, [seed])
    reader = Reader(qtbot, archive)
    reader.controller.open_document(list_documents(archive)[0].id)
    missing = [e.number for e in reader.panel.entries if e.missing]
    assert missing == [3, 8, 9, 14]
    text = reader.panel.browser.toPlainText()
    for n in missing:
        assert f"Footnote {n} — missing from the document" in text
        assert anchor_cursor(reader.view, f"dossier-fn:{n}").charFormat().fontStrikeOut()
    assert not anchor_cursor(reader.view, "dossier-fn:12").charFormat().fontStrikeOut()
    note12 = next(e for e in reader.panel.entries if e.number == 12)
    assert note12.ibid_of == 11 and "Ibid → " in text
    click_anchor(qtbot, reader.view, "dossier-fn:14")
    assert reader.panel.selected_footnote == 14


def test_back_returns_to_the_same_scroll_position_wherever_the_reader_stopped(qtbot, reader: Reader,  # type: ignore[no-untyped-def]
                                                                              library: dict[str, int]) -> None:
    reader.window.resize(1024, 300)
    controller, view = reader.controller, reader.view
    controller.open_document(library[PROFILE])
    bar = view.verticalScrollBar()
    line = view.fontMetrics().lineSpacing()
    off_by = []
    for value in range(0, bar.maximum(), max(7, bar.maximum() // 23)):  # tops that cut lines and paragraph gaps
        bar.setValue(value)
        controller.open_document(library[RELEASE])
        assert controller.go_back()
        off_by.append(abs(bar.value() - value))
        controller.open_document(library[PROFILE])
    assert max(off_by) < line, off_by  # never a line or more away from where the reader was


def test_a_redraw_keeps_the_search_highlights_and_another_document_starts_without(reader: Reader,
                                                                                   library: dict[str, int]) -> None:
    controller, view = reader.controller, reader.view
    controller.open_document(library[PROFILE], query="firewood")
    assert view.highlights("search")
    controller.reload()  # a metadata edit, a re-import, a theme change
    assert [view.plan.text[h.start:h.end] for h in view.highlights("search")] == ["firewood"]
    controller.open_document(library[RELEASE])
    assert view.highlights("search") == []
    controller.reload()
    assert view.highlights("search") == []
