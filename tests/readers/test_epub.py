"""EPUB 2 and 3 books: chapters in spine order, notes across the book, metadata, and hostile packages."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from app.errors import ReadError
from app.parsing import parse
from app.readers import epub_opf, package, read_file
from app.readers.epub import read_epub
from tests.readers.epub_packages import CONTAINER, Book, epub

FIXTURES = Path(__file__).parents[1] / "fixtures" / "epub"
PASSWD = '<!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


def _body(text: str) -> str:
    """The body paragraphs of a reader's text, the note list left off."""
    return "\n\n".join(p for p in text.strip().split("\n\n") if not p.startswith("[") or not p[1].isdigit())


def _notes(text: str) -> list[str]:
    return [p for p in text.strip().split("\n\n") if p[:1] == "[" and p[1:2].isdigit() and "] " in p[:7]]


# -- chapters and headings ------------------------------------------------------------


def test_chapters_are_read_in_spine_order_with_their_headings() -> None:
    data = epub(
        [
            ("a_conclusions.xhtml", "<h1>Conclusions</h1><p>Clearance must finish by 2028.</p>"),
            ("b_intro.xhtml", "<h1>Introduction</h1><p>Ruritania is contaminated.</p>"),
            ("c_survey.xhtml", "<section><h2>Survey</h2><p>Non-technical survey resumed.</p></section>"),
        ],
        spine=["b_intro.xhtml", "c_survey.xhtml", "a_conclusions.xhtml"],
    )
    doc = read_epub(data)
    assert doc.format == "epub"
    assert doc.text == (
        "Introduction\n\nRuritania is contaminated.\n\nSurvey\n\nNon-technical survey resumed.\n\n"
        "Conclusions\n\nClearance must finish by 2028.\n"
    )
    assert doc.headings == [(1, "Introduction"), (2, "Survey"), (1, "Conclusions")]


def test_a_chapter_without_heading_takes_its_table_of_contents_title() -> None:
    chapters = [
        ("one.xhtml", "<p>Mine Ban Policy</p><p>Ruritania acceded in 2002.</p>"),
        ("two.xhtml", "<p>Stockpiles were destroyed in 2006.</p>"),
    ]
    for version in (3, 2):
        toc = [("one.xhtml", "Mine Ban Policy"), ("two.xhtml#start", "Stockpile Destruction")]
        doc = read_epub(epub(chapters, version=version, toc=toc))
        assert doc.headings == [(1, "Mine Ban Policy"), (1, "Stockpile Destruction")], version
        assert doc.text.startswith("Mine Ban Policy\n\nRuritania acceded in 2002.\n\nStockpile Destruction\n\n")


def test_generated_or_paragraph_long_toc_titles_are_not_headings() -> None:
    long_title = "The Board reviewed the discharge and " + "found it proper " * 12
    chapters = [("s1.xhtml", "<p>Ex-Cpl, application received.</p>"), ("s2.xhtml", f"<p>{long_title}</p>")]
    doc = read_epub(epub(chapters, toc=[("s1.xhtml", "Section 1"), ("s2.xhtml", long_title)]))
    assert doc.headings == []
    assert doc.text.startswith("Ex-Cpl, application received.\n\nThe Board")


def test_the_navigation_document_is_not_read_as_a_chapter() -> None:
    data = epub([("c1.xhtml", "<h1>Policy</h1><p>Text.</p>")], toc=[("c1.xhtml", "Policy")], spine=["nav", "item0"])
    assert read_epub(data).text == "Policy\n\nText.\n"


def test_non_linear_items_are_read_after_the_linear_ones() -> None:
    data = epub(
        [("answers.xhtml", "<p>Auxiliary material.</p>"), ("main.xhtml", "<p>Main text.</p>")],
        non_linear={"answers.xhtml"},
    )
    assert read_epub(data).text == "Main text.\n\nAuxiliary material.\n"


def test_epub2_chapter_with_html_entities_and_xhtml_doctype() -> None:
    data = epub([("ch.html", "<p>Mine&nbsp;action &eacute;tude &mdash; 2023&#160;report</p>")], version=2)
    assert read_epub(data).text == "Mine action étude — 2023 report\n"


# -- notes --------------------------------------------------------------------------------


def test_epub3_noteref_to_aside_footnote_in_the_same_chapter() -> None:
    data = epub(
        [
            (
                "ch1.xhtml",
                """<h1>Use</h1>
        <p>No new use was recorded.<a epub:type="noteref" href="#fn1">1</a> Allegations persist.<a
        epub:type="noteref" href="#fn2">2</a></p>
        <aside epub:type="footnote" id="fn1"><p><a href="#ref1">1</a> Article 7 Report, Form A, 2023.</p></aside>
        <aside epub:type="footnote" id="fn2"><p>Interview with a deminer, Zenda, 4 May 2023. <a
        href="#r2">↩</a></p></aside>""",
            )
        ]
    )
    doc = read_epub(data)
    assert _body(doc.text) == "Use\n\nNo new use was recorded.[1] Allegations persist.[2]"
    assert _notes(doc.text) == [
        "[1] Article 7 Report, Form A, 2023.",
        "[2] Interview with a deminer, Zenda, 4 May 2023.",
    ]


def test_endnotes_in_a_separate_chapter_are_the_book_notes() -> None:
    data = epub(
        [
            ("ch1.xhtml", '<h1>Policy</h1><p>Ruritania signed.<a epub:type="noteref" href="notes.xhtml#en1">1</a></p>'),
            (
                "ch2.xhtml",
                '<h1>Clearance</h1><p>Work went on.<sup><a epub:type="noteref" href="notes.xhtml#en2">2</a></sup></p>',
            ),
            (
                "notes.xhtml",
                """<section epub:type="endnotes"><h1>Notes</h1><ol>
            <li epub:type="endnote" id="en1"><p>Treaty depositary notification, 2002. <a href="ch1.xhtml#r1"
            epub:type="backlink">↩</a></p></li>
            <li epub:type="endnote" id="en2"><p>ICBL, "Ruritania clears", press release, 20 September 2013.</p></li>
            </ol></section>""",
            ),
        ]
    )
    doc = read_epub(data)
    assert _body(doc.text) == "Policy\n\nRuritania signed.[1]\n\nClearance\n\nWork went on.[2]"
    assert _notes(doc.text) == [
        "[1] Treaty depositary notification, 2002.",
        '[2] ICBL, "Ruritania clears", press release, 20 September 2013.',
    ]
    assert "Notes" not in doc.text


def test_notes_restarting_in_each_chapter_are_numbered_in_one_sequence() -> None:
    def chapter(title: str, words: list[str]) -> str:
        refs = "".join(f'{w}<a epub:type="noteref" href="#n{i}">{i}</a> ' for i, w in enumerate(words, 1))
        notes = "".join(
            f'<aside epub:type="footnote" id="n{i}"><p>{title} source {i}.</p></aside>'
            for i in range(1, len(words) + 1)
        )
        return f"<h1>{title}</h1><p>{refs}</p>{notes}"

    data = epub(
        [("a.xhtml", chapter("Alpha", ["one", "two"])), ("b.xhtml", chapter("Beta", ["three", "four", "five"]))]
    )
    doc = read_epub(data)
    assert _body(doc.text) == "Alpha\n\none[1] two[2]\n\nBeta\n\nthree[3] four[4] five[5]"
    assert _notes(doc.text) == [
        "[1] Alpha source 1.",
        "[2] Alpha source 2.",
        "[3] Beta source 1.",
        "[4] Beta source 2.",
        "[5] Beta source 3.",
    ]


def test_epub2_converter_pattern_with_a_notes_chapter_and_number_backlinks() -> None:
    data = epub(
        [
            (
                "ch1.html",
                '<h2>Casualties</h2><p>Twelve casualties were recorded<a id="fnref1" href="notes.html#fn1">'
                '<sup>1</sup></a> in 2022, and nine<a id="fnref2" href="notes.html#fn2"><sup>2</sup></a> in 2023.</p>',
            ),
            (
                "notes.html",
                '<h2>Notes</h2><p id="fn1"><a href="ch1.html#fnref1">1</a> Landmine Monitor casualty '
                'database.</p><p id="fn2"><a href="ch1.html#fnref2">2</a> Email from the Mine Action '
                "Centre, 2 March 2024.</p>",
            ),
        ],
        version=2,
        toc=[("ch1.html", "Casualties"), ("notes.html", "Notes")],
    )
    doc = read_epub(data)
    assert _body(doc.text) == "Casualties\n\nTwelve casualties were recorded[1] in 2022, and nine[2] in 2023."
    assert _notes(doc.text) == [
        "[1] Landmine Monitor casualty database.",
        "[2] Email from the Mine Action Centre, 2 March 2024.",
    ]


def test_calibre_footnote_classes_across_split_files() -> None:
    data = epub(
        [
            (
                "index_split_000.html",
                '<p class="calibre1">Survey found 4 km².<a class="footnote-ref" '
                'href="index_split_002.html#footnote-3" id="ref-3"><sup>3</sup></a></p>',
            ),
            ("index_split_001.html", '<p class="calibre1">Release continued.</p>'),
            (
                "index_split_002.html",
                '<div class="footnote" id="footnote-3"><p><a class="footnote-back" '
                'href="index_split_000.html#ref-3">↑</a> Article 7 Report, Form C.</p></div>',
            ),
        ],
        version=2,
    )
    doc = read_epub(data)
    assert doc.text == "Survey found 4 km².[1]\n\nRelease continued.\n\n[1] Article 7 Report, Form C.\n"


def test_pandoc_and_dpub_aria_roles() -> None:
    data = epub(
        [
            (
                "ch001.xhtml",
                '<p>Claim<a href="ch002.xhtml#fn1" class="footnote-ref" id="fnref1" role="doc-noteref">'
                "<sup>1</sup></a>.</p>",
            ),
            (
                "ch002.xhtml",
                '<section id="footnotes" class="footnotes" role="doc-endnotes"><hr/><ol><li id="fn1" '
                'role="doc-endnote"><p>First source.<a href="ch001.xhtml#fnref1" class="footnote-back" '
                'role="doc-backlink">↩︎</a></p></li></ol></section>',
            ),
        ]
    )
    assert read_epub(data).text == "Claim[1].\n\n[1] First source.\n"


def test_indesign_plain_number_links_to_typed_footnotes() -> None:
    data = epub(
        [
            (
                "ch.xhtml",
                """<p class="Body">Mines were laid in 1994.<span id="footnote-000-backlink"><a
        class="_idFootnoteLink _idGenColorInherit" href="ch.xhtml#footnote-000">1</a></span> More text.</p>
        <aside class="_idFootnotes"><div class="_idFootnote" epub:type="footnote" id="footnote-000"><p
        class="Footnote"><span><a class="_idFootnoteAnchor _idGenColorInherit"
        href="ch.xhtml#footnote-000-backlink">1</a></span>\tHALO Trust survey, 1995.</p></div></aside>""",
            )
        ]
    )
    assert read_epub(data).text == "Mines were laid in 1994.[1] More text.\n\n[1] HALO Trust survey, 1995.\n"


def test_a_reference_to_a_missing_note_stays_a_marker() -> None:
    data = epub([("c.xhtml", '<p>Text<a epub:type="noteref" href="gone.xhtml#n9">9</a>.</p>')])
    doc = read_epub(data)
    assert doc.text == "Text[9].\n"  # with no notes in the book, nothing is renumbered
    assert parse(doc).missing_footnotes == [9]


def test_the_parser_sees_the_notes_as_footnotes() -> None:
    data = epub(
        [
            (
                "ch1.xhtml",
                "<h1>Nagorno-Karabakh</h1><p>Last Updated: 28 November 2013</p><h2>Mine Ban Policy</h2>"
                '<p>It cannot accede to the treaty.<a epub:type="noteref" href="notes.xhtml#n1">1</a> It '
                'made a statement.<a epub:type="noteref" href="notes.xhtml#n2">2</a></p>',
            ),
            (
                "notes.xhtml",
                '<aside epub:type="endnote" id="n1"><p>Letter from the Ministry of Foreign Affairs, 12 '
                'April 2013.</p></aside><aside epub:type="endnote" id="n2"><p>Ibid.</p></aside>',
            ),
        ]
    )
    parsed = parse(read_epub(data))
    assert parsed.title == "Ruritania: Mine Action Review"  # the book's declared title
    assert [(f.number, f.text) for f in parsed.footnotes] == [
        (1, "Letter from the Ministry of Foreign Affairs, 12 April 2013."),
        (2, "Ibid."),
    ]
    assert parsed.footnotes[1].ibid_of == 1
    assert [parsed.text[m.start : m.end] for m in parsed.markers] == ["[1]", "[2]"]
    assert not parsed.missing_footnotes and not parsed.unreferenced_footnotes
    assert "Mine Ban Policy" in [s.title for s in parsed.sections]


def test_a_book_saved_by_libreoffice() -> None:
    doc = read_file(FIXTURES / "ruritania_libreoffice.epub")
    assert doc.format == "epub"
    assert doc.hints["title"] == "Ruritania: Mine Action 2024"
    assert "reported 12 square kilometres of contaminated land at the end of 2023.[1] Survey" in doc.text
    assert _notes(doc.text) == [
        "[1] Article 7 Report (for calendar year 2023), Form D.",
        "[2] Email from Jan Novak, Director, Ruritanian Mine Action Centre, 3 May 2024.",
        "[3] Ibid.",
        "[4] Landmine Monitor casualty database, 2024.",  # an endnote labelled "i"
    ]
    parsed = parse(doc)
    assert parsed.date == "2024-11-28"
    assert [f.number for f in parsed.footnotes] == [1, 2, 3, 4]
    assert parsed.footnotes[2].ibid_of == 2


# -- metadata ---------------------------------------------------------------------------


def test_opf_metadata_becomes_hints() -> None:
    doc = read_epub(epub([("c.xhtml", "<p>Text.</p>")]))
    assert doc.hints == {
        "title": "Ruritania: Mine Action Review",
        "publisher": "International Campaign to Ban Landmines",
        "date": "2023-11-14",
        "authors": ["Landmine Monitor"],
        "language": "en",
    }


def test_epub2_dates_by_event_and_converter_placeholders() -> None:
    metadata = """<dc:title>Unknown</dc:title><dc:publisher>Unknown</dc:publisher>
        <dc:date opf:event="modification">2024-02-02</dc:date><dc:date opf:event="creation">2019-05-01</dc:date>
        <dc:subject>landmines</dc:subject><dc:subject>Ruritania</dc:subject>"""
    doc = read_epub(epub([("c.html", "<p>Text.</p>")], version=2, metadata=metadata))
    assert doc.hints == {"fallback_date": "2019-05-01", "tags": ["landmines", "Ruritania"]}
    calibre = "<dc:title>Report</dc:title><dc:date>0101-01-01T00:00:00+00:00</dc:date>"
    assert "date" not in read_epub(epub([("c.html", "<p>Text.</p>")], version=2, metadata=calibre)).hints


# -- protection and missing parts -----------------------------------------------------------

ENCRYPTION = """<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
 xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="{algorithm}"/>
 <enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData></encryption>"""


def test_a_book_with_encrypted_chapters_is_refused_in_one_line() -> None:
    encryption = ENCRYPTION.format(algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc", uri="OEBPS/c.xhtml")
    for extra in ({"META-INF/encryption.xml": encryption}, {"META-INF/rights.xml": "<rights/>"}):
        with pytest.raises(ReadError, match="protected e-book") as caught:
            read_epub(epub([("c.xhtml", "<p>Ciphertext.</p>")], extra=extra))
        assert "\n" not in str(caught.value)


def test_obfuscated_fonts_are_not_protection() -> None:
    encryption = ENCRYPTION.format(algorithm="http://www.idpf.org/2008/embedding", uri="OEBPS/fonts/Serif.otf")
    doc = read_epub(epub([("c.xhtml", "<p>Readable.</p>")], extra={"META-INF/encryption.xml": encryption}))
    assert doc.text == "Readable.\n"


def test_without_container_the_first_opf_is_read() -> None:
    assert read_epub(epub([("c.xhtml", "<p>Found.</p>")], container=None)).text == "Found.\n"


@pytest.mark.parametrize(
    ("book", "message"),
    [
        (
            Book([("c.xhtml", "<p>x</p>")], container=None, opf_name="OEBPS/content.xml"),
            "container.xml and the package",
        ),
        (
            Book([("c.xhtml", "<p>x</p>")], container=CONTAINER.replace("{opf}", "OEBPS/gone.opf"), opf_name="x/y.xml"),
            "named in META-INF/container.xml is missing",
        ),
        (Book([("c.xhtml", "<p>x</p>")], opf="<package><metadata>"), "not well-formed"),
    ],
)
def test_missing_or_broken_package_document_is_one_line(book: Book, message: str) -> None:
    with pytest.raises(ReadError, match=message) as caught:
        read_epub(book.build())
    assert "\n" not in str(caught.value)


def test_an_image_only_book_says_so() -> None:
    cover = '<div><img src="cover.jpg" alt="Cover"/></div>'
    data = epub(
        [("cover.xhtml", cover)],
        manifest_extra='<item id="img" href="cover.jpg" media-type="image/jpeg"/>',
        extra={"OEBPS/cover.jpg": b"\xff\xd8\xff\xe0 not really a jpeg"},
    )
    with pytest.raises(ReadError, match="only images"):
        read_epub(data)


def test_a_missing_chapter_is_reported_and_the_rest_is_read() -> None:
    data = epub(
        [("c.xhtml", "<p>Present.</p>")],
        manifest_extra='<item id="gone" href="gone.xhtml" media-type="application/xhtml+xml"/>',
        spine=["gone", "item0"],
    )
    doc = read_epub(data)
    assert doc.text == "Present.\n"
    assert any("gone.xhtml" in notice for notice in doc.notices)


# -- hostile packages ---------------------------------------------------------------------


def test_not_a_zip_is_one_line_through_read_file(tmp_path: Path) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(b"<html><body>I am not an e-book</body></html>")
    with pytest.raises(ReadError, match="not a zip") as caught:
        read_file(path)
    assert "\n" not in str(caught.value)


def test_read_file_reads_an_epub(tmp_path: Path) -> None:
    path = tmp_path / "report.epub"
    path.write_bytes(epub([("c.xhtml", "<p>Through the dispatcher.</p>")]))
    assert read_file(path).text == "Through the dispatcher.\n"


def _bomb() -> bytes:
    """A chapter of 8 MB of spaces that compresses to a few kilobytes."""
    body = "<p>Bomb</p>" + " " * (8 * 1024 * 1024)
    return epub([("bomb.xhtml", body), ("ok.xhtml", "<p>Still read.</p>")])


def test_a_zip_bomb_chapter_stops_at_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_TOTAL_BYTES", 1024 * 1024)
    data = _bomb()
    assert len(data) < 100_000
    with pytest.raises(ReadError, match="too large"):
        read_epub(epub([("bomb.xhtml", "<p>x</p>" + " " * (8 * 1024 * 1024))]))
    doc = read_epub(data)
    assert doc.text == "Still read.\n"
    assert any("bomb.xhtml" in notice and "too large" in notice for notice in doc.notices)


@pytest.mark.parametrize("where", ["container", "opf"])
def test_external_entities_in_package_parts_are_refused(where: str) -> None:
    container = CONTAINER.replace('<?xml version="1.0" encoding="UTF-8"?>', f'<?xml version="1.0"?>{PASSWD}')
    container = container.replace("<rootfiles>", "<rootfiles>&x;")
    book = Book([("c.xhtml", "<p>x</p>")])
    if where == "container":
        book.container = container
    else:
        book.opf = (
            f'<?xml version="1.0"?>{PASSWD.replace(" c ", " package ")}<package><metadata><title>&x;</title>'
            "</metadata></package>"
        )
    with pytest.raises(ReadError, match="declares XML entities") as caught:
        read_epub(book.build())
    assert "root:" not in str(caught.value) and "\n" not in str(caught.value)


def test_entities_declared_in_a_chapter_are_not_expanded() -> None:
    chapter = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y "boom">]>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Before &x; &y; after.</p></body></html>'
    )
    doc = read_epub(epub([("c.xhtml", chapter)], raw_chapters=True))
    assert "root:" not in doc.text and "boom" not in doc.text
    assert doc.text.startswith("Before")


def test_hrefs_escaping_the_package_are_never_followed() -> None:
    manifest = '<item id="evil" href="../../../../etc/passwd" media-type="application/xhtml+xml"/>'
    chapter = '<p>See <a href="../../../etc/passwd#root">this</a><a epub:type="noteref" href="/etc/passwd#x">1</a>.</p>'
    data = epub([("c.xhtml", chapter)], manifest_extra=manifest, spine=["evil", "item0"], container=CONTAINER)
    doc = read_epub(data)
    assert "root:" not in doc.text
    assert doc.text == "See this[1].\n"
    escaping = Book([("c.xhtml", "<p>x</p>")], container=CONTAINER.replace("{opf}", "../../etc/passwd"))
    assert read_epub(escaping.build()).text == "x\n"  # falls back to the package's own OPF


def test_an_oversized_package_document_is_refused() -> None:
    with pytest.raises(ReadError, match="too large"):
        read_epub(epub([("c.xhtml", "<p>x</p>")], metadata=" " * (9 * 1024 * 1024)))


def test_thousands_of_spine_items_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(epub_opf, "MAX_CHAPTERS", 40)
    chapters = [(f"c{n:04}.xhtml", f"<p>Chapter {n}.</p>") for n in range(3000)]
    doc = read_epub(epub(chapters))
    assert doc.text.count("Chapter") == 40
    assert any("40 of 3,000 chapters" in notice for notice in doc.notices)


def test_one_chapter_listed_thousands_of_times_is_read_once() -> None:
    data = epub([("c.xhtml", "<p>Once.</p>")], spine=["item0"] * 5000)
    assert read_epub(data).text == "Once.\n"


def test_a_chapter_far_over_the_text_limit_is_cut_with_a_notice() -> None:
    long_paragraphs = "".join(f"<p>Paragraph {n} about clearance in the north.</p>" for n in range(2000))
    first = f'<p>Opening<a epub:type="noteref" href="#n1">1</a>.</p>{long_paragraphs}'
    first += '<aside epub:type="footnote" id="n1"><p>The kept note.</p></aside>'
    data = epub([("big.xhtml", first), ("later.xhtml", "<p>Never read.</p>")])
    doc = read_epub(data, max_chars=5_000)
    assert len(doc.text) <= 5_000
    assert doc.text.startswith("Opening[1].\n\nParagraph 0 about")
    assert doc.text.endswith("[1] The kept note.\n")
    assert "Never read" not in doc.text
    assert len(doc.notices) == 1 and "limit" in doc.notices[0]


def test_a_single_paragraph_over_the_limit_is_cut_at_a_word() -> None:
    doc = read_epub(epub([("c.xhtml", "<p>" + "word " * 5000 + "</p>")]), max_chars=1000)
    assert 500 < len(doc.text) <= 1001
    assert doc.notices


def test_a_page_with_a_huge_tree_is_read_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.readers import epub as epub_reader

    monkeypatch.setattr(epub_reader, "MAX_BOOK_TAGS", 50)
    spans = "".join(f"<span>w{n}</span> " for n in range(100))
    doc = read_epub(epub([("small.xhtml", "<p>Small.</p>"), ("big.xhtml", f"<p>{spans}</p>")]))
    assert doc.text.startswith("Small.\n\nw0 w1")
    assert any("plain text" in notice for notice in doc.notices)


def test_a_chapter_of_countless_paragraphs_costs_a_bounded_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read as plain text, its paragraphs share tags past MAX_FLAT_PARAGRAPHS: the words all stay, in order."""
    from app.readers import epub as epub_reader

    monkeypatch.setattr(epub_reader, "MAX_BOOK_TAGS", 50)
    monkeypatch.setattr(epub_reader, "MAX_FLAT_PARAGRAPHS", 10)
    merger_tags: list[int] = []
    load = epub_reader._Merger.load

    def counted(self: epub_reader._Merger) -> None:
        load(self)
        merger_tags.append(len(self.soup.find_all("p")))

    monkeypatch.setattr(epub_reader._Merger, "load", counted)
    doc = read_epub(epub([("big.xhtml", "".join(f"<p>w{n}</p>" for n in range(5_000)))]))
    words = doc.text.split()
    assert words[:3] == ["w0", "w1", "w2"] and words[-1] == "w4999" and len(words) == 5_000
    assert merger_tags == [1_000]  # at least a thousand tags for a chapter, however small the budgets
    assert any("plain text" in notice for notice in doc.notices)


def test_a_huge_run_of_blanks_does_not_fill_the_text_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A chapter too big for a tree is streamed; blanks count once, so the words after them are kept."""
    from app.readers import epub as epub_reader

    monkeypatch.setattr(epub_reader, "MAX_TREE_CHAPTER", 1_000)
    doc = read_epub(epub([("c.xhtml", "<p>start" + " " * 50_000 + "end</p>")]), max_chars=5_000)
    assert doc.text == "start end\n"


def test_zip_with_an_encrypted_entry_is_one_line() -> None:
    data = bytearray(epub([("c.xhtml", "<p>x</p>")]))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        offset = archive.getinfo("OEBPS/c.xhtml").header_offset
    data[offset + 6] |= 1  # the local header's "encrypted" flag
    name = b"OEBPS/c.xhtml"
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:  # the central directory entry of that file
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 8] |= 1
    with pytest.raises(ReadError) as caught:
        read_epub(bytes(data))
    assert "encrypted" in str(caught.value) and "\n" not in str(caught.value)


def test_endnotes_grouped_by_chapter_with_restarting_numbers() -> None:
    def chapter(number: int) -> str:
        refs = " ".join(
            f'w{i}<a epub:type="noteref" id="r{number}-{i}" href="notes.xhtml#c{number}-n{i}">{i}</a>' for i in (1, 2)
        )
        return f"<h1>Chapter {number}</h1><p>{refs}</p>"

    groups = "".join(
        f"<h2>Chapter {c}</h2>"
        + "".join(
            f'<p id="c{c}-n{i}"><a href="ch{c}.xhtml#r{c}-{i}">{i}</a>. Note {i} of chapter {c}.</p>' for i in (1, 2)
        )
        for c in (1, 2)
    )
    data = epub(
        [
            ("ch1.xhtml", chapter(1)),
            ("ch2.xhtml", chapter(2)),
            ("notes.xhtml", f"<h1>Notes</h1>{groups}"),
            ("part.xhtml", "<h1>Part Two</h1>"),
        ]
    )
    doc = read_epub(data)
    assert _body(doc.text) == "Chapter 1\n\nw1[1] w2[2]\n\nChapter 2\n\nw1[3] w2[4]\n\nPart Two"
    assert _notes(doc.text) == [
        "[1] Note 1 of chapter 1.",
        "[2] Note 2 of chapter 1.",
        "[3] Note 1 of chapter 2.",
        "[4] Note 2 of chapter 2.",
    ]


def test_calibre_docx_conversion_notes_in_a_definition_list() -> None:
    data = epub(
        [
            (
                "index.html",
                '<p>Text<sup><a href="#note_1" id="back_note_1" title="1">1</a></sup> more.</p>'
                '<dl id="footnotes"><dt>[<a href="#back_note_1" title="1">←1</a>]</dt><dd id="note_1"><p>First '
                "note text.</p></dd></dl>",
            )
        ],
        version=2,
    )
    assert read_epub(data).text == "Text[1] more.\n\n[1] First note text.\n"


def test_sigil_text_folder_and_gutenberg_anchors() -> None:
    sigil = epub(
        [
            ("Text/ch01.xhtml", '<p>Body<a href="../Text/notes.xhtml#note1" id="ref1"><sup>[1]</sup></a> text.</p>'),
            ("Text/notes.xhtml", '<p id="note1"><a href="../Text/ch01.xhtml#ref1">[1]</a> A note, <i>Report</i>.</p>'),
        ],
        version=2,
    )
    assert read_epub(sigil).text == "Body[1] text.\n\n[1] A note, Report.\n"
    gutenberg = epub(
        [
            (
                "g.html",
                '<p>Old text<a href="#Footnote_1_1" class="fnanchor">[1]</a> here.</p><div class="footnote"><p><a '
                'id="Footnote_1_1"></a><a href="#FNanchor_1_1"><span class="label">[1]</span></a> The note.</p></div>',
            )
        ],
        version=2,
    )
    assert read_epub(gutenberg).text == "Old text[1] here.\n\n[1] The note.\n"
