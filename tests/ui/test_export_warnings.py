"""The export dialog shows an export's warnings (a PDF without a font for some characters) as plain text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.annotating import annotations
from tests.app.export.font_files import only_these_font_dirs
from tests.ui.test_annotations_view import PROFILE, Annotated
from tests.ui.test_export_dialog import (  # noqa: F401 - the fixtures
    annotated,
    choose_format,
    export_via_button,
    make_dialog,
    settings,
)

pytestmark = pytest.mark.gui


def test_pdf_warning_is_shown_after_the_export(make_dialog, annotated: Annotated, tmp_path: Path,  # noqa: F811
                                               monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    (tmp_path / "empty").mkdir()
    only_these_font_dirs(monkeypatch, tmp_path / "empty")
    annotations.edit(annotated.archive, annotated.ids["stockpile"], note="<b>中文</b> stockpile")
    dialog = make_dialog(current_document=annotated.docs[PROFILE])
    choose_format(dialog, "pdf")
    target = tmp_path / "excerpts.pdf"
    export_via_button(qtbot, dialog, monkeypatch, target)

    shown = dialog.status_label.text()
    assert shown.startswith("Exported 3 excerpts to ")
    assert "\nPDF: 2 characters in 1 excerpt have no font on this system (e.g. 'U+4E2D 中')" in shown
    assert dialog.status_label.textFormat().name == "PlainText"  # the note's "<b>" is not read as markup
    assert dialog.open_button.isVisible()
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "<b>\ufffd\ufffd</b> stockpile" in text
