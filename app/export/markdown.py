"""Markdown export: text a researcher pastes into the report they are writing.

Layout: a heading per document, each excerpt as a blockquote followed by its citation
line, its note and a line with highlight colour and tags. Endnotes use the footnote
syntax of Pandoc and GitHub (`[^3]` in the quote, `[^3]: text` in one "Endnotes"
section at the end), so they stay numbered when the text is converted, and read
plainly when it is not. Source text is escaped so that it never turns into markup. The
note is read by the same safe subset as the HTML and PDF exports (`note_markup`) and
written back from it, so the same policy holds in every format: links only to http(s)
and mailto, no images (`![t](url)` stays a "!" and a link), no raw HTML, no reference
definitions; whatever the subset does not read is escaped into literal text.
"""

from __future__ import annotations

import re
from itertools import groupby

from app.export.common import ORPHANED_TEXT, all_endnotes, color_name, group_by_document, quote_pieces, summary_line
from app.export.excerpt_model import Excerpt, ExcerptSet, ExportOptions
from app.export.note_markup import Run, linkify, parse_note

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


def _styled(run: Run) -> str:
    """One run as Markdown; emphasis marks hug the text, since `** x**` would not be bold."""
    body = f"`{run.text}`" if run.code else _escape_text(run.text)
    marks = ("**" if run.bold else "") + ("*" if run.italic else "")
    core = body.strip()
    if not marks or not core:
        return body
    lead, trail = body[: len(body) - len(body.lstrip())], body[len(body.rstrip()) :]
    return f"{lead}{marks}{core}{marks[::-1]}{trail}"


def note_runs(runs: list[Run]) -> str:
    """Runs as inline Markdown; every link target has passed `note_markup.safe_href`."""
    out: list[str] = []
    for href, group in groupby(runs, key=lambda run: run.href):
        pieces = list(group)
        inner = "".join(_styled(run) for run in pieces)
        if href is None:
            out.append(inner)
        elif len(pieces) == 1 and pieces[0].text == href and not _LITERAL_BREAKERS.search(href):
            out.append(f"<{href}>")
        else:
            if out and out[-1].endswith("!"):  # "!" before "[" would make the link an image
                out[-1] = out[-1][:-1] + "\\!"
            out.append(f"[{inner}]({href})")
    return _NOTE_LINE_START.sub(r"\\\1", "".join(out))


def note_markdown(note: str) -> str:
    """The note rebuilt from its safe parse: headings below the export's own, lists renumbered."""
    parts: list[str] = []
    for block in parse_note(note):
        if block.kind == "list":
            markers = [f"{block.start + i}. " if block.ordered else "- " for i in range(len(block.items))]
            parts.append("\n".join(marker + note_runs(item) for marker, item in zip(markers, block.items, strict=True)))
        elif block.kind == "heading":
            parts.append("#### " + note_runs(block.items[0]))
        else:
            parts.append(note_runs(block.items[0]))
    return "\n\n".join(part for part in parts if part.strip())


def _blockquote(excerpt: Excerpt, options: ExportOptions) -> str:
    text = "".join(
        escape(piece) if isinstance(piece, str) else f"[^{piece}]"
        for piece in quote_pieces(excerpt, options.include_footnotes)
    )
    lines = [line.rstrip() for line in text.strip().split("\n")]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def _excerpt(excerpt: Excerpt, options: ExportOptions) -> list[str]:
    parts: list[str] = []
    if excerpt.orphaned:
        parts.append(f"*Orphaned: {ORPHANED_TEXT}; the quote is what was marked.*")
    parts.append(_blockquote(excerpt, options))
    if options.include_citation:
        parts.append(f"— {escape(excerpt.document.citation)}")
    note = note_markdown(excerpt.note) if options.include_notes else ""
    if note:
        parts.append("**Note:**")
        parts.append(note)
    meta = f"Highlight: {color_name(excerpt)}"
    if options.include_tags and excerpt.tags:
        meta += " · Tags: " + ", ".join(escape(tag) for tag in excerpt.tags)
    parts.append(f"*{meta}*")
    return parts


def render_markdown(excerpts: ExcerptSet) -> str:
    """The whole export as one Markdown document."""
    options = excerpts.options
    parts: list[str] = [f"# {escape(excerpts.title)}"]
    if excerpts.description:
        parts.append(f"Selection: {escape(excerpts.description)}")
    parts.append(escape(summary_line(excerpts.excerpts, excerpts.generated_at)))
    for document, group in group_by_document(excerpts.excerpts):
        parts.append(f"## {escape(document.title)}")
        for excerpt in group:
            parts.extend(_excerpt(excerpt, options))
    endnotes = all_endnotes(excerpts.excerpts) if options.include_footnotes else []
    if endnotes:
        parts.append("## Endnotes")
        parts.extend(f"[^{note.number}]: {escape(note.display_text)}" for note in endnotes)
    return "\n\n".join(parts) + "\n"
