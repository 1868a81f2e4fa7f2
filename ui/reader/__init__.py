"""The reader: document view, footnote panel, find bar, and the controller that joins them."""

from app.reading import ReaderHistory
from ui.reader.controller import ReaderController
from ui.reader.find_bar import FindBar
from ui.reader.footnote_panel import FootnotePanel
from ui.reader.highlights import Highlight
from ui.reader.pane import ReaderPane
from ui.reader.reader_view import ReaderView

__all__ = [
    "FindBar",
    "FootnotePanel",
    "Highlight",
    "ReaderController",
    "ReaderHistory",
    "ReaderPane",
    "ReaderView",
]
