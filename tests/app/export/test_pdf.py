"""PDF export (fpdf2, no Qt), text read back with pypdf."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from app.export.excerpt_model import ExcerptSet
from app.export.files import render
from app.export.pdf import FONT_FILES, FONTS_DIR
from tests.app.export.conftest import PROFILE, RELEASE


def pdf_text(excerpts: ExcerptSet) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(render(excerpts, "pdf")))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"\s+", " ", text)


def test_fonts_and_licence_are_bundled() -> None:
    for name in FONT_FILES.values():
        assert (FONTS_DIR / name).stat().st_size > 100_000
    assert "Bitstream" in (FONTS_DIR / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")


def test_pdf_text_carries_everything(excerpt_set: ExcerptSet) -> None:
    reader, text = pdf_text(excerpt_set)
    assert len(reader.pages) >= 2  # the long quote runs over a page break
    assert reader.metadata.title == "Excerpts: Azerbaijan & mine maps"
    assert "Ilham Əliyev said the accuracy of the maps provided at the latest stage is only 25 percent.”[1]" in text
    assert "Ağdam and Füzuli" in text
    assert "Кампания призывает все государства присоединиться к Договору." in text
    assert "Заявление о минах" in text
    assert PROFILE.citation in text and RELEASE.citation in text
    assert "Check mine maps accuracy & compare with <script>alert('x')</script>:" in text
    assert "first point" in text and "see the Monitor" in text
    assert "Tags: country/Azerbaijan, topic/mine-maps" in text and "Highlight: blue" in text
    assert "text no longer found in the document" in text
    endnotes = text[text.index("Endnotes") :]
    assert "1. “Azerbaijan says maps only 25% accurate,” APA, 12 June 2021, https://apa.az/en/maps." in endnotes
    assert "2. Ibid. [= “Azerbaijan says maps only 25% accurate,” APA, 12 June 2021]" in endnotes


def test_pdf_links_are_clickable(excerpt_set: ExcerptSet) -> None:
    reader, _ = pdf_text(excerpt_set)
    uris = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    }
    assert {"https://the-monitor.org/", "https://apa.az/en/maps"} <= uris


def test_pdf_options_turn_parts_off(bare_set: ExcerptSet) -> None:
    _, text = pdf_text(bare_set)
    assert "Ilham Əliyev said" in text and "percent.” The maps" in text
    for absent in (
        "mine maps accuracy",
        "Tags:",
        "Endnotes",
        "APA, 12 June 2021",
        PROFILE.citation,
        RELEASE.citation,
        "[1]",
    ):
        assert absent not in text
    assert "text no longer found in the document" in text
