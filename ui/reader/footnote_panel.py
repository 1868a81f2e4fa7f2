"""The footnotes of the open document, beside the text.

One read-only browser (selectable, copyable text) with a frame per note,
drawn with a cursor so note text is never parsed as markup. Links inside are
routed by SafeTextBrowser: note numbers ask the reader to show the marker,
archive links open the cited document, URLs go to the system browser.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QFont,
    QMouseEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QLabel, QTextEdit, QVBoxLayout, QWidget

from app.reading import FootnoteEntry, split_urls
from ui.reader.dates import document_date
from ui.reader.safe_browser import SafeTextBrowser, internal_url
from ui.reader.typography import PROPORTIONAL, ReaderStyle

NUMBER_WIDTH_EM = 2.0


def footnote_anchor(number: int) -> str:
    return f"fn-{number}"


class FootnoteBrowser(SafeTextBrowser):
    """The list itself; a plain click inside a note selects it."""

    noteClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame_numbers: dict[int, int] = {}  # frame's first position → footnote number
        self._press: QPoint | None = None

    def number_at(self, point: QPoint) -> int | None:
        frame: QTextFrame | None = self.cursorForPosition(point).currentFrame()
        while frame is not None:
            number = self.frame_numbers.get(frame.firstPosition())
            if number is not None:
                return number
            frame = frame.parentFrame()
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        click = (
            event.button() == Qt.MouseButton.LeftButton
            and self._press is not None
            and (pos - self._press).manhattanLength() < 4
            and not self.anchorAt(pos)
        )
        super().mouseReleaseEvent(event)
        if click and not self.textCursor().hasSelection():
            number = self.number_at(pos)
            if number is not None:
                self.noteClicked.emit(number)


class FootnotePanel(QWidget):
    """Lists footnotes; emits showMarker(n) for a number click and openDocument(id) for an archive link."""

    showMarker = Signal(int)
    openDocument = Signal(int)
    footnoteSelected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("footnotePanel")
        self.summary = QLabel(self)
        self.summary.setObjectName("footnoteSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(8, 4, 8, 4)
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.browser = FootnoteBrowser(self)
        self.browser.setFrameShape(QTextEdit.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.summary)
        layout.addWidget(self.browser)
        self._entries: dict[int, FootnoteEntry] = {}
        self._frames: dict[int, QTextFrame] = {}
        self._selected: int | None = None
        self._message = self.tr("No document open")
        self.browser.internalLink.connect(self._on_link)
        self.browser.noteClicked.connect(self.select_footnote)
        self._render()

    # --- content ---------------------------------------------------------------------------

    @property
    def entries(self) -> list[FootnoteEntry]:
        return list(self._entries.values())

    @property
    def selected_footnote(self) -> int | None:
        return self._selected

    def show_entries(self, entries: list[FootnoteEntry]) -> None:
        self._entries = {e.number: e for e in entries}
        self._selected = None
        self._message = self.tr("This document has no footnotes.")
        self._render()
        self.browser.verticalScrollBar().setValue(0)

    def show_message(self, message: str) -> None:
        self._entries = {}
        self._selected = None
        self._message = message
        self._render()

    def _summary_text(self) -> str:
        if not self._entries:
            return ""
        notes = sum(not e.missing for e in self._entries.values())
        missing = len(self._entries) - notes
        if not notes:
            return self.tr("No note list · %Ln marker(s) without a note", "", missing)
        parts = [self.tr("%Ln footnote(s)", "", notes)]
        if missing:
            parts.append(self.tr("%Ln missing", "missing notes", missing))
        return " · ".join(parts)

    def _render(self) -> None:
        style = ReaderStyle.for_widget(self.browser, scale=1.0)  # a side list keeps the UI's size
        doc = self.browser.document()
        doc.clear()
        doc.setDefaultFont(style.font)
        doc.setDocumentMargin(6)
        self._frames = {}
        self.browser.frame_numbers = {}
        self.summary.setText(self._summary_text())
        self.summary.setVisible(bool(self._entries))
        if not self._entries:
            cursor = QTextCursor(doc)
            root = doc.rootFrame().frameFormat()
            root.setTopMargin(style.em * 4)
            doc.rootFrame().setFrameFormat(root)
            fmt = QTextBlockFormat()
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            cursor.setBlockFormat(fmt)
            cursor.insertText(self._message, style.meta)
            return
        writer = _NoteWriter(doc, style, self.palette())
        for entry in self._entries.values():
            frame = writer.write(entry)
            self._frames[entry.number] = frame
            self.browser.frame_numbers[frame.firstPosition()] = entry.number
        if self._selected is not None:
            self._paint_selection(self._selected, True)

    def changeEvent(self, event: QEvent) -> None:
        """Redraw on a theme change (frame borders and link colours come from the palette)."""
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_frames"):
            self._render()
        super().changeEvent(event)

    # --- selection -------------------------------------------------------------------------

    def select_footnote(self, number: int) -> bool:
        """Select note N and scroll it into view; False if the document has no such note or marker."""
        if number not in self._frames:
            return False
        if self._selected is not None and self._selected in self._frames:
            self._paint_selection(self._selected, False)
        self._selected = number
        self._paint_selection(number, True)
        self._scroll_to(number)
        self.footnoteSelected.emit(number)
        return True

    def _paint_selection(self, number: int, selected: bool) -> None:
        frame = self._frames[number]
        fmt = frame.frameFormat()
        palette = self.palette()
        if selected:
            fmt.setBackground(QBrush(palette.color(QPalette.ColorRole.AlternateBase)))
            fmt.setBorderBrush(QBrush(palette.color(QPalette.ColorRole.Highlight)))
        else:
            fmt.setBackground(QBrush(Qt.BrushStyle.NoBrush))
            fmt.setBorderBrush(QBrush(palette.color(QPalette.ColorRole.Base)))
        frame.setFrameFormat(fmt)

    def _scroll_to(self, number: int) -> None:
        frame = self._frames[number]
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(frame.firstPosition())
        top = self.browser.cursorRect(cursor).top()
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.value() + top - 12)

    def _on_link(self, kind: str, value: int) -> None:
        if kind == "marker":
            self.select_footnote(value)
            self.showMarker.emit(value)
        elif kind == "note":
            self.select_footnote(value)
        elif kind == "doc":
            self.openDocument.emit(value)


class _NoteWriter:
    """Writes one frame per footnote: number hanging in the margin, text, Ibid, sources, archive links."""

    def __init__(self, doc: QTextDocument, style: ReaderStyle, palette: QPalette) -> None:
        self.doc = doc
        self.style = style
        self.palette = palette
        self.cursor = QTextCursor(doc)
        self.indent = style.em * NUMBER_WIDTH_EM
        option = doc.defaultTextOption()
        option.setTabStopDistance(self.indent)
        doc.setDefaultTextOption(option)
        self.frame_format = QTextFrameFormat()
        self.frame_format.setPadding(6)
        self.frame_format.setBorder(1)
        self.frame_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        self.frame_format.setBorderBrush(QBrush(palette.color(QPalette.ColorRole.Base)))
        self.frame_format.setBottomMargin(2)
        self.first_block = QTextBlockFormat()
        self.first_block.setLeftMargin(self.indent)
        self.first_block.setTextIndent(-self.indent)
        self.first_block.setLineHeight(125, PROPORTIONAL)
        self.detail_block = QTextBlockFormat()
        self.detail_block.setLeftMargin(self.indent)
        self.detail_block.setTopMargin(3)
        self.detail_block.setLineHeight(120, PROPORTIONAL)
        self.text = self._char()
        self.muted = self._char(muted=True)
        self.missing = self._char(muted=True, italic=True)
        self.small = self._char(small=True)
        self.small_muted = self._char(muted=True, small=True)
        self.link = self._link_base(small=False)
        self.small_link = self._link_base(small=True)
        self.number_link = QTextCharFormat(self.link)
        self.number_link.setFontUnderline(False)
        self.number_link.setFontWeight(QFont.Weight.Bold)
        self.number_plain = QTextCharFormat(self.muted)
        self.number_plain.setFontWeight(QFont.Weight.Bold)

    def _char(self, *, muted: bool = False, italic: bool = False, small: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(QBrush(self.style.muted if muted else self.style.text))
        if italic:
            fmt.setFontItalic(True)
        if small:
            fmt.setFontPointSize(self.style.point_size * 0.92)
        return fmt

    def _link_base(self, *, small: bool) -> QTextCharFormat:
        fmt = self._char(small=small)
        fmt.setAnchor(True)
        fmt.setForeground(QBrush(self.style.link))
        fmt.setFontUnderline(True)
        return fmt

    def _anchor(self, base: QTextCharFormat, href: str, name: str | None = None) -> QTextCharFormat:
        fmt = QTextCharFormat(base)
        fmt.setAnchorHref(href)
        if name:
            fmt.setAnchorNames([name])
        return fmt

    def _text_with_urls(self, text: str, known: tuple[str, ...], *, small: bool = False) -> set[str]:
        """Insert text with its URLs as links; returns the URLs it linked."""
        linked: set[str] = set()
        for run, url in split_urls(text, known):
            if url:
                self.cursor.insertText(run, self._anchor(self.small_link if small else self.link, url))
                linked.add(url)
            else:
                self.cursor.insertText(run, self.small if small else self.text)
        return linked

    def write(self, entry: FootnoteEntry) -> QTextFrame:
        frame = self.cursor.insertFrame(self.frame_format)
        self.cursor.setBlockFormat(self.first_block)
        name = footnote_anchor(entry.number)
        if entry.has_marker:
            fmt = self._anchor(self.number_link, internal_url("marker", entry.number), name)
        else:
            fmt = QTextCharFormat(self.number_plain)
            fmt.setAnchorNames([name])
            fmt.setToolTip(QCoreApplication.translate("FootnotePanel", "No marker in the text points to this note"))
        self.cursor.insertText(str(entry.number), fmt)
        self.cursor.insertText("\t", self.text)
        if entry.missing:
            missing = QCoreApplication.translate("FootnotePanel", "Footnote {number} — missing from the document")
            self.cursor.insertText(missing.format(number=entry.number), self.missing)
        else:
            linked = self._text_with_urls(entry.text, entry.urls)
            self._details(entry, linked)
        self.cursor.setPosition(self.doc.rootFrame().lastPosition())
        return frame

    def _details(self, entry: FootnoteEntry, linked: set[str]) -> None:
        if entry.ibid_of is not None and entry.resolved_text:
            self.cursor.insertBlock(self.detail_block)
            self.cursor.insertText(QCoreApplication.translate("FootnotePanel", "Ibid → "), self.small_muted)
            linked |= self._text_with_urls(entry.resolved_text, entry.urls, small=True)
            self.cursor.insertText(" (", self.small_muted)
            note_link = self._anchor(self.small_link, internal_url("note", entry.ibid_of))
            note = QCoreApplication.translate("FootnotePanel", "note {number}")
            self.cursor.insertText(note.format(number=entry.ibid_of), note_link)
            self.cursor.insertText(")", self.small_muted)
        else:
            numbered = len(entry.citations) > 1
            for i, line in enumerate(entry.citations, 1):
                self.cursor.insertBlock(self.detail_block)
                label = (
                    QCoreApplication.translate("FootnotePanel", "Source {number}: ").format(number=i)
                    if numbered
                    else QCoreApplication.translate("FootnotePanel", "Source: ")
                )
                self.cursor.insertText(label, self.small_muted)
                self.cursor.insertText(line, self.small_muted)
        for url in entry.urls:
            if url not in linked:
                self.cursor.insertBlock(self.detail_block)
                self.cursor.insertText(url, self._anchor(self.small_link, url))
        for link in entry.links:
            self.cursor.insertBlock(self.detail_block)
            self.cursor.insertText(QCoreApplication.translate("FootnotePanel", "In the archive: "), self.muted)
            self.cursor.insertText(link.title, self._anchor(self.link, internal_url("doc", link.document_id)))
            if link.date:
                self.cursor.insertText(f" — {document_date(link.date)}", self.muted)
