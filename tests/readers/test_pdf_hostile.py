"""Small PDFs shaped to cost a reader hours or gigabytes: each is read within its bounds, and a limit that
applied is said. (The shapes came from a hostile-input audit; each took minutes or gigabytes before.)"""

from __future__ import annotations

import time

import pytest

from app.model import RawDocument
from app.readers import pdf as pdf_reader
from app.readers import pdf_lines
from app.readers.pdf import read_pdf
from tests.readers.pdf_files import FONT, page, raw_pdf, stream

TEXT = b"BT /F1 12 Tf 72 700 Td (A real paragraph on the clearance of the northern belt.) Tj ET"


def _bounded(data: bytes, seconds: float = 20.0) -> RawDocument:
    """Read, failing if it took longer than a generous bound in CPU time (a busy machine still passes)."""
    start = time.process_time()
    doc = read_pdf(data)
    assert time.process_time() - start < seconds
    return doc


def test_a_page_tree_that_shares_its_kids_array_at_every_level_ends() -> None:
    """/Kids is one array object holding direct /Pages dictionaries that name it again: not a cycle of references,
    but 2^64 nodes within the depth limit (709 bytes, an import that never ended)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids 4 0 R /Count 1 >>", FONT,
               b"[5 0 R << /Type /Pages /Kids 4 0 R >> << /Type /Pages /Kids 4 0 R >>]", page(6), stream(TEXT)]
    doc = _bounded(raw_pdf(objects))
    assert "clearance of the northern belt" in doc.text


def _big_font(number: int) -> bytes:
    """A Type0 font of 65,535 widths and character mappings: costly to read, whether or not it is used."""
    return (b"<< /Type /Font /Subtype /Type0 /BaseFont /Big%d /Encoding /Identity-H /ToUnicode 4 0 R "
            b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Big /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /W [0 65534 500] >>] >>" % number)  # fmt: skip


_CMAP = stream(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
               b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
               b"1 beginbfrange\n<0000> <FFFE> <0041>\nendbfrange\nendcmap end end\n")  # fmt: skip


def _fonts_pdf(count: int, content: bytes) -> bytes:
    fonts = b" ".join(b"/G%d %s" % (n, _big_font(n)) for n in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               page(5, fonts=b"/F1 6 0 R " + fonts), _CMAP, stream(content), FONT]
    return raw_pdf(objects)


def test_only_the_fonts_a_page_selects_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page listing forty costly fonts it never selects (each 65,535 mappings: 12 KB of file, a gigabyte)."""
    read: list[object] = []
    original = pdf_lines.Font.from_font_resource
    monkeypatch.setattr(pdf_lines.Font, "from_font_resource", lambda resource: read.append(1) or original(resource))
    doc = _bounded(_fonts_pdf(40, TEXT))
    assert "northern belt" in doc.text and len(read) == 1


def test_fonts_past_the_documents_budget_skip_their_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_lines, "MAX_FONT_ENTRIES", 1_000)
    selects = b" ".join(b"BT /G%d 12 Tf 72 600 Td <0041> Tj ET" % n for n in range(3))
    with pytest.raises(pdf_reader.ReadError, match="safety limits"):
        _bounded(_fonts_pdf(3, selects))


def test_a_document_of_countless_lines_stops_at_the_line_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_LINES", 500)
    lines = b"BT /F1 10 Tf 14 TL 72 780 Td " + b"(x) ' " * 300 + b"ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R 5 0 R 6 0 R] /Count 3 >>", FONT,
               page(7), page(7), page(7), stream(lines)]
    doc = _bounded(raw_pdf(objects))
    assert any("more than 500 lines of text (limit)" in notice for notice in doc.notices)
    assert 300 < doc.text.count("x") <= 600  # two pages read, the third not


def test_pages_that_draw_too_much_stop_at_the_documents_work_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stream just under the per-stream limit, shared by every page, cost a second a page for 2,000 pages."""
    monkeypatch.setattr(pdf_reader, "MAX_DOCUMENT_WORK", 1_500)  # about a page and a half
    busy = TEXT + b" BT " + b"0 0 Td " * 1_000 + b"ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R 5 0 R 6 0 R] /Count 3 >>", FONT,
               page(7), page(7), page(7), stream(busy)]
    doc = _bounded(raw_pdf(objects))
    assert any("more than 1,500 operations (limit)" in notice for notice in doc.notices)
    assert doc.text.count("northern belt") == 1


def test_shows_of_nothing_change_nothing() -> None:
    """Empty shows are left out of the layout bookkeeping (95,000 of them a page cost a second): the text and
    where it stands are the same with them as without."""
    plain = b"BT /F1 12 Tf 72 700 Td (First words) Tj (and more) Tj ET"
    padded = b"BT /F1 12 Tf 72 700 Td () Tj (First words) Tj [()] TJ () Tj (and more) Tj () Tj ET"

    def text_of(content: bytes) -> str:
        objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", FONT,
                   page(5), stream(content)]
        return read_pdf(raw_pdf(objects)).text

    assert text_of(padded) == text_of(plain) == "First wordsand more\n"
