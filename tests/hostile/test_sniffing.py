"""A PDF is read as a PDF whatever its name; text that merely mentions %PDF- is not."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from app.readers import read_file


def _pdf_bytes() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, "Clearance report for the northern belt. Mines were found in eight areas.")
    return bytes(pdf.output())


def test_a_pdf_named_html_is_read_as_a_pdf(tmp_path: Path) -> None:
    for name in ("report.html", "report.txt", "report.md"):
        path = tmp_path / name
        path.write_bytes(_pdf_bytes())
        raw = read_file(path)
        assert raw.format == "pdf"
        assert "Clearance report" in raw.text and "%PDF" not in raw.text


def test_text_about_pdf_headers_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.html"
    path.write_text("<html><body><p>A PDF file starts with %PDF-1.7 and ends with %%EOF.</p></body></html>")
    raw = read_file(path)
    assert raw.format == "html" and "%PDF-1.7" in raw.text
