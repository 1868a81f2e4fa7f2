"""The metadata editor: saves through app.library.metadata, shows refusals inline, keyboard-first."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from app.archive.folder import Archive
from app.archive.paths import sample_files
from app.errors import NotFoundError
from app.importing.importer import run_import
from app.library import listing as library
from app.model import KINDS
from app.search import service as search_service
from ui.metadata_dialog import MetadataDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def samples(archive: Archive) -> Archive:
    files = sample_files()
    if not files:
        pytest.skip("no bundled samples")
    assert not run_import(archive, files).failed
    return archive


@pytest.fixture
def profile_id(samples: Archive) -> int:
    rows = library.list_documents(samples, flt=library.DocumentFilter(kind="country-profile"))
    assert rows
    return rows[0].id


def open_dialog(qtbot: Any, archive: Archive, doc_id: int) -> MetadataDialog:
    dialog = MetadataDialog(archive, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_fields_show_the_document(qtbot: Any, samples: Archive, profile_id: int) -> None:
    detail = library.document_detail(samples, profile_id)
    dialog = open_dialog(qtbot, samples, profile_id)
    assert dialog.title_edit.text() == detail["title"]
    assert dialog.date_edit.text() == (detail["date"] or "")
    assert dialog.date_label_combo.currentText() == (detail["date_label"] or "")
    assert dialog.publisher_combo.currentText() == (detail["publisher"] or "")
    assert dialog.kind_combo.currentData() == detail["kind"]
    assert [dialog.kind_combo.itemData(i) for i in range(dialog.kind_combo.count())] == list(KINDS)
    publishers = {dialog.publisher_combo.itemText(i) for i in range(dialog.publisher_combo.count())}
    assert publishers == set(library.facet_counts(samples)["publisher"])
    assert dialog.changes() == {}


def test_save_changes_document_and_index(qtbot: Any, samples: Archive, profile_id: int) -> None:
    dialog = open_dialog(qtbot, samples, profile_id)
    dialog.title_edit.setText("Zanzibarian survey findings")
    dialog.date_edit.setText("28 November 2013")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("report"))
    dialog.publisher_combo.setCurrentText("Field Survey Group")
    assert set(dialog.changes()) == {"title", "date", "kind", "publisher"}
    with qtbot.waitSignal(dialog.saved) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [profile_id]
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    detail = library.document_detail(samples, profile_id)
    assert detail["title"] == "Zanzibarian survey findings"
    assert detail["date"] == "2013-11-28"
    assert detail["kind"] == "report" and detail["publisher"] == "Field Survey Group"
    hits = search_service.search(samples, "zanzibarian").hits
    assert [h.id for h in hits] == [profile_id]


def test_enter_in_a_field_saves(qtbot: Any, samples: Archive, profile_id: int) -> None:
    dialog = open_dialog(qtbot, samples, profile_id)
    line = dialog.publisher_combo.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "Monitor Research Team")
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert library.document_detail(samples, profile_id)["publisher"] == "Monitor Research Team"


def test_enter_saves_after_tab_went_round_past_cancel(qtbot: Any, samples: Archive, profile_id: int) -> None:
    """Keyboard only: Tab round the whole dialog (through Save and Cancel) back to the title, edit, Enter: saved.
    (Save was made default before it was in the dialog, and Enter then went to Cancel, losing the edit.)"""
    dialog = open_dialog(qtbot, samples, profile_id)
    dialog.activateWindow()
    dialog.title_edit.setFocus()
    qtbot.waitUntil(dialog.title_edit.hasFocus)
    passed_cancel = False
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        passed_cancel |= QApplication.focusWidget() is dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if passed_cancel and QApplication.focusWidget() is dialog.title_edit:
            break
    assert passed_cancel and dialog.title_edit.hasFocus()
    dialog.title_edit.setText("Serevia, revised")
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert library.document_detail(samples, profile_id)["title"] == "Serevia, revised"


def test_bad_date_is_shown_inline_and_nothing_is_lost(qtbot: Any, samples: Archive, profile_id: int) -> None:
    before = library.document_detail(samples, profile_id)
    dialog = open_dialog(qtbot, samples, profile_id)
    dialog.title_edit.setText("A better title")
    dialog.date_edit.setText("31 Febtember 2013")
    saved: list[int] = []
    dialog.saved.connect(saved.append)
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and saved == []
    assert dialog.error_label.isVisible()
    assert "not a date" in dialog.error_label.text().lower()
    assert dialog.focusWidget() is dialog.date_edit
    assert dialog.title_edit.text() == "A better title" and dialog.date_edit.text() == "31 Febtember 2013"
    assert library.document_detail(samples, profile_id)["title"] == before["title"]

    dialog.date_edit.setText("2013-11-28")
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    after = library.document_detail(samples, profile_id)
    assert after["title"] == "A better title" and after["date"] == "2013-11-28"


def test_empty_title_is_refused(qtbot: Any, samples: Archive, profile_id: int) -> None:
    dialog = open_dialog(qtbot, samples, profile_id)
    dialog.title_edit.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "title" in dialog.error_label.text().lower()
    assert dialog.focusWidget() is dialog.title_edit


def test_escape_cancels_without_saving(qtbot: Any, samples: Archive, profile_id: int) -> None:
    before = library.document_detail(samples, profile_id)
    dialog = open_dialog(qtbot, samples, profile_id)
    dialog.title_edit.setText("Never saved")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    assert library.document_detail(samples, profile_id)["title"] == before["title"]


def test_clearing_optional_fields_sends_none(qtbot: Any, samples: Archive, profile_id: int) -> None:
    dialog = open_dialog(qtbot, samples, profile_id)
    dialog.date_edit.clear()
    dialog.date_label_combo.setCurrentText("")
    assert dialog.changes() == {"date": None, "date_label": None}
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    detail = library.document_detail(samples, profile_id)
    assert detail["date"] is None and detail["date_label"] is None


def test_labels_have_mnemonics(qtbot: Any, samples: Archive, profile_id: int) -> None:
    dialog = open_dialog(qtbot, samples, profile_id)
    form = dialog.layout().itemAt(0).layout()
    labels = [form.labelForField(w).text() for w in (dialog.title_edit, dialog.date_edit, dialog.date_label_combo,
                                                      dialog.publisher_combo, dialog.kind_combo, dialog.authors_edit,
                                                      dialog.url_edit, dialog.language_edit)]
    assert labels == ["&Title:", "&Date:", "Date &label:", "&Publisher:", "&Kind:", "&Authors:", "Source &URL:",
                      "Lan&guage:"]


def test_missing_document_raises(samples: Archive, qtbot: Any) -> None:
    with pytest.raises(NotFoundError):
        MetadataDialog(samples, 99_999)


def test_authors_url_and_language_are_saved(qtbot: Any, samples: Archive, profile_id: int) -> None:
    dialog = open_dialog(qtbot, samples, profile_id)
    assert (dialog.authors_edit.toPlainText(), dialog.url_edit.text(), dialog.language_edit.text()) == ("", "", "")
    dialog.authors_edit.setFocus()
    qtbot.keyClicks(dialog.authors_edit, "Human Rights Watch")
    qtbot.keyClick(dialog.authors_edit, Qt.Key.Key_Return)  # a new line: one author per line
    qtbot.keyClicks(dialog.authors_edit, "J. Smith; A. Jones")
    qtbot.keyClick(dialog.authors_edit, Qt.Key.Key_Tab)  # Tab leaves the field, it types no tab
    assert dialog.focusWidget() is dialog.url_edit
    qtbot.keyClicks(dialog.url_edit, "https://www.hrw.org/report")
    dialog.language_edit.setText("fr-ca")
    assert set(dialog.changes()) == {"authors", "source_url", "language"}
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.language_edit, Qt.Key.Key_Return)
    detail = library.document_detail(samples, profile_id)
    assert detail["authors"] == ["Human Rights Watch", "J. Smith", "A. Jones"]
    assert (detail["source_url"], detail["language"]) == ("https://www.hrw.org/report", "fr-CA")

    again = open_dialog(qtbot, samples, profile_id)  # shown one per line, and unchanged until edited
    assert again.authors_edit.toPlainText() == "Human Rights Watch\nJ. Smith\nA. Jones"
    assert (again.url_edit.text(), again.language_edit.text()) == ("https://www.hrw.org/report", "fr-CA")
    assert again.changes() == {}
    again.authors_edit.clear()
    again.url_edit.clear()
    assert again.changes() == {"authors": None, "source_url": None}
    with qtbot.waitSignal(again.saved):
        again.save()
    detail = library.document_detail(samples, profile_id)
    assert (detail["authors"], detail["source_url"], detail["language"]) == ([], None, "fr-CA")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("url_edit", "www.hrw.org/report", "http:// or https://"), ("language_edit", "French", "bcp 47"),
     ("authors_edit", "x" * 201, "at most 200 characters")],
)
def test_bad_url_language_or_author_is_shown_inline(
    qtbot: Any, samples: Archive, profile_id: int, field: str, value: str, message: str
) -> None:
    before = library.document_detail(samples, profile_id)
    dialog = open_dialog(qtbot, samples, profile_id)
    dialog.title_edit.setText("A better title")
    widget = getattr(dialog, field)
    if field == "authors_edit":
        widget.setPlainText(value)
    else:
        widget.setText(value)
    dialog.save()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert message in dialog.error_label.text().lower()
    assert dialog.error_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.focusWidget() is widget
    assert library.document_detail(samples, profile_id) == before
