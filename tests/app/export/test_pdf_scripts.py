"""PDF export of every script: system fonts as fallbacks (CJK, Hangul), shaping (Arabic, Hebrew), and
characters no font can draw (shown as U+FFFD and reported, never dropped). Text is read back with pypdf."""

from __future__ import annotations

import dataclasses
import io
import re
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from fpdf import FPDF
from pypdf import PdfReader

from app.export import pdf_fonts
from app.export.excerpt_model import ExcerptSet
from app.export.pdf import REPLACEMENT, render_pdf
from tests.app.conftest import annotate_corpus
from tests.app.export.conftest import make_excerpt_set
from tests.app.export.font_files import CJK, HANGUL, build_font, only_these_font_dirs
from tests.app.test_cli import run

R = REPLACEMENT
HEBREW = "שלום עולם"
ARABIC = "سلام عليكم"


def cjk_set() -> ExcerptSet:
    """Chinese and Korean in the title, a quote, a note (bold and plain), a tag and a second excerpt."""
    base = make_excerpt_set()
    first = dataclasses.replace(base.excerpts[1], quote=f"The ministry said {CJK} and {HANGUL} in its note.",
                                note=f"Translated from **{CJK}** ({HANGUL}).", tags=[f"lang/{HANGUL}"])  # fmt: skip
    second = dataclasses.replace(base.excerpts[2], quote=f"Кампания {CJK}.", note="")
    return dataclasses.replace(base, title=f"Excerpts {CJK} {HANGUL}", excerpts=[first, second])


def read(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))


def embedded_fonts(reader: PdfReader) -> dict[str, TTFont]:
    """The embedded font programs by name (the subset prefix `ABCDEF+` removed)."""
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            program = descriptor["/FontFile2"].get_object().get_data()
            fonts[str(font["/BaseFont"]).split("+")[-1]] = TTFont(io.BytesIO(program))
    return fonts


def test_a_system_font_draws_cjk_and_hangul(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_font(tmp_path / "fonts" / "cjk" / "TestCJK.ttf", CJK + HANGUL)
    only_these_font_dirs(monkeypatch, tmp_path / "fonts")
    warnings: list[str] = []
    reader, text = read(render_pdf(cjk_set(), warnings))
    assert warnings == []
    assert f"Excerpts {CJK} {HANGUL}" in text
    assert f"The ministry said {CJK} and {HANGUL} in its note." in text
    assert f"Translated from {CJK} ({HANGUL})." in text  # the bold run is drawn with the regular face
    assert f"lang/{HANGUL}" in text and f"Кампания {CJK}." in text
    assert R not in text
    fonts = embedded_fonts(reader)
    assert "DossierTestCJK" in fonts
    cmap = fonts["DossierTestCJK"].getBestCmap()
    assert {ord(char) for char in CJK + HANGUL} <= set(cmap)  # the tmp font's glyphs are embedded


def test_latin_text_searches_no_font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_font(tmp_path / "fonts" / "TestCJK.ttf", CJK)
    only_these_font_dirs(monkeypatch, tmp_path / "fonts")

    def no_search(_chars: object, _dirs: object = None) -> list[pdf_fonts.FontChoice]:
        raise AssertionError("fonts searched for text DejaVu covers")

    monkeypatch.setattr("app.export.pdf.find_fonts", no_search)
    warnings: list[str] = []
    reader, text = read(render_pdf(make_excerpt_set(), warnings))  # Latin, Azerbaijani, Cyrillic
    assert warnings == [] and "Ilham Əliyev" in text
    assert set(embedded_fonts(reader)) <= {"DejaVuSansBook", "DejaVuSansBold", "DejaVuSansOblique",
                                           "DejaVuSansBoldOblique"}  # fmt: skip


def test_characters_no_font_has_are_shown_and_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    only_these_font_dirs(monkeypatch, tmp_path / "empty")
    warnings: list[str] = []
    _, text = read(render_pdf(cjk_set(), warnings))
    assert warnings == [
        "PDF: 6 characters in 2 excerpts and the title have no font on this system (e.g. 'U+4E2D 中'); they are "
        f"shown as '{R}'. Install a font such as Noto Sans CJK to draw them."
    ]
    assert f"Excerpts {R * 3} {R * 3}" in text
    assert f"The ministry said {R * 3} and {R * 3} in its note." in text
    assert f"Translated from {R * 3} ({R * 3})." in text
    assert f"lang/{R * 3}" in text and f"Кампания {R * 3}." in text


def test_the_warning_names_a_font_for_the_script() -> None:
    assert pdf_fonts.font_hint("中") == pdf_fonts.font_hint("한") == pdf_fonts.font_hint("の") == (
        "a font such as Noto Sans CJK"
    )
    assert pdf_fonts.font_hint("ก") == "a font such as Noto Sans Thai"
    assert pdf_fonts.font_hint("क") == "a font such as Noto Sans Devanagari"
    assert "Noto Emoji" in pdf_fonts.font_hint("😀")


def test_a_font_covering_part_draws_that_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_font(tmp_path / "fonts" / "Hangul.ttf", HANGUL, family="DossierTestHangul")
    only_these_font_dirs(monkeypatch, tmp_path / "fonts")
    warnings: list[str] = []
    reader, text = read(render_pdf(cjk_set(), warnings))
    assert len(warnings) == 1 and warnings[0].startswith("PDF: 3 characters in 2 excerpts and the title have no")
    assert f"The ministry said {R * 3} and {HANGUL} in its note." in text
    assert "DossierTestHangul" in embedded_fonts(reader)


def test_a_font_that_forbids_embedding_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_font(tmp_path / "fonts" / "Restricted.ttf", CJK + HANGUL, family="DossierRestricted", fs_type=0x0002)
    only_these_font_dirs(monkeypatch, tmp_path / "fonts")
    warnings: list[str] = []
    reader, text = read(render_pdf(cjk_set(), warnings))
    assert "DossierRestricted" not in embedded_fonts(reader)
    assert len(warnings) == 1 and f"said {R * 3} and {R * 3}" in text


def test_invisible_characters_without_a_glyph_are_dropped_quietly(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    (tmp_path / "empty").mkdir()
    only_these_font_dirs(monkeypatch, tmp_path / "empty")
    base = make_excerpt_set()
    quote = "mine\U000e0001 maps\U000e0100 and\u3000clearance"  # a tag character, a variation selector, a CJK space
    excerpts = dataclasses.replace(base, excerpts=[dataclasses.replace(base.excerpts[1], quote=quote)])
    warnings: list[str] = []
    _, text = read(render_pdf(excerpts, warnings))
    assert warnings == []
    assert "mine maps and clearance" in text


def test_arabic_and_hebrew_are_shaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("uharfbuzz")
    (tmp_path / "empty").mkdir()
    only_these_font_dirs(monkeypatch, tmp_path / "empty")
    base = make_excerpt_set()
    excerpt = dataclasses.replace(base.excerpts[1], quote=f"{HEBREW} — {ARABIC}", note="Note: *سلام* in italics")
    warnings: list[str] = []
    reader, text = read(render_pdf(dataclasses.replace(base, excerpts=[excerpt]), warnings))
    assert warnings == []
    # Drawn in visual order, read back in logical order: unshaped text comes back reversed ("םלוע םולש").
    assert HEBREW in text and ARABIC in text
    assert "Note: سلام in italics" in text  # DejaVu Oblique has no Arabic: the regular face draws it
    glyphs = set(embedded_fonts(reader)["DejaVuSansBook"].getGlyphOrder())
    # Joined forms, chosen by HarfBuzz: initial seen, medial lam, the lam-alef ligature; Arabic after
    # Hebrew in one right-to-left run is shaped as Arabic too.
    assert {"uniFEB3", "uniFEE0", "uniFEFC"} <= glyphs


def test_shaping_is_used_only_for_text_that_needs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("uharfbuzz")
    calls: list[bool] = []
    real = FPDF.set_text_shaping

    def spy(self: FPDF, use_shaping_engine: bool = True, **kwargs: object) -> None:
        calls.append(use_shaping_engine)
        real(self, use_shaping_engine, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(FPDF, "set_text_shaping", spy)
    render_pdf(make_excerpt_set())
    assert calls == []  # shaping makes fpdf2 several times slower: Latin and Cyrillic never pay for it
    base = make_excerpt_set()
    rtl = dataclasses.replace(base.excerpts[1], quote=ARABIC)
    render_pdf(dataclasses.replace(base, excerpts=[base.excerpts[0], rtl]))
    assert calls == [True, False]  # on for the Arabic quote, off again for the Latin text after it


def test_without_harfbuzz_the_export_is_written_and_says_shaping_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uharfbuzz", None)  # import fails
    base = make_excerpt_set()
    warnings: list[str] = []
    render_pdf(base, warnings)
    assert warnings == []  # nothing needed shaping
    excerpt = dataclasses.replace(base.excerpts[1], quote=f"{HEBREW} — {ARABIC}")
    _, text = read(render_pdf(dataclasses.replace(base, excerpts=[excerpt]), warnings))
    assert len(warnings) == 1 and warnings[0].startswith("PDF: text shaping is off")
    assert set(HEBREW + ARABIC) <= set(text)  # every letter is there, if unjoined


def test_cli_prints_the_warning_and_exits_0(archive_dir: Path, corpus: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    (tmp_path / "empty").mkdir()
    only_these_font_dirs(monkeypatch, tmp_path / "empty")
    annotate_corpus(archive_dir, corpus, note=f"Seen in {CJK}", tag_names=["evidence"])
    target = tmp_path / "out.pdf"
    code, out, err = run("export", "--format", "pdf", "--tag", "evidence", "-o", str(target),
                         "--archive", str(archive_dir))  # fmt: skip
    assert code == 0 and target.is_file()
    assert "exported 1 excerpt(s)" in out
    assert "dossier: warning: PDF: 3 characters in 1 excerpt have no font on this system (e.g. 'U+4E2D 中')" in err
    _, text = read(target.read_bytes())
    assert f"Seen in {R * 3}" in text


def test_fpdf2_internals_are_those_tested() -> None:
    """An fpdf2 upgrade fails here until app/export/fpdf_internals.py is checked against it."""
    import fpdf

    from app.export.fpdf_internals import INTERNALS_IN_USE, TESTED_FPDF

    assert fpdf.__version__.startswith(TESTED_FPDF) and INTERNALS_IN_USE
