"""Markdown export: text a researcher pastes into the report they are writing.

Layout: a heading per document, each excerpt as a blockquote followed by its citation
line, its note and a line with highlight colour and tags. Endnotes use the footnote
syntax of Pandoc and GitHub (`[^3]` in the quote, `[^3]: text` in one "Endnotes"
section at the end), so they stay numbered when the text is converted, and read
plainly when it is not. Source text is escaped so that it never turns into markup. The
note is read once, as every view and format reads it (`app.annotating.note_text`), and
written back from that reading, so the same policy holds in every format: links only to
http(s) and mailto, images as their alt text, no raw HTML, no reference definitions;
whatever the reading does not take as markup is escaped into literal text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import groupby

from app.annotating.note_text import Block, Run, linkify, note_blocks
from app.export.common import all_endnotes, color_name, group_by_document, quote_pieces, summary_line
from app.export.excerpt_model import Excerpt, ExcerptSet, ExportOptions, ExportWords

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#+=-](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))", re.MULTILINE)
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LITERAL_BREAKERS = re.compile(r"[<>\s]")  # what an autolink `<…>` cannot hold
_NOTE_LINE_START = re.compile(r"^([=+#-])", re.MULTILINE)  # setext underlines and markers, whatever follows


def _escape_text(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    """`# x`, `- x`, `1. x` at a line start would be a heading or a list: escape the marker."""
    indent, marker = match.group(1), match.group(2)
    if marker.isdigit():
        return indent + marker + "\\"  # the backslash goes before the `.` or `)` that follows
    return indent + "\\" + marker


def escape(text: str) -> str:
    """Source text as literal Markdown: inline markup, HTML and line-start markers escaped.

    URLs become `<…>` autolinks, whose content Markdown takes literally, so they need no
    escapes that would end up inside the link.
    """
    return "".join(f"<{run.href}>" if run.href else _escape_text(run.text) for run in linkify(text))


def _code_span(text: str) -> str:
    """Inline code fenced by more backticks than it holds, padded when it starts or ends with one."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text[:1] == "`" or text[-1:] == "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _styled(run: Run) -> str:
    """One run as Markdown; emphasis marks hug the text, since `** x**` would not be bold."""
    body = _code_span(run.text) if run.code else _escape_text(run.text)
    marks = ("**" if run.bold else "") + ("*" if run.italic else "")
    core = body.strip()
    if not marks or not core:
        return body
    lead, trail = body[: len(body) - len(body.lstrip())], body[len(body.rstrip()) :]
    return f"{lead}{marks}{core}{marks[::-1]}{trail}"


def note_runs(runs: Iterable[Run]) -> str:
    """Runs as inline Markdown; every link target has passed `note_text.safe_href`."""
    out: list[str] = []
    for href, group in groupby(runs, key=lambda run: run.href):
        pieces = list(group)
        inner = "".join(_styled(run) for run in pieces)
        if href is None:
            out.append(inner)
        elif len(pieces) == 1 and pieces[0] == Run(href, href=href) and not _LITERAL_BREAKERS.search(href):
            out.append(f"<{href}>")
        else:
            if out and out[-1].endswith("!"):  # "!" before "[" would make the link an image
                out[-1] = out[-1][:-1] + "\\!"
            target = href if href.count("(") == href.count(")") else f"<{href}>"  # unbalanced: pointy brackets
            out.append(f"[{inner}]({target})")
    return _NOTE_LINE_START.sub(r"\\\1", "".join(out))


def _code_block(text: str) -> str:
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence}\n{text}\n{fence}" if text else f"{fence}\n{fence}"


def _tight(before: Block | None, block: Block) -> bool:
    """Items of one list (or a list inside an item) follow each other without a blank line."""
    if before is None or before.kind != "item" or block.kind != "item":
        return False
    return block.depth != before.depth or (block.number is None) == (before.number is None)


def note_markdown(note: str) -> str:
    """The note rebuilt from its reading: headings below the export's own, lists renumbered."""
    out = ""
    widths: list[int] = []  # the marker width of each item the block sits in, for indentation
    before: Block | None = None
    for block in note_blocks(note):
        if block.kind == "item":
            del widths[block.depth - 1 :]
            marker = "-" if block.number is None else f"{block.number}."
            first = " " * sum(widths) + marker + " "
            widths.append(len(marker) + 1)
            rest = " " * sum(widths)
        else:
            del widths[block.depth :]
            first = rest = " " * sum(widths)
        if block.kind == "heading":
            body = "#### " + note_runs(block.runs)
        elif block.kind == "code":
            body = _code_block(block.runs[0].text if block.runs else "")
        elif block.kind == "rule":
            body = "* * *"
        else:
            body = note_runs(block.runs)
        if not body.strip() and block.kind not in ("item", "code"):
            continue
        quote = "> " * block.quote
        lines = [(quote + (first if i == 0 else rest) + line) for i, line in enumerate(body.split("\n"))]
        text = "\n".join(line if block.kind == "code" and line.strip() else line.rstrip() for line in lines)
        if out:
            shared = "> " * min(block.quote, before.quote if before else 0)
            out += "\n" if _tight(before, block) else "\n" + shared.rstrip() + "\n"
        out += text
        before = block
    return out


def _blockquote(excerpt: Excerpt, options: ExportOptions) -> str:
    text = "".join(
        escape(piece) if isinstance(piece, str) else f"[^{piece}]"
        for piece in quote_pieces(excerpt, options.include_footnotes)
    )
    lines = [line.rstrip() for line in text.strip().split("\n")]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def _excerpt(excerpt: Excerpt, options: ExportOptions, words: ExportWords) -> list[str]:
    parts: list[str] = []
    if excerpt.orphaned:
        parts.append(f"*{escape(words.orphaned)}*")
    parts.append(_blockquote(excerpt, options))
    if options.include_citation:
        parts.append(f"— {escape(excerpt.document.citation)}")
    note = note_markdown(excerpt.note) if options.include_notes else ""
    if note:
        parts.append(f"**{escape(words.note)}:**")
        parts.append(note)
    meta = escape(words.highlight.format(color=words.color(color_name(excerpt))))
    if options.include_tags and excerpt.tags:
        meta += " · " + escape(words.tags).format(tags=", ".join(escape(tag) for tag in excerpt.tags))
    parts.append(f"*{meta}*")
    return parts


def render_markdown(excerpts: ExcerptSet) -> str:
    """The whole export as one Markdown document."""
    options = excerpts.options
    parts: list[str] = [f"# {escape(excerpts.title)}"]
    if excerpts.description:
        parts.append(escape(excerpts.words.selection.format(description=excerpts.description)))
    parts.append(escape(summary_line(excerpts)))
    for document, group in group_by_document(excerpts.excerpts):
        parts.append(f"## {escape(document.title)}")
        for excerpt in group:
            parts.extend(_excerpt(excerpt, options, excerpts.words))
    endnotes = all_endnotes(excerpts.excerpts) if options.include_footnotes else []
    if endnotes:
        parts.append(f"## {escape(excerpts.words.endnotes)}")
        parts.extend(f"[^{note.number}]: {escape(note.display_text)}" for note in endnotes)
    return "\n\n".join(parts) + "\n"
