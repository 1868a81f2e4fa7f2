"""Notes in Markdown that are not `[^label]` definitions.

Pandoc and Word-to-Markdown converters leave notes as raw HTML: references
`<a href="#fn1" class="footnote-ref"><sup>1</sup></a>` or `<sup>1</sup>`, and a
`<div class="footnotes">` / `<section class="footnotes">` whose items are
Markdown list items or `<li id="fn1">`. The section is turned into HTML and
read by the HTML note finder, so both formats follow the same rules. A plain
numbered list after a rule or a Notes heading at the end of the document is
the note list when the body's markers point to its numbers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from bs4 import BeautifulSoup

from app.readers.html_notes import read_note_list
from app.readers.layout import one_line

NOTES_OPEN = re.compile(
    r"^\s{0,3}<(div|section|aside|ol|footer)\b[^>]*\b(?:class|id|role|epub:type)\s*=\s*[\"'][^\"']*"
    r"\b(?:footnotes?|endnotes?|doc-endnotes|doc-footnotes)\b",
    re.I,
)
NOTES_HEADING = re.compile(
    r"\s*+(?:(?:foot|end)?notes?|references|sources|notes and references|citations|endnotes and references)\s*+:?\s*+",
    re.I,
)
_LIST_ITEM = re.compile(r"^ {0,3}(\d{1,4})[.)][ \t]+(.*)$")
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\(\s*<?([^()\s>]+(?:\([^()\s]*\))?[^()\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>", re.I)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # any ASCII punctuation, as in CommonMark
_EMPHASIS = re.compile(r"(\*\*|__|\*)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")  # never across its own delimiter: linear
# neither attributes nor content run past the next "<a": each opener is scanned only up to it (linear)
_ANCHOR = re.compile(r"<a\b([^<>]*)>((?:[^<]|<(?!/?a\b))*)</a\s*>", re.I)
_HREF = re.compile(r"\bhref\s*=\s*[\"']#([^\"']+)[\"']", re.I)
_NOTE_MARKS = re.compile(r"footnote|noteref|fnref|\bref\b", re.I)
_SUP = re.compile(r"<sup\b[^>]*>\s*\[?([\d,;\s–-]{1,20}?)\]?\s*</sup\s*>", re.I)
_CARET = re.compile(r"(?<![\w\\^\[])\^([^\s^\[\]]{1,12})\^")
_UNIT_BEFORE = re.compile(r"(?:\b(?:sq\.?\s?)?[kcdm]?m|\bft|\bmi)\s?$")
_TAGS = re.compile(r"<[^<>]+>")  # never past the next "<": a run of unclosed "<" is scanned once


def close_index(lines: list[str], start: int, tag: str) -> int:
    """Index of the line that closes the element opened on `lines[start]` (or the last line)."""
    depth = 0
    opening = re.compile(rf"<{tag}\b", re.I)
    closing = re.compile(rf"</{tag}\s*>", re.I)
    for index in range(start, len(lines)):
        depth += len(opening.findall(lines[index])) - len(closing.findall(lines[index]))
        if depth <= 0:
            return index
    return len(lines) - 1


def region_notes(lines: list[str]) -> tuple[dict[int, str], dict[str, int]]:
    """Read a raw-HTML notes section whose items may be Markdown list items."""
    parts: list[str] = []
    open_item = False
    for line in lines:
        match = _LIST_ITEM.match(line)
        if match:
            parts.append(("</li>" if open_item else "") + f'<li value="{match.group(1)}">')
            line, open_item = match.group(2), True
        parts.append(_inline_html(line))
    if open_item:
        parts.append("</li>")
    soup = BeautifulSoup("\n".join(parts), "lxml")
    return read_note_list(soup)


def _inline_html(line: str) -> str:
    """Markdown links, autolinks, escapes and emphasis inside a raw-HTML notes section, as HTML."""
    line = _AUTOLINK.sub(lambda m: f'<a href="{html.escape(m.group(1))}">{html.escape(m.group(1))}</a>', line)
    line = _MD_LINK.sub(lambda m: f'<a href="{html.escape(m.group(2))}">{m.group(1)}</a>', line)
    line = _ESCAPE.sub(lambda m: html.escape(m.group(1)), line)
    if re.fullmatch(r"\s*-{3,}\s*|\s*\*{3,}\s*", line):
        return "<hr>"
    return _EMPHASIS.sub(r"\2", line)


def rewrite_references(text: str, targets: dict[str, int], protect: Callable[[str], str]) -> str:
    """Raw-HTML references become protected `[N]`: links to a known note, note-marked links and <sup>N</sup>."""

    def anchor(match: re.Match[str]) -> str:
        attributes, inner = match.group(1), match.group(2)
        href = _HREF.search(attributes)
        shown = " ".join(html.unescape(_TAGS.sub("", inner)).split()).strip("[]() ")
        if href and href.group(1) in targets:
            return protect(f"[{targets[href.group(1)]}]")
        marked = _NOTE_MARKS.search(attributes) or "<sup" in inner.lower()
        if href and marked and shown.isdigit() and len(shown) <= 4:
            return protect(f"[{int(shown)}]")
        return match.group(0)

    text = _ANCHOR.sub(anchor, text)

    def sup(match: re.Match[str]) -> str:
        numbers = _expand(match.group(1))
        before = text_before(match)
        if match.group(1).strip() in ("2", "3") and _UNIT_BEFORE.search(before):
            return "²" if match.group(1).strip() == "2" else "³"
        return protect("".join(f"[{n}]" for n in numbers)) if numbers else match.group(0)

    def text_before(match: re.Match[str]) -> str:
        return _TAGS.sub("", match.string[max(0, match.start() - 20):match.start()])

    text = _SUP.sub(sup, text)

    def caret(match: re.Match[str]) -> str:
        value = match.group(1)
        if value.isdigit() and not _UNIT_BEFORE.search(text_before(match)):
            return protect(f"[{int(value)}]")
        return value

    return _CARET.sub(caret, text)


def _expand(text: str) -> list[int]:
    """'5,6' -> [5, 6]; '3-5' -> [3, 4, 5] (short ranges only)."""
    numbers: list[int] = []
    for part in re.split(r"[,;\s]+", text.strip()):
        bounds = [int(n) for n in re.split(r"[-–]", part) if n.isdigit()]
        if len(bounds) == 2 and 0 < bounds[1] - bounds[0] <= 20:
            numbers.extend(range(bounds[0], bounds[1] + 1))
        else:
            numbers.extend(bounds)
    return [n for n in numbers if 0 < n < 10_000]


def trailing_list(paragraphs: list[str], start: int) -> tuple[list[str], dict[int, str]]:
    """Numbered paragraphs from `start` to the end ('1. Raible, Matt, …') as notes, if the body cites them."""
    tail = [p for p in paragraphs[start:] if p.strip()]
    items: dict[int, str] = {}
    for paragraph in tail:
        lines = paragraph.split("\n")
        if not re.match(r"^\d{1,4}\. ", lines[0]):
            return paragraphs, {}
        for line in lines:
            match = re.match(r"^(\d{1,4})\. (.*)$", line)
            if match:
                items.setdefault(int(match.group(1)), match.group(2))
            elif items:
                last = max(items)
                items[last] = f"{items[last]} {line}"
    if not items:
        return paragraphs, {}
    body = "\n".join(paragraphs[:start])
    cited = {int(n) for n in re.findall(r"\[(\d{1,4})\]", body)}
    if len(cited & set(items)) * 2 < len(items):
        return paragraphs, {}
    return paragraphs[:start], {n: re.sub(r"^[\s:]+", "", one_line(text)) for n, text in items.items()}
