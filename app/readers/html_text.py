"""Walking an HTML tree into paragraphs and lines, with an explicit stack.

Shared by the page body and the footnote texts so both follow the same block
rules; iterative so that 10,000 nested elements cannot exhaust the stack.
"""

from __future__ import annotations

import re

from bs4 import NavigableString, Tag
from bs4.element import PreformattedString

from app.readers.layout import one_line

DROPPED = frozenset((
    "script", "style", "noscript", "template", "form", "iframe", "frame", "frameset", "object", "embed",
    "applet", "svg", "math", "canvas", "nav", "head", "button", "select", "input", "textarea", "audio",
    "video", "map", "img", "picture", "source", "track", "dialog",
))
BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "body", "center", "details", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "header", "hgroup", "hr", "html", "legend", "main", "menu", "ol", "p",
    "pre", "section", "summary", "table", "thead", "tbody", "tfoot", "caption", "ul",
))
LINES = frozenset(("li", "tr", "dt", "dd", "br"))
HEADINGS = {f"h{n}": n for n in range(1, 7)}


class TextWalker:
    """Turns a tree into paragraphs (blocks) of lines (li, tr, br), iteratively."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self._lines: list[str] = []
        self._fragments: list[str] = []
        self._pre = 0
        self._li = 0

    def walk(self, root: Tag) -> None:
        stack: list[tuple[Tag | NavigableString, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if isinstance(node, Tag):
                if leaving:
                    self._leave(node)
                elif node.name not in DROPPED:
                    self._enter(node)
                    stack.append((node, True))
                    stack.extend((child, False) for child in reversed(node.contents))
            elif not isinstance(node, PreformattedString):
                self._text(str(node))
        self._paragraph_break()

    def _enter(self, tag: Tag) -> None:
        name = tag.name
        if name in ("td", "th") and "".join(self._fragments).strip():
            self._fragments.append(" | ")
        elif name in LINES or (self._li and (name in BLOCKS or name in HEADINGS)):
            self._line_break()
        elif name in BLOCKS or name in HEADINGS:
            self._paragraph_break()
        self._pre += name == "pre"
        self._li += name == "li"

    def _leave(self, tag: Tag) -> None:
        name = tag.name
        self._pre -= name == "pre"
        self._li -= name == "li"
        if name in HEADINGS and not self._li:
            text = one_line(" ".join([*self._lines, "".join(self._fragments)]))
            self._lines, self._fragments = ([text] if text else []), []
            if text:
                self.headings.append((HEADINGS[name], text))
            self._paragraph_break()
        elif name in LINES or (self._li and (name in BLOCKS or name in HEADINGS)):
            self._line_break()
        elif name in BLOCKS:
            self._paragraph_break()

    def _text(self, text: str) -> None:
        if not self._pre:
            self._fragments.append(re.sub(r"\s+", " ", text))
            return
        first, *rest = text.split("\n")
        self._fragments.append(first)
        for line in rest:
            self._line_break()
            self._fragments.append(line)

    def _line_break(self) -> None:
        line = "".join(self._fragments).strip()
        if line:
            self._lines.append(line)
        self._fragments = []

    def _paragraph_break(self) -> None:
        self._line_break()
        if self._lines:
            self.paragraphs.append("\n".join(self._lines))
        self._lines = []
