"""Draw a RenderPlan into a QTextDocument with a cursor, recording where each text run lands.

Building with QTextCursor instead of HTML means the document's text is never
parsed as markup: a `<script>` or `<img>` in a report is shown as the
characters it is, and positions are known exactly as they are inserted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from app.reading import Block, RenderPlan, meta_line, split_urls
from ui.reader.position_map import PositionMap
from ui.reader.safe_browser import internal_url
from ui.reader.typography import ReaderStyle

LINE_SEPARATOR = "\u2028"  # a line break inside a paragraph, one character like the "\n" it replaces


def marker_anchor(number: int) -> str:
    return f"marker-{number}"


class _Writer:
    def __init__(self, doc: QTextDocument, plan: RenderPlan, style: ReaderStyle) -> None:
        self.doc = doc
        self.plan = plan
        self.style = style
        self.cursor = QTextCursor(doc)
        self.map = PositionMap()
        self.first_block = True
        self.named: set[int] = set()

    def block(self, block_format: QTextBlockFormat, char_format: QTextCharFormat) -> None:
        if self.first_block:
            self.cursor.setBlockFormat(block_format)
            self.cursor.setBlockCharFormat(char_format)
            self.first_block = False
        else:
            self.cursor.insertBlock(block_format, char_format)

    def mapped(self, start: int, end: int, char_format: QTextCharFormat, *, links: bool = True) -> None:
        """Insert text[start:end] one to one (URLs in it become links: same characters, other format)."""
        if end <= start:
            return
        self.map.add(start, end, self.cursor.position())
        chunk = self.plan.text[start:end].replace("\n", LINE_SEPARATOR)
        runs = split_urls(chunk) if links else [(chunk, None)]
        for run, url in runs:
            self.cursor.insertText(run, self.style.url(char_format, url) if url else char_format)

    def inline(self, block: Block, char_format: QTextCharFormat) -> None:
        """The block's text with each `[N]` drawn as a superscript N (brackets dropped, unmapped)."""
        pos = block.start
        previous_end = -1
        for m in block.markers:
            self.mapped(pos, m.start, char_format)
            if previous_end == m.start:
                self.cursor.insertText(",", self.style.marker_separator)
            name = None if m.number in self.named else marker_anchor(m.number)
            self.named.add(m.number)
            fmt = self.style.marker(internal_url("fn", m.number), present=m.present, name=name)
            self.mapped(m.start + 1, m.end - 1, fmt, links=False)
            pos = previous_end = m.end
        self.mapped(pos, block.end, char_format)

    def write(self) -> PositionMap:
        plan, style = self.plan, self.style
        blocks = list(plan.blocks)
        title = style.heading(0)
        self.block(style.title_block, title)
        if plan.has_title_block:
            self.inline(blocks.pop(0), title)
        else:
            self.cursor.insertText(plan.title, title)
        meta = meta_line(plan)
        if meta:
            self.block(style.meta_block, style.meta)
            self.cursor.insertText(meta, style.meta)
        headings: dict[int, QTextCharFormat] = {}
        for block in blocks:
            if block.kind == "heading":
                if block.level not in headings:
                    headings[block.level] = style.heading(block.level)
                fmt = headings[block.level]
                self.block(style.heading_block(block.level), fmt)
                self.inline(block, fmt)
            else:
                self.block(style.paragraph, style.body)
                self.inline(block, style.body)
        return self.map


def build_document(doc: QTextDocument, plan: RenderPlan, style: ReaderStyle) -> PositionMap:
    """Replace the document's content with the plan; returns the offset ⇄ position map."""
    doc.clear()
    doc.setDefaultFont(style.font)
    return _Writer(doc, plan, style).write()


def build_message(doc: QTextDocument, message: str, style: ReaderStyle) -> None:
    """An empty state: one muted, centred line."""
    doc.clear()
    doc.setDefaultFont(style.font)
    cursor = QTextCursor(doc)
    fmt = QTextBlockFormat()
    fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    cursor.setBlockFormat(fmt)
    cursor.insertText(message, style.meta)
