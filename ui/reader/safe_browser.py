"""A QTextBrowser that can show links but never fetches or navigates by itself.

Imported documents come from the web; a reader that resolved `<img src>` or
followed a link inside the app would leak the user's reading to third parties
or run someone else's page. Every browser in the reader derives from this
class: resources are never loaded, navigation is switched off, and links are
routed by scheme — web and mail links to the system browser, `dossier-*`
links to signals, anything else dropped.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QKeyEvent, QMouseEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from ui.open_external import open_external

log = logging.getLogger(__name__)

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
INTERNAL_PREFIX = "dossier-"


def internal_url(kind: str, value: int) -> str:
    """`dossier-fn:3`, `dossier-doc:12` … (the only links the reader acts on itself)."""
    return f"{INTERNAL_PREFIX}{kind}:{value}"


class SafeTextBrowser(QTextBrowser):
    """Read-only rich text with links handled by scheme; emits internalLink(kind, number)."""

    internalLink = Signal(str, int)
    externalLinkOpened = Signal(QUrl)
    backRequested = Signal()
    forwardRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.setUndoRedoEnabled(False)
        self.anchorClicked.connect(self._route_link)

    def loadResource(self, type: int, name: QUrl) -> Any:
        """Nothing is ever loaded: no images, no style sheets, local or remote.

        The answer must be an empty value, not None: on a null answer
        QTextDocument falls back to reading `file:` URLs itself.
        """
        log.debug("refused to load resource %s", name.toString())
        if int(getattr(type, "value", type)) == QTextDocument.ResourceType.ImageResource.value:
            return QImage()
        return QByteArray()

    def doSetSource(self, name: QUrl, type: Any = None) -> None:
        """Navigation is ours alone (anchorClicked); the browser never replaces its document."""
        log.debug("refused to navigate to %s", name.toString())

    def _route_link(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme in EXTERNAL_SCHEMES:
            open_external(self, url)
            self.externalLinkOpened.emit(url)
        elif scheme.startswith(INTERNAL_PREFIX):
            value = url.path()
            if value.isdigit():
                self.internalLink.emit(scheme.removeprefix(INTERNAL_PREFIX), int(value))
        else:
            log.info("ignored link with scheme %r", scheme)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Alt+Left/Right belong to the window's back/forward, not QTextBrowser's own history."""
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.ignore()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() in (Qt.MouseButton.BackButton, Qt.MouseButton.ForwardButton):
            event.accept()  # handled on release
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Mouse back/forward buttons ask for document history (QTextBrowser's is unused)."""
        if event.button() == Qt.MouseButton.BackButton:
            self.backRequested.emit()
            event.accept()
            return
        if event.button() == Qt.MouseButton.ForwardButton:
            self.forwardRequested.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)
