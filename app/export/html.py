"""HTML export: one self-contained file that opens anywhere and prints well.

Nothing is loaded from elsewhere: the CSS is in a `<style>` element, there are no
scripts, images or web fonts, and every piece of text is escaped. The only links are
in-page endnote anchors and the http(s)/mailto links written in notes and footnotes.
Notes are the HTML of their one reading (`app.annotating.note_text.note_html`), the same
the app shows. The same document is the PDF preview a GUI shows.
"""

from __future__ import annotations

from html import escape

from app.annotating.note_text import Run, linkify, note_html
from app.export.common import (
    all_endnotes,
    color_name,
    darker,
    group_by_document,
    quote_pieces,
    summary_line,
)
from app.export.excerpt_model import COLOR_HEX, Excerpt, ExcerptSet, ExportOptions, ExportWords

_BASE_CSS = """
body { font-family: Georgia, "DejaVu Serif", "Times New Roman", serif; font-size: 11pt; line-height: 1.5;
  color: #1b1b1b; background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 1.7em; line-height: 1.2; margin: 0 0 .3em; }
h2 { font-size: 1.3em; margin: 2em 0 .6em; padding-bottom: .2em; border-bottom: 1px solid #bbb;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1.1em; margin: 2em 0 .6em; }
.meta, .citation, .details { color: #555; font-size: .9em; }
.excerpt { margin: 1.4em 0 1.8em; }
blockquote { margin: 0; padding: .6em 1em; border-left: 4px solid #999; white-space: normal;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
blockquote p { margin: 0 0 .5em; } blockquote p:last-child { margin-bottom: 0; }
.citation { margin: .4em 0 0; }
.orphaned { color: #8a1c1c; font-weight: bold; font-size: .9em; margin: 0 0 .3em; }
.note { margin: .6em 0 0; } .note p, .note ul, .note ol, .note pre { margin: .3em 0; }
.excerpt .note blockquote { background: none; border-left: 3px solid #ccc; padding: 0 0 0 .8em; margin: .3em 0; }
.note pre { white-space: pre-wrap; } .note hr { border: 0; border-top: 1px solid #ccc; }
.note-label { font-weight: bold; margin: .6em 0 0; font-size: .9em; }
.tag { display: inline-block; padding: 0 .45em; border: 1px solid #bbb; border-radius: .6em; margin-right: .25em; }
sup.endnote-ref { font-size: .7em; line-height: 0; }
sup.endnote-ref a { text-decoration: none; }
.endnote { margin: .25em 0; padding-left: 2.2em; text-indent: -2.2em; }
.endnote-number { display: inline-block; min-width: 2.2em; text-indent: 0; }
a { color: #1a4f8b; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; }
@page { margin: 2cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  .excerpt { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; }
}
"""


def _css() -> str:
    palette = "".join(
        f".color-{name} blockquote {{ background: {hex_color}; border-left-color: {darker(hex_color)}; }}\n"
        for name, hex_color in COLOR_HEX.items()
    )
    return _BASE_CSS.lstrip() + palette


def _runs(runs: list[Run]) -> str:
    """Endnote text with its web links; links carry only the safe schemes linkify lets through."""
    out: list[str] = []
    for run in runs:
        text = escape(run.text).replace("\n", "<br>\n")
        if run.href:
            text = f'<a href="{escape(run.href)}" rel="noopener noreferrer">{text}</a>'
        out.append(text)
    return "".join(out)


def _quote(excerpt: Excerpt, options: ExportOptions) -> str:
    html_text = "".join(
        escape(piece)
        if isinstance(piece, str)
        else f'<sup class="endnote-ref"><a href="#endnote-{piece}">{piece}</a></sup>'
        for piece in quote_pieces(excerpt, options.include_footnotes)
    )
    paragraphs = [part.strip().replace("\n", "<br>\n") for part in html_text.strip().split("\n\n") if part.strip()]
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def _excerpt(excerpt: Excerpt, options: ExportOptions, words: ExportWords) -> str:
    color = color_name(excerpt)
    parts = [f'<article class="excerpt color-{color}" id="excerpt-{excerpt.annotation_id}">']
    if excerpt.orphaned:
        parts.append(f'<p class="orphaned">{escape(words.orphaned)}</p>')
    parts.append(f"<blockquote>\n{_quote(excerpt, options)}\n</blockquote>")
    if options.include_citation:
        parts.append(f'<p class="citation">— {escape(excerpt.document.citation)}</p>')
    if options.include_notes and excerpt.note.strip():
        parts.append(f'<p class="note-label">{escape(words.note)}</p>')
        parts.append(f'<div class="note">\n{note_html(excerpt.note)}\n</div>')
    details = escape(words.highlight.format(color=words.color(color)))
    if options.include_tags and excerpt.tags:
        spans = " ".join(f'<span class="tag">{escape(tag)}</span>' for tag in excerpt.tags)
        details += " · " + escape(words.tags).format(tags=spans)
    parts.append(f'<p class="details">{details}</p>')
    parts.append("</article>")
    return "\n".join(parts)


def render_html(excerpts: ExcerptSet) -> str:
    """The whole export as one HTML5 document."""
    options = excerpts.options
    body: list[str] = [f"<header>\n<h1>{escape(excerpts.title)}</h1>"]
    if excerpts.description:
        body.append(f'<p class="meta">{escape(excerpts.words.selection.format(description=excerpts.description))}</p>')
    body.append(f'<p class="meta">{escape(summary_line(excerpts))}</p>\n</header>')
    for document, group in group_by_document(excerpts.excerpts):
        body.append(f'<section class="document" id="document-{document.id}">\n<h2>{escape(document.title)}</h2>')
        body.extend(_excerpt(excerpt, options, excerpts.words) for excerpt in group)
        body.append("</section>")
    endnotes = all_endnotes(excerpts.excerpts) if options.include_footnotes else []
    if endnotes:
        # Numbers are written out, not left to <ol>: they survive copying and Qt's rich-text preview.
        items = "\n".join(
            f'<p class="endnote" id="endnote-{note.number}"><span class="endnote-number">{note.number}.</span> '
            f"{_runs(linkify(note.display_text))}</p>"
            for note in endnotes
        )
        body.append(f'<section class="endnotes">\n<h2>{escape(excerpts.words.endnotes)}</h2>\n{items}\n</section>')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Dossier">\n'
        f"<title>{escape(excerpts.title)}</title>\n<style>\n{_css()}</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )
