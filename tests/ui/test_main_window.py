"""The minimal main window: lists documents, sorts in the database, imports the samples."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.archive import Archive
from app.importer import run_import
from app.paths import sample_files
from tests.app.test_importer import PROFILE, RELEASE
from ui.document_table_model import DocumentTableModel
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def filled(archive: Archive, tmp_path: Path) -> Archive:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(PROFILE, encoding="utf-8")
    (src / "b.txt").write_text(RELEASE, encoding="utf-8")
    run_import(archive, [src])
    return archive


def test_model_passes_model_tester(filled: Archive, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = DocumentTableModel(filled)
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_sorting_by_date(filled: Archive, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(filled)
    qtbot.addWidget(window)
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


def test_empty_archive_offers_samples(archive: Archive, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentIndex() == 1
    qtbot.mouseClick(window.samples_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.total > 0, timeout=30_000)
    assert window.stack.currentIndex() == 0
    assert window.model.total == len(sample_files()) >= 5
