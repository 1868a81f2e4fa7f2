"""HTML read as a stream of text, for pages too big or too deep for a tree.

A BeautifulSoup tree costs about 1.5 KB per element: a page of a million
paragraphs would need gigabytes, and pathological nesting makes the tree
builder recurse. lxml's parser with a target object builds no tree at all:
it calls back for each tag and each piece of text, in C, in linear time. The
text keeps paragraphs, line breaks and `[N]` for numbered superscripts, so the
genre parser still finds markers; scripts, styles, forms and navigation are
dropped as in the full reader.
"""

from __future__ import annotations

import re
from contextlib import suppress

from lxml import etree

_DROPPED = frozenset({"script", "style", "template", "noscript", "svg", "nav", "form", "head"})
_BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "header", "footer",
    "ul", "ol", "table", "blockquote", "pre", "hr", "aside", "figure", "dl",
})  # fmt: skip
_LINES = frozenset({"br", "li", "tr", "dt", "dd"})
_NOTE_NUMBER = re.compile(r"\[?(\d{1,4})\]?")
_CHUNK = 1 << 20
_BLANK_RUN = re.compile(r"[ \t\r\f\v]{2,}")
_NEWLINE_RUN = re.compile(r"\n(?:[ \t\r\f\v]*\n)+")
MAX_TITLE_CHARS = 500


class _Collector:
    """lxml parser target: text outside dropped elements, breaks at block and line tags."""

    def __init__(self, limit: int) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.limit = limit
        self.dropped = 0  # depth inside dropped elements
        self.sup: list[str] | None = None
        self.title: list[str] | None = None
        self.title_text: str | None = None

    def start(self, tag: object, attrib: object) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        if name == "title" and self.title_text is None:
            self.title = []
        if name in _DROPPED:
            self.dropped += 1
        elif name in _BLOCKS:
            self._add("\n\n")
        elif name in _LINES:
            self._add("\n")
        elif name == "sup" and not self.dropped:
            self.sup = []

    def end(self, tag: object) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        if name == "title" and self.title is not None:
            self.title_text = " ".join("".join(self.title).split())[:MAX_TITLE_CHARS]
            self.title = None
        if name in _DROPPED:
            self.dropped = max(0, self.dropped - 1)
        elif name in _BLOCKS:
            self._add("\n\n")
        elif name == "sup" and self.sup is not None:
            text = "".join(self.sup).strip()
            self.sup = None
            number = _NOTE_NUMBER.fullmatch(text)
            self._add(f"[{number.group(1)}]" if number else text)

    def data(self, text: str) -> None:
        if self.title is not None:
            self.title.append(text)
        if self.dropped:
            return
        if self.sup is not None:
            self.sup.append(text)
        else:
            self._add(text)

    def comment(self, text: str) -> None:  # comments are not text
        pass

    def close(self) -> None:
        pass

    def _add(self, text: str) -> None:
        if self.size < self.limit:
            if len(text) > 2:  # a run of blanks reads as one: it must not fill the limit before the words
                text = _BLANK_RUN.sub(" ", _NEWLINE_RUN.sub("\n\n", text))
            self.parts.append(text)
            self.size += len(text)


def stream_text(markup: str, limit: int) -> tuple[str, str | None, bool]:
    """The page's visible text (paragraphs split by blank lines, at most about `limit` characters), its <title>,
    and whether the limit cut the text."""
    collector = _Collector(limit)
    parser = etree.HTMLParser(target=collector, recover=True, huge_tree=True, no_network=True)
    for start in range(0, len(markup), _CHUNK):
        parser.feed(markup[start:start + _CHUNK])
        if collector.size >= limit:
            break
    with suppress(etree.LxmlError):  # nothing parseable at all: the text found so far is the answer
        parser.close()
    text = "".join(collector.parts)
    text = re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v]*(?:\n\s*)+", "\n\n", text)
    return text.strip(), collector.title_text, collector.size >= limit
