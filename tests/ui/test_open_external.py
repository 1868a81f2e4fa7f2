"""A link or file that no program could open is reported, with the link to copy (never silence)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.open_external import open_external
from ui.reader.safe_browser import SafeTextBrowser


def _shown_box() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)


def test_a_link_no_browser_opens_is_reported_and_can_be_copied(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml('<a href="https://www.example.org/report?a=1&amp;b=<2>">report</a>')
    browser.anchorClicked.emit(QUrl("https://www.example.org/report?a=1&b=%3C2%3E"))
    qtbot.waitUntil(lambda: _shown_box() is not None)
    box = _shown_box()
    assert box is not None and "could open this link" in box.text() and "www.example.org/report" in box.text()
    copy = next(b for b in box.buttons() if b.text() == "Copy Link")
    copy.click()
    assert QGuiApplication.clipboard().text().startswith("https://www.example.org/report")
    box.close()


def test_a_file_no_viewer_opens_is_reported(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not open_external(parent, QUrl.fromLocalFile(str(tmp_path / "excerpts.pdf")))
    qtbot.waitUntil(lambda: _shown_box() is not None)
    box = _shown_box()
    assert box is not None and "could open this file" in box.text() and "excerpts.pdf" in box.text()
    box.close()


def test_an_opened_link_says_nothing(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    assert open_external(None, QUrl("https://www.example.org/"))
    assert _shown_box() is None
