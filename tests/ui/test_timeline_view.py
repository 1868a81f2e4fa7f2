"""The Library tab's timeline: bars from the database, a click filters the library as the Year facet does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from app.archive.folder import Archive
from app.library import listing as library
from app.library.metadata import edit_metadata
from app.library.removal import remove_documents
from app.library.timeline import Timeline, TimelineBar, count_by_period
from tests.app.importing.test_importer import PROFILE
from tests.app.library.test_timeline import SPREAD, add_documents
from ui.document_table_model import COLUMNS
from ui.main_window import MainWindow
from ui.settings import AppSettings
from ui.theme import apply_theme
from ui.timeline_panel import summary_text
from ui.timeline_view import TimelineView

pytestmark = pytest.mark.gui
WAIT = 20_000
DATE_COLUMN = [key for _, key in COLUMNS].index("date")


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def open_window(archive: Archive, settings: AppSettings, qtbot: Any) -> MainWindow:
    w = MainWindow(archive, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w._index_worker is None and not w.timeline.pending, timeout=WAIT)
    return w


@pytest.fixture
def window(archive: Archive, settings: AppSettings, qtbot: Any) -> MainWindow:
    add_documents(archive, SPREAD)
    return open_window(archive, settings, qtbot)


def dates(window: MainWindow) -> list[str]:
    return sorted(window.model.index(r, DATE_COLUMN).data() or "" for r in range(window.model.rowCount()))


def click_bar(qtbot: Any, window: MainWindow, period: str) -> None:
    view = window.timeline.view
    rect = view.bar_rects()[period]
    with qtbot.waitSignal(window.facets.filterChanged):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not window.timeline.pending, timeout=WAIT)


def test_the_bars_are_the_database_counts(window: MainWindow) -> None:
    view = window.timeline.view
    assert view.timeline == count_by_period(window.archive)
    assert set(view.bar_rects()) == {"1999", "2001", "2004"}  # empty years are gaps, not bars
    assert all(rect.height() > 0 and view.rect().contains(rect) for rect in view.bar_rects().values())
    assert window.timeline.summary.text() == "9 dated, 1999–2004, by year · 3 undated"
    tip = view.tooltip_text([b.period for b in view.timeline.bars].index("1999"))
    assert tip.splitlines()[:3] == ["1999: 3 documents", "press release: 1", "report: 2"]


def test_clicking_a_bar_filters_the_library_to_that_year_and_again_clears_it(window: MainWindow, qtbot: Any) -> None:
    everything = dates(window)
    click_bar(qtbot, window, "2004")
    assert dates(window) == ["2004-06-15", "2004-06-15", "2004-07-01"]
    assert window.facets.chosen("year") == ("2004",)  # the same as checking 2004 in the Year facet
    assert window.timeline.view.chosen() == {"2004"} and window.timeline.clear_button.isEnabled()
    assert set(window.timeline.view.bar_rects()) == {"1999", "2001", "2004"}  # the other years stay to add
    click_bar(qtbot, window, "1999")
    assert window.facets.chosen("year") == ("2004", "1999") and len(dates(window)) == 6
    click_bar(qtbot, window, "2004")
    assert window.facets.chosen("year") == ("1999",)
    with qtbot.waitSignal(window.facets.filterChanged):
        window.timeline.clear_button.click()
    assert dates(window) == everything and not window.timeline.view.chosen()
    assert not window.timeline.clear_button.isEnabled()


def test_the_year_facet_shows_on_the_timeline_and_other_facets_narrow_it(window: MainWindow, qtbot: Any) -> None:
    window.facets.set_checked("year", "2001")
    assert window.timeline.view.chosen() == {"2001"}
    window.facets.set_checked("kind", "report")
    qtbot.waitUntil(lambda: not window.timeline.pending, timeout=WAIT)
    assert window.timeline.view.timeline.kinds == ("report",)
    assert set(window.timeline.view.bar_rects()) == {"1999", "2004"}
    assert window.model.rowCount() == 0  # reports of 2001: none


def test_a_month_bar_filters_to_its_month(archive: Archive, settings: AppSettings, qtbot: Any) -> None:
    add_documents(archive, [("2021-11-03", "report"), ("2021-11-20", "statement"), ("2022-02-10", "report"),
                            ("2022", "press-release")])  # fmt: skip
    window = open_window(archive, settings, qtbot)
    assert window.timeline.view.timeline.unit == "month"
    click_bar(qtbot, window, "2021-11")
    assert dates(window) == ["2021-11-03", "2021-11-20"]
    assert window.facets.chosen("month") == ("2021-11",) and "month 2021-11" in window.facets.summary.text()
    with qtbot.waitSignal(window.facets.filterChanged):
        window.facets.clear_button.click()
    assert window.model.rowCount() == 4 and not window.timeline.view.chosen()


def test_the_keyboard_picks_and_toggles_a_bar(window: MainWindow, qtbot: Any) -> None:
    view = window.timeline.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    with qtbot.waitSignal(view.periodClicked) as clicked:
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert clicked.args == ["year", "2001"]


def test_it_follows_imports_edits_and_removals(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    def years() -> set[str]:
        return set(window.timeline.view.bar_rects())

    source = tmp_path / "profile.txt"
    source.write_text(PROFILE, encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=WAIT):
        window.start_import([source])
    qtbot.waitUntil(lambda: "2021" in years(), timeout=WAIT)
    (profile,) = library.list_documents(window.archive, flt=library.DocumentFilter(year="2021"))
    edit_metadata(window.archive, profile.id, date="2003-05-01")
    window.actions_._metadata_saved(profile.id)
    qtbot.waitUntil(lambda: "2003" in years() and "2021" not in years(), timeout=WAIT)
    remove_documents(window.archive, [profile.id])
    window.documents_removed([profile.id])
    qtbot.waitUntil(lambda: "2003" not in years(), timeout=WAIT)


def test_view_menu_hides_the_timeline_and_remembers_it(window: MainWindow, settings: AppSettings) -> None:
    action = window.actions_.show_timeline
    assert action.isChecked() and window.timeline.isVisible()
    action.trigger()
    assert not window.timeline.isVisible() and settings.value("view/timeline") in (False, "false")
    window.actions_.show_timeline.trigger()
    assert window.timeline.isVisible()


def test_empty_and_undated_archives(archive: Archive, settings: AppSettings, qtbot: Any) -> None:
    window = open_window(archive, settings, qtbot)
    assert window.timeline.view.timeline.is_empty and window.timeline.view.bar_rects() == {}
    add_documents(archive, [(None, "report")])
    window.refresh()
    qtbot.waitUntil(lambda: window.timeline.view.timeline.undated == 1, timeout=WAIT)
    assert window.timeline.summary.text() == "1 undated"
    assert window.timeline.view._empty_text() == "No dated documents"
    window.search_panel.set_query("zirconium")  # a search that matches nothing: not "no dated documents"
    window.search_panel.search_now()
    qtbot.waitUntil(lambda: window.search_panel.result() is not None and window.model.total == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: not window.timeline.pending and window.timeline.view.timeline.undated == 0, timeout=WAIT)
    assert window.timeline.view._empty_text() == "No documents match"
    window.search_panel.set_query("")
    window.search_panel.search_now()
    qtbot.waitUntil(lambda: not window.timeline.pending and window.timeline.view.timeline.undated == 1, timeout=WAIT)
    qtbot.mouseClick(window.timeline.view, Qt.MouseButton.LeftButton, pos=window.timeline.view.rect().center())
    assert not window.facets.chosen("year")
    assert summary_text(Timeline("month", (TimelineBar("2020-01", (("report", 2),)),), ("report",), 0, 3)) == (
        "2 dated, 2020-01, by month · 3 dated to the year only"
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_drawn_in_the_palette_of_either_theme(window: MainWindow, theme: str, qtbot: Any, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    view = window.timeline.view
    try:
        apply_theme(app, theme)
        qtbot.waitUntil(lambda: (view.palette().color(QPalette.ColorRole.Base).lightness() < 128) == (theme == "dark"))
        image = view.grab().toImage()
        assert image.save(str(tmp_path / f"timeline-{theme}.png"))
        base = view.palette().color(QPalette.ColorRole.Base)
        assert image.pixelColor(QPoint(2, image.height() // 2)).rgb() == base.rgb()  # the background is Base
        bar = view.bar_rects()["1999"]
        drawn = image.pixelColor(bar.center() * image.devicePixelRatio())
        assert drawn.rgb() != base.rgb()
        empty = TimelineView()
        qtbot.addWidget(empty)
        empty.resize(400, 150)
        assert not empty.grab().isNull()
    finally:
        apply_theme(app, "system")
