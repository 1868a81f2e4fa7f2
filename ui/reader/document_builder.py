"""Draw a RenderPlan into a QTextDocument with a cursor, recording where each text run lands.

Building with QTextCursor instead of HTML means the document's text is never
parsed as markup: a `<script>` or `<img>` in a report is shown as the
characters it is, and positions are known exactly as they are inserted.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from app.reading import Block, RenderPlan, split_urls
from ui.kind_colors import kind_label
from ui.reader.dates import document_date
from ui.reader.position_map import PositionMap
from ui.reader.safe_browser import internal_url
from ui.reader.typography import ReaderStyle

LINE_SEPARATOR = "\u2028"  # a line break inside a paragraph, one character like the "\n" it replaces
MAX_DRAWN_BLOCK = 8_000  # characters in one drawn paragraph


def marker_anchor(number: int) -> str:
    return f"marker-{number}"


def meta_line(plan: RenderPlan) -> str:
    """The header line under the title: 'Last updated 23 September 2021 · Landmine Monitor · Country profile'.

    The date is written as the user's locale writes dates (`document_date`); its label ("Last updated",
    "Published") is the document's own word, found by the parser, and is shown as data, like the publisher.
    """
    parts = []
    date = document_date(plan.date)
    if date and not any(block.kind == "dateline" for block in plan.blocks):  # the text's own line shows it
        label = (plan.date_label or "").strip()
        parts.append(f"{label.capitalize()} {date}" if label else date)
    if plan.publisher:
        parts.append(plan.publisher)
    if plan.kind and plan.kind != "other":
        kind = kind_label(plan.kind)
        parts.append(kind[:1].upper() + kind[1:])
    return " · ".join(parts)


class _Writer:
    def __init__(self, doc: QTextDocument, plan: RenderPlan, style: ReaderStyle) -> None:
        self.doc = doc
        self.plan = plan
        self.style = style
        self.cursor = QTextCursor(doc)
        self.map = PositionMap()
        self.first_block = True
        self.named: set[int] = set()
        self.headings: dict[int, QTextCharFormat] = {}

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

    def header(self) -> list[Block]:
        """The title and the meta line; returns the blocks left to draw."""
        plan, style = self.plan, self.style
        blocks = list(plan.blocks)
        title = style.heading(0)
        self.block(style.title_block, title)
        if plan.has_title_block:
            self.inline(blocks.pop(0), title)
        else:
            self.cursor.insertText(plan.title, title)
        meta = meta_line(plan)
        if blocks and blocks[0].kind == "dateline":  # the text's own date line opens the meta line
            self.block(style.meta_block, style.meta)
            self.inline(blocks.pop(0), style.meta)
            if meta:
                self.cursor.insertText(" · " + meta, style.meta)
        elif meta:
            self.block(style.meta_block, style.meta)
            self.cursor.insertText(meta, style.meta)
        return blocks

    def body_block(self, block: Block) -> None:
        style = self.style
        if block.kind == "heading":
            if block.level not in self.headings:
                self.headings[block.level] = style.heading(block.level)
            fmt = self.headings[block.level]
            self.block(style.heading_block(block.level), fmt)
            self.inline(block, fmt)
        else:
            self.block(style.paragraph, style.body)
            self.inline(block, style.body)


def drawn_blocks(plan: RenderPlan, blocks: Iterable[Block]) -> Iterator[Block]:
    """The blocks as drawn: a paragraph longer than MAX_DRAWN_BLOCK is split at spaces into several.

    Qt lays out a paragraph in one piece, so a 2 MB line would freeze the window. A cut never
    splits a marker (one that would is kept whole in the piece before), and every piece stays
    mapped to its own offsets.
    """
    text = plan.text
    for block in blocks:
        if block.end - block.start <= MAX_DRAWN_BLOCK:
            yield block
            continue
        markers, first = block.markers, 0
        start = block.start
        while start < block.end:
            end = min(block.end, start + MAX_DRAWN_BLOCK)
            if end < block.end:
                space = text.rfind(" ", start + MAX_DRAWN_BLOCK // 2, end)
                end = space + 1 if space > 0 else end  # no space: a hard cut
            after = first
            while after < len(markers) and markers[after].start < end:
                after += 1
            if after > first:
                end = max(end, markers[after - 1].end)  # a marker the cut would split stays whole
            yield replace(block, start=start, end=end, markers=markers[first:after])
            start, first = end, after


class DocumentBuilder:
    """Draws a plan into a document in slices: the reader shows the first slice at once and
    draws the rest between events, so a document of any size never blocks the window."""

    def __init__(self, doc: QTextDocument, plan: RenderPlan, style: ReaderStyle) -> None:
        doc.clear()
        doc.setUndoRedoEnabled(False)  # a reader never undoes; the stack would hold every insertion
        doc.setDefaultFont(style.font)
        self._writer = _Writer(doc, plan, style)
        self._blocks = drawn_blocks(plan, self._writer.header())
        self.done = False
        self.drawn_to = 0  # text offset drawn so far

    @property
    def map(self) -> PositionMap:
        """The offset ⇄ position map of what is drawn so far (it grows as slices are drawn)."""
        return self._writer.map

    def draw(self, max_chars: float = math.inf, deadline: float = math.inf) -> bool:
        """Draw blocks until `max_chars` more characters or the monotonic `deadline`; True when all are drawn."""
        drawn = 0
        cursor = self._writer.cursor
        cursor.beginEditBlock()  # one layout pass for the slice, not one per inserted run
        try:
            for block in self._blocks:
                self._writer.body_block(block)
                self.drawn_to = block.end
                drawn += block.end - block.start
                if drawn >= max_chars or time.monotonic() >= deadline:
                    return self.done
            self.done = True
            self.drawn_to = len(self._writer.plan.text)
            return True
        finally:
            cursor.endEditBlock()


def build_message(doc: QTextDocument, message: str, style: ReaderStyle) -> None:
    """An empty state: one muted, centred line."""
    doc.clear()
    doc.setDefaultFont(style.font)
    cursor = QTextCursor(doc)
    fmt = QTextBlockFormat()
    fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    cursor.setBlockFormat(fmt)
    cursor.insertText(message, style.meta)
