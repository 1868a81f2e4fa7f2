"""PDF export with fpdf2: no Qt and no display needed, so the CLI and tests can make PDFs.

The PDF core fonts cover Latin-1 only; the bundled DejaVu Sans (resources/fonts, with its
licence) covers curly quotes, "ə", Cyrillic and the rest of the genre, and fpdf2 embeds
a subset with a ToUnicode map, so the text stays extractable. Every string passes through
`_ExportPDF.normalize_text`: characters DejaVu lacks (CJK, Hangul, Thai, Indic…) get a
fallback font found on the system (pdf_fonts), and only when some string needs one, since
fallbacks cost fpdf2 a per-character pass; a character no font has is drawn as U+FFFD and
reported, never dropped. Right-to-left and joining scripts are shaped with HarfBuzz, string
by string, as shaping makes fpdf2 about four times slower. Layout follows the HTML
export: a heading per document; per excerpt the quote on its highlight colour (markers
as `[N]`), the citation, the note (drawn from its one reading, `app.annotating.note_text`),
colour and tags; the endnotes at the end.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.errors import FPDFException

from app.annotating.note_text import Block, Run, linkify, note_blocks
from app.export.common import (
    ExportError,
    all_endnotes,
    color_name,
    darker,
    group_by_document,
    plain_quote,
    summary_line,
)
from app.export.excerpt_model import COLOR_HEX, Excerpt, ExcerptSet, ExportOptions, ExportWords
from app.export.fpdf_internals import ScriptPerFragment
from app.export.pdf_fonts import find_fonts, font_hint
from resources import RESOURCES_DIR

log = logging.getLogger(__name__)

FONTS_DIR = RESOURCES_DIR / "fonts"
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
LIST_INDENT = 6  # mm per level of list in a note
QUOTE_INDENT = 4  # mm per level of block quote in a note
REPLACEMENT = "\ufffd"  # drawn for a character no font on the machine has
MAX_FALLBACK_FONTS = 12
# Scripts whose letters join, reorder, stack or run right to left: Hebrew to NKo and Arabic
# extensions, Indic, Thai to Tibetan, Myanmar, Hangul jamo, Khmer and Mongolian, more Indic,
# Hebrew and Arabic presentation forms, and the historic and Adlam blocks of the upper planes.
_COMPLEX = re.compile(
    "[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1100-\u11ff\u1780-\u18af"
    "\ua800-\ua8ff\ua980-\ua9ff\uaa00-\uaadf\ufb1d-\ufdff\ufe70-\ufefe"
    "\U00010800-\U00010fff\U00011000-\U000111ff\U0001e800-\U0001efff]"
)


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return int(hex_color[1:3], 16), int(hex_color[3:5], 16), int(hex_color[5:7], 16)


class _ExportPDF(ScriptPerFragment, FPDF):
    """A4 pages with a page number in the footer; fonts and shaping are picked per string (module docstring)."""

    def __init__(self) -> None:
        super().__init__(format="A4")
        self.place: str | int = "the title"  # where the text being written belongs: an annotation id or a part
        self.missing: dict[str, set[str | int]] = {}  # characters drawn as REPLACEMENT -> where they were
        self.unshaped = False  # text that needed shaping was written without it
        self._shaping_works: bool | None = None  # None until some text needs shaping
        self._fallbacks: list[str] = []  # DejaVu, then the families added from the system
        self._looked_up: set[str] = set()  # characters already searched for on the system
        self._drawable: set[str] = set()  # characters the system fonts added cover
        self._everywhere: set[str] = set()  # in every DejaVu face
        self._somewhere: set[str] = set()  # in at least one DejaVu face

    def add_main_fonts(self) -> None:
        for style, name in FONT_FILES.items():
            path = FONTS_DIR / name
            if not path.is_file():
                raise ExportError(f"PDF export needs the font {path}, which is missing; reinstall Dossier.")
            self.add_font(FAMILY, style, path)
        maps = [{chr(cp) for cp in self.fonts[FAMILY.lower() + style].cmap} for style in FONT_FILES]
        self._everywhere = set.intersection(*maps) | {"\n", "\r", "\t"}
        self._somewhere = set.union(*maps)

    def footer(self) -> None:
        shaping = self.text_shaping  # the footer may run in the middle of a shaped quote
        self.set_y(-13)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"{self.page_no()} / {{nb}}", align="C")
        self.text_shaping = shaping

    def normalize_text(self, text: str) -> str:
        """fpdf2 passes every string here before laying it out: make each character drawable, shape if needed."""
        text = super().normalize_text(text)
        rest = set(text) - self._everywhere
        if rest:
            text = self._cover(text, rest)
        self._shape(text)
        return text

    def _cover(self, text: str, rest: set[str]) -> str:
        if not self._fallbacks:
            self._fallbacks.append(FAMILY)  # a face of DejaVu may lack what another has (Oblique has no Arabic)
            self._set_fallbacks()
        wanted = {char for char in rest - self._somewhere - self._looked_up if _searchable(char)}
        if wanted:
            self._looked_up |= wanted
            for choice in find_fonts(wanted)[:MAX_FALLBACK_FONTS]:
                self._add_fallback(choice.path, choice.covers)
        lost = rest - self._somewhere - self._drawable
        if not lost:
            return text
        table: dict[int, str | None] = {}
        for char in sorted(lost, key=text.index):  # in reading order, so the warning's example is the first
            category = unicodedata.category(char)
            if category in ("Cc", "Cf") or 0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF:
                table[ord(char)] = None  # invisible by nature (controls, joiners, variation selectors)
            elif category.startswith("Z"):
                table[ord(char)] = " "
            else:
                table[ord(char)] = REPLACEMENT
                self.missing.setdefault(char, set()).add(self.place)
        return text.translate(table)

    def _add_fallback(self, path: Path, covers: frozenset[str]) -> None:
        family = f"fallback{len(self._fallbacks)}"
        try:
            self.add_font(family, "", path)
        except Exception as e:  # a font fontTools could read but fpdf2 cannot embed: its characters stay missing
            log.info("fallback font %s not usable: %s: %s", path, type(e).__name__, e)
            return
        self._fallbacks.append(family)
        self._drawable |= covers
        self._set_fallbacks()

    def _set_fallbacks(self) -> None:
        self.set_fallback_fonts(self._fallbacks, exact_match=False)  # bold CJK is drawn with the regular face

    def _shape(self, text: str) -> None:
        needed = _COMPLEX.search(text) is not None
        if needed and self._shaping_works is None:
            try:
                self.set_text_shaping(True)
                self._shaping_works = True
            except FPDFException as e:  # uharfbuzz missing or broken: the export goes on unshaped
                log.warning("PDF text shaping is off: %s", e)
                self._shaping_works = False
        if needed and not self._shaping_works:
            self.unshaped = True
        elif needed and not self.text_shaping:
            self.set_text_shaping(True)
        elif not needed and self.text_shaping:
            self.set_text_shaping(False)

    def warnings(self) -> list[str]:
        """What a reader of the PDF would otherwise not know: characters not drawn, scripts not shaped."""
        found = []
        if self.missing:
            first = next(iter(self.missing))
            example = f"U+{ord(first):04X}" + ("" if unicodedata.category(first) == "Cs" else f" {first}")
            count = len(self.missing)
            what = f"{count} character{'' if count == 1 else 's'} in {_places(self.missing)}"
            found.append(f"PDF: {what} {'has' if count == 1 else 'have'} no font on this system (e.g. '{example}'); "
                         f"they are shown as '{REPLACEMENT}'. Install {font_hint(first)} to draw them.")  # fmt: skip
        if self.unshaped:
            found.append("PDF: text shaping is off (the uharfbuzz package could not be loaded), so Arabic, Hebrew "
                         "and other scripts whose letters join or run right to left may show unjoined or reversed; "
                         "reinstall Dossier with its dependencies.")  # fmt: skip
        return found


def _searchable(char: str) -> bool:
    """Worth a font search: visible and standard (not a control, a format character, a surrogate or private use)."""
    return unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp")


def _places(missing: dict[str, set[str | int]]) -> str:
    """'2 excerpts', 'the title', '3 excerpts, a document heading and the endnotes'."""
    places: set[str | int] = set().union(*missing.values())
    excerpts = sum(1 for place in places if isinstance(place, int))
    parts = [f"{excerpts} excerpt{'' if excerpts == 1 else 's'}"] if excerpts else []
    parts += sorted(place for place in places if isinstance(place, str))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _new_pdf(excerpts: ExcerptSet) -> _ExportPDF:
    pdf = _ExportPDF()
    pdf.add_main_fonts()
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_title(excerpts.title)
    pdf.set_creator("Dossier")
    if excerpts.description:
        pdf.set_subject(excerpts.description)
    pdf.set_lang("en")
    pdf.add_page()
    return pdf


def _write_runs(pdf: FPDF, runs: Iterable[Run], size: float = BODY_SIZE, height: float = LINE,
               bold: bool = False) -> None:
    """Flowing text in mixed styles; links are clickable and underlined."""
    for run in runs:
        style = ("B" if run.bold or bold else "") + ("I" if run.italic or run.code else "")
        pdf.set_font(FAMILY, style, size)
        if run.href:
            pdf.set_text_color(*LINK_BLUE)
            pdf.set_font(FAMILY, style + "U", size)
            pdf.write(height, run.text, link=run.href)
            pdf.set_text_color(*BLACK)
        else:
            pdf.write(height, run.text)
    pdf.set_font(FAMILY, "", size)


def _write_blocks(pdf: FPDF, blocks: Iterable[Block]) -> None:
    """A note's blocks: items with their markers, nested lists and quotes indented, rules as lines."""
    left = pdf.l_margin
    for block in blocks:
        base = left + QUOTE_INDENT * block.quote
        text_x = base + (LIST_INDENT * block.depth + 2 if block.depth else 0)
        if block.kind == "rule":
            y = pdf.get_y() + 1.5
            pdf.set_draw_color(187, 187, 187)
            pdf.line(text_x, y, pdf.w - pdf.r_margin, y)
            pdf.ln(3)
            continue
        if block.kind == "item":
            pdf.set_x(text_x - LIST_INDENT)
            pdf.set_font(FAMILY, "", BODY_SIZE)
            pdf.write(LINE, block.marker())
        pdf.set_left_margin(text_x)
        pdf.set_x(text_x)
        if block.quote:
            pdf.set_text_color(*GREY)
        _write_runs(pdf, block.runs, bold=block.kind == "heading")
        pdf.set_text_color(*BLACK)
        pdf.set_left_margin(left)
        pdf.ln(LINE)
        pdf.ln(1.2)


def _keep_room(pdf: FPDF, needed: float) -> None:
    """Start a new page rather than leave a heading or a quote's first line alone at the bottom."""
    if pdf.get_y() + needed > pdf.h - pdf.b_margin:
        pdf.add_page()


def _excerpt(pdf: _ExportPDF, excerpt: Excerpt, options: ExportOptions, words: ExportWords) -> None:
    pdf.place = excerpt.annotation_id
    color = color_name(excerpt)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    _keep_room(pdf, 25)
    if excerpt.orphaned:
        pdf.set_font(FAMILY, "B", 9)
        pdf.set_text_color(138, 28, 28)
        pdf.multi_cell(width, 4.6, words.orphaned)
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
        pdf.cell(0, 5, words.note, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        _write_blocks(pdf, note_blocks(excerpt.note))
    details = words.highlight.format(color=words.color(color))
    if options.include_tags and excerpt.tags:
        details += " · " + words.tags.format(tags=", ".join(excerpt.tags))
    pdf.set_font(FAMILY, "", 9)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(width, 4.6, details, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*BLACK)
    pdf.ln(5)


def _endnotes(pdf: _ExportPDF, excerpts: ExcerptSet) -> None:
    notes = all_endnotes(excerpts.excerpts)
    if not notes:
        return
    pdf.place = "the endnotes"
    _keep_room(pdf, 30)
    pdf.ln(3)
    pdf.set_font(FAMILY, "B", 13)
    pdf.cell(0, 8, excerpts.words.endnotes, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
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


def render_pdf(excerpts: ExcerptSet, warnings: list[str] | None = None) -> bytes:
    """The PDF file's bytes; what it could not draw as it should is added to `warnings`."""
    pdf = _new_pdf(excerpts)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_text_color(*BLACK)
    pdf.set_font(FAMILY, "B", 18)
    pdf.multi_cell(width, 9, excerpts.title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 9)
    pdf.set_text_color(*GREY)
    if excerpts.description:
        pdf.place = "the selection line"
        pdf.multi_cell(width, 4.8, excerpts.words.selection.format(description=excerpts.description), align="L",
                       new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)  # fmt: skip
    pdf.multi_cell(width, 4.8, summary_line(excerpts), align="L",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
    pdf.set_text_color(*BLACK)
    for document, group in group_by_document(excerpts.excerpts):
        pdf.ln(5)
        _keep_room(pdf, 40)
        pdf.set_font(FAMILY, "B", 13)
        pdf.place = "a document heading"
        pdf.multi_cell(width, 6.5, document.title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y = pdf.get_y() + 0.5
        pdf.set_draw_color(187, 187, 187)
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.ln(4)
        for excerpt in group:
            _excerpt(pdf, excerpt, excerpts.options, excerpts.words)
    if excerpts.options.include_footnotes:
        _endnotes(pdf, excerpts)
    data = bytes(pdf.output())
    if warnings is not None:
        warnings.extend(pdf.warnings())
    return data
