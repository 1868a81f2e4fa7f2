"""PDF read by layout: notes from the page foot, raised markers, running heads, paragraphs, title."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from app.parsing import parse
from app.readers import read_file
from app.readers.pdf import read_pdf
from app.readers.pdf_text import logical

DEVCORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "devcorpus"

SENTENCE = ("Clearance teams surveyed the northern districts and released the land to the villages "
            "after the rains had ended. ")
_PLACES = ("Aghdam", "Fuzuli", "Jabrayil", "Zangilan", "Qubadli", "Lachin", "Kalbajar", "Tartar", "Goranboy",
           "Khojavend", "Shusha", "Khojaly", "Agdere", "Barda", "Beylagan", "Gadabay", "Tovuz", "Gazakh")


def _prose(sentences: int) -> str:
    """Sentences that differ from each other, as real text does."""
    return " ".join(f"Teams surveyed the {_PLACES[i % len(_PLACES)]} district and released {'the' if i % 2 else 'its'} "
                    f"land to the {_PLACES[(i * 7 + 3) % len(_PLACES)]} villages after the rains had ended."
                    for i in range(sentences))


class _Report(FPDF):
    """A report in 12 pt with a running head and a page number on every page."""

    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.set_xy(72, 30)
        self.cell(0, 10, f"Landmine Monitor Report 2024 - Azerbaijan (page {self.page_no()})")

    def footer(self) -> None:
        self.set_font("Helvetica", size=9)
        self.set_xy(290, 760)
        self.cell(30, 10, str(self.page_no()))


def _report() -> _Report:
    pdf = _Report(unit="pt", format="letter")
    pdf.set_margins(72, 72, 72)
    pdf.set_auto_page_break(False)
    return pdf


def _write(pdf: FPDF, parts: list[str | int], size: float = 12) -> None:
    """Flowing text; an int is a raised marker (smaller type, raised baseline)."""
    pdf.set_font("Helvetica", size=size)
    for part in parts:
        if isinstance(part, int):
            pdf.char_vpos = "SUP"
            pdf.write(size * 1.25, str(part))
            pdf.char_vpos = "LINE"
        else:
            pdf.write(size * 1.25, part)
    pdf.ln(size * 1.25)


def _note(pdf: FPDF, y: float, number: int | None, text: str, size: float = 9) -> None:
    """A note at the page foot in small type, its number raised and smaller (as Word sets it)."""
    x = 72.0
    if number is not None:
        pdf.set_font("Helvetica", size=size * 0.6)
        pdf.text(x, y - size * 0.35, str(number))
        x += pdf.get_string_width(str(number)) + 1
    pdf.set_font("Helvetica", size=size)
    pdf.set_xy(x, y - size)
    pdf.multi_cell(540 - x, size * 1.2, text)


def _footnoted() -> bytes:
    pdf = _report()
    pdf.add_page()
    pdf.set_xy(72, 80)
    _write(pdf, [SENTENCE * 2, "Mines were found near the border.", 1, " " + SENTENCE * 2])
    pdf.ln(8)
    _write(pdf, [SENTENCE, "The ministry reported the figures in March.", 2, " " + SENTENCE])
    pdf.line(72, 640, 216, 640)  # the short rule above the notes
    _note(pdf, 650, 1, "Landmine Monitor, Azerbaijan country profile, 28 November 2013.")
    _note(pdf, 670, 2, "Ministry of Defence, \"Annual clearance statistics\", press release, Baku, 4 March "
                       "2014, pp. 3-4, and the statement of the deputy minister of defence to the committee")
    pdf.add_page()
    pdf.set_xy(72, 80)
    _write(pdf, [SENTENCE * 3, "A third source is cited here.", 3, " " + SENTENCE])
    pdf.line(72, 640, 216, 640)
    _note(pdf, 650, None, "on mine action, 12 May 2014.")  # note 2 continued
    _note(pdf, 670, 3, "Ibid., p. 5.")
    return bytes(pdf.output())


def test_page_foot_notes_and_raised_markers() -> None:
    raw = read_pdf(_footnoted())
    assert "border.[1] Clearance" in raw.text
    assert "March.[2] Clearance" in raw.text
    assert "here.[3] Clearance" in raw.text
    assert raw.text.rstrip().endswith("[3] Ibid., p. 5.")
    assert "[1] Landmine Monitor, Azerbaijan country profile, 28 November 2013.\n" in raw.text
    assert "committee on mine action, 12 May 2014." in raw.text  # the note continued on page 2, joined
    doc = parse(raw)
    assert [note.number for note in doc.footnotes] == [1, 2, 3]
    assert doc.footnotes[1].text.startswith("Ministry of Defence")
    assert doc.footnotes[1].text.endswith("on mine action, 12 May 2014.")
    assert not doc.missing_footnotes and not doc.unreferenced_footnotes


def test_running_heads_and_page_numbers_are_dropped() -> None:
    raw = read_pdf(_footnoted())
    assert "Landmine Monitor Report 2024" not in raw.text
    assert all(paragraph.strip() not in {"1", "2"} for paragraph in raw.text.split("\n\n"))


def test_note_numbers_of_any_size() -> None:
    pdf = _report()
    pdf.add_page()
    pdf.set_xy(72, 80)
    _write(pdf, [SENTENCE, "The annual report cites it.", 1999, " " + SENTENCE, "And again.", 2000, " " + SENTENCE])
    _note(pdf, 650, 1999, "Annual report 2019, p. 12.")
    _note(pdf, 670, 2000, "Annual report 2020, p. 7.")
    raw = read_pdf(bytes(pdf.output()))
    assert "it.[1999] Clearance" in raw.text and "again.[2000] Clearance" in raw.text
    assert "[1999] Annual report 2019, p. 12.\n\n[2000] Annual report 2020, p. 7.\n" in raw.text


def test_numbering_that_starts_again_goes_on_from_the_last_note() -> None:
    pdf = _report()
    for chapter in ("One", "Two"):
        pdf.add_page()
        pdf.set_xy(72, 80)
        _write(pdf, [f"Chapter {chapter}. " + _prose(2), "First cited.", 1, " " + _prose(2), "Second.", 2, " " + _prose(1)])
        _note(pdf, 650, 1, f"Chapter {chapter}, first source.")
        _note(pdf, 670, 2, f"Chapter {chapter}, second source.")
    raw = read_pdf(bytes(pdf.output()))
    doc = parse(raw)
    assert [(note.number, note.text) for note in doc.footnotes] == [
        (1, "Chapter One, first source."), (2, "Chapter One, second source."),
        (3, "Chapter Two, first source."), (4, "Chapter Two, second source.")]
    assert "First cited.[3]" in raw.text and "Second.[4]" in raw.text
    assert not doc.missing_footnotes and not doc.unreferenced_footnotes


def test_notes_as_large_as_the_body_found_from_their_raised_numbers() -> None:
    pdf = _report()
    pdf.add_page()
    pdf.set_xy(72, 80)
    _write(pdf, [SENTENCE, "On 29 June, 61 days", 1, " after the order, the appeal was filed. " + SENTENCE])
    _note(pdf, 660, 1, "60 days after the order fell on a Sunday.", size=12)
    doc = parse(read_pdf(bytes(pdf.output())))
    assert [(note.number, note.text) for note in doc.footnotes] == [(1, "60 days after the order fell on a Sunday.")]


class _Opinion(FPDF):
    """Justified text that runs on from page 1 to page 2, an asterisk note at the foot of page 1."""

    def footer(self) -> None:
        if self.page_no() == 1:
            _note(self, 700, None, "* Pursuant to Rule 47.5, this opinion is not published.")


def test_symbol_note_kept_out_of_the_paragraph_it_stands_under() -> None:
    pdf = _Opinion(unit="pt", format="letter")
    pdf.set_margins(72, 72, 72)
    pdf.set_auto_page_break(True, margin=150)
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(468, 15, "PER CURIAM:*", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(468, 15, _prose(34), align="J")
    raw = read_pdf(bytes(pdf.output()))
    assert raw.text == f"PER CURIAM:*\n\n{_prose(34)}\n\n* Pursuant to Rule 47.5, this opinion is not published.\n"


def test_court_banner_pleading_numbers_and_filed_date() -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    for page in (1, 2):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.text(60, 20, f"Case 8:16-cv-01261-DOC-KES Document 40 Filed 08/05/16 Page {page} of 2 Page ID #:{364 + page}")
        pdf.set_font("Times", size=12)
        for number in range(1, 29):
            pdf.text(50 if number < 10 else 44, 60 + 24 * number, str(number))
        pdf.set_xy(100, 70)
        pdf.multi_cell(430, 24, ("First" if page == 1 else "Second") + " page begins here. " + (SENTENCE * 6).strip())
    raw = read_pdf(bytes(pdf.output()))
    assert "Case 8:16" not in raw.text and "Page ID" not in raw.text
    assert not any(word.isdigit() for word in raw.text.split())
    assert raw.text.startswith("First page begins here. Clearance teams surveyed")
    assert raw.hints["fallback_date"] == "2016-08-05"


def test_hyphens_at_line_ends() -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    lines = ["The deduction was made each month from the salary of the staff of the centre,",
             "and the deduction covered the insurance of the staff and the deduc-",
             "tion covered the insurance of the mine survey teams and the anti-", "personnel mine survey teams."]
    for index, line in enumerate(lines):
        pdf.text(72, 100 + 14 * index, line)
    raw = read_pdf(bytes(pdf.output()))
    assert "and the deduction covered the insurance of the mine survey teams and the anti-personnel mine" in raw.text


def test_paragraphs_from_gaps_indents_and_short_lines() -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_margins(72, 72, 72)
    pdf.add_page()
    pdf.set_xy(72, 80)
    _write(pdf, ["Background"])
    _write(pdf, [(SENTENCE * 3).strip()])
    pdf.set_x(108)  # a first-line indent, no gap
    _write(pdf, [(SENTENCE * 3).strip()])
    pdf.ln(10)
    _write(pdf, [(SENTENCE * 2).strip()])
    paragraphs = read_pdf(bytes(pdf.output())).text.strip().split("\n\n")
    assert paragraphs == ["Background", (SENTENCE * 3).strip(), (SENTENCE * 3).strip(), (SENTENCE * 2).strip()]


def test_title_from_large_type_and_metadata_only_as_fallback() -> None:
    pdf = _report()
    pdf.set_title("Microsoft Word - draft7.docx")
    pdf.set_author("localuser")
    pdf.add_page()
    pdf.set_xy(72, 80)
    pdf.set_font("Helvetica", size=22)
    pdf.multi_cell(468, 26, "Clearing the Northern Districts: Mine Action in 2023", new_x="LMARGIN", new_y="NEXT")
    _write(pdf, [SENTENCE * 3])
    raw = read_pdf(bytes(pdf.output()))
    assert raw.hints["title"] == "Clearing the Northern Districts: Mine Action in 2023"
    assert "publisher" not in raw.hints and "fallback_title" not in raw.hints


def test_no_title_hint_when_nothing_is_set_larger() -> None:
    pdf = _report()
    pdf.set_title("Azerbaijan country profile")
    pdf.add_page()
    pdf.set_xy(72, 80)
    _write(pdf, ["Azerbaijan"])
    _write(pdf, [SENTENCE * 3])
    raw = read_pdf(bytes(pdf.output()))
    assert "title" not in raw.hints and "date" not in raw.hints
    assert raw.hints["fallback_title"] == "Azerbaijan country profile"
    assert "fallback_date" not in raw.hints  # a creation date is not the document's date


def test_a_page_set_sideways_is_still_read() -> None:
    pdf = FPDF(unit="pt")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    with pdf.rotation(90, 300, 400):
        pdf.text(100, 400, "Sideways table of mine clearance results for the region.")
    assert read_pdf(bytes(pdf.output())).text == "Sideways table of mine clearance results for the region.\n"


def test_right_to_left_text_stored_in_visual_order() -> None:
    visual = "\u0646\u0627\ufeae\ufeec\ufe97 \u06cc\u0627\ufeee\ufeeb [\u06f1]"  # as drawn, left to right
    assert logical(visual) == "[1] هوای تهران"
    assert logical("Mines (2023) were cleared") == "Mines (2023) were cleared"


# The development corpus: real PDFs, kept outside the project -----------------------------------

# footnotes a reader can find: 011's note 1 is on a page that is only an image
_EXPECTED_NOTES = {"001": 3, "002": 3, "003": 1, "011": 7}


@pytest.mark.skipif(not (DEVCORPUS / "pdf").is_dir(), reason="../shared/devcorpus is absent")
def test_devcorpus_pdfs() -> None:
    files = sorted((DEVCORPUS / "pdf").glob("*.pdf"))
    raws = {path.name[:3]: read_file(path) for path in files}
    for key, raw in raws.items():
        doc = parse(raw)
        if key != "013":  # its notes are a bracketed reference list, the parser's part
            assert len(doc.footnotes) == _EXPECTED_NOTES.get(key, 0), key
        assert "Document" not in (doc.title or "") and "Case:" not in raw.text, key
        assert raw.hints.get("publisher") is None and "date" not in raw.hints, key
    assert raws["002"].hints["fallback_date"] == "2022-03-16"
    assert "March 16, 2022" in raws["002"].text
    assert "“Pending E of I _____.”[1] The form" in raws["002"].text
    assert raws["013"].hints["title"] == "مدیریتِ آلودگی هوای تهران"


def test_a_long_document_is_read_with_every_note() -> None:
    """Speed is measured by `make bench-parsing` (PDF pages per second), not here."""
    pdf = _report()
    for page in range(1, 121):
        pdf.add_page()
        pdf.set_xy(72, 80)
        _write(pdf, [f"Page {page} opens here. " + _prose(6 + page % 5), "A cited fact.", page, " " + _prose(4)])
        _note(pdf, 650, page, "Ibid., p. 4." if page % 2 else f"Ministry report {page}, p. 2.")
    data = bytes(pdf.output())
    raw = read_pdf(data)
    doc = parse(raw)
    assert [note.number for note in doc.footnotes] == list(range(1, 121))
    assert raw.text.startswith("Page 1 opens here.")


def test_many_pages_stay_within_the_character_cap() -> None:
    pdf = _report()
    for _page in range(5):
        pdf.add_page()
        pdf.set_xy(72, 80)
        _write(pdf, [SENTENCE * 10])
    raw = read_pdf(bytes(pdf.output()), max_chars=500)
    assert len(raw.text) <= 520


def test_output_in_the_genre_layout() -> None:
    raw = read_pdf(_footnoted())
    assert raw.format == "pdf" and raw.text.endswith("\n") and "\n\n\n" not in raw.text
    assert all(line == line.strip() for line in raw.text.splitlines())


def test_the_pinned_pypdf_gives_positioned_text() -> None:
    """A pypdf upgrade that moves the internals would silently lose markers: make it fail here instead."""
    from app.readers import pdf_lines

    assert pdf_lines.INTERNALS_IN_USE, f"pypdf {pdf_lines.pypdf.__version__} is not {pdf_lines.TESTED_PYPDF}x"
