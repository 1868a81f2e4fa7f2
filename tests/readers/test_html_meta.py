"""HTML metadata: title without the site's name, the date from each source, the publisher, never an author."""

from __future__ import annotations

import pytest

from app.readers.html import read_html


def _hints(markup: str) -> dict[str, object]:
    return read_html(markup.encode()).hints


@pytest.mark.parametrize(("head", "body", "title"), [
    ("<title>New Zealand - Wikipedia</title><link rel=canonical href='https://en.wikipedia.org/wiki/New_Zealand'>",
     "<h1>New Zealand</h1><p>x</p>", "New Zealand"),
    ("<title>Weekly Address: Free College | whitehouse.gov</title>", "<p>x</p>", "Weekly Address: Free College"),
    ("<title>Grim outlook for IMF-World Bank meetings - POLITICO</title><meta property='og:url' "
     "content='https://www.politico.com/news/x'>", "<p>x</p>", "Grim outlook for IMF-World Bank meetings"),
    ("<title>Sudan Sanctions Lifted - The New York Times</title>", "<h1>Sudan Sanctions Lifted</h1><p>x</p>",
     "Sudan Sanctions Lifted"),
    ("<title>Mines report — Ministry of Defence</title><meta property='og:site_name' content='Ministry of Defence'>",
     "<p>x</p>", "Mines report"),
    ("<title>HALO Trust | Clearing mines in Angola</title><meta property='og:site_name' content='The HALO Trust'>",
     "<p>x</p>", "Clearing mines in Angola"),
    ("<meta property='og:title' content='Gun laws are his biggest frustration - BBC News'>"
     "<meta property='og:site_name' content='BBC News'>", "<h1>Gun laws are his 'biggest frustration'</h1><p>x</p>",
     "Gun laws are his 'biggest frustration'"),
    ("<title>Diary of T - Password law misunderstood</title>",
     "<h1>Diary of T</h1><h2>11 Feb</h2><h3>■ Password law misunderstood</h3><p>x</p>", "Password law misunderstood"),
    ("<title>Mines: an appeal | Notes</title>", "<p>x</p>", "Mines: an appeal | Notes"),
    ("", "<header><a href='/'>Home</a></header><article><h1>Only a heading</h1><p>x</p></article>", "Only a heading"),
])
def test_title_without_site_name(head: str, body: str, title: str) -> None:
    assert _hints(f"<html><head>{head}</head><body>{body}</body></html>")["title"] == title


def test_site_name_from_title_is_the_publisher_but_a_personal_banner_is_not() -> None:
    news = _hints("<title>Sudan Sanctions - The New York Times</title><h2>The New York Times</h2><h1>Sudan Sanctions</h1>")
    diary = _hints("<title>Diary of T - Password law</title><h1>Diary of T</h1><h3>Password law</h3><p>x</p>")
    assert news["publisher"] == "The New York Times"
    assert diary["title"] == "Password law" and "publisher" not in diary


@pytest.mark.parametrize(("markup", "date"), [
    ("<article><h1>T</h1><time datetime='2017-11-16T14:15+0000'>16 November</time><p>x</p></article>", "2017-11-16"),
    ("<p>x <time pubdate datetime='2015-04-30T07:19:58'>30 avril</time></p>", "2015-04-30"),
    ("<meta property='article:published_time' content='2022-10-25T09:00:00+04:00'><p>x</p>", "2022-10-25"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2018-04-05T06:00"}</script>'
     "<p>x</p>", "2018-04-05"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "dateModified": "2019-09-26"}]}</script>'
     "<p>x</p>", "2019-09-26"),
    ('<script type="application/ld+json">//<![CDATA[\n{"@type":"Article","datePublished":"2016-01-02"}\n//]]></script>'
     "<p>x</p>", "2016-01-02"),
    ("<meta name='date' content='2014-12-15'><p>x</p>", "2014-12-15"),
    ("<meta name='DC.Date.Issued' content='2014-12-15'><p>x</p>", "2014-12-15"),
    ("<meta name='citation_publication_date' content='2013/09/20'><p>x</p>", "2013-09-20"),
    ("<meta name='citation_date' content='2013-09-20'><p>x</p>", "2013-09-20"),
    ("<meta itemprop='datePublished' content='2017-01-13T00:00:04-05:00'><p>x</p>", "2017-01-13"),
    ("<meta name='pdate' content='20170113'><p>x</p>", "2017-01-13"),
    ("<p>x</p><p>Published: 3 May 2020</p>", "2020-05-03"),
    ("<p>x</p><p>Last updated: 28 November 2013</p>", "2013-11-28"),
    ("<h2>2019年02月11日</h2><h3>Entry</h3><p>x</p>", "2019-02-11"),
    ("<h2 class='date-header'>Monday, May 4, 2020</h2><p>x</p>", "2020-05-04"),
])
def test_each_date_source(markup: str, date: str) -> None:
    assert _hints(markup)["date"] == date


def test_last_edited_line_wins_over_creation_date() -> None:
    hints = _hints('<script type="application/ld+json">{"@type":"Article","datePublished":"2001-10-29",'
                   '"dateModified":"2019-09-26"}</script><p>x</p>'
                   '<ul><li>This page was last edited on 26 September 2019, at 11:35 (UTC).</li></ul>')
    assert hints["date"] == "2019-09-26"


def test_published_time_wins_over_modified_time() -> None:
    hints = _hints("<meta property='article:modified_time' content='2021-03-02'>"
                   "<meta property='article:published_time' content='2019-02-13T12:00:00+09:00'><p>x</p>")
    assert hints["date"] == "2019-02-13"


def test_related_article_times_outside_the_article_are_ignored() -> None:
    hints = _hints("<article><h1>T</h1><p>x</p></article><aside><time datetime='2022-10-25'>x</time></aside>")
    assert "date" not in hints


def test_url_date_is_only_a_fallback() -> None:
    hints = _hints("<link rel='canonical' href='https://news.example/world/2015/03/18/attack-story.html'><p>x</p>")
    assert hints == {"fallback_date": "2015-03-18"}


def test_copyright_year_is_a_fallback_and_the_holder_not_the_author_is_the_publisher() -> None:
    hints = _hints("<h1>An Introduction</h1><p>By Mark Drummond</p><p>© 2024 IDPro, Mark Drummond</p><p>Text.</p>")
    assert hints == {"title": "An Introduction", "fallback_date": "2024", "publisher": "IDPro"}


@pytest.mark.parametrize(("markup", "publisher"), [
    ("<meta property='og:site_name' content='The Telegraph'>", "The Telegraph"),
    ('<script type="application/ld+json">{"@type":"Article","publisher":{"@type":"Organization","name":"BBC News"}}'
     "</script>", "BBC News"),
    ("<meta name='publisher' content='Human Rights Watch'>", "Human Rights Watch"),
    ("<meta name='DC.Publisher' content='ICBL'>", "ICBL"),
    ("<meta name='citation_publisher' content='Geneva Centre'>", "Geneva Centre"),
])
def test_each_publisher_source(markup: str, publisher: str) -> None:
    assert _hints(f"<head>{markup}</head><p>x</p>")["publisher"] == publisher


def test_authors_and_profile_urls_are_never_publishers() -> None:
    hints = _hints("<meta name='author' content='Jeffrey Gettleman'><meta name='dc.creator' content='Kooman, F.'>"
                   "<meta property='article:publisher' content='https://www.facebook.com/washingtonpost'>"
                   '<script type="application/ld+json">{"@type":"Article","author":{"name":"A. Writer"}}</script>'
                   "<p>x</p>")
    assert "publisher" not in hints


def test_broken_json_ld_is_ignored() -> None:
    hints = _hints('<script type="application/ld+json">{"@type": "Article", "datePublished": </script>'
                   '<script type="application/ld+json">[[[[[[[[[[[[[[1]]]]]]]]]]]]]]</script><p>x</p>')
    assert hints == {}


def test_a_declared_title_that_is_only_the_site_name_is_not_the_title() -> None:
    hints = _hints("<meta property='og:site_name' content='Landmine Monitor'><meta property='og:title' "
                   "content='Landmine Monitor'><title>Angola | Landmine Monitor</title><h1>Angola</h1><p>x</p>")
    assert hints["title"] == "Angola"


def test_declared_kind_from_open_graph_and_json_ld() -> None:
    from app.readers.html_meta import declared_kind

    assert declared_kind(["article"]) == "article"
    assert declared_kind(["NewsArticle"]) == "article"
    assert declared_kind(["['BlogPosting', 'WebPage']"]) == "article"
    assert declared_kind(["ScholarlyArticle"]) == "report"
    assert declared_kind(["website", "WebPage"]) is None
