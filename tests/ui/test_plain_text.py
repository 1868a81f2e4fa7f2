"""Text from documents and users shows literally in every view, and Qt loads nothing for it (issue 14, item 1).

A title like `<img src="/dev/zero">` once made the library's tooltip read /dev/zero. Each view is opened on an
archive whose title, publisher, quote, note, tag and file name are hostile, and every label, tooltip, item
role, message box and rich-text document it shows is rendered the way Qt would render it: the hostile markup
must come out as text, and rendering must ask for no resource.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QByteArray, QModelIndex, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLabel, QMessageBox, QStyleOptionViewItem, QToolTip
from PySide6.QtWidgets import QWidget as Widget

from app.annotating import annotations
from app.archive.folder import Archive
from app.importing.importer import ImportSummary, run_import
from app.library import metadata, tags
from app.library.listing import list_documents
from tests.ui.reader.conftest import anchor_point
from ui import plain_text
from ui.annotations_table_model import HEADERS
from ui.export_dialog import ExportDialog
from ui.import_task import ImportSummaryDialog
from ui.main_window import MainWindow
from ui.metadata_dialog import MetadataDialog
from ui.plain_text import InertDocument
from ui.reader.safe_browser import SafeTextBrowser
from ui.settings import AppSettings
from ui.tags.documents_dialog import TagDocumentsDialog
from ui.tags.manager_dialog import TagManagerDialog

pytestmark = pytest.mark.gui

# The title read /dev/zero; the test points at a file that does not exist, so that a regression fails
# the assertions below instead of exhausting memory.
HOSTILE = '<img src="/nonexistent/zero.png"> <b>bold</b> &amp;'
TITLE = f"{HOSTILE} Zero report"
PUBLISHER = f"{HOSTILE} Press"
NOTE = f"{HOSTILE} my note\n\n![x](file:///nonexistent/zero.png) <script>alert(1)</script>"
TAG = '<img src="zero.png"> <b>bold<b> &amp;'  # no `/` (it would make levels) and no comma (refused)
BODY = f"""Zero report

Landmines were found near {HOSTILE} the village of Ostrava.[1]

[1] {HOSTILE} Ministry statement, 2 February 2021.
"""
AUTO, PLAIN, RICH = Qt.TextFormat.AutoText, Qt.TextFormat.PlainText, Qt.TextFormat.RichText


class RecordingDocument(QTextDocument):
    """Renders like a label or tooltip would, but records resource requests instead of reading anything."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def loadResource(self, type: int, name: QUrl) -> Any:
        self.asked.append(name.toString())
        return QByteArray()


def rendered(text: str, fmt: Qt.TextFormat = AUTO) -> str:
    """What Qt shows for `text` in a widget of format `fmt`; fails if showing it would load a resource."""
    if fmt == PLAIN or (fmt == AUTO and not QtGui.Qt.mightBeRichText(text)):
        return text
    doc = RecordingDocument()
    doc.setHtml(text)
    doc.size()  # the layout is what fetches images
    assert not doc.asked, f"showing {text!r} would load {doc.asked}"
    return doc.toPlainText().replace("\u2028", "\n").replace("\u2029", "\n")


def assert_literal(text: object, fmt: Qt.TextFormat = AUTO, expected: str = HOSTILE) -> None:
    assert isinstance(text, str)
    assert expected in rendered(text, fmt)


def check_widgets(root: Widget) -> int:
    """Every label and tooltip under `root`: nothing loads, and hostile text shows literally. Returns hits."""
    hits = 0
    for widget in [root, *root.findChildren(Widget)]:
        texts = [(widget.toolTip(), AUTO)]
        if isinstance(widget, QLabel):
            texts.append((widget.text(), widget.textFormat()))
        for text, fmt in texts:
            shown = rendered(text, fmt)
            if "zero" in text.lower() and "<" in text.replace("&lt;", "<"):
                assert "<img" in shown, f"{type(widget).__name__} shows {shown!r} for {text!r}"
                hits += 1
    return hits


def check_model(model: QAbstractItemModel, parent: QModelIndex | None = None) -> int:
    """Every item's tooltip under `parent`, recursively: as `check_widgets`. Returns hits."""
    parent = parent or QModelIndex()
    hits = 0
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            tip = index.data(Qt.ItemDataRole.ToolTipRole) or ""
            shown = rendered(tip)
            if "zero" in tip.lower() and "<" in tip.replace("&lt;", "<"):
                assert "<img" in shown, f"{shown!r} for {tip!r}"
                hits += 1
            hits += check_model(model, index) if column == 0 else 0
    return hits


def test_the_check_catches_html(qapp) -> None:  # type: ignore[no-untyped-def]
    """The detector itself: raw markup in a tooltip is rendered as HTML and asks for its image."""
    with pytest.raises(AssertionError, match="would load"):
        rendered('<img src="nothing-here.png"> report')
    assert rendered(plain_text.tooltip('<img src="nothing-here.png"> a\nb')) == '<img src="nothing-here.png"> a\nb'
    assert rendered(plain_text.tooltip("&lt; stays")) == "&lt; stays"


@pytest.fixture
def hostile(archive: Archive, tmp_path: Path) -> dict[str, int]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "zero.txt").write_text(BODY, encoding="utf-8")
    run_import(archive, [src])
    (doc,) = [row.id for row in list_documents(archive)]
    metadata.edit_metadata(archive, doc, title=TITLE, publisher=PUBLISHER)
    tags.tag_documents(archive, [doc], [TAG, "maps"])
    note = annotations.create_from_quote(archive, doc, HOSTILE, note=NOTE, tag_names=[TAG])
    return {"doc": doc, "annotation": note.id}


@pytest.fixture
def window(archive: Archive, hostile: dict[str, int], tmp_path: Path, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(archive, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w._index_worker is None, timeout=20_000)
    return w


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Qt.TextFormat, str]]:
    """Message boxes and input dialogs record their text format and text instead of opening."""
    seen: list[tuple[Qt.TextFormat, str]] = []

    def box_exec(self: QMessageBox) -> int:
        seen.append((self.textFormat(), self.text()))
        return int(QMessageBox.StandardButton.No.value)

    def input_exec(self: QInputDialog) -> int:
        seen.extend((label.textFormat(), label.text()) for label in self.findChildren(QLabel))
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    monkeypatch.setattr(QInputDialog, "exec", input_exec)
    return seen


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform, showing the tooltip
def test_library_table_and_its_tooltip(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = window.model
    cells = [model.index(0, c) for c in range(model.columnCount())]
    shown = [str(i.data(Qt.ItemDataRole.DisplayRole)) for i in cells]
    assert TITLE in shown and PUBLISHER in shown  # drawn by the plain item delegate, not pre-escaped
    tips = [i.data(Qt.ItemDataRole.ToolTipRole) for i in cells]
    for tip in (t for t in tips if t):
        rendered(tip)
    assert_literal(tips[shown.index(TITLE)], expected=TITLE)
    assert_literal(tips[shown.index(PUBLISHER)], expected=PUBLISHER)
    QToolTip.showText(window.table.mapToGlobal(QPoint(5, 5)), tips[shown.index(TITLE)], window.table)
    labels = [w for w in QApplication.topLevelWidgets() if w.metaObject().className() == "QTipLabel"]
    assert labels and any(TITLE in rendered(lb.text(), lb.textFormat()) for lb in labels)
    QToolTip.hideText()
    assert check_model(window.facets.tree.model()) >= 2  # the publisher and tag facets' tooltips
    check_widgets(window)


def test_search_results_and_snippets(window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr(InertDocument, "loadResource", lambda _self, _t, name: asked.append(name.toString()))
    panel = window.search_panel
    panel.set_query("Ostrava")
    panel.search_now()
    qtbot.waitUntil(lambda: panel.result() is not None and panel.model.rowCount() == 1, timeout=20_000)
    index = panel.model.index(0, 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == TITLE
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert_literal(tip, expected=TITLE)
    assert_literal(tip, expected=PUBLISHER)
    delegate = panel.results.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(panel.results)
    doc = delegate._document(option, index, False)
    assert isinstance(doc, InertDocument)
    assert TITLE in doc.toPlainText() and PUBLISHER in doc.toPlainText()
    assert "bold" in doc.toPlainText().split(PUBLISHER, 1)[1]  # the snippet, tags shown as text
    panel.results.viewport().grab()
    assert not asked
    check_widgets(panel)


def test_reader_title_footnotes_and_marker_tooltip(window: MainWindow, hostile: dict[str, int], qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.reader.documentOpened, timeout=10_000):
        window.open_document(hostile["doc"])
    view = window.reader_pane.view
    assert TITLE in view.toPlainText()
    assert HOSTILE in window.footnotes.browser.toPlainText()
    assert isinstance(window.footnotes.browser, SafeTextBrowser)
    assert_literal(view.tooltip_at(anchor_point(view, "dossier-fn:1")))
    check_widgets(window.footnotes)


def test_annotations_dock_and_editor(window: MainWindow, hostile: dict[str, int], qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.reader.documentOpened, timeout=10_000):
        window.open_document(hostile["doc"])
    model = window.annotating.panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)
    index = model.index(0, 0)
    assert HOSTILE in index.data(Qt.ItemDataRole.DisplayRole)
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    for part in (HOSTILE, "my note", TAG, "![x](file:///nonexistent/zero.png) <script>"):
        assert_literal(tip, expected=part)
    assert window.annotating.edit_annotation(hostile["annotation"])
    editor = window.annotating.editor
    assert editor.quote.textFormat() == PLAIN and HOSTILE in editor.quote.text()
    assert editor.note.toPlainText() == NOTE
    check_widgets(window.annotating.panel)
    check_widgets(editor)


def test_annotations_view(window: MainWindow, hostile: dict[str, int]) -> None:
    view = window.annotations_view
    view.refresh()
    model = view.model
    assert model.rowCount() == 1
    expected = {"Quote": HOSTILE, "Note": "my note", "Tags": TAG, "Document": TITLE}
    for column, header in enumerate(HEADERS):
        tip = model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
        if tip:
            rendered(tip)
        if header in expected:
            assert_literal(tip, expected=expected[header])
    view.set_current_document(hostile["doc"], TITLE)
    combo = view.document_combo
    tips = [combo.itemData(i, Qt.ItemDataRole.ToolTipRole) or "" for i in range(combo.count())]
    assert any(TITLE in rendered(tip) for tip in tips)
    check_widgets(view)


def test_tag_manager_tooltips_and_confirmations(archive: Archive, hostile: dict[str, int], qtbot,  # type: ignore[no-untyped-def]
                                                boxes: list[tuple[Qt.TextFormat, str]]) -> None:
    dialog = TagManagerDialog(archive)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.select(TAG)
    index = dialog.model.index_of(TAG)
    assert index.data(Qt.ItemDataRole.DisplayRole) == TAG
    assert_literal(index.data(Qt.ItemDataRole.ToolTipRole), expected=TAG)
    dialog.delete_current()
    dialog.rename_current()
    dialog.merge_current()
    assert any(TAG in text for _fmt, text in boxes)
    for fmt, text in boxes:
        assert fmt == PLAIN or not QtGui.Qt.mightBeRichText(text), text
    assert len({text for _fmt, text in boxes if TAG in text}) == 3  # delete, rename, merge
    assert TAG in tags.document_tag_names(archive, [hostile["doc"]])[hostile["doc"]]  # all declined
    check_widgets(dialog)


def test_tag_documents_dialog(archive: Archive, hostile: dict[str, int], qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = TagDocumentsDialog(archive, [hostile["doc"]])
    qtbot.addWidget(dialog)
    dialog.show()
    items = [dialog.current.item(i) for i in range(dialog.current.count())]
    assert any(TAG in item.text() for item in items)  # a list item's text is drawn as plain text
    for item in items:
        rendered(item.toolTip())
    check_widgets(dialog)


def test_ui_has_no_format_guessing_dialogs() -> None:
    """Static QMessageBox/QInputDialog calls guess the text format; ui/ goes through ui.plain_text instead."""
    static = re.compile(r"QMessageBox\.(question|warning|information|critical)\(|QInputDialog\.get\w+\(")
    ui = Path(plain_text.__file__).parent
    offenders = [f"{path.relative_to(ui)}:{n}" for path in sorted(ui.rglob("*.py")) if path.name != "plain_text.py"
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if static.search(line)]
    assert offenders == []


def test_message_boxes_are_plain(qapp, boxes: list[tuple[Qt.TextFormat, str]]) -> None:
    for show in (plain_text.inform, plain_text.warn, plain_text.critical):
        show(None, "Dossier", f"Cannot read {HOSTILE}")
    assert not plain_text.ask(None, "Dossier", f"Replace {HOSTILE}?")
    assert boxes == [(PLAIN, f"Cannot read {HOSTILE}")] * 3 + [(PLAIN, f"Replace {HOSTILE}?")]


def test_metadata_dialog(archive: Archive, hostile: dict[str, int], qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = MetadataDialog(archive, hostile["doc"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.title_edit.text() == TITLE
    dialog.show_error(f"cannot save {HOSTILE}")
    assert dialog.error_label.textFormat() == PLAIN
    assert check_widgets(dialog) >= 1


def test_export_dialog_and_its_preview(archive: Archive, hostile: dict[str, int], tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = AppSettings(QSettings(str(tmp_path / "export.ini"), QSettings.Format.IniFormat))
    dialog = ExportDialog(archive, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.scope_ids() is not None, timeout=10_000)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("html"))
    qtbot.waitUntil(lambda: HOSTILE in dialog.rich_preview.toPlainText(), timeout=10_000)
    assert isinstance(dialog.rich_preview, SafeTextBrowser)
    assert "<img" not in dialog.rich_preview.toHtml()  # the note's Markdown image stays text, nothing remote
    dialog.show_status(f"Exported {HOSTILE}")
    assert dialog.status_label.textFormat() == PLAIN
    assert check_widgets(dialog) >= 1
    dialog.reject()


def test_import_summary(qtbot) -> None:  # type: ignore[no-untyped-def]
    summary = ImportSummary(failed=[(Path(f"{HOSTILE}.txt"), f"cannot read {HOSTILE}")],
                            notices=[(Path(f"{HOSTILE}.md"), "text cut at 2,500,000 characters (limit)")])
    dialog = ImportSummaryDialog(summary)
    qtbot.addWidget(dialog)
    assert dialog.headline.textFormat() == PLAIN
    assert "1 only in part" in dialog.headline.text()
    assert f"{HOSTILE}.txt" in dialog.details.toPlainText()
    assert f"Imported in part: {HOSTILE}.md\n    text cut at" in dialog.details.toPlainText()
    check_widgets(dialog)


@pytest.fixture(autouse=True)
def _no_tooltip_left() -> Iterator[None]:
    yield
    QToolTip.hideText()
