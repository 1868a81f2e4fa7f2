"""PDF export with fpdf2: no Qt and no display needed, so the CLI and tests can make PDFs.

The PDF core fonts cover Latin-1 only; the bundled DejaVu Sans (resources/fonts, with its
licence) covers curly quotes, "ə", Cyrillic and the rest of the genre, and fpdf2 embeds
a subset with a ToUnicode map, so the text stays extractable. Layout follows the HTML
export: a heading per document; per excerpt the quote on its highlight colour (markers
as `[N]`), the citation, the note (the Markdown subset of note_markup), colour and
tags; the endnotes at the end.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from app.excerpt_model import COLOR_HEX, Excerpt, ExcerptSet, ExportOptions
from app.export.common import (
    ORPHANED_TEXT,
    ExportError,
    all_endnotes,
    color_name,
    darker,
    group_by_document,
    plain_quote,
    summary_line,
)
from app.export.note_markup import Block, Run, linkify, parse_note

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
FAMILY = "DejaVu"
BODY_SIZE = 10
LINE = 5.2  # mm per line of body text
GREY = (90, 90, 90)
BLACK = (27, 27, 27)
LINK_BLUE = (26, 79, 139)


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return int(hex_color[1:3], 16), int(hex_color[3:5], 16), int(hex_color[5:7], 16)


class _ExportPDF(FPDF):
    """A4 pages with a page number in the footer."""

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"{self.page_no()} / {{nb}}", align="C")


def _new_pdf(excerpts: ExcerptSet) -> _ExportPDF:
    pdf = _ExportPDF(format="A4")
    for style, name in FONT_FILES.items():
        path = FONTS_DIR / name
        if not path.is_file():
            raise ExportError(f"PDF export needs the font {path}, which is missing; reinstall Dossier.")
        pdf.add_font(FAMILY, style, path)
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_title(excerpts.title)
    pdf.set_creator("Dossier")
    if excerpts.description:
        pdf.set_subject(excerpts.description)
    pdf.set_lang("en")
    pdf.add_page()
    return pdf


def _write_runs(pdf: FPDF, runs: list[Run], size: float = BODY_SIZE, height: float = LINE) -> None:
    """Flowing text in mixed styles; links are clickable and underlined."""
    for run in runs:
        style = ("B" if run.bold else "") + ("I" if run.italic or run.code else "")
        pdf.set_font(FAMILY, style, size)
        if run.href:
            pdf.set_text_color(*LINK_BLUE)
            pdf.set_font(FAMILY, style + "U", size)
            pdf.write(height, run.text, link=run.href)
            pdf.set_text_color(*BLACK)
        else:
            pdf.write(height, run.text)
    pdf.set_font(FAMILY, "", size)


def _write_blocks(pdf: FPDF, blocks: list[Block]) -> None:
    left = pdf.l_margin
    for block in blocks:
        if block.kind == "list":
            for index, item in enumerate(block.items):
                bullet = f"{block.start + index}." if block.ordered else "•"
                pdf.set_x(left + 2)
                pdf.set_font(FAMILY, "", BODY_SIZE)
                pdf.write(LINE, bullet)
                pdf.set_left_margin(left + 8)
                pdf.set_x(left + 8)
                _write_runs(pdf, item)
                pdf.set_left_margin(left)
                pdf.ln(LINE)
        else:
            runs = block.items[0]
            if block.kind == "heading":
                runs = [Run(run.text, True, run.italic, run.code, run.href) for run in runs]
            pdf.set_x(left)
            _write_runs(pdf, runs)
            pdf.ln(LINE)
        pdf.ln(1.2)


def _keep_room(pdf: FPDF, needed: float) -> None:
    """Start a new page rather than leave a heading or a quote's first line alone at the bottom."""
    if pdf.get_y() + needed > pdf.h - pdf.b_margin:
        pdf.add_page()


def _excerpt(pdf: FPDF, excerpt: Excerpt, options: ExportOptions) -> None:
    color = color_name(excerpt)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    _keep_room(pdf, 25)
    if excerpt.orphaned:
        pdf.set_font(FAMILY, "B", 9)
        pdf.set_text_color(138, 28, 28)
        pdf.multi_cell(width, 4.6, f"Orphaned: {ORPHANED_TEXT}; the quote is what was marked.")
        pdf.set_text_color(*BLACK)
        pdf.ln(1)
    pdf.set_font(FAMILY, "", BODY_SIZE + 0.5)
    pdf.set_fill_color(*_rgb(COLOR_HEX[color]))
    pdf.set_draw_color(*_rgb(darker(COLOR_HEX[color])))
    top_page, top_y = pdf.page, pdf.get_y()
    pdf.multi_cell(width, LINE + 0.3, plain_quote(excerpt, options.include_footnotes).strip(), fill=True,
                   padding=(2.5, 3.5, 2.5, 5), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
    if pdf.page == top_page:  # a bar on the left like the HTML blockquote (skipped when the quote broke a page)
        pdf.set_line_width(1.2)
        pdf.line(pdf.l_margin + 0.6, top_y, pdf.l_margin + 0.6, pdf.get_y())
        pdf.set_line_width(0.2)
    pdf.ln(1.5)
    if options.include_citation:
        pdf.set_font(FAMILY, "", 9)
        pdf.set_text_color(*GREY)
        pdf.multi_cell(width, 4.6, f"— {excerpt.document.citation}", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(*BLACK)
        pdf.ln(1)
    if options.include_notes and excerpt.note.strip():
        pdf.set_font(FAMILY, "B", 9)
        pdf.cell(0, 5, "Note", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        _write_blocks(pdf, parse_note(excerpt.note))
    details = f"Highlight: {color}"
    if options.include_tags and excerpt.tags:
        details += " · Tags: " + ", ".join(excerpt.tags)
    pdf.set_font(FAMILY, "", 9)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(width, 4.6, details, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*BLACK)
    pdf.ln(5)


def _endnotes(pdf: FPDF, excerpts: ExcerptSet) -> None:
    notes = all_endnotes(excerpts.excerpts)
    if not notes:
        return
    _keep_room(pdf, 30)
    pdf.ln(3)
    pdf.set_font(FAMILY, "B", 13)
    pdf.cell(0, 8, "Endnotes", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    left = pdf.l_margin
    for note in notes:
        pdf.set_font(FAMILY, "", 9)
        pdf.set_x(left)
        pdf.cell(9, 4.6, f"{note.number}.")
        pdf.set_left_margin(left + 9)
        _write_runs(pdf, linkify(note.display_text), size=9, height=4.6)
        pdf.set_left_margin(left)
        pdf.ln(5.6)


def render_pdf(excerpts: ExcerptSet) -> bytes:
    """The PDF file's bytes."""
    pdf = _new_pdf(excerpts)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_text_color(*BLACK)
    pdf.set_font(FAMILY, "B", 18)
    pdf.multi_cell(width, 9, excerpts.title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 9)
    pdf.set_text_color(*GREY)
    if excerpts.description:
        pdf.multi_cell(width, 4.8, f"Selection: {excerpts.description}", align="L", new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)  # fmt: skip
    pdf.multi_cell(width, 4.8, summary_line(excerpts.excerpts, excerpts.generated_at), align="L",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
    pdf.set_text_color(*BLACK)
    for document, group in group_by_document(excerpts.excerpts):
        pdf.ln(5)
        _keep_room(pdf, 40)
        pdf.set_font(FAMILY, "B", 13)
        pdf.multi_cell(width, 6.5, document.title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y = pdf.get_y() + 0.5
        pdf.set_draw_color(187, 187, 187)
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.ln(4)
        for excerpt in group:
            _excerpt(pdf, excerpt, excerpts.options)
    if excerpts.options.include_footnotes:
        _endnotes(pdf, excerpts)
    return bytes(pdf.output())
