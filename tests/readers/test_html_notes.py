"""HTML notes as the web writes them: one small hand-written page per producer's convention."""

from __future__ import annotations

from app.readers.html import read_html


def _text(markup: str) -> str:
    return read_html(markup.encode()).text


def test_pandoc_html5_noteref_and_endnotes() -> None:
    text = _text("""<p>Claim<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>
        and more<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a>.</p>
        <section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr><ol>
        <li id="fn1"><p>First, <a href="https://example.org/a">the report</a>.<a href="#fnref1" class="footnote-back"
        role="doc-backlink">↩︎</a></p></li><li id="fn2"><p>Ibid.<a href="#fnref2" class="footnote-back"
        role="doc-backlink">↩︎</a></p></li></ol></section>""")
    assert text == "Claim[1] and more[2].\n\n[1] First, the report. https://example.org/a\n\n[2] Ibid.\n"


def test_old_pandoc_footnote_ref_class() -> None:
    text = _text('<p>Text<sup><a href="#fn1" class="footnoteRef" id="fnref1">1</a></sup></p><div class="footnotes">'
                 '<hr><ol><li id="fn1"><p>Note.<a href="#fnref1">↩</a></p></li></ol></div>')
    assert text == "Text[1]\n\n[1] Note.\n"


def test_markdown_it_repeated_reference_shows_one_note() -> None:
    text = _text("""<p>A<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup> B<sup class="footnote-ref">
        <a href="#fn1" id="fnref1:1">[1:1]</a></sup> C<sup class="footnote-ref"><a href="#fn2" id="fnref2">[2]</a></sup></p>
        <hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list">
        <li id="fn1" class="footnote-item"><p>One. <a href="#fnref1" class="footnote-backref">↩︎</a>
        <a href="#fnref1:1" class="footnote-backref">↩︎</a></p></li>
        <li id="fn2" class="footnote-item"><p>Two. <a href="#fnref2" class="footnote-backref">↩︎</a></p></li>
        </ol></section>""")
    assert text == "A[1] B[1] C[2]\n\n[1] One.\n\n[2] Two.\n"


def test_kramdown_named_labels_use_the_displayed_number() -> None:
    text = _text("""<p>Text<sup id="fnref:src" role="doc-noteref"><a href="#fn:src" class="footnote" rel="footnote">1</a>
        </sup>.</p><div class="footnotes" role="doc-endnotes"><ol><li id="fn:src" role="doc-endnote"><p>Named.
        <a href="#fnref:src" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li></ol></div>""")
    assert text == "Text[1].\n\n[1] Named.\n"


def test_epub_noteref_footnote_and_endnote_asides() -> None:
    text = _text("""<p>Chapter<a epub:type="noteref" href="#n22">22</a> text<a epub:type="noteref" href="#n23">23</a>.</p>
        <aside epub:type="footnote" id="n22"><p>22 Sometimes known as the first.</p></aside>
        <aside epub:type="endnote" id="n23"><p><a href="#r23">23</a>Glued to its number.</p></aside>""")
    assert text == "Chapter[22] text[23].\n\n[22] Sometimes known as the first.\n\n[23] Glued to its number.\n"


def test_epub_endnotes_section() -> None:
    text = _text('<p>Body<a epub:type="noteref" href="#en1">1</a>.</p><section epub:type="endnotes"><ol>'
                 '<li epub:type="endnote" id="en1"><p>Endnote one.</p></li></ol></section>')
    assert text == "Body[1].\n\n[1] Endnote one.\n"


def test_word_footnotes_with_conditional_comments_and_endnotes() -> None:
    text = _text("""<p class=MsoNormal>Body<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title="">
        <span class=MsoFootnoteReference><![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span>
        <![endif]></span></a> end. Endnote<a href="#_edn1" name="_ednref1"><span class=MsoEndnoteReference>[i]</span>
        </a>.</p><div style='mso-element:footnote-list'><hr><div style='mso-element:footnote' id=ftn1>
        <p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1"><span class=MsoFootnoteReference>[1]</span></a>
        Note one.</p><p class=MsoFootnoteText>Its second paragraph.</p></div></div>
        <div style='mso-element:endnote-list'><div id=edn1><p class=MsoEndnoteText><a href="#_ednref1" name="_edn1">
        <span class=MsoEndnoteReference>[i]</span></a> Endnote text.</p></div></div>""")
    assert text == "Body[1] end. Endnote[2].\n\n[1] Note one. Its second paragraph.\n\n[2] Endnote text.\n"


def test_google_docs_export() -> None:
    text = _text('<p><span>Claim</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup></p><hr><div><p>'
                 '<a href="#ftnt_ref1" id="ftnt1">[1]</a><span>&nbsp;Google note.</span></p></div>')
    assert text == "Claim[1]\n\n[1] Google note.\n"


def test_wikipedia_numbers_are_the_displayed_ones_and_groups_follow() -> None:
    text = _text("""<p>Anthem<sup id="cite_ref-2" class="reference"><a href="#cite_note-2">[n 1]</a></sup>
        pop<sup id="cite_ref-c_5-0" class="reference"><a href="#cite_note-c-5">[3]</a></sup>
        x<sup class="reference"><a href="#cite_note-1">[1]</a></sup><sup class="reference"><a href="#cite_note-3">[2]</a>
        </sup></p><h2>Notes</h2><div class="reflist"><ol class="references"><li id="cite_note-2">
        <span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span> <span class="reference-text">Group
        note.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></span></li></ol></div>
        <h2>References</h2><div class="reflist"><ol class="references"><li id="cite_note-1">
        <span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> <span class="reference-text">One.</span>
        </li><li id="cite_note-3"><span class="mw-cite-backlink">^ <a href="#x"><sup><i><b>a</b></i></sup></a>
        <a href="#y"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text">Two.</span></li>
        <li id="cite_note-c-5"><span class="mw-cite-backlink"><b><a href="#cite_ref-c_5-0">^</a></b></span>
        <span class="reference-text">Three.</span></li></ol></div>""")
    assert text == "Anthem[4] pop[3] x[1][2]\n\n[1] One.\n\n[2] Two.\n\n[3] Three.\n\n[4] Group note.[1]\n"


def test_wordpress_footnotes_plugin_table_and_tooltip_copy() -> None:
    text = _text("""<p>Claim<span class="footnote_referrer"><a class="footnote_hard_link" href="#f+253+1+1"
        role="button"><sup class="footnote_plugin_tooltip_text" id="footnote_plugin_tooltip_253_1_1">[1]</sup></a>
        <span class="footnote_tooltip" id="t1">The tooltip copy of the note text.</span></span> more.</p>
        <div class="footnotes_reference_container"><div class="footnote_container_prepare"><p><span>脚注</span></p></div>
        <table class="footnotes_table"><tbody><tr class="footnotes_plugin_reference_row"><th>
        <a class="footnote_backlink" href="#r+253+1+1"><span class="footnote_item_anchor" id="f+253+1+1"></span>
        <span class="footnote_index_arrow">↑</span>1</a></th><td class="footnote_plugin_text">The tooltip copy of the
        note text.</td></tr></tbody></table></div>""")
    assert text == "Claim[1] more.\n\n[1] The tooltip copy of the note text.\n"


def test_wordpress_core_footnotes_block() -> None:
    text = _text('<p>Claim<sup data-fn="abc" class="fn"><a href="#abc" id="abc-link">1</a></sup>.</p>'
                 '<ol class="wp-block-footnotes"><li id="abc">The source. <a href="#abc-link" '
                 'aria-label="Jump to footnote reference 1">↩︎</a></li></ol>')
    assert text == "Claim[1].\n\n[1] The source.\n"


def test_wordpress_bracketed_sup_links_to_paragraph_notes_under_a_heading() -> None:
    text = _text('<p>Text<sup><a href="#note1" id="ref1">[1]</a></sup> more<sup><a href="#note2">[2]</a></sup>.</p>'
                 '<h3>Notes</h3><p id="note1">[1] First note.</p><p id="note2">[2] Second note.</p>')
    assert text == "Text[1] more[2].\n\n[1] First note.\n\n[2] Second note.\n"


def test_chapter_notes_keep_their_numbers_and_the_body_stays_body() -> None:
    text = _text("""<h1>Chapter 3</h1><p>Body one.<sup><a href="#fn22" id="r22">22</a></sup></p>
        <p>Body two.<sup><a href="#fn23">23</a></sup> and <sup><a href="#fn24">24</a></sup><sup><a href="#fn25">25</a></sup>
        </p><div class="notes"><p id="fn22"><sup>22</sup>Sometimes known as X.</p><p id="fn23"><a href="#r23">23</a>.
        Second.</p><p id="fn24"><span class="num">24</span>Third.</p><p id="fn25">25 Fourth.</p></div>
        <p>After the notes.</p>""")
    assert text == (
        "Chapter 3\n\nBody one.[22]\n\nBody two.[23] and [24][25]\n\nAfter the notes.\n\n"
        "[22] Sometimes known as X.\n\n[23] Second.\n\n[24] Third.\n\n[25] Fourth.\n"
    )


def test_ordered_list_with_start_under_notes_heading() -> None:
    text = _text('<p>Late claim<sup>22</sup> and<sup>23</sup>.</p><h2>Notes</h2><ol start="22"><li>Twenty-two.</li>'
                 '<li>Twenty-three.</li></ol>')
    assert text == "Late claim[22] and[23].\n\n[22] Twenty-two.\n\n[23] Twenty-three.\n"


def test_tdiary_star_markers_and_a_note_continued_by_a_quotation() -> None:
    text = _text("""<link rel="canonical" href="http://example.jp/diary/20190211.html"><p>本文<span class="footnote">
        <a href="./20190211.html#f01" name="fm01" title="x">*1</a></span>。次<span class="footnote">
        <a href="./20190211.html#f02" name="fm02">*2</a></span>。</p><div class="footnote">
        <p class="footnote"><a href="./20190211.html#fm01" name="f01">*1</a> 注の一。</p>
        <p class="footnote"><a href="./20190211.html#fm02" name="f02">*2</a> 引用する。</p><blockquote></blockquote>
        <p>(1) 引用の続き<sup><small>(53)</small></sup>。</p></div>""")
    assert text == "本文[1]。次[2]。\n\n[1] 注の一。\n\n[2] 引用する。 (1) 引用の続き(53)。\n"


def test_unlinked_parenthesised_superscript_marker() -> None:
    assert _text("<p>Quote<sup><small>(53)</small></sup>。</p>") == "Quote[53]。\n"


def test_a_bibliography_nothing_refers_to_stays_in_the_body() -> None:
    text = _text('<p>As Smith (2020) said.</p><h2>Bibliography</h2><div id="refs" class="references csl-bib-body">'
                 '<div id="ref-smith" class="csl-entry">Smith, J. 2020. A book.</div></div>')
    assert text == "As Smith (2020) said.\n\nBibliography\n\nSmith, J. 2020. A book.\n"


def test_table_of_contents_number_links_are_not_markers() -> None:
    text = _text('<p><a href="#section-1">1</a>. Introduction</p><h2 id="section-1">1. Introduction</h2><p>Text.</p>')
    assert text == "1. Introduction\n\n1. Introduction\n\nText.\n"


def test_note_links_print_their_text_and_urls_follow() -> None:
    text = _text('<p>A<sup><a href="#fn1">1</a></sup></p><ol class="footnotes"><li id="fn1"><a href="https://e.org/p">'
                 '"Place names"</a>. Te Ara. <a href="https://e.org/q">https://e.org/q</a></li></ol>')
    assert text == 'A[1]\n\n[1] "Place names". Te Ara. https://e.org/q https://e.org/p\n'


def test_jump_letter_and_arrow_backlinks_dropped_but_letter_links_elsewhere_kept() -> None:
    text = _text('<p>A<sup><a href="#fn1">1</a></sup></p><ol class="footnotes"><li id="fn1">^ <a href="#r1">a</a> '
                 '<a href="#r2">b</a> Vitamin <a href="https://e.org/a">A</a> study.</li></ol>')
    assert text == "A[1]\n\n[1] Vitamin A study. https://e.org/a\n"


def test_remote_resources_are_never_referenced_as_text() -> None:
    text = _text('<p>Safe<img src="https://tracker.example/p.gif"><script src="https://x.example/s.js"></script>'
                 '<iframe src="https://x.example/"></iframe><link rel="stylesheet" href="https://x.example/c.css"></p>')
    assert text == "Safe\n"


def test_github_markdown_footnotes_section() -> None:
    text = _text('<p>Claim<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="true">1</a></sup>.'
                 '</p><section data-footnotes="true" class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes'
                 '</h2><ol><li id="user-content-fn-1"><p>GFM note <a href="#user-content-fnref-1" '
                 'class="data-footnote-backref" aria-label="Back to content">↩</a></p></li></ol></section>')
    assert text == "Claim[1].\n\n[1] GFM note\n"


def test_substack_anchor_without_superscript() -> None:
    text = _text('<p>Claim<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a> more.</p>'
                 '<div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a>'
                 '<div class="footnote-content"><p>Substack note.</p></div></div>')
    assert text == "Claim[1] more.\n\n[1] Substack note.\n"


def test_project_gutenberg_and_pressbooks() -> None:
    gutenberg = _text('<p>Text<a id="FNanchor_1_1"></a><a href="#Footnote_1_1" class="fnanchor">[1]</a>.</p>'
                      '<div class="footnote"><p><a id="Footnote_1_1"></a><a href="#FNanchor_1_1"><span class="label">[1]'
                      '</span></a> First.</p></div>')
    pressbooks = _text('<p>Claim<a class="footnote" id="return-footnote-12-1" href="#footnote-12-1"><sup class="footnote">'
                       '[1]</sup></a>.</p><div class="footnotes"><ol><li id="footnote-12-1">Note. <a '
                       'href="#return-footnote-12-1" class="return-footnote">&crarr;</a></li></ol></div>')
    assert gutenberg == "Text[1].\n\n[1] First.\n"
    assert pressbooks == "Claim[1].\n\n[1] Note.\n"


def test_unlinked_note_paragraphs_keep_their_number_apart_from_the_text() -> None:
    text = _text('<p>Body one.<sup>22</sup> two<sup>23</sup>x.</p><p class="footnote"><sup>22</sup>Sometimes known as X.'
                 '</p><p class="footnote"><sup>23</sup>Other.</p>')
    assert text == "Body one.[22] two[23]x.\n\n[22] Sometimes known as X.\n\n[23] Other.\n"
