"""Markdown notes in every shape converters leave them: [^label], pandoc raw HTML, <sup> and plain lists."""

from __future__ import annotations

from app.readers.markdown import read_markdown


def _text(source: str) -> str:
    return read_markdown(source.encode()).text


def test_any_label_numbered_in_order_of_first_reference() -> None:
    text = _text("Lenses[^1] and optics[^3] and games[^note-b].\n\nAgain[^1].\n\n"
                 "[^note-b]: Named.\n[^3]: Third label.\n[^1]: First.\n")
    assert text == "Lenses[1] and optics[2] and games[3].\n\nAgain[1].\n\n[1] First.\n\n[2] Third label.\n\n[3] Named.\n"


def test_multi_paragraph_definition_and_a_reference_inside_a_note() -> None:
    text = _text("Body[^a].\n\n[^a]: Starts here,\n    continues here.\n\n    Second paragraph[^b].\n\n[^b]: Inner.\n")
    assert text == "Body[1].\n\n[1] Starts here, continues here. Second paragraph[2].\n\n[2] Inner.\n"


def test_pandoc_raw_html_section_with_li_ids() -> None:
    text = _text("""Predict what we watch,<a href="#fn1" id="fnref1" class="footnote-ref"><sup>1</sup></a> and
how we pay.<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a>

<section class="footnotes" role="doc-endnotes">
<hr />
<ol>
<li id="fn1"><p>D. Jackson, “The Netflix Prize,” 2017.<a href="#fnref1" class="footnote-back">↩︎</a></p></li>
<li id="fn2"><p>Ibid.<a href="#fnref2" class="footnote-back">↩︎</a></p></li>
</ol>
</section>
""")
    assert text == "Predict what we watch,[1] and how we pay.[2]\n\n[1] D. Jackson, “The Netflix Prize,” 2017.\n\n[2] Ibid.\n"


def test_pandoc_div_footnotes_with_markdown_list_items() -> None:
    text = _text("""Text.<a href="#fn1" id="fnref1" class="footnoteRef"><sup>1</sup></a> More.
<a href="#fn2" id="fnref2" class="footnoteRef"><sup>2</sup></a>

<div class="footnotes">

------------------------------------------------------------------------

1.  <div id="fn1">

    “IDPro Body of Knowledge,” IDPro,
    <https://www.idpro.org/body-of-knowledge/> . [↩](#fnref1)

    </div>

2.  <div id="fn2">

    Cormack, Andrew, “[Introduction to the GDPR](https://bok.idpro.org/article/id/11/),” \\[Online\\].
    [↩](#fnref2)

    </div>

</div>
""")
    assert text == (
        "Text.[1] More. [2]\n\n"
        "[1] “IDPro Body of Knowledge,” IDPro, https://www.idpro.org/body-of-knowledge/ .\n\n"
        "[2] Cormack, Andrew, “Introduction to the GDPR,” [Online]. https://bok.idpro.org/article/id/11/\n"
    )


def test_sup_markers_and_sup_numbered_sources() -> None:
    text = _text("Rules.<sup>1</sup> Research needs.<sup>5,6</sup> Area 3 km<sup>2</sup>. Note<sup>(R)</sup>\n\n"
                 "**Sources**\n===========\n\n<sup>1</sup> Office for Civil Rights.\n\n<sup>5</sup> Alder, S.\n\n"
                 "<sup>6</sup> Alder, S. (2024).\n")
    assert text == ("Rules.[1] Research needs.[5][6] Area 3 km². Note(R)\n\nSources\n\n"
                    "[1] Office for Civil Rights.\n\n[5] Alder, S.\n\n[6] Alder, S. (2024).\n")


def test_sup_inside_link_text_is_a_marker() -> None:
    text = _text("Proposed [rule takes effect<sup>8</sup>](https://e.org/x).\n")
    assert text == "Proposed rule takes effect[8] (https://e.org/x).\n"


def test_undefined_numeric_labels_point_at_a_plain_list_after_a_rule() -> None:
    text = _text("Access[^1] and federation.[^2]\n\n---\n\n1. Raible, Matt, \"What the Heck is OAuth?\"\n"
                 "    DZone, 2018.\n\n2. :Wikipedia contributors, \"Federated identity\".\n")
    assert text == ("Access[1] and federation.[2]\n\n[1] Raible, Matt, \"What the Heck is OAuth?\" DZone, 2018.\n\n"
                    "[2] Wikipedia contributors, \"Federated identity\".\n")


def test_sup_markers_with_a_numbered_list_under_a_notes_heading() -> None:
    text = _text("Claim<sup>1</sup> and claim<sup>2</sup>.\n\n## Notes\n\n1. First source.\n2. Second source.\n")
    assert text == "Claim[1] and claim[2].\n\n[1] First source.\n\n[2] Second source.\n"


def test_a_numbered_list_nothing_cites_stays_body() -> None:
    text = _text("Steps below.\n\n## Notes\n\n1. Clear the area.\n2. Mark it.\n")
    assert text == "Steps below.\n\nNotes\n\n1. Clear the area.\n2. Mark it.\n"


def test_note_links_print_text_and_urls_follow() -> None:
    text = _text("A.[^1]\n\n[^1]: [Place names](https://e.org/p), Te Ara, <https://e.org/q>.\n")
    assert text == "A.[1]\n\n[1] Place names, Te Ara, https://e.org/q. https://e.org/p\n"


def test_pandoc_caret_superscript() -> None:
    assert _text("Draft (2 ^nd^ ed.) says so.^3^\n") == "Draft (2 nd ed.) says so.[3]\n"


def test_pandoc_inline_notes_take_their_place_in_the_numbering() -> None:
    text = _text("Claim.^[Inline, with [a link](https://e.org).] Then[^x] and ^[second].\n\n[^x]: Defined.\n")
    assert text == "Claim.[1] Then[2] and [3].\n\n[1] Inline, with a link. https://e.org\n\n[2] Defined.\n\n[3] second\n"
