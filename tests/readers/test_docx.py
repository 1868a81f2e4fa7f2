"""The DOCX reader on packages built in the test: headings, native notes, links, tables, review marks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.errors import ReadError
from app.model import RawDocument
from app.parsing import parse
from app.readers.docx import read_docx
from tests.readers.office_packages import SEPARATORS, docx, note, para, ref, run, zip_bytes

ReadAs = Callable[[str, bytes], RawDocument]


def _paragraphs(doc: RawDocument) -> list[str]:
    return doc.text.strip().split("\n\n")


def test_headings_from_style_names_outline_levels_and_inheritance() -> None:
    doc = read_docx(docx(
        para("Landmine Monitor 2013", style="Title")
        + para("Mine Ban Policy", style="Kop1")
        + para("The country has not acceded.")
        + para("Policy", style="Kop2")
        + para("Use and production", style="Section")
        + para("Stockpiling", style="SubSection")
        + '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr>' + run("Direct outline") + "</w:p>"
        + para("Not a heading", style="Normal")
    ))  # fmt: skip
    assert doc.format == "docx"
    assert doc.headings == [(1, "Landmine Monitor 2013"), (1, "Mine Ban Policy"), (2, "Policy"),
                            (3, "Use and production"), (3, "Stockpiling"), (2, "Direct outline")]  # fmt: skip
    assert _paragraphs(doc)[:3] == ["Landmine Monitor 2013", "Mine Ban Policy", "The country has not acceded."]
    assert doc.hints["title"] == "Landmine Monitor 2013"


def test_heading_style_ids_are_enough_without_a_styles_part() -> None:
    doc = read_docx(docx(para("Report", style="Title") + para("Findings", style="Heading2") + para("Body."),
                         styles=None))  # fmt: skip
    assert doc.headings == [(1, "Report"), (2, "Findings")]
    assert doc.hints["title"] == "Report"


def test_a_heading_style_on_a_long_paragraph_is_body_text() -> None:
    prose = "The Board presumes regularity in the conduct of governmental affairs. " * 6
    doc = read_docx(docx(para(prose, style="Kop1")))
    assert doc.headings == []
    assert "presumes regularity" in doc.text


def test_footnote_and_endnote_markers_stand_at_their_place_numbered_by_first_reference() -> None:
    body = (para("Nagorno-Karabakh is not a party.", ref("endnote", 1), " It has used mines.", ref("footnote", 2))
            + para("Stockpiles remain.", ref("footnote", 1)))  # fmt: skip
    footnotes = (
        SEPARATORS
        + note("footnote", 1, "Second footnote text.")
        + note("footnote", 2, "First footnote,", "continued in a paragraph.")
    )
    endnotes = ('<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
                + note("endnote", 1, "ICBL, press release, 20 September 2013."))  # fmt: skip
    doc = read_docx(docx(body, footnotes=footnotes, endnotes=endnotes))
    assert doc.text == (
        "Nagorno-Karabakh is not a party.[1] It has used mines.[2]\n\n"
        "Stockpiles remain.[3]\n\n"
        "[1] ICBL, press release, 20 September 2013.\n\n"
        "[2] First footnote, continued in a paragraph.\n\n"
        "[3] Second footnote text.\n"
    )


def test_separator_notes_and_unreferenced_notes_are_not_notes() -> None:
    footnotes = SEPARATORS + note("footnote", 1, "Kept.") + note("footnote", 7, "Never referenced.")
    doc = read_docx(docx(para("Text", ref("footnote", 1), ref("footnote", 0), ref("footnote", 99)),
                         footnotes=footnotes))  # fmt: skip
    assert doc.text == "Text[1]\n\n[1] Kept.\n"


def test_hyperlinks_in_body_and_notes_keep_their_url() -> None:
    body = para("See ", '<w:hyperlink r:id="rIdL1">' + run("the treaty") + "</w:hyperlink>", ".", ref("footnote", 1))
    body += para('<w:hyperlink w:anchor="top">' + run("Back to top") + "</w:hyperlink>")
    footnotes = SEPARATORS + note(
        "footnote", 1, '<w:hyperlink r:id="rIdN1">' + run("ICBL statement") + "</w:hyperlink>"
    )
    doc = read_docx(docx(body, footnotes=footnotes, links={"rIdL1": "https://www.apminebanconvention.org/"},
                         note_links={"rIdN1": "http://www.icbl.org/news/1"}))  # fmt: skip
    assert _paragraphs(doc) == ["See the treaty (https://www.apminebanconvention.org/).[1]", "Back to top",
                                "[1] ICBL statement (http://www.icbl.org/news/1)"]  # fmt: skip


def test_hyperlink_fields_and_other_field_codes() -> None:
    body = para(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://www.the-monitor.org/" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        run("the Monitor"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        " on page ",
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Ref1 \\h </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        run("4"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        '<w:fldSimple w:instr=" DATE "><w:r><w:t>1 May 2014</w:t></w:r></w:fldSimple>',
    )
    toc = para('<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>TOC \\o "1-3"</w:instrText>'
               '<w:fldChar w:fldCharType="separate"/></w:r>', "Mine Ban Policy\t3") + para(
        "Policy\t4", '<w:r><w:fldChar w:fldCharType="end"/></w:r>')  # fmt: skip
    doc = read_docx(docx(toc + body))
    assert _paragraphs(doc) == ["the Monitor (http://www.the-monitor.org/) on page 41 May 2014"]


def test_tables_are_rows_of_cells() -> None:
    cell = lambda *ps: "<w:tc><w:tcPr/>" + "".join(para(p) for p in ps) + "</w:tc>"  # noqa: E731
    table = ("<w:tbl><w:tblPr/><w:tblGrid/>"
             f"<w:tr>{cell('Country')}{cell('Mines destroyed')}</w:tr>"
             f"<w:tr>{cell('Angola')}{cell('1,200', 'in 2012')}</w:tr>"
             f"<w:tr>{cell('')}{cell('')}</w:tr>"
             '<w:tr><w:trPr><w:del w:id="9" w:author="x"/></w:trPr>' + cell("Deleted row") + "</w:tr>"
             "</w:tbl>")  # fmt: skip
    doc = read_docx(docx(para("Before.") + table + para("After.", ref("footnote", 1)),
                         footnotes=SEPARATORS + note("footnote", 1, "Source.")))  # fmt: skip
    assert _paragraphs(doc) == ["Before.", "Country | Mines destroyed\nAngola | 1,200 in 2012", "After.[1]",
                                "[1] Source."]  # fmt: skip


def test_tracked_changes_read_as_accepted_and_comments_left_out() -> None:
    body = para(
        run("The State "),
        '<w:del w:id="1" w:author="x"><w:r><w:delText>did not destroy</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="x">' + run("destroyed") + "</w:ins>",
        '<w:commentRangeStart w:id="5"/>',
        run(" its stockpile"),
        '<w:commentRangeEnd w:id="5"/>',
        '<w:r><w:commentReference w:id="5"/></w:r>',
        '<w:moveFrom w:id="3" w:author="x">' + run(" in 2010") + "</w:moveFrom>",
        '<w:moveTo w:id="4" w:author="x">' + run(" in 2011") + "</w:moveTo>",
        ".",
    )
    comments = '<w:comment w:id="5" w:author="x"><w:p>' + run("Check this figure") + "</w:p></w:comment>"
    doc = read_docx(docx(body, comments=comments))
    assert doc.text == "The State destroyed its stockpile in 2011.\n"


def test_tabs_breaks_symbols_hyphens_and_text_boxes_once() -> None:
    box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
           + para("Boxed headline") + "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>"
           '<v:textbox><w:txbxContent>' + para("Boxed headline") + "</w:txbxContent></v:textbox></w:pict>"
           "</mc:Fallback></mc:AlternateContent></w:r>")  # fmt: skip
    body = para("Name:", "<w:r><w:tab/></w:r>", "Smith", "<w:r><w:br/></w:r>", "Anti", "<w:r><w:noBreakHyphen/></w:r>",
                "personnel", '<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:font="Arial" w:char="00A7"/></w:r>',
                box)  # fmt: skip
    doc = read_docx(docx(body))
    assert doc.text == "Name: Smith\nAnti-personnel§\n\nBoxed headline\n"


def test_core_title_is_only_a_fallback_beneath_the_title_style() -> None:
    doc = read_docx(docx(para("DEPARTMENT OF THE NAVY") + para("Discharge Review Decision", style="Title")
                         + para("The Board met."), core_title="DEPARTMENT OF THE NAVY"))  # fmt: skip
    assert doc.hints == {"title": "Discharge Review Decision", "fallback_title": "DEPARTMENT OF THE NAVY",
                         "authors": ["A. Writer"]}  # fmt: skip
    assert read_docx(docx(para("Text."), core_title="Microsoft Word - draft7.doc")).hints == {"authors": ["A. Writer"]}


@pytest.mark.parametrize(("creator", "authors"), [("Jane Smith", ["Jane Smith"]), ("jsmith", []), ("CAP", []),
                                                  ("Windows User", []), ("user01 x", []), ("", [])])  # fmt: skip
def test_the_core_creator_is_an_author_only_when_it_reads_as_a_name(creator: str, authors: list[str]) -> None:
    assert read_docx(docx(para("Text."), core_title="Report", core_creator=creator)).hints.get("authors", []) == authors
    # the creation date is when the file was made, not when the document was issued: not a date hint
    assert "fallback_date" not in read_docx(docx(para("Text."), core_title="Mine Action Review")).hints


def test_main_part_is_found_through_the_package_relationships() -> None:
    doc = read_docx(docx(para("Moved body."), main="content/main.xml"))
    assert doc.text == "Moved body.\n"


@pytest.mark.parametrize("parts, reason", [
    ({"mimetype": "application/epub+zip", "OEBPS/content.opf": "<package/>"},
     "not a Word document: it is an EPUB e-book"),
    ({"xl/workbook.xml": "<workbook/>", "[Content_Types].xml": "<Types/>"},
     "not a Word document: it is an Excel workbook (.xlsx)"),
    ({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"},
     "not a Word document: it is an OpenDocument text (.odt)"),
    ({"readme.txt": "hello"}, "not a Word document: the zip holds no word/document.xml"),
])  # fmt: skip
def test_other_packages_renamed_docx_are_named(read_bytes_as: ReadAs, parts: dict, reason: str) -> None:
    with pytest.raises(ReadError) as caught:
        read_bytes_as("report.docx", zip_bytes(parts))
    assert str(caught.value) == reason


def test_a_workbook_in_the_main_part_is_refused() -> None:
    data = docx("", extra={"word/document.xml": b'<workbook xmlns="urn:x"/>'})
    with pytest.raises(ReadError) as caught:
        read_docx(data)
    assert str(caught.value) == "not a Word document: its main part is a <workbook>"


def test_parsed_through_the_genre_parser() -> None:
    body = (para("Nagorno-Karabakh", style="Title") + para("Last Updated: 28 November 2013")
            + para("Mine Ban Policy", style="Kop1")
            + para("Nagorno-Karabakh cannot accede to the Mine Ban Treaty.", ref("footnote", 1))
            + para("It said so again.", ref("footnote", 2)))  # fmt: skip
    footnotes = (
        SEPARATORS + note("footnote", 1, "Statement by the ministry, 20 September 2013.") + note("footnote", 2, "Ibid.")
    )
    parsed = parse(read_docx(docx(body, footnotes=footnotes)))
    assert parsed.title == "Nagorno-Karabakh"
    assert parsed.date == "2013-11-28"
    assert [m.number for m in parsed.markers] == [1, 2]
    assert [f.number for f in parsed.footnotes] == [1, 2]
    assert parsed.footnotes[1].ibid_of == 1
    assert [s.title for s in parsed.sections] == ["Mine Ban Policy"]
    assert parsed.text[parsed.markers[0].start : parsed.markers[0].end] == "[1]"
