"""The export dialog: scopes and their counts, format and options in the preview, writing the file."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.archive.folder import Archive
from app.export import excerpts
from app.export.files import ExportError
from tests.ui.test_annotations_view import (
    CLEARANCE,
    PROFILE,
    RELEASE,
    STOCKPILE,
    Annotated,
    annotate_samples,
)
from ui import plain_text
from ui.export_dialog import ExportDialog
from ui.export_scope import ALL, ANNOTATIONS, CURRENT, DOCUMENTS, NOT_APPLICABLE, QUERY, TAG
from ui.search_results_model import readable_date
from ui.settings import AppSettings

pytestmark = pytest.mark.gui

UPDATED = readable_date("2022-11-14")  # the app writes a citation's date as it writes dates: November 14, 2022 in en_US
CITATION = f"Landmine Monitor, “Serevia”, last updated {UPDATED}."
ENDNOTE = "Serevia Mine Ban Treaty Article 7 Report (for calendar year 2006)"
NOTE = "Stockpile composition."


@pytest.fixture
def annotated(archive: Archive) -> Annotated:
    return annotate_samples(archive)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_dialog(annotated: Annotated, settings: AppSettings, qtbot):  # type: ignore[no-untyped-def]
    made: list[ExportDialog] = []

    def make(**kwargs: Any) -> ExportDialog:
        dialog = ExportDialog(annotated.archive, settings=settings, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        made.append(dialog)
        qtbot.waitUntil(lambda: dialog.scope_ids() is not None, timeout=10_000)
        return dialog

    yield make
    for dialog in made:
        if dialog.isVisible():
            qtbot.waitUntil(lambda d=dialog: not d.is_writing(), timeout=10_000)  # type: ignore[misc]
            dialog.reject()


def wait_preview(qtbot: Any, dialog: ExportDialog, *needles: str, absent: str = "") -> str:
    def ready() -> bool:
        text = dialog.preview_text()
        return all(n in text for n in needles) and not (absent and absent in text)

    qtbot.waitUntil(ready, timeout=10_000)
    return dialog.preview_text()


def choose_format(dialog: ExportDialog, fmt: str) -> None:
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))


def export_via_button(qtbot: Any, dialog: ExportDialog, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    asked: list[str] = []

    def fake_save(_parent: object, _caption: str, proposed: str, *_args: object) -> tuple[str, str]:
        asked.append(proposed)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    dialog.export_button.click()
    assert asked, "the file dialog was not shown"
    qtbot.waitUntil(lambda: not dialog.is_writing(), timeout=20_000)


def test_each_scope_shows_its_count(make_dialog, annotated: Annotated, qtbot) -> None:  # type: ignore[no-untyped-def]
    ids = annotated.ids
    dialog = make_dialog(
        current_document=annotated.docs[PROFILE], selected_documents=[annotated.docs[PROFILE], annotated.docs[RELEASE]],
        current_query="mines", selected_annotations=[ids["stockpile"], ids["village"]], current_tag="new use",
    )
    scopes = dialog.scopes
    query_ids = excerpts.select_annotation_ids(annotated.archive, excerpts.Selection(query="mines"))
    expected = {CURRENT: 3, DOCUMENTS: 4, TAG: 2, QUERY: len(query_ids), ANNOTATIONS: 2, ALL: 5}
    qtbot.waitUntil(lambda: all("counting" not in scopes.counts[s].text() for s in expected), timeout=10_000)
    for scope, n in expected.items():
        assert scopes.buttons[scope].isEnabled()
        assert scopes.counts[scope].text() == f"{n} excerpt{'' if n == 1 else 's'}", scope
    assert query_ids  # the samples mention mines
    assert scopes.scope() == DOCUMENTS  # the library's selection; annotations chosen elsewhere are only offered
    assert "Serevia" in scopes.buttons[CURRENT].text()

    scopes.tag_combo.setEditText("country")  # annotations tagged country/…, hierarchy included
    qtbot.waitUntil(lambda: scopes.counts[TAG].text() == "3 excerpts", timeout=10_000)
    assert scopes.scope() == TAG  # typing a tag chooses that scope
    assert sorted(dialog.scope_ids() or []) == sorted([ids["stockpile"], ids["new_use"], ids["village"]])


def test_scopes_that_do_not_apply_are_disabled(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog()
    for scope in (CURRENT, DOCUMENTS, QUERY, ANNOTATIONS):
        assert not dialog.scopes.buttons[scope].isEnabled()
        assert dialog.scopes.counts[scope].text() == NOT_APPLICABLE
        assert dialog.scopes.buttons[scope].toolTip()  # says why
    assert dialog.scopes.scope() == ALL
    assert dialog.export_button.isEnabled()


def test_export_comes_before_close_and_the_dialog_fits_the_screen(make_dialog) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    dialog = make_dialog()
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    first, second = sorted((dialog.export_button, close), key=lambda button: button.x())
    assert first.nextInFocusChain() is second  # Tab goes through them in the order they stand
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() * 9 // 10 and dialog.height() <= screen.height() * 9 // 10


def test_format_switch_changes_the_preview(make_dialog, annotated: Annotated, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(current_document=annotated.docs[PROFILE])
    choose_format(dialog, "md")
    text = wait_preview(qtbot, dialog, f"> {STOCKPILE}")
    assert dialog.preview_stack.currentWidget() is dialog.text_preview
    assert "[^1]" in text and ENDNOTE in text

    choose_format(dialog, "csv")
    text = wait_preview(qtbot, dialog, "annotation_id,document,document_id")
    assert text.splitlines()[0].startswith("annotation_id,document,document_id,date,publisher,quote,note")

    choose_format(dialog, "html")
    text = wait_preview(qtbot, dialog, STOCKPILE, absent="annotation_id")
    assert dialog.preview_stack.currentWidget() is dialog.rich_preview
    assert "<" not in text.split(STOCKPILE)[0][-5:]  # rendered, not shown as markup

    choose_format(dialog, "pdf")
    qtbot.waitUntil(lambda: "PDF is previewed as HTML" in dialog.preview_note.text(), timeout=10_000)


def test_options_change_the_preview(make_dialog, annotated: Annotated, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(current_document=annotated.docs[PROFILE])
    choose_format(dialog, "md")
    wait_preview(qtbot, dialog, NOTE, CITATION, "country/Serevia", ENDNOTE)
    dialog.option_checks["include_notes"].setChecked(False)
    wait_preview(qtbot, dialog, CITATION, absent=NOTE)
    dialog.option_checks["include_citation"].setChecked(False)
    wait_preview(qtbot, dialog, STOCKPILE, absent=CITATION)
    dialog.option_checks["include_footnotes"].setChecked(False)
    wait_preview(qtbot, dialog, STOCKPILE, absent=ENDNOTE)
    dialog.option_checks["include_tags"].setChecked(False)
    wait_preview(qtbot, dialog, STOCKPILE, absent="stockpile")
    dialog.title_edit.setText("Serevia: stockpiles")
    wait_preview(qtbot, dialog, "# Serevia: stockpiles")


def test_preview_is_capped_with_a_note(make_dialog, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("ui.export_job.PREVIEW_LIMIT", 2)
    dialog = make_dialog()
    qtbot.waitUntil(lambda: "first 2 of 5" in dialog.preview_note.text(), timeout=10_000)


def test_preview_browser_loads_nothing(make_dialog) -> None:  # type: ignore[no-untyped-def]
    browser = make_dialog().rich_preview
    assert not browser.openLinks() and not browser.openExternalLinks()
    assert browser.loadResource(2, QUrl("https://example.org/tracker.png")).isNull()
    assert browser.loadResource(1, QUrl("file:///etc/passwd")).isEmpty()


def test_export_markdown_file(make_dialog, annotated: Annotated, settings: AppSettings, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    dialog = make_dialog(current_document=annotated.docs[PROFILE])
    choose_format(dialog, "md")
    target = tmp_path / "out" / "serevia"  # no suffix: the format's is added
    target.parent.mkdir()
    export_via_button(qtbot, dialog, monkeypatch, target)
    written = target.with_suffix(".md")
    text = written.read_text(encoding="utf-8")
    assert f"> {STOCKPILE}[^1]" in text
    assert NOTE in text and CITATION in text
    assert f"[^1]: {ENDNOTE}" in text
    assert "Exported 3 excerpts" in dialog.status_label.text()
    assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()
    assert settings.value("export/folder") == str(written.parent)
    assert settings.value("export/format") == "md"


def test_export_csv_file(make_dialog, annotated: Annotated, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    dialog = make_dialog(current_document=annotated.docs[PROFILE])
    choose_format(dialog, "csv")
    target = tmp_path / "excerpts.csv"
    export_via_button(qtbot, dialog, monkeypatch, target)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 3
    first = next(r for r in rows if STOCKPILE in r["quote"])
    assert first["note"].startswith(NOTE)
    assert first["citation"] == CITATION
    assert ENDNOTE in first["footnotes"]
    assert first["tags"] == "country/Serevia; stockpile"


def test_export_pdf_file(make_dialog, annotated: Annotated, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    dialog = make_dialog(current_document=annotated.docs[PROFILE])
    choose_format(dialog, "pdf")
    target = tmp_path / "excerpts.pdf"
    export_via_button(qtbot, dialog, monkeypatch, target)
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(target).pages).split())
    for needle in (STOCKPILE, NOTE, CLEARANCE, "Landmine Monitor", UPDATED, "Article 7 Report"):
        assert needle in text, needle


def test_existing_file_asks_before_replacing(make_dialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    dialog = make_dialog()
    choose_format(dialog, "md")
    target = tmp_path / "keep.md"
    target.write_text("my own report", encoding="utf-8")
    questions: list[str] = []
    answer = QMessageBox.StandardButton.No

    def question(_parent: object, _icon: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        questions.append(text)
        return answer

    monkeypatch.setattr(plain_text, "message", question)
    export_via_button(qtbot, dialog, monkeypatch, target)
    assert questions and "keep.md" in questions[0]
    assert target.read_text(encoding="utf-8") == "my own report"
    assert "left as it was" in dialog.status_label.text()

    answer = QMessageBox.StandardButton.Yes
    export_via_button(qtbot, dialog, monkeypatch, target)
    assert STOCKPILE in target.read_text(encoding="utf-8")
    assert len(questions) == 2


def test_export_error_is_shown_and_nothing_is_lost(make_dialog, annotated: Annotated, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    def full_disk(*_args: object, **_kwargs: object) -> Path:
        raise ExportError("Could not write excerpts.md: the disk is full.")

    monkeypatch.setattr("app.export.files.write_export", full_disk)
    dialog = make_dialog(current_document=annotated.docs[PROFILE])
    choose_format(dialog, "md")
    dialog.title_edit.setText("My title")
    export_via_button(qtbot, dialog, monkeypatch, tmp_path / "excerpts.md")
    assert dialog.status_label.text() == "Could not write excerpts.md: the disk is full."
    assert "Traceback" not in dialog.status_label.text()
    assert dialog.isVisible() and not dialog.open_button.isVisible()
    assert dialog.title_edit.text() == "My title" and dialog.fmt() == "md"
    assert dialog.export_button.isEnabled()
    assert not (tmp_path / "excerpts.md").exists()


def test_open_file_and_show_in_folder(make_dialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    dialog = make_dialog()
    choose_format(dialog, "jsonld")
    target = tmp_path / "excerpts.jsonld"
    export_via_button(qtbot, dialog, monkeypatch, target)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog.open_button.click()
    dialog.folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(target)), QUrl.fromLocalFile(str(tmp_path))]
    assert '"AnnotationCollection"' in target.read_text(encoding="utf-8")


def test_remembered_folder_and_format_are_offered_next_time(make_dialog, settings: AppSettings, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    settings.set_value("export/folder", str(tmp_path))
    settings.set_value("export/format", "csv")
    settings.set_value("export/include_tags", False)
    dialog = make_dialog()
    assert dialog.fmt() == "csv"
    assert not dialog.option_checks["include_tags"].isChecked()
    proposed: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _p, _c, name, *_a: proposed.append(name) or ("", ""))
    dialog.export_button.click()
    assert proposed == [str(tmp_path / "annotated-excerpts.csv")]
    assert not dialog.is_writing()


def test_an_empty_scope_says_so_and_cannot_be_exported(make_dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(current_tag="no-such-tag", scope=TAG)
    assert dialog.scopes.scope() == TAG
    qtbot.waitUntil(lambda: "Nothing to export" in dialog.preview_note.text(), timeout=10_000)
    assert dialog.scopes.counts[TAG].text() == "0 excerpts"
    assert not dialog.export_button.isEnabled()
    dialog.scopes.set_scope(ALL)
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=10_000)
