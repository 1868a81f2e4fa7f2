"""PDF: text layer read by layout, paragraphs re-joined; scans, encryption and damage reported.

The layout analysis itself (notes at the page foot, raised markers, running
heads, hyphens, titles) is tested in test_pdf_layout.py.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from app.errors import ReadError
from app.readers import read_file
from app.readers.pdf import read_pdf


def _pdf(paragraph_texts: list[str], title: str = "", author: str = "") -> bytes:
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for text in paragraph_texts:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())


LONG = ("Azerbaijan has stated on several occasions that it does not produce or export antipersonnel "
        "mines, and that its stockpile is a legacy of the Soviet era.[4] ")


def test_text_layer_in_genre_layout(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(_pdf(["Production, transfer, and stockpiling", LONG * 3, "[4] Statement of Azerbaijan, "
                           "Geneva, 13 June 2005."], title="Azerbaijan country profile", author="Landmine Monitor"))
    doc = read_file(path)
    assert doc.format == "pdf"
    assert doc.text == (
        "Production, transfer, and stockpiling\n\n" + (LONG * 3).strip() + "\n\n"
        "[4] Statement of Azerbaijan, Geneva, 13 June 2005.\n"
    )
    # the info dictionary is only a fallback, and its author (a login name) is never a publisher
    assert doc.hints["fallback_title"] == "Azerbaijan country profile"
    assert "title" not in doc.hints and "publisher" not in doc.hints and "date" not in doc.hints
    assert "fallback_date" not in doc.hints  # a creation date is not the document's date


def test_word_processor_title_is_not_a_hint() -> None:
    doc = read_pdf(_pdf(["Some text here."], title="Microsoft Word - doc1.docx", author="User"))
    assert "title" not in doc.hints and "fallback_title" not in doc.hints and "publisher" not in doc.hints


def test_no_text_layer() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    with pytest.raises(ReadError, match=r"^PDF has no text layer \(scanned image\?\); not imported$"):
        read_pdf(bytes(pdf.output()))


def test_truncated_pdf_is_broken() -> None:
    data = _pdf([LONG * 2])
    with pytest.raises(ReadError, match=r"^broken PDF: "):
        read_pdf(data[: len(data) // 3])


def test_not_a_pdf_at_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("This is plain text pretending to be a PDF.")
    with pytest.raises(ReadError, match=r"^broken PDF: not a PDF file$"):
        read_file(path)


def test_garbage_after_header_is_broken() -> None:
    with pytest.raises(ReadError, match=r"^broken PDF: "):
        read_pdf(b"%PDF-1.7\n" + bytes(range(256)) * 20)


def _encrypted(user_password: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf(["Secret minefield records."]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


ALGORITHMS = ["RC4-128", "AES-128", "AES-256"]  # AES needs the cryptography package, a dependency


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_encrypted_with_password_is_refused(algorithm: str) -> None:
    with pytest.raises(ReadError, match=r"^PDF is encrypted$"):
        read_pdf(_encrypted("secret", algorithm))


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_encrypted_with_empty_user_password_is_read(algorithm: str) -> None:
    """Restrictions only (printing, copying): the text is read, whatever the cipher."""
    assert read_pdf(_encrypted("", algorithm)).text == "Secret minefield records.\n"


def test_page_and_character_caps() -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number in range(1, 6):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Page {number} text about mine clearance.")
    data = bytes(pdf.output())
    assert "Page 3" not in read_pdf(data, max_pages=2).text
    assert len(read_pdf(data, max_chars=30).text) <= 32


def _lines_pdf(pages: list[list[str]]) -> bytes:
    """Each string one line of 11 pt text, 14 pt apart, as a word processor sets them."""
    pdf = FPDF(unit="pt", format="a4")
    pdf.set_font("Helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for index, line in enumerate(lines):
            pdf.text(72, 100 + 14 * index, line)
    return bytes(pdf.output())


FULL = "Clearance of the northern districts went on through the winter months and the"


def test_paragraph_rejoining_rules() -> None:
    pages = [[FULL, FULL, FULL, "short end.", "[1] Note one", "[2] Note two"], ["continued " + FULL, "next."]]
    assert read_pdf(_lines_pdf(pages)).text.split("\n\n") == [
        f"{FULL} {FULL} {FULL} short end.", "[1] Note one", "[2] Note two", f"continued {FULL} next.\n",
    ]


def test_hyphenated_line_end_joins_without_space() -> None:
    pages = [[FULL + " anti-", "personnel " + FULL, "end."]]
    assert read_pdf(_lines_pdf(pages)).text == f"{FULL} anti-personnel {FULL} end.\n"
