"""The Browse facets in the main window: several values per group, annotation tags, the same counts with a query."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from app.annotating import annotations
from app.archive.folder import Archive
from app.archive.paths import sample_files
from app.importing.importer import run_import
from app.library import listing as library
from ui.facet_panel import KEY_ROLE
from ui.main_window import MainWindow
from ui.settings import AppSettings

pytestmark = pytest.mark.gui
WAIT = 20_000
EVERYTHING = "NOT zzqxv"  # a query that matches every document


@pytest.fixture
def samples(archive: Archive) -> Archive:
    """The bundled samples; the statement carries "casualties/2023" and "press release" through an annotation."""
    files = sample_files()
    if not files:
        pytest.skip("no bundled samples")
    assert not run_import(archive, files).failed
    (statement,) = library.list_documents(archive, flt=library.DocumentFilter(kind="statement"))
    annotations.create(archive, statement.id, 0, 30, tag_names=["casualties/2023", "press release"])
    return archive


@pytest.fixture
def window(samples: Archive, tmp_path: Path, qtbot: Any) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(samples, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w._index_worker is None, timeout=WAIT)
    return w


def shown(window: MainWindow) -> dict[tuple[str, str | None], tuple[str, bool]]:
    """Every row of the Browse panel: its text and whether it is checked, by (group, value)."""
    out: dict[tuple[str, str | None], tuple[str, bool]] = {}

    def walk(parent: Any) -> None:
        for r in range(parent.rowCount()):
            child = parent.child(r)
            out[child.data(KEY_ROLE)] = (child.text(), child.checkState() == Qt.CheckState.Checked)
            walk(child)

    walk(window.facets.model.invisibleRootItem())
    return out


def counts(window: MainWindow, group: str) -> dict[str, str]:
    return {value: text for (g, value), (text, _) in shown(window).items() if g == group and value is not None}


def click(qtbot: Any, window: MainWindow, group: str, value: str) -> None:
    tree = window.facets.tree
    found = window.facets._find((group, value))
    assert found is not None, (group, value)
    tree.scrollTo(found.index())
    with qtbot.waitSignal(window.facets.filterChanged):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(found.index()).center())


def search(qtbot: Any, window: MainWindow, query: str) -> None:
    with qtbot.waitSignal(window.search_panel.resultsChanged, timeout=WAIT):
        window.search_panel.set_query(query)


def titles(window: MainWindow) -> set[str]:
    return {window.model.index(r, 0).data() for r in range(window.model.rowCount())}


def test_two_kinds_or_and_a_year_and(qtbot: Any, window: MainWindow) -> None:
    kinds = counts(window, "kind")
    click(qtbot, window, "kind", "press-release")
    click(qtbot, window, "kind", "statement")
    assert window.model.total == 3
    assert "3 of 6 documents" in window.count_label.text()
    assert counts(window, "kind") == kinds  # every kind still there, counted as before
    assert counts(window, "year") == {"2022": "2022  (2)", "2023": "2023  (1)"}  # press releases and statements
    click(qtbot, window, "year", "2023")
    assert titles(window) == {"Statement by the Republic of Lorvania"}
    assert counts(window, "year") == {"2022": "2022  (2)", "2023": "2023  (1)"}
    assert shown(window)[("kind", "press-release")] == ("press release  (0)", True)  # none in 2023, still checked
    assert shown(window)[("kind", "statement")] == ("statement  (1)", True)


def test_annotation_tags_are_in_the_tags_facet_without_a_query(qtbot: Any, window: MainWindow) -> None:
    assert window.search_panel.result() is None
    assert counts(window, "tag")["casualties/2023"] == "2023  (1)"
    assert counts(window, "tag")["press release"] == "press release  (3)"  # two tagged, one annotated
    click(qtbot, window, "tag", "casualties")
    assert titles(window) == {"Statement by the Republic of Lorvania"}


def test_counts_are_the_same_with_a_query_that_matches_everything(qtbot: Any, window: MainWindow) -> None:
    without_query = shown(window)
    search(qtbot, window, EVERYTHING)
    assert window.search_panel.result() is not None and window.search_panel.result().total == 6  # type: ignore[union-attr]
    assert shown(window) == without_query  # counts from the search index
    click(qtbot, window, "kind", "press-release")
    click(qtbot, window, "kind", "statement")
    click(qtbot, window, "tag", "press release")
    with_query = shown(window)  # counts from the library, narrowed to the matches
    total = window.model.total
    search(qtbot, window, "")
    assert window.search_panel.result() is None
    assert shown(window) == with_query
    assert window.model.total == total == 3
