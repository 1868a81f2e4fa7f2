"""The export dialog keeps the file name and the format in step, and opens on the library's selection."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.export.excerpt_model import ExportOptions
from tests.ui.test_annotations_view import PROFILE, RELEASE, STOCKPILE, Annotated
from tests.ui.test_export_dialog import (  # noqa: F401 - the fixtures
    annotated,
    choose_format,
    make_dialog,
    settings,
)
from ui.export_dialog import ExportDialog
from ui.export_job import format_of, target_path, with_format, write_steps
from ui.export_scope import ALL, ANNOTATIONS, CURRENT, DOCUMENTS

pytestmark = pytest.mark.gui


def type_name(qtbot: Any, dialog: ExportDialog, name: str) -> None:
    """Replace the file name by typing, as a user does (real key events, `textEdited` fires)."""
    dialog.file_edit.setFocus()
    dialog.file_edit.selectAll()
    qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.file_edit, name)


def save_as(qtbot: Any, dialog: ExportDialog, monkeypatch: pytest.MonkeyPatch, path: Path,
            chosen_filter: str = "") -> list[tuple[str, str, str]]:  # fmt: skip
    """Export through the save dialog, which answers `path`; returns what it was shown (name, filters, filter)."""
    shown: list[tuple[str, str, str]] = []

    def fake_save(_parent: object, _caption: str, proposed: str, filters: str, selected: str,
                  *_args: object) -> tuple[str, str]:  # fmt: skip
        shown.append((proposed, filters, selected))
        return str(path), chosen_filter or selected

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    dialog.export_button.click()
    assert shown, "the file dialog was not shown"
    qtbot.waitUntil(lambda: not dialog.is_writing(), timeout=20_000)
    return shown


def test_choosing_a_format_changes_the_extension(make_dialog, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = make_dialog()
    choose_format(dialog, "md")
    assert dialog.file_edit.text() == "annotated-excerpts.md"
    choose_format(dialog, "pdf")
    assert dialog.file_edit.text() == "annotated-excerpts.pdf"
    dialog.title_edit.setText("Serevia: stockpiles")  # an untouched name follows the title
    assert dialog.file_edit.text() == "serevia-stockpiles.pdf"

    type_name(qtbot, dialog, "notes.HTM")  # an alias of a format, any case
    choose_format(dialog, "csv")
    assert dialog.file_edit.text() == "notes.csv"
    type_name(qtbot, dialog, "notes")  # no extension: the format's is added
    choose_format(dialog, "jsonld")
    assert dialog.file_edit.text() == "notes.jsonld"
    assert not dialog.file_note.isVisible()
    dialog.title_edit.setText("Another title")  # a name the user typed stays
    assert dialog.file_edit.text() == "notes.jsonld"


def test_typing_an_export_extension_chooses_the_format(make_dialog, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = make_dialog()
    choose_format(dialog, "pdf")
    for name, fmt in (("excerpts.csv", "csv"), ("excerpts.jsonld", "jsonld"), ("excerpts.md", "md"),
                      ("excerpts.html", "html"), ("excerpts.json", "jsonld"), ("excerpts.pdf", "pdf")):  # fmt: skip
        type_name(qtbot, dialog, name)
        assert dialog.fmt() == fmt, name
        assert dialog.target().name == name
    qtbot.waitUntil(lambda: "PDF is previewed as HTML" in dialog.preview_note.text(), timeout=10_000)


def test_an_unknown_extension_is_kept_and_the_formats_added(make_dialog, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = make_dialog()
    choose_format(dialog, "md")
    type_name(qtbot, dialog, "report.2024.txt")
    assert dialog.fmt() == "md"
    assert dialog.file_note.isVisible()
    assert dialog.file_note.text() == "Will be saved as “report.2024.txt.md”: “.txt” is not an export extension."
    choose_format(dialog, "pdf")
    assert dialog.file_edit.text() == "report.2024.txt"  # not the user's to lose
    assert dialog.target().name == "report.2024.txt.pdf"
    assert "report.2024.txt.pdf" in dialog.file_note.text()
    assert dialog.file_note.textFormat() == Qt.TextFormat.PlainText
    type_name(qtbot, dialog, "report")
    assert dialog.file_note.text() == "Will be saved as “report.pdf”."


def test_save_dialog_filter_follows_the_format(make_dialog, annotated: Annotated, tmp_path: Path,  # noqa: F811
                                               monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    dialog = make_dialog(current_document=annotated.docs[PROFILE])
    dialog.folder = tmp_path
    choose_format(dialog, "html")
    [(proposed, filters, selected)] = save_as(qtbot, dialog, monkeypatch, tmp_path / "page.htm")
    assert proposed == str(tmp_path / "annotated-excerpts.html")
    assert selected == "HTML (*.html *.htm)"
    assert filters.split(";;") == ["Markdown (*.md *.markdown)", "HTML (*.html *.htm)", "PDF (*.pdf)",
                                   "CSV (*.csv)", "W3C Web Annotation (*.jsonld *.json)", "All files (*)"]  # fmt: skip
    assert (tmp_path / "page.htm").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")

    # A name without an export extension takes the format of the filter chosen in the save dialog.
    save_as(qtbot, dialog, monkeypatch, tmp_path / "stockpiles", chosen_filter="PDF (*.pdf)")
    assert dialog.fmt() == "pdf"
    assert (tmp_path / "stockpiles.pdf").read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "stockpiles").exists()


@pytest.mark.parametrize(("chosen", "typed"), [("pdf", "excerpts.csv"), ("pdf", "excerpts.jsonld"),
                                              ("csv", "excerpts.pdf"), ("md", "excerpts.html")])  # fmt: skip
def test_the_bytes_written_match_the_extension(make_dialog, annotated: Annotated, tmp_path: Path, chosen: str,  # noqa: F811
                                               typed: str, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """The save dialog's name wins over the format chosen before: the issue's PDF bytes in `excerpts.csv`."""
    dialog = make_dialog(current_document=annotated.docs[PROFILE])
    choose_format(dialog, chosen)
    out = tmp_path / "out"
    out.mkdir()
    target = out / typed
    save_as(qtbot, dialog, monkeypatch, target)
    data = target.read_bytes()
    assert dialog.fmt() == format_of(target)
    assert f"Exported 3 excerpts to {target}" in dialog.status_label.text()
    assert f"to match “{typed}”" in dialog.status_label.text()
    assert dialog.file_edit.text() == typed
    assert list(out.iterdir()) == [target]
    if typed.endswith(".pdf"):
        assert data.startswith(b"%PDF-")
        return
    assert b"%PDF" not in data
    text = data.decode("utf-8-sig")
    if typed.endswith(".csv"):
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == 3 and any(STOCKPILE in r["quote"] for r in rows)
    elif typed.endswith(".jsonld"):
        assert json.loads(text)["type"] == "AnnotationCollection"
    else:
        assert text.lstrip().lower().startswith("<!doctype html") and STOCKPILE in text


def test_unknown_extension_gets_the_formats_on_save(make_dialog, annotated: Annotated, tmp_path: Path,  # noqa: F811
                                                   monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    dialog = make_dialog(current_document=annotated.docs[PROFILE])
    choose_format(dialog, "pdf")
    save_as(qtbot, dialog, monkeypatch, tmp_path / "notes.txt")
    written = tmp_path / "notes.txt.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "notes.txt").exists()
    status = dialog.status_label.text()
    assert f"to {written}" in status
    assert "“.txt” is not an export extension, so “.pdf” was added." in status
    assert dialog.last_path == written


def test_export_to_never_writes_under_another_formats_extension(make_dialog, annotated: Annotated,  # noqa: F811
                                                                tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    dialog = make_dialog(current_document=annotated.docs[PROFILE])
    choose_format(dialog, "pdf")
    dialog.export_to(tmp_path / "direct.csv")
    qtbot.waitUntil(lambda: not dialog.is_writing(), timeout=20_000)
    assert dialog.fmt() == "csv"
    assert (tmp_path / "direct.csv").read_text(encoding="utf-8-sig").startswith("annotation_id,")


def test_write_steps_refuses_a_mismatched_name(annotated: Annotated, tmp_path: Path) -> None:  # noqa: F811
    steps = write_steps(annotated.archive, [annotated.ids["stockpile"]], "pdf", ExportOptions(), "T", "",
                        tmp_path / "out" / "excerpts.csv", force=False)  # fmt: skip
    with pytest.raises(StopIteration) as stop:
        next(steps)
    assert stop.value.value.path is None
    assert stop.value.value.error == "Not exported: “excerpts.csv” does not end in .pdf, the extension of PDF."
    assert not (tmp_path / "out").exists()


def test_name_helpers() -> None:
    assert [format_of(n) for n in ("a.MD", "a.markdown", "a.htm", "a.json", "a.txt", "a", "a.pdf.bak")] == [
        "md", "md", "html", "jsonld", None, None, None]  # fmt: skip
    assert with_format("a.csv", "pdf") == "a.pdf"
    assert with_format("a", "pdf") == "a.pdf"
    assert with_format("a.", "pdf") == "a.pdf"
    assert with_format("a.txt", "pdf") == "a.txt"
    assert with_format("a.HTM", "html") == "a.HTM"
    assert with_format("", "pdf") == ""
    assert target_path(Path("d/a.txt"), "md") == Path("d/a.txt.md")
    assert target_path(Path("d/a.json"), "jsonld") == Path("d/a.json")


def test_scope_opens_on_the_librarys_selection(make_dialog, annotated: Annotated, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """Annotations selected in another panel are offered, never the default; the caller's scope wins."""
    docs, ids = annotated.docs, annotated.ids
    given = {"current_document": docs[PROFILE], "selected_annotations": [ids["stockpile"]]}
    dialog = make_dialog(selected_documents=[docs[RELEASE]], **given)
    assert dialog.scopes.scope() == DOCUMENTS
    assert dialog.scopes.buttons[ANNOTATIONS].text() == "Selected annotations (1)"
    assert dialog.scope_ids() == [ids["village"]]
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=10_000)

    assert make_dialog(**given).scopes.scope() == CURRENT  # nothing selected in the library: the open document
    assert make_dialog(selected_annotations=[ids["stockpile"]]).scopes.scope() == ALL
    assert make_dialog(scope=ANNOTATIONS, selected_documents=[docs[RELEASE]], **given).scopes.scope() == ANNOTATIONS
    assert make_dialog(scope=ALL, **given).scopes.scope() == ALL
    assert make_dialog(scope=ANNOTATIONS).scopes.scope() == ALL  # a scope that does not apply is not forced
