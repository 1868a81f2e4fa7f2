"""The search panel driven through its real widgets, on the bundled samples imported into a fresh archive."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from app.annotating import annotations
from app.archive.folder import Archive
from app.archive.paths import sample_files
from app.errors import DossierError
from app.importing.importer import run_import
from app.search import service as search_service
from app.search.engine import SearchResult
from ui.search_help import SearchHelpDialog
from ui.search_panel import HINT, PLACEHOLDER, SearchPanel
from ui.search_results_model import (
    ANNOTATIONS_ROLE,
    ID_ROLE,
    META_ROLE,
    SNIPPETS_ROLE,
    SearchResultsModel,
    readable_date,
)
from ui.snippet_delegate import hit_html, safe_snippet_html

pytestmark = pytest.mark.gui
WAIT = 20_000


@pytest.fixture
def samples(archive: Archive) -> Archive:
    files = sample_files()
    if not files:
        pytest.skip("no bundled samples")
    summary = run_import(archive, files)
    assert not summary.failed
    return archive


@pytest.fixture
def panel(samples: Archive, qtbot: Any) -> SearchPanel:
    widget = SearchPanel(samples)
    qtbot.addWidget(widget)
    widget.resize(420, 700)
    widget.show()
    return widget


def shown_query(panel: SearchPanel) -> str | None:
    result = panel.result()
    return result.query if result is not None else None


def type_and_wait(qtbot: Any, panel: SearchPanel, text: str) -> SearchResult:
    panel.field.clear()
    qtbot.keyClicks(panel.field, text)
    qtbot.waitUntil(lambda: shown_query(panel) == text, timeout=WAIT)
    result = panel.result()
    assert result is not None
    return result


def settle(panel: SearchPanel) -> None:
    """Every search asked for has run and its signal has been handled: nothing more can arrive.

    No debounce is pending, the panel's one-thread pool is idle, and the results its
    jobs posted to the GUI thread (queued signals) are delivered; then a test can
    assert what did *not* happen without waiting for some time to pass.
    """
    assert not panel.debounce.isActive(), "a search is still due from typing"
    assert panel.pool.waitForDone(WAIT), "a search is still running"
    QApplication.processEvents()


def titles(model: SearchResultsModel) -> list[str]:
    return [model.index(r).data() for r in range(model.rowCount())]


def test_empty_panel_shows_hint_and_placeholder(panel: SearchPanel) -> None:
    assert panel.field.placeholderText() == PLACEHOLDER
    assert panel.field.isClearButtonEnabled()
    assert panel.stack.currentWidget() is panel.empty_label
    assert panel.empty_label.text() == HINT
    assert panel.model.rowCount() == 0


def test_typing_shows_ranked_hits_with_snippets(qtbot: Any, panel: SearchPanel) -> None:
    result = type_and_wait(qtbot, panel, "mines")
    model = panel.model
    assert model.rowCount() == len(result.hits) > 1
    assert panel.stack.currentWidget() is panel.results
    assert panel.status_label.text() == f"{result.total} documents"
    assert [model.index(r).data(ID_ROLE) for r in range(model.rowCount())] == [h.id for h in result.hits]
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    first = model.index(0)
    snippets = first.data(SNIPPETS_ROLE)
    assert 1 <= len(snippets) <= 3 and all("<b>" in s for s in snippets)
    assert "press release" in first.data(META_ROLE)  # date · kind · publisher, no score
    assert first.data(ANNOTATIONS_ROLE) == 0
    delegate = panel.results.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(panel.results)
    option.widget = panel.results
    one_line = panel.results.fontMetrics().height()
    assert delegate.sizeHint(option, first).height() > 4 * one_line
    # laid-out rows follow each other without overlapping, as tall as the delegate asks
    rects = [panel.results.visualRect(model.index(r)) for r in range(2)]
    assert rects[1].top() > rects[0].bottom()
    assert rects[0].height() == delegate.sizeHint(option, first).height()


def test_hits_in_annotation_notes_say_so(qtbot: Any, panel: SearchPanel, samples: Archive) -> None:
    doc_id = search_service.search(samples, "Serevia").hits[0].id
    annotations.create(samples, doc_id, 0, 20, note="Compare with the quarterly flamingo figures")
    result = type_and_wait(qtbot, panel, "flamingo")
    assert [h.id for h in result.hits] == [doc_id]
    index = panel.model.index(0)
    assert index.data(ANNOTATIONS_ROLE) == 1
    assert "Matched in 1 annotation" in hit_html("t", "", [], 1, ["notes"])


def test_typing_is_debounced_into_one_search(qtbot: Any, panel: SearchPanel) -> None:
    seen: list[Any] = []
    panel.resultsChanged.connect(seen.append)
    type_and_wait(qtbot, panel, "clearance")
    settle(panel)
    assert [r.query for r in seen] == ["clearance"]


def test_enter_searches_at_once(qtbot: Any, panel: SearchPanel) -> None:
    panel.debounce.setInterval(60_000)  # typing alone would not search within the test
    qtbot.keyClicks(panel.field, "Serevia")
    with qtbot.waitSignal(panel.resultsChanged, timeout=WAIT) as blocker:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert blocker.args[0].query == "Serevia"
    assert panel.model.rowCount() == blocker.args[0].total > 0


def test_sort_by_date_reorders(qtbot: Any, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "mines")
    by_relevance = titles(panel.model)
    with qtbot.waitSignal(panel.resultsChanged, timeout=WAIT):
        panel.sort_combo.setCurrentIndex(panel.sort_combo.findData("date"))
    dates = [panel.model.hit(r).date or "" for r in range(panel.model.rowCount())]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert titles(panel.model) != by_relevance
    assert sorted(titles(panel.model)) == sorted(by_relevance)


def test_did_you_mean_searches_the_suggestion(qtbot: Any, panel: SearchPanel) -> None:
    result = type_and_wait(qtbot, panel, "clearnce")
    assert result.total == 0 and result.suggestion == "clearance"
    assert panel.status_label.text() == "No documents match"
    assert "No documents match “clearnce”" in panel.empty_label.text()
    assert 'href="suggestion">clearance</a>' in panel.empty_label.text()
    with qtbot.waitSignal(panel.resultsChanged, timeout=WAIT):
        panel.suggestion_label.linkActivated.emit("suggestion")
    assert panel.field.text() == "clearance"
    assert shown_query(panel) == "clearance" and panel.model.rowCount() > 0
    assert panel.stack.currentWidget() is panel.results


def test_no_match_without_suggestion_gives_advice(qtbot: Any, panel: SearchPanel) -> None:
    result = type_and_wait(qtbot, panel, "xyzzyqv")
    assert result.total == 0
    assert panel.stack.currentWidget() is panel.empty_label
    assert "No documents match “xyzzyqv”" in panel.empty_label.text()
    assert not panel.suggestion_label.isVisible()


def test_malformed_query_shows_notice_and_results(qtbot: Any, panel: SearchPanel) -> None:
    result = type_and_wait(qtbot, panel, '"mines')
    assert result.notice
    assert panel.notice_label.isVisible() and panel.notice_label.text() == result.notice
    assert panel.model.rowCount() > 0
    type_and_wait(qtbot, panel, "mines")
    assert not panel.notice_label.isVisible()


def test_search_errors_show_as_notice(qtbot: Any, panel: SearchPanel, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> SearchResult:
        raise DossierError("the index is being rebuilt")

    monkeypatch.setattr(search_service, "search", refuse)
    with qtbot.waitSignal(panel.resultsChanged, timeout=WAIT) as blocker:
        panel.set_query("mines")
    assert blocker.args == [None]
    assert panel.notice_label.isVisible() and panel.notice_label.text() == "the index is being rebuilt"
    assert panel.model.rowCount() == 0


def test_double_click_and_enter_activate_a_hit(qtbot: Any, panel: SearchPanel,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # The panel tells a double-click's extra signals from a new click by the clock: a clock of the
    # test's own, so a machine too busy to deliver the clicks within the interval changes nothing.
    clock = SimpleNamespace(now=1000.0)
    monkeypatch.setattr("ui.search_panel.time", SimpleNamespace(monotonic=lambda: clock.now))
    type_and_wait(qtbot, panel, "mines NOT cluster")
    activated: list[tuple[int, str]] = []
    panel.hitActivated.connect(lambda doc_id, query: activated.append((doc_id, query)))
    index = panel.model.index(1)
    centre = panel.results.visualRect(index).center()
    with qtbot.waitSignal(panel.hitActivated, timeout=WAIT) as blocker:
        # what a double-click delivers: press and release (clicked), then the double-click itself
        qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseRelease(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == [index.data(ID_ROLE), "mines NOT cluster"]
    QApplication.processEvents()  # anything the clicks posted is delivered
    assert len(activated) == 1  # a double-click opens the hit once

    panel.debounce.stop()
    clock.now += QApplication.doubleClickInterval() / 1000 + 1  # beyond the double-click interval
    panel.results.setFocus()
    panel.results.setCurrentIndex(panel.model.index(0))
    with qtbot.waitSignal(panel.hitActivated, timeout=WAIT) as blocker:
        qtbot.keyClick(panel.results.viewport(), Qt.Key.Key_Return)
    assert blocker.args[0] == panel.model.index(0).data(ID_ROLE)


def test_down_arrow_moves_from_field_to_results(qtbot: Any, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "mines")
    panel.focus_search()
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.results.currentIndex().row() == 0
    assert panel.results.hasFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Up)
    assert panel.field.hasFocus()


def test_stale_results_are_dropped(qtbot: Any, panel: SearchPanel, monkeypatch: pytest.MonkeyPatch) -> None:
    real = search_service.search
    first_started = threading.Event()
    second_asked = threading.Event()

    def held_for_mines(archive: Archive, query: str, **kwargs: Any) -> SearchResult:
        if query == "mines":
            first_started.set()
            second_asked.wait(WAIT / 1000)  # still running when the second query arrives (bounded, for a bug)
        return real(archive, query, **kwargs)

    monkeypatch.setattr(search_service, "search", held_for_mines)
    seen: list[Any] = []
    panel.resultsChanged.connect(seen.append)
    panel.set_query("mines")
    try:
        qtbot.waitUntil(first_started.is_set, timeout=WAIT)
        panel.set_query("Serevia")
    finally:
        second_asked.set()
    qtbot.waitUntil(lambda: shown_query(panel) == "Serevia", timeout=WAIT)
    settle(panel)  # the first search has finished and its result has been delivered: dropped
    assert [r.query for r in seen] == ["Serevia"]
    assert shown_query(panel) == "Serevia"


def test_queued_searches_overtaken_by_typing_never_run(
    qtbot: Any, panel: SearchPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = search_service.search
    ran: list[str] = []
    typed = threading.Event()

    def counting(archive: Archive, query: str, **kwargs: Any) -> SearchResult:
        ran.append(query)
        typed.wait(WAIT / 1000)  # a search that started runs until all typing is done (bounded, for a bug)
        return real(archive, query, **kwargs)

    monkeypatch.setattr(search_service, "search", counting)
    try:
        for query in ("m", "mi", "min", "mine", "mines"):
            panel.set_query(query)
    finally:
        typed.set()
    qtbot.waitUntil(lambda: shown_query(panel) == "mines", timeout=WAIT)
    settle(panel)
    assert ran[-1] == "mines" and len(ran) <= 2  # at most the one already running, then the last


def test_clearing_the_query_restores_the_hint(qtbot: Any, panel: SearchPanel) -> None:
    type_and_wait(qtbot, panel, "mines")
    with qtbot.waitSignal(panel.resultsChanged, timeout=WAIT) as blocker:
        qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert blocker.args == [None]
    assert panel.field.text() == "" and panel.model.rowCount() == 0
    assert panel.empty_label.text() == HINT and panel.status_label.text() == ""


def test_show_more_raises_the_limit(qtbot: Any, samples: Archive) -> None:
    panel = SearchPanel(samples, page_size=2)
    qtbot.addWidget(panel)
    result = type_and_wait(qtbot, panel, "Serevia")
    assert len(result.hits) == 2 < result.total
    assert panel.status_label.text() == f"{result.total} documents"
    assert "show 2 more" in panel.more_label.text() and not panel.more_label.isHidden()
    with qtbot.waitSignal(panel.resultsChanged, timeout=WAIT) as blocker:
        panel.more_label.linkActivated.emit("more")
    assert len(blocker.args[0].hits) == min(4, result.total)


def test_set_archive_switches_and_accepts_a_callable(qtbot: Any, samples: Archive, tmp_path: Any) -> None:
    panel = SearchPanel(None)
    qtbot.addWidget(panel)
    panel.set_query("mines")
    assert panel.result() is None
    with qtbot.waitSignal(panel.resultsChanged, timeout=WAIT) as blocker:
        panel.set_archive(lambda: samples)
    assert blocker.args[0].total > 0
    with Archive.open(tmp_path / "other") as other, qtbot.waitSignal(panel.resultsChanged, timeout=WAIT) as blocker:
        panel.set_archive(other)
    assert blocker.args[0].total == 0 and panel.model.rowCount() == 0


def test_help_popup_lists_the_syntax(qtbot: Any, panel: SearchPanel) -> None:
    qtbot.mouseClick(panel.help_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in panel.findChildren(SearchHelpDialog) if w.isVisible()]
    assert len(dialogs) == 1
    text = dialogs[0].text.text()
    for example in ("date:[2020 to 2022]", "demin*", "title:", "publisher:", "kind:", "tag:", '"line of contact"'):
        assert example in text
    assert "stemming" in text
    dialogs[0].close()
    assert panel.show_help() is dialogs[0] and dialogs[0].isVisible()  # one dialog, reopened


def test_results_model_passes_model_tester(qtbot: Any, samples: Archive, qtmodeltester: Any) -> None:
    result = search_service.search(samples, "mines")
    model = SearchResultsModel()
    model.set_hits(result.hits)
    qtmodeltester.check(model)
    assert model.rowCount() == len(result.hits)
    model.clear()
    qtmodeltester.check(model)


def test_snippets_keep_only_bold_markup() -> None:
    assert safe_snippet_html("a <b>mine</b> &amp; <script>x</script>.") == (
        "…a <b>mine</b> &amp; &lt;script&gt;x&lt;/script&gt;.")
    assert safe_snippet_html("Open <b>mine") == "Open <b>mine</b> …"
    assert safe_snippet_html('<img src="http://x">') == '&lt;img src="http://x"&gt; …'


def test_readable_dates() -> None:
    assert readable_date("2013-11-28") == "November 28, 2013"  # the locale's long date (en_US), without the weekday
    assert readable_date("2013-09") == "September 2013"
    assert readable_date("2013") == "2013"
    assert readable_date(None) == ""


def test_the_result_count_is_never_cut_in_a_narrow_dock(qtbot: Any, panel: SearchPanel) -> None:
    panel.resize(230, 400)
    type_and_wait(qtbot, panel, "zzzqqqxxx")
    label = panel.status_label
    assert label.text() == "No documents match"

    def shown_whole() -> bool:  # wrapped over as many lines as it needs, all of them laid out
        lines = label.heightForWidth(label.width()) // label.fontMetrics().lineSpacing()
        widest_line = label.fontMetrics().horizontalAdvance(label.text()) / max(1, lines)
        return 0 < widest_line <= label.width() + 1 and label.height() >= label.heightForWidth(label.width()) - 1

    qtbot.waitUntil(shown_whole, timeout=WAIT)
