"""The reader's citation map: who cites the open document and what it cites, each box one click away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

from app.archive.folder import Archive
from app.importing.importer import run_import
from app.library import listing as library
from app.library.citation_map import CitationMap, LinkedDocument
from app.library.removal import remove_documents
from tests.app.importing.test_importer import PROFILE, RELEASE
from tests.app.library.test_timeline import add_documents
from ui.main_window import MainWindow
from ui.reader.citation_map_view import CitationMapView, _two_lines
from ui.settings import AppSettings
from ui.theme import apply_theme

pytestmark = pytest.mark.gui
WAIT = 20_000
HOSTILE = '<img src="/dev/zero"> <b>Zero</b> report'


@pytest.fixture
def window(archive: Archive, tmp_path: Path, qtbot: Any) -> MainWindow:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "profile.txt").write_text(PROFILE, encoding="utf-8")  # footnotes cite the release
    (corpus / "release.txt").write_text(RELEASE, encoding="utf-8")
    run_import(archive, [corpus])
    add_documents(archive, [("2020-01-01", "statement")])  # links nowhere
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(archive, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w._index_worker is None, timeout=WAIT)
    return w


def doc_id(window: MainWindow, title: str) -> int:
    return next(r.id for r in library.list_documents(window.archive) if r.title.startswith(title))


def open_mapped(window: MainWindow, qtbot: Any, document_id: int) -> CitationMap:
    window.open_document(document_id)
    window.map_dock.show()
    window.map_dock.raise_()

    def mapped() -> bool:
        shown = window.citation_map.view.citation_map
        return not window.citation_map.pending and shown is not None and shown.document.id == document_id

    qtbot.waitUntil(mapped, timeout=WAIT)
    result = window.citation_map.view.citation_map
    assert result is not None
    return result


def click_box(qtbot: Any, view: CitationMapView, target: int) -> None:
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.box_rects()[target].center())


def test_a_box_opens_its_document_and_the_map_follows(window: MainWindow, qtbot: Any) -> None:
    profile, release = doc_id(window, "Freedonia"), doc_id(window, "Campaign Watch")
    shown = open_mapped(window, qtbot, profile)
    assert [d.id for d in shown.cites] == [release] and shown.cited_by == ()
    view = window.citation_map.view
    assert set(view.box_rects()) == {release}
    centre = view.centre_rect()
    assert centre is not None and view.box_rects()[release].top() > centre.bottom()  # cited documents below
    with qtbot.waitSignal(window.reader.documentOpened) as opened:
        click_box(qtbot, view, release)
    assert opened.args == [release] and window.reader.document_id == release
    qtbot.waitUntil(lambda: view.citation_map is not None and view.citation_map.document.id == release,
                    timeout=WAIT)  # fmt: skip
    assert [d.id for d in view.citation_map.cited_by] == [profile] and view.citation_map.cites == ()
    assert view.box_rects()[profile].bottom() < view.centre_rect().top()  # citing documents above
    with qtbot.waitSignal(window.reader.documentOpened) as opened:
        click_box(qtbot, view, profile)
    assert opened.args == [profile]
    assert window.reader.can_go_back()  # one history with the footnote links: Back returns


def test_the_open_document_box_opens_nothing(window: MainWindow, qtbot: Any) -> None:
    open_mapped(window, qtbot, doc_id(window, "Freedonia"))
    view = window.citation_map.view
    with qtbot.assertNotEmitted(view.openDocument):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.centre_rect().center())


def test_a_document_without_links_and_a_removed_one(window: MainWindow, qtbot: Any) -> None:
    lone = doc_id(window, "Report")
    assert open_mapped(window, qtbot, lone).is_empty
    assert window.citation_map.view.box_rects() == {}
    remove_documents(window.archive, [lone])
    window.documents_removed([lone])
    assert window.citation_map.view.citation_map is None and window.citation_map.document_id is None


def test_hidden_until_shown(window: MainWindow, qtbot: Any) -> None:
    """Behind the Footnotes tab the map reads nothing; raised, it maps the open document."""
    profile = doc_id(window, "Freedonia")
    window.open_document(profile)
    window.footnotes_dock.raise_()
    qtbot.waitUntil(lambda: not window.citation_map.active)
    window.open_document(doc_id(window, "Campaign Watch"))
    assert not window.citation_map.pending
    open_mapped(window, qtbot, profile)


def sample_map(citing: int = 3, cited: int = 2, title: str = "A report") -> CitationMap:
    def doc(n: int) -> LinkedDocument:
        return LinkedDocument(n, f"{title} number {n} on the clearance of the northern belt", "2021-03-0" + str(n % 9 + 1),
                              ("report", "press-release", "statement")[n % 3], (n % 5 + 1,))  # fmt: skip

    return CitationMap(LinkedDocument(1000, "Serevia", "2022-11-14", "country-profile"),
                       tuple(doc(n) for n in range(cited)), tuple(doc(100 + n) for n in range(citing)))  # fmt: skip


def test_boxes_fit_the_width_and_never_overlap(qtbot: Any) -> None:
    view = CitationMapView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_map(sample_map(citing=70, cited=5))
    rects = list(view.box_rects().values())
    assert len(rects) == 60 + 5  # a side shows 60 boxes at most
    assert any(text == "and 10 more" for _, text, _ in view._texts)
    assert all(r.left() >= 0 and r.right() < view.width() for r in rects)
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    assert view.minimumHeight() > max(r.bottom() for r in rects)  # tall enough to scroll to the last
    view.resize(320, 400)
    assert max(r.right() for r in view.box_rects().values()) < 320


def test_titles_are_elided_in_boxes_and_whole_and_plain_in_tooltips(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = CitationMapView()
    qtbot.addWidget(view)
    view.resize(320, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_map(sample_map(citing=1, cited=0, title=HOSTILE))
    (target,) = view.box_rects()
    index = next(i for i, b in enumerate(view._boxes) if b.doc.id == target)
    assert HOSTILE in view.tooltip_text(index).splitlines()[0]
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_args: shown.append(text))
    point = view.box_rects()[target].center()
    QApplication.sendEvent(view, QHelpEvent(QHelpEvent.Type.ToolTip, point, view.mapToGlobal(point)))
    assert len(shown) == 1 and "&lt;img" in shown[0] and "<img" not in shown[0]  # escaped: shown as text
    fm = QFontMetrics(view.font())
    lines = _two_lines("word " * 40, fm, 150)
    assert len(lines) == 2 and lines[1].endswith("…") and all(fm.horizontalAdvance(x) <= 150 for x in lines)
    assert _two_lines("Short", fm, 150) == ["Short"]
    assert len(_two_lines("x" * 200, fm, 100)[0]) < 200


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_drawn_in_the_palette_of_either_theme(theme: str, qtbot: Any, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    view = CitationMapView()
    qtbot.addWidget(view)
    view.resize(340, 520)
    try:
        apply_theme(app, theme)
        qtbot.waitUntil(lambda: (view.palette().color(QPalette.ColorRole.Base).lightness() < 128) == (theme == "dark"))
        for name, shown in (("map", sample_map()), ("empty", CitationMap(sample_map().document))):
            view.set_map(shown)
            image = view.grab().toImage()
            assert image.save(str(tmp_path / f"citation-map-{name}-{theme}.png"))
            base = view.palette().color(QPalette.ColorRole.Base)
            assert image.pixelColor(QPoint(1, image.height() - 2)).rgb() == base.rgb()
        view.show_message("No document open")
        assert not view.grab().isNull()
    finally:
        apply_theme(app, "system")
