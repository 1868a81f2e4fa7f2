"""Annotation notes: the one Markdown reading that every view and every export draws from.

A note is the user's plain text or Markdown. markdown-it-py reads it as CommonMark with raw
HTML off, so `<script>` or `<img>` typed in a note is text. One rule then runs over what was
read: images become their alt text (nothing is ever loaded for a note), bare web addresses
become links, and a link survives only if it goes to http(s) or mailto; any other target
(`javascript:`, `file:`, a relative path) leaves what was typed as literal text. Line breaks
typed inside a paragraph are kept, as in the plain text box where notes are written.

Three renderings come from those tokens: `note_html` (escaped HTML: Qt rich text and the HTML
export), `note_blocks` (styled runs in blocks: the PDF and Markdown exports, which draw
notes themselves) and `note_summary` (the first line: one-line previews in lists and tables).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

SAFE_SCHEMES = ("http://", "https://", "mailto:")
_BARE_URL = re.compile(r"https?://[^\s<>\"]+")
_URL_TRAIL = ".,;:!?)]}'\"”’»"
SUMMARY_SOURCE_CHARS = 2000


def safe_href(url: str) -> str | None:
    """The URL if it is a web or mail link, else None (shown as text)."""
    return url if url.lower().startswith(SAFE_SCHEMES) else None


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text in one style; '\\n' inside `text` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, heading, list item, code block or rule of a note, in reading order.

    Lists are flattened: an item carries its `number` (None for a bullet) and `depth` is how
    many lists hold the block (a paragraph with depth 1 and no marker continues an item).
    `quote` is how many block quotes hold it. A heading's runs are not marked bold: each
    format draws headings its own way.
    """

    kind: str  # "paragraph" | "heading" | "item" | "code" | "rule"
    runs: tuple[Run, ...] = ()
    number: int | None = None
    depth: int = 0
    quote: int = 0

    def marker(self, bullet: str = "•") -> str:
        """An item's marker: `bullet` or "3."; empty for other blocks."""
        if self.kind != "item":
            return ""
        return bullet if self.number is None else f"{self.number}."


class _NoteMarkdown(MarkdownIt):
    """CommonMark, raw HTML off, line breaks kept; only http(s) and mailto targets are links."""

    def __init__(self) -> None:
        super().__init__("commonmark", {"html": False, "breaks": True, "xhtmlOut": False})
        self.core.ruler.push("note_safety", _note_safety)
        self.add_render_rule("heading_open", _heading_open)
        self.add_render_rule("heading_close", _heading_close)
        self.add_render_rule("link_open", _link_open)

    def validateLink(self, url: str) -> bool:
        return safe_href(url) is not None


@cache
def _markdown() -> _NoteMarkdown:
    return _NoteMarkdown()


# --- the one reading ---------------------------------------------------------------------


def note_tokens(note: str) -> list[Token]:
    """The note read once: markdown-it tokens after the safety rule (module docstring)."""
    return _markdown().parse(note)


def _note_safety(state: Any) -> None:
    """Core rule: images to alt text, bare URLs to links, unsafe links back to text."""
    md = state.md
    for token in state.tokens:
        if token.type == "inline" and token.children:
            token.children = _safe_inline(md, token.children)


def _safe_inline(md: _NoteMarkdown, children: list[Token]) -> list[Token]:
    out: list[Token] = []
    kept: list[bool] = []  # per open link: whether its link_open was kept
    for token in children:
        if token.type == "link_open":
            keep = safe_href(str(token.attrGet("href") or "")) is not None and not any(kept)
            kept.append(keep)
            if keep:
                out.append(token)
        elif token.type == "link_close":
            if kept.pop() if kept else False:
                out.append(token)
        elif token.type == "image":
            alt = md.renderer.renderInlineAsText(token.children or [], md.options, {})
            out.append(_text(alt))
        elif token.type == "text" and not any(kept):
            out.extend(_linkified(md, token.content))
        elif token.type in ("html_inline", "html_block"):  # never produced with html off; text if ever
            out.append(_text(token.content))
        else:
            out.append(token)
    return _joined(out)


def _text(content: str) -> Token:
    return Token("text", "", 0, content=content)


def _joined(tokens: list[Token]) -> list[Token]:
    joined: list[Token] = []
    for token in tokens:
        if token.type == "text" and joined and joined[-1].type == "text":
            joined[-1] = _text(joined[-1].content + token.content)
        elif token.type != "text" or token.content:
            joined.append(token)
    return joined


def split_url(url: str) -> tuple[str, str]:
    """A bare URL without the sentence punctuation that follows it, and that punctuation."""
    stripped = url.rstrip(_URL_TRAIL)
    # Keep a closing parenthesis that belongs to the URL, as in Wikipedia links.
    while url[len(stripped) : len(stripped) + 1] == ")" and stripped.count("(") > stripped.count(")"):
        stripped += ")"
    return stripped, url[len(stripped) :]


def _linkified(md: _NoteMarkdown, text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    for match in _BARE_URL.finditer(text):
        url, _trail = split_url(match.group(0))
        href = md.normalizeLink(url)
        if not md.validateLink(href):
            continue
        tokens.append(_text(text[pos : match.start()]))
        tokens.append(Token("link_open", "a", 1, attrs={"href": href}, markup="linkify", info="auto"))
        tokens.append(_text(url))
        tokens.append(Token("link_close", "a", -1, markup="linkify", info="auto"))
        pos = match.start() + len(url)
    tokens.append(_text(text[pos:]))
    return tokens


# --- HTML ----------------------------------------------------------------------------------


def _heading_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """Headings are bold paragraphs: a note sits below the headings of whatever shows it."""
    return "<p><strong>"


def _heading_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return "</strong></p>\n"


def _link_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    href = str(tokens[idx].attrGet("href") or "")
    return f'<a href="{escape(href)}" rel="noopener noreferrer">'


@lru_cache(maxsize=1024)
def note_html(note: str) -> str:
    """The note as an HTML fragment: every character of the note escaped, no images, no raw HTML,
    links only to http(s) and mailto. The only rich text any widget is given for a note."""
    md = _markdown()
    return md.renderer.render(note_tokens(note), md.options, {}).strip()


def runs_html(runs: Iterable[Run], *, links: bool = True) -> str:
    """Inline HTML for runs; without `links`, a link is underlined text (a preview cannot be clicked)."""
    out: list[str] = []
    for run in runs:
        text = escape(run.text, quote=False).replace("\n", "<br>")
        if run.code:
            text = f"<code>{text}</code>"
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.href and links:
            text = f'<a href="{escape(run.href)}" rel="noopener noreferrer">{text}</a>'
        elif run.href:
            text = f"<u>{text}</u>"
        out.append(text)
    return "".join(out)


# --- blocks and runs -------------------------------------------------------------------------


def _runs(children: Sequence[Token]) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = 0
    href: str | None = None

    def add(text: str, code: bool = False) -> None:
        if text:
            runs.append(Run(text, bold > 0, italic > 0, code, href))

    for token in children:
        kind = token.type
        if kind == "text":
            add(token.content)
        elif kind == "code_inline":
            add(token.content, code=True)
        elif kind in ("softbreak", "hardbreak"):
            add("\n")
        elif kind in ("strong_open", "strong_close"):
            bold += token.nesting
        elif kind in ("em_open", "em_close"):
            italic += token.nesting
        elif kind == "link_open":
            href = str(token.attrGet("href") or "") or None
        elif kind == "link_close":
            href = None
        else:
            add(token.content)
    return tuple(merge_runs(runs))


def merge_runs(runs: Iterable[Run]) -> list[Run]:
    """Join neighbours of the same style, so renderers emit fewer spans."""
    merged: list[Run] = []
    for run in runs:
        if merged and replace(merged[-1], text="") == replace(run, text=""):
            merged[-1] = replace(run, text=merged[-1].text + run.text)
        else:
            merged.append(run)
    return merged


@lru_cache(maxsize=1024)
def note_blocks(note: str) -> tuple[Block, ...]:
    """The note's blocks in reading order, lists flattened (see `Block`)."""
    blocks: list[Block] = []
    numbers: list[int | None] = []  # one per open list: its next item's number, None for bullets
    pending: list[int | None] = []  # the number of an item opened whose marker no block has taken yet
    quote = 0
    heading = False

    def flush() -> None:
        """An item that does not start with a paragraph keeps its marker on a line of its own."""
        if pending:
            blocks.append(Block("item", (), pending.pop(), len(numbers), quote))

    def add(kind: str, runs: tuple[Run, ...] = ()) -> None:
        if pending and kind in ("paragraph", "heading"):
            blocks.append(Block("item", runs, pending.pop(), len(numbers), quote))
            return
        flush()
        blocks.append(Block(kind, runs, None, len(numbers), quote))

    for token in note_tokens(note):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            flush()
            numbers.append(int(token.attrGet("start") or 1) if kind == "ordered_list_open" else None)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            numbers.pop()
        elif kind == "list_item_open":
            pending[:] = [numbers[-1]]
            if numbers[-1] is not None:
                numbers[-1] += 1
        elif kind == "list_item_close":
            flush()
        elif kind == "blockquote_open":
            flush()
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind in ("heading_open", "heading_close"):
            heading = kind == "heading_open"
        elif kind == "inline":
            runs = _runs(token.children or [])
            if heading and pending:
                runs = _bold(runs)  # a heading that opens a list item: the item's text, in bold
            add("heading" if heading else "paragraph", runs)
        elif kind in ("code_block", "fence"):
            add("code", (Run(token.content.rstrip("\n"), code=True),))
        elif kind == "hr":
            add("rule")
    return tuple(blocks)


def _bold(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    return tuple(merge_runs(replace(run, bold=True) for run in runs))


# --- previews and plain text ----------------------------------------------------------------


@lru_cache(maxsize=4096)
def note_summary(note: str) -> tuple[Run, ...]:
    """The note's first line as styled runs, for one-line previews (an item keeps its marker).

    Only the note's head is read (up to its first blank line after some text), so a preview
    of a long note costs no more than one of a short one.
    """
    head = note_head(note)
    for source in (head, note[: 10 * SUMMARY_SOURCE_CHARS]) if head != note else (note,):
        for block in note_blocks(source):
            runs = _first_line(_bold(block.runs) if block.kind == "heading" else block.runs)
            if runs_text(runs).strip():
                marker = block.marker()
                return (Run(marker + " "), *runs) if marker else runs
    return ()


def note_head(note: str, limit: int = SUMMARY_SOURCE_CHARS) -> str:
    """The note up to the first blank line that follows some text, at most about `limit` characters."""
    text = note.lstrip()
    blank = re.search(r"\n[ \t]*\n", text)
    head = text[: blank.start()] if blank else text
    if len(head) > limit:
        cut = head.rfind("\n", 0, limit)
        head = head[: cut if cut > 0 else limit]
    return head


def _first_line(runs: Iterable[Run]) -> tuple[Run, ...]:
    """Runs up to the first line break that follows some text."""
    line: list[Run] = []
    for run in runs:
        head, newline, _rest = (run.text if line else run.text.lstrip("\n")).partition("\n")
        if head:
            line.append(replace(run, text=head))
        if newline and line:
            break
    return tuple(line)


def runs_text(runs: Iterable[Run]) -> str:
    return "".join(run.text for run in runs)


def note_summary_text(note: str) -> str:
    """The note's first line as plain text, its markup read (`**no** production` → `no production`)."""
    return runs_text(note_summary(note)).strip()


def note_plain_text(note: str) -> str:
    """The whole note as plain text with its markup read; blocks on their own lines, items with markers."""
    lines: list[str] = []
    for block in note_blocks(note):
        text = runs_text(block.runs) if block.kind != "rule" else "—"
        marker = block.marker()
        lines.append(f"{marker} {text}" if marker else text)
    return "\n".join(line for line in lines if line.strip())


def linkify(text: str) -> list[Run]:
    """Plain text (an endnote, not a note) with its bare URLs made links; no other markup is read."""
    runs: list[Run] = []
    pos = 0
    for match in _BARE_URL.finditer(text):
        url, _trail = split_url(match.group(0))  # the trail stays text after the link
        if match.start() > pos:
            runs.append(Run(text[pos : match.start()]))
        runs.append(Run(url, href=url))
        pos = match.start() + len(url)
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return merge_runs(runs)
