"""HTML: visible text only, headings, hints, and the many ways pages write footnotes."""

from __future__ import annotations

from app.readers.html import read_html


def _text(markup: str) -> str:
    return read_html(markup.encode()).text


def test_invisible_and_interactive_content_dropped() -> None:
    doc = read_html(b"""<html><head><title>Mines</title><style>p{color:red}</style>
        <script>var secret = 'script text';</script></head><body>
        <nav><a href="/">Home</a></nav><noscript>enable js</noscript>
        <form><label>Search</label><input value="q"><p>form text</p></form>
        <template><p>template text</p></template><iframe src="x"></iframe>
        <p>Visible paragraph.</p><div hidden>hidden text</div><p style="display: none">gone</p>
        <svg><text>svg text</text></svg></body></html>""")
    assert doc.text == "Visible paragraph.\n"


def test_headings_blocks_lists_and_breaks() -> None:
    doc = read_html(b"""<body><h1>Azerbaijan</h1><p>Last updated: 28 September 2022</p>
        <h2>Mine <em>Ban</em> Policy</h2><div>Text one<br>line two</div>
        <ul><li>first</li><li>second <b>bold</b></li></ul><table><tr><th>Year</th><th>Mines</th></tr>
        <tr><td>2020</td><td>92,000</td></tr></table></body>""")
    assert doc.headings == [(1, "Azerbaijan"), (2, "Mine Ban Policy")]
    assert doc.text == (
        "Azerbaijan\n\nLast updated: 28 September 2022\n\nMine Ban Policy\n\nText one\nline two\n\n"
        "first\nsecond bold\n\nYear | Mines\n2020 | 92,000\n"
    )


def test_title_and_meta_hints() -> None:
    doc = read_html(b"""<html><head><title>Press release on mines | Ministry of Foreign Affairs</title>
        <meta property="og:site_name" content="Ministry of Foreign Affairs">
        <meta name="article:published_time" content="2022-10-25T09:00:00+04:00">
        <meta name="keywords" content="landmines, Lachin"></head><body><p>x</p></body></html>""")
    assert doc.hints == {
        "title": "Press release on mines",
        "date": "2022-10-25",
        "publisher": "Ministry of Foreign Affairs",
        "tags": ["landmines", "Lachin"],
    }


def test_author_is_not_a_publisher_and_dc_date_is_read() -> None:
    doc = read_html(b'<head><meta name="author" content="HALO Trust"><meta name="dc.date" content="2021">'
                    b'<meta name="description" content="About mines."></head><p>x</p>')
    assert doc.hints == {"date": "2021", "description": "About mines.", "authors": ["HALO Trust"]}


def test_sup_linked_footnotes_with_ol_footnotes() -> None:
    text = _text("""<p>Mines were laid.<sup id="r1"><a href="#fn1">1</a></sup> Maps handed over.<sup>
        <a href="#fn2">2</a></sup></p><ol class="footnotes"><li id="fn1">Asbarez, 26 July 2013,
        <a href="https://asbarez.com/112014/">asbarez.com/112014/</a>. <a href="#r1">↩</a></li>
        <li id="fn2">“Mine maps,” <a href="https://eurasianet.org/maps">Eurasianet</a>, 12 June 2021.</li></ol>""")
    assert text == (
        "Mines were laid.[1] Maps handed over.[2]\n\n"
        "[1] Asbarez, 26 July 2013, https://asbarez.com/112014/.\n\n"
        "[2] “Mine maps,” Eurasianet, 12 June 2021. https://eurasianet.org/maps\n"
    )


def test_pandoc_section_footnotes_with_backlinks() -> None:
    text = _text("""<p>Text<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>
        <section id="footnotes" class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1"><p>Ibid.
        <a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>""")
    assert text == "Text[1]\n\n[1] Ibid.\n"


def test_bracketed_anchor_references_and_div_footnotes() -> None:
    text = _text("""<p>One<a href="#n1">[1]</a> two<a href="#n3">[3]</a> missing<a href="#n2">[2]</a></p>
        <h3>Notes</h3><div id="footnotes"><p id="n1">[1] First.</p><p id="n3">[3] Third.</p></div>""")
    assert text == "One[1] two[3] missing[2]\n\n[1] First.\n\n[3] Third.\n"


def test_paragraph_notes_by_id() -> None:
    text = _text('<p>Body<sup><a href="#fn4">4</a></sup>.</p><hr><p id="fn4">4. Fourth note '
                 '<a href="#fnref4">^</a></p>')
    assert text == "Body[4].\n\n[4] Fourth note\n"


def test_wikipedia_references() -> None:
    text = _text("""<p>Casualties rose.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup>
        <sup id="cite_ref-halo_2-0" class="reference"><a href="#cite_note-halo-2">[2]</a></sup></p>
        <h2>References</h2><div class="reflist"><ol class="references">
        <li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span>
        <span class="reference-text">"Nagorno Karabakh". HALO Trust.</span></li>
        <li id="cite_note-halo-2"><span class="mw-cite-backlink">^ <a href="#cite_ref-halo_2-0"><sup>a</sup></a>
        <a href="#cite_ref-halo_2-1"><sup>b</sup></a></span> <span class="reference-text">Second.</span></li>
        </ol></div>""")
    assert text == 'Casualties rose.[1] [2]\n\n[1] "Nagorno Karabakh". HALO Trust.\n\n[2] Second.\n'


def test_word_export_footnotes() -> None:
    text = _text("""<p class=MsoNormal>Body<a href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>[1]
        </span></a> more.</p><div style='mso-element:footnote-list'><hr><div id=ftn1><p class=MsoFootnoteText>
        <a href="#_ftnref1" name="_ftn1">[1]</a> Statement of Azerbaijan, Geneva, 13 June 2005.</p></div></div>""")
    assert text == "Body[1] more.\n\n[1] Statement of Azerbaijan, Geneva, 13 June 2005.\n"


def test_python_markdown_named_footnote() -> None:
    text = _text('<p>Text<sup id="fnref:x"><a class="footnote-ref" href="#fn:x">1</a></sup>.</p>'
                 '<div class="footnote"><hr><ol><li id="fn:x"><p>The note.&#160;'
                 '<a class="footnote-backref" href="#fnref:x">&#8617;</a></p></li></ol></div>')
    assert text == "Text[1].\n\n[1] The note.\n"


def test_bare_superscripts_and_area_units() -> None:
    text = _text("<p>Cleared 1,200 m<sup>2</sup> in 2021.<sup>5</sup> Also<sup>6, 7</sup> and 3 km<sup>2</sup>.</p>")
    assert text == "Cleared 1,200 m² in 2021.[5] Also[6][7] and 3 km².\n"


def test_ordinal_superscripts_are_text() -> None:
    assert _text("<p>the 19<sup>th</sup> meeting</p>") == "the 19th meeting\n"


def test_content_header_kept_link_farm_footer_dropped() -> None:
    text = _text("""<body><header><a href="/">Home</a> <a href="/news">News</a></header><article><header>
        <h1>Title</h1><p>20 September 2013</p></header><p>Body.</p></article>
        <footer><p>All rights reserved.</p></footer></body>""")
    assert text == "Title\n\n20 September 2013\n\nBody.\n\nAll rights reserved.\n"


def test_meta_charset_windows_1252() -> None:
    data = '<html><head><meta charset="windows-1252"></head><body><p>“Café” – mines</p></body></html>'
    assert read_html(data.encode("cp1252")).text == "“Café” – mines\n"


def test_declared_latin1_is_read_as_cp1252() -> None:
    data = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>“quoted”</p>'
    assert read_html(data.encode("cp1252")).text == "“quoted”\n"


def test_wrong_utf8_declaration_falls_back() -> None:
    data = '<meta charset="utf-8"><p>d\xe9minage</p>'.encode("latin-1")
    assert read_html(data).text == "déminage\n"


def test_utf16_html_with_bom() -> None:
    data = "<html><body><p>Déminage</p></body></html>".encode("utf-16")
    assert read_html(data).text == "Déminage\n"


def test_broken_html_does_not_crash() -> None:
    text = _text("<p>broken <b>unclosed <i>tags </p></div></div><<<>>> &amp; &bogus; text<sup>")
    assert "broken unclosed tags" in text and "&" in text


def test_deeply_nested_html_does_not_crash() -> None:
    depth = 10_000
    markup = "<html><body><p>start</p>" + "<div>" * depth + "deep<sup>1</sup>" + "</div>" * depth + "<p>end</p>"
    text = _text(markup)
    assert text == "start\n\ndeep[1]\n\nend\n"


def test_deeply_nested_unclosed_inline_tags() -> None:
    text = _text("<body>" + "<span><b>" * 10_000 + "deep text")
    assert "deep text" in text


def test_streamed_reading_keeps_paragraphs_markers_and_title() -> None:
    from app.readers.html_flat import stream_text

    markup = "<head><title> The  page </title></head><script>x</script><p>One<sup>1</sup></p><p>Two &amp; three</p>"
    assert stream_text(markup, 1000) == ("One[1]\n\nTwo & three", "The page", False)


def test_streamed_reading_stops_at_its_limit() -> None:
    from app.readers.html_flat import stream_text

    text, _, cut = stream_text("".join(f"<p>paragraph {n}</p>" for n in range(200_000)), 5_000)
    assert cut
    assert text.startswith("paragraph 0\n\nparagraph 1\n\n") and len(text) <= 5_100
    assert "paragraph 199999" not in text
