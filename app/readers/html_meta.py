"""A web page's own metadata: title, date, publisher, tags, description.

Read from what pages declare (Open Graph, Twitter cards, Dublin Core,
Highwire `citation_*`, JSON-LD, microdata, `<time>`), never from scripts run or
URLs fetched. The title is the page's heading or declared title without the
site name that <title> appends ("New Zealand - Wikipedia"); the site name is
recognised as og:site_name, the host name, a domain, or the part of <title>
that is not the heading. An author is never a publisher.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from rapidfuzz import fuzz

from app.readers.hints import clean_hints

_SEPARATOR = re.compile(r"\s+[|–—\-·•»:/]\s+|\s*\|\s*|\s+::\s+")
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)
_ARTICLE_TYPES = re.compile(
    r"article|posting|report|webpage|creativework|scholarly|blog|review|speech|legislation", re.I
)
_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "citation_publication_date", "citation_date", "citation_online_date", "dc.date.issued", "dcterms.issued",
    "dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "date", "prism.publicationdate",
    "publication_date", "publish-date", "publish_date", "pubdate", "sailthru.date", "parsely-pub-date",
    "article.published", "pdate", "displaydate",
)
_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified",
                  "last-modified", "revised")
_TIME_CLASS = re.compile(r"publish|posted|entry-date|dateline|article-date|byline|post-date|timestamp|pubdate", re.I)
_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WRITTEN_DATE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})\b|\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    r"|\b(\d{4})-(\d{2})-(\d{2})\b",
    re.I,
)
_CJK_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_WEEKDAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?|[（(][月火水木金土日][)）]", re.I
)
_DATE_LABEL = re.compile(
    r"^\s*(?:(?:this page was |page )?last (?:updated|modified|edited|revised|reviewed)(?: on)?"
    r"|(?:first |originally )?published(?: on)?|posted(?: on)?|updated(?: on)?|date(?: published)?|"
    r"publication date|released(?: on)?|issued(?: on)?)\s*[:\-–]?\s*",
    re.I,
)
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?:/|$|[-_.])"
)


def page_hints(soup: BeautifulSoup) -> dict[str, object]:
    """Title, date, publisher, tags and description the page declares (call before <head> is dropped)."""
    metas = _metas(soup)
    items = list(_json_ld(soup))
    main = [item for item in items if _ARTICLE_TYPES.search(str(item.get("@type") or ""))] or items

    def first(*keys: str) -> str | None:
        return next((metas[key][0] for key in keys if metas.get(key)), None)

    sites = _site_names(metas, main, items, soup)
    title, title_site = _title(soup, metas, main, sites)
    date = _first_date(first(*_PUBLISHED_KEYS), *(item.get("datePublished") for item in main))
    date = date or _time_date(soup) or _heading_date(soup)
    date = date or _first_date(*(item.get("dateModified") for item in main), first(*_MODIFIED_KEYS))
    publisher = (
        first("og:site_name")
        or first("dc.publisher", "dcterms.publisher", "citation_publisher", "publisher")
        or title_site
        or _ld_publisher(main)
        or first("application-name", "apple-mobile-web-app-title")
    )
    tags: list[str] = list(metas.get("article:tag", []))
    hints = clean_hints({
        "title": title,
        "date": date,
        "publisher": publisher if publisher and not _is_url(publisher) else None,
        "tags": tags or first("keywords", "news_keywords"),
        "description": first("description", "og:description", "dc.description", "twitter:description"),
        "authors": _authors(metas, main),
        "language": _language(soup, metas),
    })
    url_date = _url_date(soup)
    if url_date and "date" not in hints:
        hints["fallback_date"] = url_date
    kind = declared_kind([*metas.get("og:type", []), *(str(item.get("@type") or "") for item in main)])
    if kind:
        hints["fallback_kind"] = kind
    return hints


_AUTHOR_KEYS = ("citation_author", "dc.creator", "dcterms.creator", "author", "article:author", "sailthru.author")


def _authors(metas: dict[str, list[str]], main: list[dict]) -> list[object]:
    """The page's declared authors: the first of its conventions that names any (a citation tool's list,
    Dublin Core, <meta name="author">, Open Graph), else the JSON-LD article's `author`."""
    for key in _AUTHOR_KEYS:
        if metas.get(key):
            return list(metas[key])
    for item in main:
        found = item.get("author")
        if found:
            return found if isinstance(found, list) else [found]
    return []


def _language(soup: BeautifulSoup, metas: dict[str, list[str]]) -> str | None:
    """`<html lang>`, else a declared content language or locale ("en_GB" read as en-GB)."""
    root = soup.find("html")
    declared = root.get("lang") or root.get("xml:lang") if isinstance(root, Tag) else None
    for value in (declared, *(metas.get(k, [None])[0] for k in ("content-language", "dc.language", "og:locale"))):
        if isinstance(value, str) and value.strip():
            return value.strip().split(",")[0].replace("_", "-")
    return None


_DECLARED_KINDS = (  # schema.org / Open Graph types -> Dossier's kinds
    (re.compile(r"(?i)^(?:report|scholarlyarticle|techarticle)$"), "report"),
    (re.compile(r"(?i)^(?:article|\w*newsarticle|blogposting|liveblogposting|socialmediaposting)$"), "article"),
)


def declared_kind(types: list[str]) -> str | None:
    """The kind a page declares for itself (og:type "article", JSON-LD "NewsArticle"), if one maps.

    A weak hint: a site tags every page "article", speeches and releases too, so the parser's own
    cues win and this only replaces its guess from the shape of the prose.
    """
    for value in types:
        for name in re.split(r"[\s,\[\]'\"]+", value):
            for pattern, kind in _DECLARED_KINDS:
                if pattern.match(name):
                    return kind
    return None


def labelled_date(lines: Iterable[str]) -> tuple[str, bool] | None:
    """A visible dated line: ('2019-09-26', True) for 'This page was last edited on 26 September 2019'.

    The flag says the label is a 'last updated/edited/modified' one: a page that
    states its revision date (a wiki, a country profile) is dated by it, over
    what its metadata declares. Otherwise a 'Published 3 May 2020' line is only
    used when nothing is declared. Only short lines count.
    """
    published: str | None = None
    for line in lines:
        if len(line) > 160 or not (label := _DATE_LABEL.match(line)):
            continue
        found = _WRITTEN_DATE.search(line[label.end():label.end() + 40])
        value = _written_iso(found) if found and found.start() < 4 else None
        if value is None:
            continue
        if re.match(r"\s*(?:this page was |page )?last\b", label.group(0), re.I):
            return value, True
        published = published or value
    return (published, False) if published else None


# -- collecting declarations -----------------------------------------------------------


def _metas(soup: BeautifulSoup) -> dict[str, list[str]]:
    metas: dict[str, list[str]] = {}
    for meta in soup.find_all("meta"):
        key = str(meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        content = " ".join(str(meta.get("content") or meta.get("value") or "").split())
        if key and content:
            metas.setdefault(key, []).append(content)
    return metas


def _json_ld(soup: BeautifulSoup) -> Iterator[dict]:
    """Every object in the page's JSON-LD blocks (lists and @graph flattened); broken blocks skipped."""
    for script in soup.find_all("script", type=re.compile(r"ld\+json", re.I)):
        raw = (script.string or "").strip()
        raw = re.sub(r"^\s*(?://)?\s*<!\[CDATA\[|(?://)?\s*\]\]>\s*$", "", raw).strip()
        for candidate in (raw, html.unescape(raw)):
            try:
                data = json.loads(candidate, strict=False)
            except (ValueError, RecursionError):
                continue
            yield from _objects(data, 0)
            break


def _objects(data: object, depth: int) -> Iterator[dict]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data[:50]:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"), depth + 1)


def _ld_publisher(items: list[dict]) -> str | None:
    for item in items:
        publisher = item.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        if isinstance(publisher, dict):
            publisher = publisher.get("name")
        if isinstance(publisher, str) and publisher.strip():
            return publisher.strip()
    return None


def _page_urls(soup: BeautifulSoup, metas: dict[str, list[str]]) -> list[str]:
    urls = [str(link.get("href")) for link in soup.find_all("link", rel="canonical") if link.get("href")]
    return urls + metas.get("og:url", []) + metas.get("twitter:url", [])


def _site_names(metas: dict[str, list[str]], main: list[dict], items: list[dict], soup: BeautifulSoup) -> list[str]:
    names = [metas[key][0] for key in ("og:site_name", "application-name", "apple-mobile-web-app-title")
             if metas.get(key)]
    names += [value for value in [_ld_publisher(main)] if value]
    names += [str(item["name"]) for item in items
              if item.get("@type") == "WebSite" and isinstance(item.get("name"), str)]
    names += [handle.lstrip("@") for handle in metas.get("twitter:site", []) if len(handle) > 3]
    for url in _page_urls(soup, metas):
        host = urlsplit(url.strip()).hostname or ""
        labels = [label for label in host.split(".") if label not in ("www", "en", "m", "amp")]
        if len(labels) >= 2:
            names += [".".join(labels), labels[-2], *labels[:-2]]
    return [name for name in names if _squash(name)]


# -- title -----------------------------------------------------------------------------


def _title(soup: BeautifulSoup, metas: dict[str, list[str]], main: list[dict],
           sites: list[str]) -> tuple[str | None, str | None]:
    """(title, the site name found in <title>) — the heading when it is the declared title."""
    tag = soup.find("title")
    tag_title = " ".join(tag.get_text(" ").split()) if tag else ""
    headings = [(int(h.name[1]), re.sub(r"^[^\w\"“'‘(]+", "", " ".join(h.get_text(" ").split())))
                for h in soup.find_all(("h1", "h2", "h3"), limit=60)]
    headings = [(level, text) for level, text in headings if text]
    segments = _SEPARATOR.split(tag_title) if tag_title else []
    found = _site_in_title(segments, headings, sites)
    site, title_site = (found[0], found[0] if found[1] else None) if found else (None, None)
    headline = next((item["headline"] for item in main if isinstance(item.get("headline"), str)), None)
    declared = next((metas[key][0] for key in ("og:title", "twitter:title", "dc.title", "dcterms.title",
                                                 "citation_title") if metas.get(key)), None) or headline
    known = [*sites, *([site] if site else [])]
    candidates = [_strip_site(value, known) for value in (declared, tag_title) if value]
    candidates = [c for c in candidates if c and not any(_names_site(c, name) for name in known)]  # og:title "BBC News"
    for candidate in candidates:
        heading = next((h for _, h in headings if _same(h, candidate)), None)
        if heading:
            return heading, title_site
    if candidates:
        return candidates[0], title_site
    h1 = soup.select_one("article h1, main h1, h1")
    return (" ".join(h1.get_text(" ").split()) if h1 else None), None


def _site_in_title(segments: list[str], headings: list[tuple[int, str]], sites: list[str]) -> tuple[str, bool] | None:
    """The end of <title> that names the site, and whether it names a publisher.

    A known site name, a domain, or what the heading is not names the site.
    When both ends appear as headings (a diary's banner <h1> and its entry
    <h3>), the one that comes first on the page is the banner: the site, but
    a personal site's name is no publisher.
    """
    if len(segments) < 2:
        return None
    ends = [segments[0], segments[-1]]
    for end in reversed(ends):
        if any(_names_site(end, site) for site in sites) or _DOMAIN.match(end.strip()):
            return end.strip(), True
    matched = [(level, h) for level, h in headings for end in ends if _same(h, end)]
    hits = {end for end in ends for _, h in matched if _same(h, end)}
    if len(hits) == 2:
        site_level, site_heading = matched[0]
        site = next(end for end in ends if _same(site_heading, end)).strip()
        title_level = min(level for level, h in matched if not _same(h, site))
        return site, title_level <= site_level  # a page headed by the site's own name is a personal page
    if len(hits) == 1:
        hit = hits.pop()
        other = ends[1] if hit is ends[0] else ends[0]
        if len(_squash(other)) < len(_squash(hit)) or len(other) <= 40:
            return other.strip(), True
    return None


def _strip_site(title: str, sites: list[str]) -> str:
    """'New Zealand - Wikipedia' -> 'New Zealand'; the site may lead or trail, more than once."""
    title = " ".join(title.split())
    for _ in range(3):
        segments = _SEPARATOR.split(title)
        if len(segments) < 2:
            break
        separators = _SEPARATOR.findall(title)
        if any(_names_site(segments[-1], site) for site in sites) or _DOMAIN.match(segments[-1]):
            title = title[: len(title) - len(segments[-1]) - len(separators[-1])]
        elif any(_names_site(segments[0], site) for site in sites) or _DOMAIN.match(segments[0]):
            title = title[len(segments[0]) + len(separators[0]):]
        else:
            break
    return title.strip()


def _names_site(segment: str, site: str) -> bool:
    a, b = _squash(segment), _squash(site)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    at_end = longer.startswith(shorter) or longer.endswith(shorter)
    return len(shorter) >= 5 and at_end and len(longer) <= 2 * len(shorter) + 3


def _same(heading: str, title: str) -> bool:
    a, b = _squash(heading), _squash(title)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 8 and shorter in longer and len(shorter) >= 0.8 * len(longer):
        return True
    return len(shorter) >= 8 and fuzz.ratio(a, b) >= 90


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _is_url(value: str) -> bool:
    return bool(re.match(r"^(?:https?:)?//", value.strip()))


# -- dates -----------------------------------------------------------------------------


def _first_date(*values: object) -> str | None:
    for value in values:
        found = _iso(value)
        if found:
            return found
    return None


def _iso(value: object) -> str | None:
    """ISO date from an ISO-like string, '20170113', or a written 'Jan. 13, 2017'; None if unsure."""
    if isinstance(value, list) and value:
        value = value[0]
    if not isinstance(value, str):
        return None
    text = value.strip().strip("\"'\\").strip()
    match = re.match(r"^(\d{4})([-/])(\d{1,2})(?:\2(\d{1,2}))?(?:[T ]|$)", text)
    if match:
        return _valid(int(match.group(1)), int(match.group(3)), int(match.group(4) or 0))
    if re.fullmatch(r"(?:19|20)\d{2}", text):
        return text
    match = re.match(r"^(\d{4})(\d{2})(\d{2})(?:\d{6})?$", text)
    if match:
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))
    found = _WRITTEN_DATE.search(text)
    return _written_iso(found) if found else None


def _written_iso(match: re.Match[str]) -> str | None:
    groups = match.groups()
    if groups[0]:
        day, month, year = groups[0], groups[1], groups[2]
    elif groups[3]:
        month, day, year = groups[3], groups[4], groups[5]
    else:
        return _valid(int(groups[6]), int(groups[7]), int(groups[8]))
    number = next((i for i, name in enumerate(_MONTHS, start=1) if name.startswith(month.lower().rstrip(".")[:3])), 0)
    return _valid(int(year), number, int(day)) if number else None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        if day:
            return dt.date(year, month, day).isoformat()
        dt.date(year, month, 1)
        return f"{year:04d}-{month:02d}"
    except ValueError:
        return None


def _time_date(soup: BeautifulSoup) -> str | None:
    """A <time> marked as the publication date, else the first one in the article's header."""
    times = [time for time in soup.find_all("time") if time.get("datetime") or time.get_text(strip=True)]
    marked = [time for time in times if time.has_attr("pubdate")
              or "datepublished" in str(time.get("itemprop") or "").lower()
              or _TIME_CLASS.search(" ".join(time.get_attribute_list("class")))]
    for time in marked:
        value = _iso(time.get("datetime")) or _iso(time.get_text(" "))
        if value:
            return value
    for time in times:
        container = time.find_parent(("article", "header", "main"))
        if container is not None and time.find_parent(("aside", "footer", "nav")) is None:
            value = _iso(time.get("datetime")) or _iso(time.get_text(" "))
            if value:
                return value
    return None


def _heading_date(soup: BeautifulSoup) -> str | None:
    """A heading that is only a date: a diary's or blog's entry date ('2019年02月11日', 'Monday, May 4, 2020')."""
    for heading in soup.find_all(("h1", "h2", "h3", "h4"), limit=40):
        text = _WEEKDAY.sub(" ", " ".join(heading.get_text(" ").split())).strip(" ,")
        cjk = _CJK_DATE.fullmatch(text)
        if cjk:
            return _valid(int(cjk.group(1)), int(cjk.group(2)), int(cjk.group(3)))
        written = _WRITTEN_DATE.fullmatch(text)
        if written:
            return _written_iso(written)
    return None


def _url_date(soup: BeautifulSoup) -> str | None:
    """/2015/04/11/ in the canonical URL: a weak date, used only when the text states none."""
    metas = {"og:url": [str(m.get("content") or m.get("value") or "") for m in soup.find_all("meta")
                        if str(m.get("property") or m.get("name") or "").lower() == "og:url"]}
    for url in _page_urls(soup, metas):
        match = _URL_DATE.search(urlsplit(url.strip()).path)
        if match:
            return _valid(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    return None

