"""The ODT reader on packages built in the test: outline headings, text:note, links, tables, review marks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.errors import ReadError
from app.model import RawDocument
from app.parsing import parse
from app.readers.odt import read_odt
from tests.readers.office_packages import odt, odt_content, zip_bytes

ReadAs = Callable[[str, bytes], RawDocument]


def _note(note_id: str, text: str, note_class: str = "footnote") -> str:
    return (f'<text:note text:id="{note_id}" text:note-class="{note_class}"><text:note-citation>9</text:note-citation>'
            f"<text:note-body>{text}</text:note-body></text:note>")  # fmt: skip


def test_headings_paragraphs_lists_and_title_style() -> None:
    doc = read_odt(odt(
        '<text:p text:style-name="P1">Landmine Monitor 2013</text:p>'
        '<text:h text:outline-level="1">Mine Ban Policy</text:h>'
        "<text:p>The country has not acceded.</text:p>"
        '<text:h text:outline-level="2">Policy</text:h>'
        "<text:h>Unnumbered</text:h>"
        "<text:list><text:list-item><text:p>First item</text:p></text:list-item>"
        "<text:list-item><text:list><text:list-item><text:p>Nested item</text:p></text:list-item></text:list>"
        "</text:list-item></text:list>",
        automatic_styles='<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>',
    ))  # fmt: skip
    assert doc.format == "odt"
    assert doc.headings == [(1, "Landmine Monitor 2013"), (1, "Mine Ban Policy"), (2, "Policy"), (1, "Unnumbered")]
    assert doc.hints["title"] == "Landmine Monitor 2013"
    assert doc.text.split("\n\n")[-2:] == ["First item", "Nested item\n"]


def test_notes_stand_at_their_place_in_one_sequence() -> None:
    doc = read_odt(odt(
        "<text:p>Armenia is not a party." + _note("ftn1", "<text:p>ICBL, 20 September 2013.</text:p>")
        + " It has mines." + _note("edn1", "<text:p>An endnote,</text:p><text:p>in two paragraphs.</text:p>",
                                   "endnote")
        + "</text:p><text:p>Stocks remain." + _note("ftn2", "<text:p>Ibid.</text:p>") + "</text:p>"
    ))  # fmt: skip
    assert doc.text == (
        "Armenia is not a party.[1] It has mines.[2]\n\nStocks remain.[3]\n\n"
        "[1] ICBL, 20 September 2013.\n\n[2] An endnote, in two paragraphs.\n\n[3] Ibid.\n"
    )


def test_spans_links_spaces_tabs_and_line_breaks() -> None:
    doc = read_odt(odt(
        '<text:p>See <text:span text:style-name="T1">the</text:span> '
        '<text:a xlink:type="simple" xlink:href="https://www.icbl.org/">campaign</text:a>'
        "<text:s/>and<text:s text:c=\"3\"/>its<text:tab/>report<text:line-break/>second line"
        + _note("n1", '<text:p><text:a xlink:href="http://www.the-monitor.org/cp/arm">Monitor profile</text:a></text:p>')
        + "</text:p>"
    ))  # fmt: skip
    assert doc.text == ("See the campaign (https://www.icbl.org/) and its report\nsecond line[1]\n\n"
                        "[1] Monitor profile (http://www.the-monitor.org/cp/arm)\n")  # fmt: skip


def test_tables_tracked_changes_comments_and_page_breaks() -> None:
    doc = read_odt(odt(
        "<text:tracked-changes><text:changed-region text:id=\"ct1\"><text:deletion>"
        "<text:p>deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        '<text:p>The State <text:change text:change-id="ct1"/>destroyed<office:annotation><dc:creator>x</dc:creator>'
        "<text:p>Check this figure</text:p></office:annotation> its<text:soft-page-break/> stockpile.</text:p>"
        "<table:table><table:table-column/><table:table-header-rows><table:table-row>"
        "<table:table-cell><text:p>Country</text:p></table:table-cell>"
        "<table:table-cell><text:p>Mines</text:p></table:table-cell></table:table-row></table:table-header-rows>"
        "<table:table-row><table:table-cell><text:p>Angola</text:p></table:table-cell>"
        "<table:table-cell><text:p>1,200</text:p><text:p>in 2012</text:p></table:table-cell>"
        "<table:covered-table-cell/></table:table-row></table:table>"
    ))  # fmt: skip
    assert doc.text == "The State destroyed its stockpile.\n\nCountry | Mines\nAngola | 1,200 in 2012\n"


def test_frames_are_read_after_their_paragraph_and_image_titles_left_out() -> None:
    doc = read_odt(odt(
        '<text:p>Body<draw:frame><draw:image xlink:href="Pictures/a.png"/><svg:title>logo</svg:title></draw:frame>'
        "<draw:frame><draw:text-box><text:p>Boxed headline</text:p></draw:text-box></draw:frame></text:p>"
        "<text:table-of-content><text:index-body><text:p>Mine Ban Policy 3</text:p></text:index-body>"
        "</text:table-of-content>"
        '<draw:frame text:anchor-type="page"><draw:text-box><text:p>Page frame</text:p></draw:text-box></draw:frame>'
    ))  # fmt: skip
    assert doc.text == "Body\n\nBoxed headline\n\nPage frame\n"


def test_meta_title_is_only_a_fallback_and_dates_are_not_hints() -> None:
    doc = read_odt(odt("<text:p>Mine action in 2013</text:p>", meta_title="Country profile: Armenia"))
    assert doc.hints == {"fallback_title": "Country profile: Armenia"}
    assert read_odt(odt("<text:p>x y z</text:p>", meta_title="Untitled 1")).hints == {}


def test_flat_odt(read_bytes_as: ReadAs) -> None:
    flat = odt_content('<text:h text:outline-level="1">Policy</text:h><text:p>Flat text.</text:p>')
    flat = flat.replace("office:document-content", "office:document")
    doc = read_bytes_as("report.fodt", flat.encode())
    assert (doc.format, doc.headings, doc.text) == ("odt", [(1, "Policy")], "Policy\n\nFlat text.\n")


@pytest.mark.parametrize("data, reason", [
    (odt("<text:p>x</text:p>", mimetype="application/epub+zip"), "not an OpenDocument text: it is an EPUB e-book"),
    (odt("<text:p>x</text:p>", mimetype="application/vnd.oasis.opendocument.spreadsheet"),
     "not an OpenDocument text: it is an OpenDocument spreadsheet (.ods)"),
    (zip_bytes({"word/document.xml": "<w/>"}), "not an OpenDocument text: it is a Word document (.docx)"),
    (zip_bytes({"content.xml": "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:"
                               "office:1.0\"><office:body><office:spreadsheet/></office:body>"
                               "</office:document-content>"}),
     "not an OpenDocument text: it holds no text body (a spreadsheet or a drawing?)"),
])  # fmt: skip
def test_other_packages_renamed_odt_are_named(read_bytes_as: ReadAs, data: bytes, reason: str) -> None:
    with pytest.raises(ReadError) as caught:
        read_bytes_as("report.odt", data)
    assert str(caught.value) == reason


def test_parsed_through_the_genre_parser() -> None:
    body = ('<text:p text:style-name="Title">Nagorno-Karabakh</text:p><text:p>Last Updated: 28 November 2013</text:p>'
            '<text:h text:outline-level="1">Mine Ban Policy</text:h>'
            "<text:p>Nagorno-Karabakh cannot accede to the Mine Ban Treaty."
            + _note("n1", "<text:p>Statement by the ministry, 20 September 2013.</text:p>") + "</text:p>"
            + "<text:p>It said so again." + _note("n2", "<text:p>Ibid.</text:p>") + "</text:p>")  # fmt: skip
    parsed = parse(read_odt(odt(body)))
    assert (parsed.title, parsed.date) == ("Nagorno-Karabakh", "2013-11-28")
    assert [m.number for m in parsed.markers] == [1, 2]
    assert parsed.footnotes[1].ibid_of == 1
    assert [s.title for s in parsed.sections] == ["Mine Ban Policy"]
