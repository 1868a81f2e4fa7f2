"""The Annotations panel: listing, showing in the reader, edit/delete, orphans apart and re-anchored."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.annotating import annotations
from app.archive.folder import Archive
from app.archive.paths import sample_files
from app.importing.importer import run_import
from app.library.listing import list_documents
from tests.ui.annotations.conftest import Annotating, select_text
from ui.annotations import delegate as delegate_module
from ui.annotations.list_model import AnnotationListModel, IsHeaderRole, NoteRole, NoteTextRole, TagsRole
from ui.annotations.note_view import summary_html
from ui.annotations.panel import EMPTY_TEXT, NO_DOCUMENT_TEXT
from ui.plain_text import InertDocument

pytestmark = pytest.mark.gui

FIRST = "acceded to the Mine Ban Treaty on 2 March 2004"
SECOND = "found freshly emplaced PMA-2 mines"
LOST = "existing provisions of the Criminal Code"


def row_center(panel, row: int):  # type: ignore[no-untyped-def]
    return panel.list.visualRect(panel.model.index(row)).center()


def click_row(qtbot, panel, row: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=row_center(panel, row))


def test_empty_states(annotating: Annotating, library: dict[str, int]) -> None:
    panel = annotating.list_panel
    assert panel.stack.currentWidget() is panel.empty and panel.empty.text() == NO_DOCUMENT_TEXT
    annotating.open(library)
    assert panel.empty.text() == EMPTY_TEXT == "No annotations yet — select text and press Ctrl+Shift+H"
    assert panel.stack.currentWidget() is panel.empty


def test_lists_the_documents_annotations_and_shows_one_in_the_reader(qtbot, annotating: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    a = annotating
    doc = library["Serevia"]
    second = annotations.create_from_quote(a.archive, doc, SECOND, color="orange", note="New use?\nmore",
                                           tag_names=["evidence/new-use"])
    first = annotations.create_from_quote(a.archive, doc, FIRST, color="green")
    annotations.create_from_quote(a.archive, library["Landmines in Serevia"], "Serevia")  # another document
    a.window.resize(1280, 400)
    a.open(library)
    panel, model = a.list_panel, a.list_panel.model
    assert panel.stack.currentWidget() is panel.list
    assert [x.id for x in model.annotations()] == [first.id, second.id]  # by position
    index = model.index(1)
    assert index.data() == SECOND and index.data(NoteRole) == "New use?" and index.data(TagsRole) == [
        ("evidence/new-use", None)]
    assert not panel.edit_button.isEnabled()
    assert a.view.verticalScrollBar().value() == 0
    click_row(qtbot, panel, 1)
    assert panel.current_annotation().id == second.id and panel.edit_button.isEnabled()
    assert a.view.verticalScrollBar().value() > 0  # scrolled to it …
    flash = a.view.highlights("flash")
    assert [(h.start, h.end) for h in flash] == [(second.start, second.end)]  # … and flashed
    qtbot.waitUntil(lambda: not a.view.highlights("flash"), timeout=20_000)
    panel.edit_button.click()
    assert a.annotations.editor.isVisible() and a.annotations.editor.annotation_id == second.id


def test_delete_key_in_the_panel_deletes_and_undo_restores(qtbot, annotating: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    a = annotating
    made = annotations.create_from_quote(a.archive, library["Serevia"], FIRST, tag_names=["treaty"], note="n")
    a.open(library)
    click_row(qtbot, a.list_panel, 0)
    qtbot.keyClick(a.list_panel.list, Qt.Key.Key_Delete)
    assert annotations.list_annotations(a.archive) == []
    assert a.list_panel.model.rowCount() == 0 and a.list_panel.stack.currentWidget() is a.list_panel.empty
    assert a.view.highlights("annotations") == []
    a.stack.undo()
    assert annotations.get(a.archive, made.id) == made  # same id, tags, note, dates
    assert [x.id for x in a.list_panel.model.annotations()] == [made.id]


def test_the_delete_button(qtbot, annotating: Annotating, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    a = annotating
    annotations.create_from_quote(a.archive, library["Serevia"], FIRST)
    a.open(library)
    assert not a.list_panel.delete_button.isEnabled()
    click_row(qtbot, a.list_panel, 0)
    qtbot.mouseClick(a.list_panel.delete_button, Qt.MouseButton.LeftButton)
    assert annotations.list_annotations(a.archive) == []


def _import_copy(archive: Archive, folder: Path, text: str) -> int:
    folder.mkdir(exist_ok=True)
    (folder / "profile.txt").write_text(text, encoding="utf-8")
    run_import(archive, [folder])
    return next(d.id for d in list_documents(archive))


def test_orphans_are_listed_apart_and_re_anchored_here(qtbot, archive: Archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sample = next(p for p in sample_files() if p.name == "serevia-country-profile.txt").read_text(encoding="utf-8")
    src = tmp_path / "src"
    doc = _import_copy(archive, src, sample)
    kept = annotations.create_from_quote(archive, doc, FIRST, color="green")
    lost = annotations.create_from_quote(archive, doc, LOST, color="pink", note="which provisions?")
    assert _import_copy(archive, src, sample.replace(LOST, "the general criminal law")) == doc
    assert annotations.get(archive, lost.id).orphaned

    a = Annotating(qtbot, archive, tmp_path / "settings.ini")
    a.open({"Serevia": doc})
    panel, model = a.list_panel, a.list_panel.model
    assert model.rowCount() == 3
    assert model.index(1).data() == "Text no longer found (1)" and model.index(1).data(IsHeaderRole)
    assert not model.flags(model.index(1)) & Qt.ItemFlag.ItemIsSelectable
    assert model.index(2).data() == LOST  # the orphan keeps its quote
    assert [h.key for h in a.view.highlights("annotations")] == [kept.id]  # orphans are not drawn
    assert panel.reanchor_button.isVisible()

    click_row(qtbot, panel, 2)
    assert panel.current_annotation().id == lost.id
    assert not a.annotations.reanchor_action.isEnabled()  # nothing selected in the text yet
    start, end = select_text(a.view, "the general criminal law")
    assert a.annotations.reanchor_action.isEnabled()
    qtbot.mouseClick(panel.reanchor_button, Qt.MouseButton.LeftButton)
    fixed = annotations.get(archive, lost.id)
    assert not fixed.orphaned and (fixed.start, fixed.end) == (start, end)
    assert fixed.quote == "the general criminal law" and fixed.note == "which provisions?"
    assert model.orphan_count() == 0 and not panel.reanchor_button.isVisible()
    assert sorted(h.key for h in a.view.highlights("annotations")) == sorted([kept.id, lost.id])
    assert panel.current_annotation().id == lost.id

    a.stack.undo()
    back = annotations.get(archive, lost.id)
    assert back.orphaned and back.quote == LOST and (back.start, back.end) == (lost.start, lost.end)
    assert model.orphan_count() == 1
    a.stack.redo()
    again = annotations.get(archive, lost.id)
    assert not again.orphaned and (again.start, again.end, again.quote) == (start, end, fixed.quote)


def test_model_passes_qtmodeltester(qtmodeltester, archive: Archive, library: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    doc = library["Serevia"]
    for quote in (FIRST, SECOND, LOST):
        annotations.create_from_quote(archive, doc, quote, tag_names=["t"], note="a\nb")
    items = annotations.list_annotations(archive)
    orphan = dataclasses.replace(items[0], orphaned=True)
    model = AnnotationListModel()
    model.set_annotations([orphan, *items[1:]], {"t": "#336699"})
    assert model.rowCount() == 4 and model.index(2).data(IsHeaderRole)
    qtmodeltester.check(model, force_py=True)
    model.set_annotations([])
    qtmodeltester.check(model, force_py=True)


def test_a_markdown_note_is_shown_rendered_in_the_dock(qtbot, annotating: Annotating, library: dict[str, int],  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    a = annotating
    note = "**no production** since `2004` <img src=http://evil.example/p.png>\n\n- and [more](https://a.org)"
    annotations.create_from_quote(a.archive, library["Serevia"], FIRST, note=note, tag_names=["treaty"])
    a.open(library)
    index = a.list_panel.model.index(0)
    assert index.data(NoteRole) == "no production since 2004 <img src=http://evil.example/p.png>"  # read, as text
    assert index.data(NoteTextRole) == note
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "<strong>no production</strong>" in tip and "<code>2004</code>" in tip and "**" not in tip
    assert "&lt;img src=" in tip and "<img" not in tip and '<a href="https://a.org"' in tip
    assert "#treaty" in tip and f"“{FIRST}”" in tip
    drawn: list[str] = []
    asked: list[str] = []
    real = delegate_module.paint_note_line

    def spy(painter, rect, text, font, color) -> None:  # type: ignore[no-untyped-def]
        drawn.append(summary_html(text, font, rect.width()))
        real(painter, rect, text, font, color)

    monkeypatch.setattr(delegate_module, "paint_note_line", spy)
    monkeypatch.setattr(InertDocument, "loadResource", lambda _self, _t, name: asked.append(name.toString()))
    a.list_panel.list.viewport().grab()
    assert drawn and drawn[0].startswith("<strong>no production</strong> since <code>2004</code> &lt;img")
    assert asked == []
