"""The main window: library, facets, import with progress and summary, docks, shortcuts, settings."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from app.annotating import annotations
from app.archive.folder import Archive
from app.archive.paths import sample_files
from app.importing.importer import run_import
from app.library import tags
from tests.app.importing.test_importer import PROFILE, RELEASE
from ui.document_table_model import COLUMNS, ID_ROLE, DocumentTableModel
from ui.main_window import MainWindow
from ui.settings import AppSettings

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def filled(archive: Archive, tmp_path: Path) -> Archive:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(PROFILE, encoding="utf-8")
    (src / "b.txt").write_text(RELEASE, encoding="utf-8")
    run_import(archive, [src])
    return archive


@pytest.fixture
def window(filled: Archive, settings: AppSettings, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(filled, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w._index_worker is None, timeout=20_000)
    return w


def _rows(window: MainWindow) -> list[str]:
    return [window.model.index(r, 0).data() for r in range(window.model.rowCount())]


def test_model_passes_model_tester(filled: Archive, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    annotations.create_from_quote(filled, 1, "PMN-2")
    tags.tag_documents(filled, [1], ["country/Freedonia", "maps"])
    model = DocumentTableModel(filled)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    header = {model.headerData(c, Qt.Orientation.Horizontal): c for c in range(model.columnCount())}
    rows = {model.index(r, 0).data(ID_ROLE): r for r in range(2)}
    assert model.index(rows[1], header["Tags"]).data() == "country/Freedonia, maps"
    assert model.index(rows[1], header["Annotations"]).data() == "1"
    assert model.index(rows[2], header["Annotations"]).data() == ""
    assert model.index(rows[1], header["Kind"]).data() == "country profile"  # its name, not the key country-profile
    assert model.index(rows[2], header["Kind"]).data() == "press release"


def test_sorting_by_date(window: MainWindow) -> None:
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    dates = [window.model.index(r, 1).data() for r in range(window.model.rowCount())]
    assert dates == sorted(dates)
    window.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [window.model.index(r, 1).data() for r in range(2)] == sorted(dates, reverse=True)


def test_lazy_loading_fetches_pages(archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "many"
    src.mkdir()
    for i in range(7):
        (src / f"r{i}.txt").write_text(RELEASE.replace("January", f"January, batch {i}"), encoding="utf-8")
    run_import(archive, [src])
    monkeypatch.setattr("ui.document_table_model.PAGE_SIZE", 3)
    model = DocumentTableModel(archive)
    assert model.rowCount() == 3 and model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 7 and not model.canFetchMore(model.index(-1, -1))


def test_menus_and_standard_shortcuts(window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Go", "&Help"]
    shortcuts = {a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
    for key in ("Ctrl+O", "Ctrl+I", "Ctrl+F", "Ctrl+L", "Alt+Left", "Alt+Right", "F1", "Ctrl+Q"):
        assert QKeySequence(key).toString() in shortcuts, key


def test_empty_archive_offers_samples(archive: Archive, settings: AppSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(archive, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._index_worker is None, timeout=20_000)
    assert "could not be updated" not in window.statusBar().currentMessage()  # open-time work on an empty index
    assert window.library_stack.currentIndex() == 1
    qtbot.mouseClick(window.samples_button, Qt.MouseButton.LeftButton)
    assert window.progress.isVisible()
    qtbot.waitUntil(lambda: not window.importer.running, timeout=60_000)
    assert window.library_stack.currentIndex() == 0
    assert window.model.total == len(sample_files()) >= 5
    assert "imported" in window.statusBar().currentMessage()


def test_import_reports_skipped_files(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "drop"
    src.mkdir()
    (src / "new.txt").write_text(RELEASE.replace("January", "March"), encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(src))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)  # as a drop of the folder on the window
    qtbot.waitUntil(lambda: not window.importer.running, timeout=30_000)
    assert window.model.total == 3
    dialog = window.last_summary_dialog
    assert "1 imported" in dialog.headline.text() and "2 skipped" in dialog.headline.text()
    details = dialog.details.toPlainText()
    assert "empty.txt" in details and "bad.pdf" in details
    dialog.close()


def test_cancelling_an_import_keeps_what_was_imported(window: MainWindow, tmp_path: Path, qtbot,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from app.importing import importer

    store = importer.store_prepared
    stored = 0
    held = threading.Event()  # the import thread is stopped at the fifth file…
    resume = threading.Event()  # …until the test has clicked Cancel: the click lands mid-import, whatever the load

    def held_at_the_fifth(session, prepared):  # type: ignore[no-untyped-def]
        nonlocal stored
        stored += 1  # only the import's one thread stores
        if stored == 5:  # the first file is committed by now: the first batch holds it alone
            held.set()
            resume.wait(60)  # bounded: a failing test cannot leave the thread stuck
        return store(session, prepared)

    monkeypatch.setattr(importer, "store_prepared", held_at_the_fifth)
    src = tmp_path / "lots"
    src.mkdir()
    (src / "a-empty.txt").write_bytes(b"")  # skipped before the cancel: still reported
    for i in range(150):
        (src / f"r{i:03}.txt").write_text(RELEASE.replace("January", f"January, item {i}"), encoding="utf-8")
    window._import_refresh.setInterval(50)
    before = window.model.total
    window.start_import([src])
    try:
        # the library fills in during the import
        qtbot.waitUntil(lambda: held.is_set() and window.model.total > 2, timeout=30_000)
        assert window.importer.running
        qtbot.mouseClick(window.progress.cancel_button, Qt.MouseButton.LeftButton)
        window.importer._on_progress(importer.ImportEvent(6, 151, src / "r005.txt", importer.IMPORTED))
        assert window.progress.label.text() == "Cancelling…"  # the batch under way does not write over it
    finally:
        resume.set()
    qtbot.waitUntil(lambda: not window.importer.running, timeout=30_000)
    message = window.statusBar().currentMessage()
    assert "cancelled" in message
    assert 2 < window.model.total < 152
    kept = int(re.search(r"after (\d+) file", message).group(1))  # type: ignore[union-attr]
    assert kept == window.model.total - before + 1  # the batch under way at the cancel is counted too
    dialog = window.last_summary_dialog
    assert dialog.windowTitle() == "Import cancelled" and "a-empty.txt" in dialog.details.toPlainText()
    dialog.close()


def test_the_summary_names_the_document_a_file_duplicates(window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           qtbot) -> None:
    src = tmp_path / "again"
    src.mkdir()
    (src / "copy.txt").write_text(PROFILE, encoding="utf-8")  # the profile's text, under another name
    window.start_import([src])
    qtbot.waitUntil(lambda: not window.importer.running, timeout=30_000)
    details = window.last_summary_dialog.details.toPlainText()
    assert "copy.txt (same content as “Freedonia”)" in details and "document 1" not in details
    window.last_summary_dialog.close()


def test_a_large_import_indexes_in_its_index_process(window: MainWindow, tmp_path: Path, qtbot,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Started from the GUI's worker thread, the import's index process indexes every document."""
    from app.search import service as search

    monkeypatch.setattr("app.importing.importer.BACKGROUND_INDEX_MIN", 2)  # a large import, in miniature
    monkeypatch.setattr("app.importing.importer.INDEX_BATCH", 40)
    src = tmp_path / "lots"
    src.mkdir()
    for i in range(150):
        (src / f"r{i:03}.txt").write_text(RELEASE.replace("January", f"January, item {i} quorlex"), encoding="utf-8")
    before = window.model.total
    window.start_import([src])
    qtbot.waitUntil(lambda: not window.importer.running, timeout=60_000)
    assert window.model.total == before + 150
    assert search.search(window.archive, "quorlex").total == 150
    assert len(window.archive.index.doc_ids()) == before + 150


def test_facet_click_filters_the_library(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = window.facets.model
    kind_group = next(model.item(r) for r in range(model.rowCount()) if model.item(r).text().startswith("Kind"))
    values = {kind_group.child(r).text(): kind_group.child(r) for r in range(kind_group.rowCount())}
    assert len(values) == 2  # the profile and the release are of different kinds
    target = next(iter(values.values()))
    with qtbot.waitSignal(window.facets.filterChanged):
        window.facets.tree.clicked.emit(target.index())
    assert window.model.total == 1
    assert "1 of 2 documents" in window.count_label.text()
    window.facets.clear()
    assert window.model.total == 2


def test_open_document_back_and_forward(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    first = window.model.index(0, 0)
    window.table.setCurrentIndex(first)
    window._open_index(first)
    assert window.tabs.currentIndex() == 1 and window.reader.document_id == first.data(ID_ROLE)
    assert window.footnotes_dock.isVisible()
    second = window.model.index(1, 0).data(ID_ROLE)
    window.open_document(second)
    assert window.actions_.back.isEnabled()
    window.actions_.back.trigger()
    assert window.reader.document_id == first.data(ID_ROLE)
    window.actions_.forward.trigger()
    assert window.reader.document_id == second


def test_the_reader_panels_leave_the_library_its_width_and_come_back_as_they_were(
        window: MainWindow, settings: AppSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1280, 800)
    width_before = window.table.viewport().width()
    window.open_document(window.model.index(0, 0).data(ID_ROLE))
    assert window.footnotes_dock.isVisible()
    from PySide6.QtWidgets import QTabBar

    def dock_tabs() -> list[QTabBar]:
        return [bar for bar in window.findChildren(QTabBar) if bar.parent() is window and bar.count() == 3]

    qtbot.waitUntil(lambda: bool(dock_tabs()) and dock_tabs()[0].elideMode() == Qt.TextElideMode.ElideNone)
    assert dock_tabs()[0].usesScrollButtons()  # whole names, arrows when they do not fit ("N…" named nothing)
    window.notes_dock.close()  # the user's choice, kept
    window.map_dock.raise_()
    for away in (2, 0):  # the annotations view, then the library: as wide as before any document was open
        window.tabs.setCurrentIndex(away)
        assert not any(d.isVisible() for d in (window.footnotes_dock, window.notes_dock, window.map_dock))
    qtbot.waitUntil(lambda: window.table.viewport().width() == width_before)
    window.tabs.setCurrentIndex(1)
    assert window.footnotes_dock.isVisible() and window.map_dock.isVisible() and window.notes_dock.isHidden()
    qtbot.waitUntil(lambda: not window.map_dock.visibleRegion().isEmpty())  # on top, the footnotes behind it
    assert window.footnotes_dock.visibleRegion().isEmpty()
    window.tabs.setCurrentIndex(0)
    window.close()  # closed away from the reader: saved as the user left them there
    again = MainWindow(window.archive, settings)
    qtbot.addWidget(again)
    again.show()
    assert again.tabs.currentIndex() == 0 and not again.map_dock.isVisible()
    again.open_document(again.model.index(0, 0).data(ID_ROLE))
    assert again.map_dock.isVisible() and again.footnotes_dock.isVisible() and again.notes_dock.isHidden()
    again.close()


def test_layout_and_archives_are_remembered(window: MainWindow, settings: AppSettings, tmp_path: Path,
                                            qtbot) -> None:  # type: ignore[no-untyped-def]
    first = window.archive.folder
    other = tmp_path / "other-archive"
    assert window.actions_.open_archive_at(other, create=True)
    assert window.archive.folder == other.resolve() and window.model.total == 0
    assert settings.last_archive() == other.resolve()
    from app.archive.paths import last_archive, resolve_archive_dir

    assert last_archive() == other.resolve() == resolve_archive_dir(None)  # the commands follow the app
    assert first in settings.recent_archives()
    recent = [a.text() for a in window.actions_.recent_menu.actions()]
    assert any(str(first) in text for text in recent)
    window.browse_dock.hide()
    window.close()
    again = MainWindow(Archive.open(other), settings)
    qtbot.addWidget(again)
    again.show()
    assert not again.browse_dock.isVisible()
    again.close()


def test_bad_archive_folder_is_a_clear_message(window: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Each refusal says what to do instead, under the title of what the user chose."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr("ui.plain_text.message", lambda _p, _i, title, text, *_a: shown.append((title, text)))
    not_archive = tmp_path / "notes"
    not_archive.mkdir()
    (not_archive / "x.txt").write_text("hello", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert not window.actions_.open_archive_at(not_archive)
    assert not window.actions_.open_archive_at(empty)
    assert not window.actions_.open_archive_at(not_archive, create=True)
    (open_files, in_files), (open_empty, in_empty), (new_files, in_new) = shown
    assert open_files == open_empty == "Open Archive" and new_files == "New Archive"
    assert "Import Folder" in in_files and "New Archive" in in_files
    assert "holds no archive yet" in in_empty and "New Archive" in in_empty
    assert "needs a new or empty folder" in in_new
    assert not any((empty / name).exists() for name in ("archive.sqlite3", "index"))


def test_window_fits_small_and_large_screens(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    for size in ((1024, 700), (1920, 1080)):
        window.resize(*size)
        QApplication.processEvents()
        assert window.table.width() > 300
        assert window.table.columnWidth(0) >= 200
    assert window.childAt(QPoint(5, 5)) is not None


def test_search_narrows_library_and_hit_opens_reader_at_first_match(window: MainWindow, tmp_path: Path,
                                                                      qtbot) -> None:  # type: ignore[no-untyped-def]
    long_report = tmp_path / "long" / "long.txt"
    long_report.parent.mkdir()
    filler = "\n\n".join(f"Paragraph {i} on survey and clearance of the northern belt." for i in range(300))
    long_report.write_text(f"A long report\n\n{filler}\n\nThe last paragraph names zirconium fuzes.\n", "utf-8")
    run_import(window.archive, [long_report.parent])
    window.refresh()
    window.resize(1024, 700)
    window.actions_.focus_search.trigger()
    window.search_panel.set_query("zirconium")
    window.search_panel.search_now()
    qtbot.waitUntil(lambda: window.search_panel.result() is not None and window.model.total == 1, timeout=20_000)
    assert "1 of 3 documents" in window.count_label.text()
    hit_index = window.search_panel.model.index(0, 0)
    with qtbot.waitSignal(window.reader.documentOpened, timeout=10_000):
        window.search_panel.results.doubleClicked.emit(hit_index)
    assert window.tabs.currentIndex() == 1
    view = window.reader_pane.view
    marks = view.highlights("search")
    assert marks, "the search terms are highlighted"
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map.to_position(marks[0].start))

    def first_match_in_view() -> bool:
        return view.viewport().rect().contains(view.cursorRect(cursor).center())

    QApplication.processEvents()  # the layout requests already posted (docks shown, row selected) are handled…
    qtbot.waitUntil(first_match_in_view, timeout=10_000)  # …and the first match is in view, however slow the machine
    window.search_panel.set_query("")
    window.search_panel.search_now()
    qtbot.waitUntil(lambda: window.model.total == 3, timeout=20_000)


def test_annotate_in_reader_then_undo_redo_and_export(window: MainWindow, tmp_path: Path, qtbot,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.annotations.conftest import select_text

    profile = next(window.model.document_id(r) for r in range(window.model.rowCount())
                   if window.model.index(r, 0).data() == "Freedonia")
    window.open_document(profile)
    view = window.reader_pane.view
    start, end = select_text(view, "PMN-2 mines near the border")
    assert window.annotating.highlight_action.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    made = annotations.list_annotations(window.archive)
    assert [(a.start, a.end) for a in made] == [(start, end)]
    assert view.highlights_at(start)
    notes_column = [key for _, key in COLUMNS].index("annotations")
    row = window.model.row_of(profile)
    assert window.model.index(row, notes_column).data() == "1"
    window.actions_.undo.trigger()
    assert annotations.list_annotations(window.archive) == []
    window.actions_.redo.trigger()
    assert [a.id for a in annotations.list_annotations(window.archive)] == [made[0].id]
    window.tabs.setCurrentIndex(0)
    assert not window.annotating.highlight_action.isEnabled()

    target = tmp_path / "excerpts.md"
    monkeypatch.setattr("ui.export_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions_.export.trigger()
    dialog = window.export_dialog
    assert dialog.isVisible()
    dialog.close()


def test_facet_model_passes_model_tester(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    tags.tag_documents(window.archive, [1], ["country/Freedonia", "country/Sylvania"])
    window.refresh_tags()
    qtmodeltester.check(window.facets.model)
    model = window.facets.model
    tag_group = next(model.item(r) for r in range(model.rowCount()) if model.item(r).text().startswith("Tags"))
    country = tag_group.child(0)
    assert country.text().startswith("country") and country.rowCount() == 2


def test_opening_repairs_an_index_that_lost_a_document(filled: Archive, settings: AppSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.search import service as search

    list(search.bring_up_to_date(filled))
    with filled.index.writer() as w:
        w.delete(1)  # behind the database's back: no index_queue row records it
    assert 1 not in filled.index.doc_ids()
    window = MainWindow(filled, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._index_worker is None, timeout=20_000)
    assert filled.index.doc_ids() == {1, 2}


def test_no_shortcut_is_bound_twice(window: MainWindow) -> None:
    """A sequence on two window-wide actions (or twice on one action) is ambiguous to Qt, which then runs
    neither; actions scoped to one widget (Delete in the library, Delete in the annotation list) do not meet."""
    window_wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        keys = [sequence.toString(QKeySequence.SequenceFormat.PortableText) for sequence in action.shortcuts()]
        assert len(keys) == len(set(keys)), action.text()
        if action.shortcutContext() in window_wide:
            for key in keys:
                owners.setdefault(key, []).append(action.text())
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_ctrl_shift_z_redoes(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoCommand

    done: list[str] = []

    class Mark(QUndoCommand):
        def redo(self) -> None:
            done.append("redo")

        def undo(self) -> None:
            done.append("undo")

    window.undo_stack.push(Mark("mark"))
    window.activateWindow()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert done == ["redo", "undo", "redo"]  # pushed, Ctrl+Z, Ctrl+Shift+Z (a Qt warning would fail the test too)


def test_redo_keys_are_set_once_whatever_the_platform_binds() -> None:
    """On Linux desktops the platform's Redo key is Ctrl+Shift+Z itself: set twice, Qt ran neither."""
    from ui.main_actions import _without_repeats

    linux_redo = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    assert [s.toString() for s in _without_repeats(linux_redo)] == ["Ctrl+Shift+Z", "Ctrl+Y"]


def test_title_takes_the_spare_width_and_end_goes_to_the_last_document(archive: Archive, settings: AppSettings,
                                                                        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "many"
    src.mkdir()
    for n in range(260):  # more than one lazy page of the table model
        (src / f"r{n:03}.txt").write_text(f"Report number {n} on clearance\n\nBody {n}.", encoding="utf-8")
    run_import(archive, [src])
    w = MainWindow(archive, settings)
    qtbot.addWidget(w)
    w.resize(1024, 700)
    w.show()
    qtbot.waitUntil(lambda: w._index_worker is None, timeout=20_000)
    table = w.table
    widths = [table.columnWidth(c) for c in range(len(COLUMNS))]
    title = [key for _, key in COLUMNS].index("title")
    assert widths[title] == max(widths) and widths[title] > 250
    assert sum(widths) <= table.viewport().width() + 2  # nothing pushed out sideways at 1024 px
    table.setFocus()
    table.setCurrentIndex(w.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert table.currentIndex().row() == 259 and table.horizontalScrollBar().value() == 0
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert table.currentIndex().row() == 0


def test_opening_another_archive_resets_search_filters_reader_and_history(window: MainWindow, qtbot,
                                                                          tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, second = (window.model.index(r, 0).data(ID_ROLE) for r in range(2))
    window.open_document(first)
    window.open_document(second)
    assert window.actions_.back.isEnabled()
    window.search_panel.field.setText("mines")
    window.search_panel.search_now()
    qtbot.waitUntil(lambda: window.search_panel.result() is not None, timeout=20_000)
    window.annotations_view.text_filter.setText("old filter")

    other = Archive.open(tmp_path / "other")
    run_import(other, sample_files())
    window.switch_archive(other)
    qtbot.waitUntil(lambda: window._index_worker is None, timeout=20_000)
    assert window.search_panel.query() == "" and window.search_panel.result() is None
    assert window.model.rowCount() == len(sample_files())  # every document: no old query filters them
    assert window.tabs.tabText(1) == "Reader" and window.tabs.currentIndex() == 0
    assert window.reader.document_id is None
    assert not window.actions_.back.isEnabled() and not window.reader.go_back()
    assert window.annotations_view.text_filter.text() == ""


def test_reimporting_the_open_document_shows_its_new_text(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened = window.model.index(0, 0).data(ID_ROLE)
    window.open_document(opened)
    for path in (tmp_path / "src").iterdir():  # both files change: the open document's is among them
        path.write_text(path.read_text(encoding="utf-8") + "\n\nA paragraph added after the first import.\n",
                        encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=60_000):
        window.start_import([tmp_path / "src"])
    qtbot.waitUntil(lambda: "added after the first import" in window.reader.pane.view.plan.text, timeout=20_000)
    assert window.reader.document_id == opened


def test_clearing_the_query_clears_the_readers_search_highlights(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.search_panel.field.setText("mines")
    window.search_panel.search_now()
    qtbot.waitUntil(lambda: window.search_panel.result() is not None, timeout=20_000)
    window.open_document(window.search_panel.result().hits[0].id, "mines")
    assert window.reader.pane.view.highlights("search")
    window.search_panel.field.clear()
    window.search_panel.search_now()
    qtbot.waitUntil(lambda: window.reader.pane.view.highlights("search") == [], timeout=20_000)


def test_export_opens_on_what_the_user_is_looking_at(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.export_scope import ALL, ANNOTATIONS, CURRENT, DOCUMENTS

    doc = window.model.index(0, 0).data(ID_ROLE)
    annotations.create_from_quote(window.archive, doc, "Freedonia")  # one annotation to select
    window.annotations_view.refresh()

    def opened_on() -> str:
        window.open_export_dialog()
        dialog = window.export_dialog
        scope = dialog.scopes.scope()
        dialog.close()
        return scope

    window.tabs.setCurrentIndex(2)
    window.annotations_view.table.selectRow(0)
    assert opened_on() == ANNOTATIONS
    window.tabs.setCurrentIndex(0)
    window.table.clearSelection()
    assert opened_on() == ALL  # the Annotations tab's selection does not carry over
    window.table.selectRow(0)
    assert opened_on() == DOCUMENTS
    window.open_document(doc)
    assert opened_on() == CURRENT
    tags.tag_documents(window.archive, [doc], ["maps"])
    window.refresh()
    window.facets.set_checked("tag", "maps")  # a checked tag is offered as the tag scope
    window.open_export_dialog()
    assert window.export_dialog.scopes.tag_combo.currentText() == "maps"
    window.export_dialog.close()


def test_new_archive_takes_a_folder_name_that_does_not_exist_yet(window: MainWindow, qtbot, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    wanted = tmp_path / "projects" / "New research"
    (tmp_path / "projects").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(wanted), ""))
    window.actions_.new_archive.trigger()
    qtbot.waitUntil(lambda: window._index_worker is None, timeout=20_000)
    assert window.archive.folder == wanted and (wanted / "archive.sqlite3").is_file()
    assert window.model.rowCount() == 0


def test_delete_removes_the_selected_documents_after_asking_and_undo_brings_them_back(
        window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from ui import plain_text

    doc = window.model.index(0, 0).data(ID_ROLE)
    made = annotations.create_from_quote(window.archive, doc, "Freedonia")
    window.open_document(doc)
    asked: list[str] = []
    monkeypatch.setattr(plain_text, "ask", lambda _p, _t, text, _d=None: asked.append(text) or True)
    window.tabs.setCurrentIndex(0)
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert "Remove 1 document from the archive?" in asked[0] and "1 annotation will be removed with it" in asked[0]
    assert window.model.rowCount() == 1 and window.reader.document_id is None
    assert annotations.list_annotations(window.archive) == []
    assert window.statusBar().currentMessage() == "Removed 1 document (Ctrl+Z to undo)."
    window.actions_.undo.trigger()
    assert window.model.rowCount() == 2
    assert [a.id for a in annotations.list_annotations(window.archive)] == [made.id]
    assert window.statusBar().currentMessage() == "Put back 1 document."
    window.actions_.redo.trigger()
    assert window.model.rowCount() == 1


def test_removing_asks_and_a_no_keeps_everything(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import plain_text

    monkeypatch.setattr(plain_text, "ask", lambda *_a, **_k: False)
    window.table.selectRow(0)
    window.actions_.remove_documents.trigger()
    assert window.model.rowCount() == 2 and window.undo_stack.count() == 0


def test_view_theme_switches_the_whole_app_and_is_remembered(window: MainWindow, settings: AppSettings,
                                                             qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette

    app = QApplication.instance()
    base = lambda: window.facets.palette().color(QPalette.ColorRole.Base).lightness()  # noqa: E731
    try:
        window.actions_.theme_actions["dark"].trigger()
        style = app.style()
        assert settings.theme() == "dark" and (getattr(style, "baseStyle", lambda: style)().name().lower() == "fusion")
        qtbot.waitUntil(lambda: base() < 60)
        assert window.facets.palette().color(QPalette.ColorRole.Text).lightness() > 180  # check boxes light on dark
        assert window.actions_.theme_actions["dark"].isChecked()
        window.actions_.theme_actions["light"].trigger()
        qtbot.waitUntil(lambda: base() > 200)
    finally:
        window.change_theme("system")
    assert settings.theme() == "system"


def test_the_window_comes_back_at_the_size_it_was_closed(filled: Archive, settings: AppSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(filled, settings)
    qtbot.addWidget(first)
    first.show()
    screen = first.screen().availableGeometry()
    wanted = (min(1111, screen.width() - 60), min(777, screen.height() - 60))  # a size the screen holds
    first.resize(*wanted)
    qtbot.waitUntil(lambda: (first.width(), first.height()) == wanted)
    qtbot.waitUntil(lambda: first._index_worker is None, timeout=20_000)
    first.close()
    again = MainWindow(filled, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again._index_worker is None, timeout=20_000)
    assert (again.width(), again.height()) == wanted
