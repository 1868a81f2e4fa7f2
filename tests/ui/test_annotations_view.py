"""The annotations view: every annotation of the archive, filtered and ordered by the service."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.annotating import annotations
from app.archive.folder import Archive
from app.archive.paths import sample_files
from app.importing.importer import run_import
from app.library import listing as library
from ui.annotations import note_view
from ui.annotations.note_view import NoteDelegate
from ui.annotations_table_model import (
    DOCUMENT,
    ID_ROLE,
    MODIFIED,
    NOTE,
    NOTE_ROLE,
    QUOTE,
    TAGS,
    AnnotationTableModel,
)
from ui.annotations_view import AnnotationsView
from ui.plain_text import InertDocument, tooltip

pytestmark = pytest.mark.gui

PROFILE = "Serevia"
RELEASE = "Press release on reports of mines near Dolna Reka"
COALITION = "Coalition alarmed by reports of new mine use in northern Serevia"
STOCKPILE = "mostly PMA-2, PMR-2A and PROM-1 mines."
NEW_USE = "had found freshly emplaced PMA-2 mines on a path to their fields."
CLEARANCE = "Clearance in 2021 released 0.62km², the best annual result since 2015."


@dataclass
class Annotated:
    """The samples imported and five annotations made on three of them."""

    archive: Archive
    docs: dict[str, int]  # title → id
    ids: dict[str, int]  # stockpile, new_use, clearance, village, demand → annotation id


def annotate_samples(archive: Archive) -> Annotated:
    files = sample_files()
    if not files:
        pytest.skip("no bundled samples")
    assert not run_import(archive, files).failed
    docs = {r.title: r.id for r in library.list_documents(archive)}
    profile, release, coalition = docs[PROFILE], docs[RELEASE], docs[COALITION]

    def make(doc: int, quote: str, note: str, color: str, tag_names: list[str]) -> int:
        return annotations.create_from_quote(archive, doc, quote, note=note, color=color, tag_names=tag_names).id

    ids = {
        "stockpile": make(profile, STOCKPILE, "Stockpile composition.\nCompare with the Article 7 report.", "yellow",
                          ["stockpile", "country/Serevia"]),
        "new_use": make(profile, NEW_USE, "Key allegation of new use.", "pink", ["new use", "country/Serevia"]),
        "clearance": make(profile, CLEARANCE, "", "green", ["clearance"]),
        "village": make(release, "Dolna Reka", "Village named by the ministry.", "blue",
                        ["country/Serevia/Dolna Reka"]),
        "demand": make(coalition, library.document_text(archive, coalition)[200:320].strip(), "The coalition's demand.",
                       "purple", ["advocacy"]),
    }
    return Annotated(archive, docs, ids)


@pytest.fixture
def annotated(archive: Archive) -> Annotated:
    return annotate_samples(archive)


@pytest.fixture
def view(annotated: Annotated, qtbot) -> AnnotationsView:  # type: ignore[no-untyped-def]
    widget = AnnotationsView(annotated.archive)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    return widget


def shown_ids(view: AnnotationsView) -> list[int]:
    return [view.model.index(r, 0).data(ID_ROLE) for r in range(view.model.rowCount())]


def click_header(view: AnnotationsView, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def orphan(archive: Archive, document_id: int) -> None:
    """What a re-import of a rewritten file does to annotations whose text is gone."""
    with archive.session() as s:
        annotations.reanchor_document(s, document_id, "A text that no longer holds any of the marked passages.")


def test_model_passes_model_tester(annotated: Annotated, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = AnnotationTableModel()
    model.set_rows(annotations.list_annotations(annotated.archive))
    qtmodeltester.check(model)
    assert model.rowCount() == 5


def test_lists_every_annotation_with_its_columns(view: AnnotationsView, annotated: Annotated) -> None:
    assert sorted(shown_ids(view)) == sorted(annotated.ids.values())
    assert view.count_label.text() == "5 annotations"
    row = view.model.row_of(annotated.ids["stockpile"])
    assert row is not None

    def cell(column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
        return view.model.index(row, column).data(role)

    assert cell(QUOTE) == STOCKPILE
    assert cell(QUOTE, Qt.ItemDataRole.ToolTipRole) == tooltip(STOCKPILE)
    assert cell(NOTE) == "Stockpile composition."  # the first line only
    assert cell(TAGS) == "country/Serevia, stockpile"
    assert cell(DOCUMENT) == PROFILE
    short = QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat)  # the user's locale: 1/31/24 12:00 PM in en_US
    assert QDateTime.fromString(str(cell(MODIFIED)), short).isValid()


def test_tag_filter_takes_the_hierarchy(view: AnnotationsView, annotated: Annotated, qtbot) -> None:  # type: ignore[no-untyped-def]
    names = [view.tag_combo.itemText(i) for i in range(view.tag_combo.count())]
    assert "country" in names and "country/Serevia/Dolna Reka" in names  # ancestors are offered too
    view.tag_combo.setEditText("country")
    qtbot.waitUntil(lambda: len(shown_ids(view)) == 3, timeout=20_000)
    ids = annotated.ids
    assert set(shown_ids(view)) == {ids["stockpile"], ids["new_use"], ids["village"]}
    assert view.count_label.text() == "3 of 5 annotations"
    view.tag_combo.setEditText("country/Serevia/Dolna Reka")
    qtbot.waitUntil(lambda: shown_ids(view) == [ids["village"]], timeout=20_000)


def test_colour_filter(view: AnnotationsView, annotated: Annotated) -> None:
    view.color_combo.setCurrentIndex(view.color_combo.findData("pink"))
    assert shown_ids(view) == [annotated.ids["new_use"]]
    view.color_combo.setCurrentIndex(view.color_combo.findData("orange"))
    assert shown_ids(view) == []
    assert view.stack.currentWidget() is view.empty_label
    assert "No annotation matches" in view.empty_label.text()
    view.empty_label.linkActivated.emit("clear")
    assert len(shown_ids(view)) == 5


def test_text_filter_matches_quote_or_note_after_typing_stops(view: AnnotationsView, annotated: Annotated,
                                                              qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    qtbot.keyClicks(view.text_filter, "coalition's")
    assert len(shown_ids(view)) == 5  # debounced: nothing yet
    qtbot.waitUntil(lambda: shown_ids(view) == [annotated.ids["demand"]], timeout=20_000)  # in the note
    view.text_filter.setText("PROM-1")
    qtbot.waitUntil(lambda: shown_ids(view) == [annotated.ids["stockpile"]], timeout=20_000)  # in the quote


def test_orphaned_only(view: AnnotationsView, annotated: Annotated) -> None:
    orphan(annotated.archive, annotated.docs[RELEASE])
    view.refresh()
    view.orphaned_check.setChecked(True)
    assert shown_ids(view) == [annotated.ids["village"]]
    index = view.model.index(0, QUOTE)
    assert str(index.data()).startswith("⚠")
    assert "no longer found" in str(index.data(Qt.ItemDataRole.ToolTipRole))


def test_document_filter_and_current_document(view: AnnotationsView, annotated: Annotated) -> None:
    combo = view.document_combo
    titles = [combo.itemText(i) for i in range(combo.count())]
    assert {PROFILE, RELEASE, COALITION} <= set(titles)
    assert not combo.model().item(combo.findData(-1)).isEnabled()  # type: ignore[attr-defined]
    combo.setCurrentIndex(combo.findData(annotated.docs[RELEASE]))
    assert shown_ids(view) == [annotated.ids["village"]]

    view.set_current_document(annotated.docs[PROFILE], PROFILE)
    current = combo.findData(-1)
    assert combo.model().item(current).isEnabled()  # type: ignore[attr-defined]
    combo.setCurrentIndex(current)
    assert len(shown_ids(view)) == 3
    view.set_current_document(annotated.docs[COALITION], COALITION)  # follows the reader
    assert shown_ids(view) == [annotated.ids["demand"]]


def test_sorting_by_document_or_by_date(view: AnnotationsView, annotated: Annotated) -> None:
    ids = annotated.ids
    annotations.edit(annotated.archive, ids["clearance"], note="Edited last.")
    view.refresh()
    assert view.sort_combo.currentData() == "modified"
    assert shown_ids(view)[0] == ids["clearance"]  # newest first

    header = view.table.horizontalHeader()
    click_header(view, DOCUMENT)
    assert view.sort_combo.currentData() == "document"
    # the service's order: document (by id: import order), then position
    assert shown_ids(view) == [ids["demand"], ids["stockpile"], ids["new_use"], ids["clearance"], ids["village"]]
    assert header.sortIndicatorSection() == DOCUMENT

    click_header(view, NOTE)  # not a sortable column
    assert view.sort_combo.currentData() == "document"
    assert header.sortIndicatorSection() == DOCUMENT
    click_header(view, MODIFIED)
    assert view.sort_combo.currentData() == "modified"
    assert shown_ids(view)[0] == ids["clearance"]


def test_double_click_and_enter_open_the_annotation(view: AnnotationsView, annotated: Annotated,
                                                    qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    row = view.model.row_of(annotated.ids["village"])
    assert row is not None
    rect = view.table.visualRect(view.model.index(row, QUOTE))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a real one starts so
    with qtbot.waitSignal(view.openAnnotation) as blocker:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [annotated.docs[RELEASE], annotated.ids["village"]]

    row = view.model.row_of(annotated.ids["demand"])
    assert row is not None
    view.table.setCurrentIndex(view.model.index(row, QUOTE))
    view.table.setFocus()
    with qtbot.waitSignal(view.openAnnotation) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [annotated.docs[COALITION], annotated.ids["demand"]]


def test_multi_selection_is_reported_and_kept_across_filters(view: AnnotationsView, annotated: Annotated,
                                                             qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    wanted = [annotated.ids["stockpile"], annotated.ids["village"]]
    with qtbot.waitSignal(view.selectionChanged) as blocker:
        view.select_ids(wanted)
    assert sorted(blocker.args[0]) == sorted(wanted)
    assert sorted(view.selected_ids()) == sorted(wanted)
    view.tag_combo.setEditText("country")
    qtbot.waitUntil(lambda: len(shown_ids(view)) == 3, timeout=20_000)
    assert sorted(view.selected_ids()) == sorted(wanted)
    with qtbot.waitSignal(view.exportRequested) as blocker:
        view.export_button.click()
    assert sorted(blocker.args[0]) == sorted(wanted)


def test_export_button_without_selection_offers_the_rows_shown(view: AnnotationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.color_combo.setCurrentIndex(view.color_combo.findData("green"))
    with qtbot.waitSignal(view.exportRequested) as blocker:
        view.export_button.click()
    assert blocker.args[0] == view.visible_ids() and len(blocker.args[0]) == 1


def test_a_bad_tag_name_is_a_message_not_a_crash(view: AnnotationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.tag_combo.setEditText("a,b")
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.empty_label, timeout=20_000)
    assert "comma" in view.empty_label.text()


def test_empty_archive_and_no_archive(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    with Archive.open(tmp_path / "empty") as empty:
        view = AnnotationsView(empty)
        qtbot.addWidget(view)
        assert view.stack.currentWidget() is view.empty_label
        assert "No annotations yet" in view.empty_label.text()
        assert not view.export_button.isEnabled()
        view.set_archive(None)
        assert "No archive" in view.empty_label.text()
    QApplication.processEvents()


def test_a_markdown_note_is_shown_rendered(view: AnnotationsView, annotated: Annotated,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    note = "**no production** <script>alert(1)</script> ![map](http://evil.example/m.png)\nsecond line"
    annotations.edit(annotated.archive, annotated.ids["clearance"], note=note)
    view.refresh()
    row = view.model.row_of(annotated.ids["clearance"])
    assert row is not None
    index = view.model.index(row, NOTE)
    assert index.data() == "no production <script>alert(1)</script> map"  # read, as plain text
    assert index.data(NOTE_ROLE) == note
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "<strong>no production</strong>" in tip and "&lt;script&gt;" in tip
    assert "<img" not in tip and "m.png" not in tip and "**" not in tip
    delegate = view.table.itemDelegateForColumn(NOTE)
    assert isinstance(delegate, NoteDelegate)
    drawn: list[str] = []
    asked: list[str] = []
    real = note_view.paint_note_line

    def spy(painter, rect, text, font, color) -> None:  # type: ignore[no-untyped-def]
        drawn.append(note_view.summary_html(text, font, rect.width()))
        real(painter, rect, text, font, color)

    monkeypatch.setattr(note_view, "paint_note_line", spy)
    monkeypatch.setattr(InertDocument, "loadResource", lambda _self, _t, name: asked.append(name.toString()))
    view.resize(1400, 400)  # the Note column wide enough for the start of the note
    view.table.viewport().grab()
    assert any(html.startswith("<strong>no production</strong> &lt;script&gt;") for html in drawn)
    assert asked == []


def test_every_column_fits_without_scrolling_sideways(view: AnnotationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    for width in (700, 1000, 1600):
        view.resize(width, 400)
        table = view.table
        qtbot.waitUntil(lambda table=table: sum(table.columnWidth(c) for c in range(table.model().columnCount()))
                        <= table.viewport().width() + 2)  # fmt: skip
        assert table.columnWidth(QUOTE) == max(table.columnWidth(c) for c in range(table.model().columnCount()))
