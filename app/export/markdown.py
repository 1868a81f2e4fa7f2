"""Markdown export: text a researcher pastes into the report they are writing.

Layout: a heading per document, each excerpt as a blockquote followed by its citation
line, its note and a line with highlight colour and tags. Endnotes use the footnote
syntax of Pandoc and GitHub (`[^3]` in the quote, `[^3]: text` in one "Endnotes"
section at the end), so they stay numbered when the text is converted, and read
plainly when it is not. Source text is escaped so that it never turns into markup; the
note is Markdown already and is kept as written, except that raw HTML tags are escaped.
"""

from __future__ import annotations

import re

from app.excerpt_model import Excerpt, ExcerptSet, ExportOptions
from app.export.common import ORPHANED_TEXT, all_endnotes, color_name, group_by_document, quote_pieces, summary_line
from app.export.note_markup import linkify

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#+=-](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))", re.MULTILINE)
_ENTITY = re.compile(r"&(?=#?\w+;)")
_RAW_HTML = re.compile(r"<(?=[A-Za-z/!?])(?!(?:https?://|mailto:)[^>\s]*>)")
_NOTE_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=\s)", re.MULTILINE)


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


def note_markdown(note: str) -> str:
    """The note as Markdown: HTML tags neutralised, headings pushed below the export's own."""
    note = _RAW_HTML.sub(r"\\<", note.strip())
    return _NOTE_HEADING.sub(lambda m: m.group(1) + "#" * min(6, len(m.group(2)) + 3), note)


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
    if options.include_notes and excerpt.note.strip():
        parts.append("**Note:**")
        parts.append(note_markdown(excerpt.note))
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
