"""HTML export, parsed back with BeautifulSoup (lxml): content, escaping, self-containment."""

from __future__ import annotations

from bs4 import BeautifulSoup

from app.export.excerpt_model import COLOR_HEX, ExcerptSet
from app.export.files import render
from tests.app.export.conftest import PROFILE, RELEASE


def soup_of(excerpts: ExcerptSet) -> BeautifulSoup:
    return BeautifulSoup(render(excerpts, "html").decode("utf-8"), "lxml")


def test_html_is_self_contained_and_scriptless(excerpt_set: ExcerptSet) -> None:
    soup = soup_of(excerpt_set)
    assert soup.find("meta", attrs={"charset": "utf-8"}) is not None
    assert soup.find("script") is None
    assert soup.find(["link", "img", "iframe", "object", "embed", "video", "audio", "source"]) is None
    assert not soup.find_all(attrs={"src": True})
    assert not [tag for tag in soup.find_all(True) if any(attr.startswith("on") for attr in tag.attrs)]
    css = soup.style.string
    assert "@import" not in css and "url(" not in css and "http" not in css
    # The only links: in-page endnote anchors and the note's and footnote's web links.
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert set(hrefs) == {"#endnote-1", "#endnote-2", "https://the-monitor.org/", "https://apa.az/en/maps"}


def test_html_escapes_the_note(excerpt_set: ExcerptSet) -> None:
    raw = render(excerpt_set, "html").decode("utf-8")
    assert "<script>" not in raw and "&lt;script&gt;" in raw
    note = soup_of(excerpt_set).select_one("#excerpt-11 .note")
    assert note.get_text().strip().startswith("Check mine maps accuracy & compare with <script>alert('x')</script>:")
    assert note.strong.get_text() == "mine maps"
    assert [li.get_text() for li in note.select("ul li")] == ["first point", "see the Monitor"]


def test_html_carries_quotes_citations_tags_colours_and_endnotes(excerpt_set: ExcerptSet) -> None:
    soup = soup_of(excerpt_set)
    assert soup.h1.get_text() == "Excerpts: Azerbaijan & mine maps"
    sections = soup.select("section.document")
    assert [s.h2.get_text() for s in sections] == ["Azerbaijan", "Заявление о минах"]
    assert [a["id"] for a in sections[0].select("article")] == ["excerpt-11", "excerpt-12"]
    first = soup.select_one("#excerpt-11")
    quote = first.blockquote.get_text().strip()
    assert (
        quote.startswith("Ilham Əliyev said the accuracy") and "25 percent.”1 The maps" in quote and "[15]" not in quote
    )
    assert first.blockquote.sup.a["href"] == "#endnote-1"
    assert first.select_one(".citation").get_text() == f"— {PROFILE.citation}"
    assert [t.get_text() for t in first.select(".tag")] == ["country/Azerbaijan", "topic/mine-maps"]
    assert "color-yellow" in first["class"]
    assert f".color-yellow blockquote {{ background: {COLOR_HEX['yellow']};" in soup.style.string
    assert "Highlight: green" in soup.select_one("#excerpt-12").get_text()
    endnotes = soup.select(".endnotes p.endnote")
    assert [p["id"] for p in endnotes] == ["endnote-1", "endnote-2"]
    assert endnotes[1].get_text() == "2. Ibid. [= “Azerbaijan says maps only 25% accurate,” APA, 12 June 2021]"
    orphan = soup.select_one("#excerpt-13")
    assert "text no longer found in the document" in orphan.select_one(".orphaned").get_text()
    assert orphan.blockquote.get_text().strip() == "Кампания призывает все государства присоединиться к Договору."
    assert orphan.select_one(".citation").get_text() == f"— {RELEASE.citation}"


def test_html_options_turn_parts_off(bare_set: ExcerptSet) -> None:
    soup = soup_of(bare_set)
    text = soup.get_text()
    assert "Ilham Əliyev said" in text and "Кампания призывает" in text
    assert not soup.select(".note, .tag, .citation, .endnotes, sup")
    for absent in ("mine maps accuracy", "country/Azerbaijan, ", PROFILE.citation, "APA, 12 June 2021"):
        assert absent not in text
    assert soup.select_one("#excerpt-13 .orphaned") is not None


def test_unknown_colour_falls_back_without_reaching_markup(excerpt_set: ExcerptSet) -> None:
    excerpt_set.excerpts[0].color = 'red" onmouseover="x'
    raw = render(excerpt_set, "html").decode("utf-8")
    assert "onmouseover" not in raw
    assert 'class="excerpt color-yellow" id="excerpt-11"' in raw
