"""HTML reader: visible text only, headings recorded, footnotes turned into `[N]` markers and notes.

Pages are parsed (BeautifulSoup over lxml), never rendered: scripts, styles,
forms and navigation are dropped, no script runs and no URL is fetched
(JSON-LD blocks are read as data by `html_meta`). The tree is walked
with an explicit stack so deeply nested markup cannot exhaust Python's stack;
if the parser itself recurses too deep, or the page has more tags or attributes than
a tree should hold, the page is read as a stream (`html_flat`).
"""

from __future__ import annotations

import codecs
import re
import warnings

from bs4 import BeautifulSoup, Tag
from bs4.builder import ParserRejectedMarkup
from bs4.dammit import EncodingDetector

from app.errors import ReadError
from app.model import RawDocument
from app.readers import MAX_TEXT_CHARS
from app.readers.decoding import decode_bytes, sniff_bom
from app.readers.hints import meaningful_title
from app.readers.html_budget import too_many_attributes
from app.readers.html_flat import stream_text
from app.readers.html_meta import labelled_date, page_hints
from app.readers.html_notes import extract_notes
from app.readers.html_refs import page_names
from app.readers.html_text import DROPPED, TextWalker
from app.readers.layout import compose
from app.readers.text_cues import copyright_cues, opening_authors

MAX_DEPTH = 400  # real pages nest a few dozen levels; beyond this, pathological markup
MAX_TREE_TAGS = 100_000  # a tree costs about 1.5 KB per element; bigger pages are read as a stream
MAX_TREE_ATTRIBUTES = 1_000_000  # ~95 bytes each (html_budget); real pages hold a few per element
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_NAV_CLASS = re.compile(r"^(?:breadcrumbs?|skip-?link|skip-to-content|site-nav|navbar|menu)$", re.I)


def read_html(data: bytes) -> RawDocument:
    """Decode (BOM, then <meta charset>, then detection) and convert the page."""
    markup = decode_bytes(data, _declared_encoding(data))
    tags = markup.count("<")
    if tags > MAX_TREE_TAGS:
        doc = _streamed(markup)
        doc.notices.append(f"a very large page ({tags:,} tags) was read as plain text, without its notes' "
                           "structure and metadata")  # fmt: skip
    elif too_many_attributes(markup, MAX_TREE_ATTRIBUTES):
        doc = _streamed(markup)
        doc.notices.append(f"a page of more than {MAX_TREE_ATTRIBUTES:,} attributes was read as plain text, "
                           "without its notes' structure and metadata")  # fmt: skip
    else:
        try:
            doc = convert_html(markup)
        except (RecursionError, ParserRejectedMarkup):
            doc = _streamed(markup)
    if not doc.text.strip():
        raise ReadError("HTML page has no visible text")
    return doc


def _streamed(markup: str) -> RawDocument:
    """The page read without a tree (`html_flat`), its <title> as a weak hint."""
    text, title, cut = stream_text(markup, MAX_TEXT_CHARS)
    hints: dict[str, object] = {"fallback_title": title} if title and meaningful_title(title) else {}
    doc = RawDocument(text=compose(text.split("\n\n"), {}), format="html", hints=hints)
    if cut:
        doc.notices.append(f"text cut at about {MAX_TEXT_CHARS:,} characters (limit): the rest is not in the "
                           "archive; split the file to keep all of it")  # fmt: skip
    return doc


def _declared_encoding(data: bytes) -> str | None:
    """The page's declared charset, mapped as browsers do (latin-1 means cp1252)."""
    if sniff_bom(data)[0]:
        return None
    declared = EncodingDetector.find_declared_encoding(data[:65536], is_html=True)
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # an 8-bit page cannot really be UTF-16; browsers read it as UTF-8
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return name


_SUBSET_SCAN = 250_000  # characters at the top of the file where a DOCTYPE may stand
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^\[>]{0,500}\[.{0,200000}?\]\s*>", re.IGNORECASE | re.DOTALL)


def convert_html(markup: str) -> RawDocument:
    """Parse and convert markup; may raise RecursionError on pathological nesting.

    An XHTML document's DOCTYPE with an internal subset (`<!DOCTYPE html [ <!ENTITY …> ]>`) is
    removed first: the HTML parser does not know it and would leave `]>` in the text. Entities it
    declares are not expanded (they never are: no DTD is read). bs4's warnings about markup that
    looks like XML or a file name are for developers, not for the user's terminal.
    """
    markup = _INTERNAL_SUBSET.sub("", markup[:_SUBSET_SCAN], count=1) + markup[_SUBSET_SCAN:]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(markup, "lxml")
    if max_depth(soup) > MAX_DEPTH:
        raise RecursionError("nesting too deep for the footnote heuristics")  # use the flat fallback
    hints = page_hints(soup)
    names = page_names(soup)
    _drop_invisible(soup)
    notes = extract_notes(soup, names)
    walker = TextWalker()
    walker.walk(soup.body or soup)
    visible = labelled_date(line for paragraph in walker.paragraphs for line in paragraph.split("\n"))
    if visible and (visible[1] or "date" not in hints):
        hints["date"] = visible[0]
        hints.pop("fallback_date", None)
    opening = walker.paragraphs[:12]
    year, holder = copyright_cues(opening, opening_authors(opening))
    if year and "date" not in hints:
        hints.setdefault("fallback_date", year)
    if holder and "publisher" not in hints:
        hints["publisher"] = holder
    return RawDocument(
        text=compose(walker.paragraphs, notes), format="html", headings=walker.headings, hints=hints
    )


def _drop_invisible(soup: BeautifulSoup) -> None:
    """Remove what a reader never sees: code, forms, navigation, hidden elements.

    Collected in one iterative pass that does not descend into what it drops,
    so removals never nest.
    """
    doomed: list[Tag] = []
    stack: list[Tag] = [soup]
    while stack:
        for child in stack.pop().contents:
            if isinstance(child, Tag):
                if child.name in DROPPED or _is_hidden(child) or _is_navigation(child):
                    doomed.append(child)
                else:
                    stack.append(child)
    for tag in doomed:
        tag.decompose()


def max_depth(soup: BeautifulSoup) -> int:
    """Deepest element nesting, measured without recursion."""
    deepest = 0
    stack: list[tuple[Tag, int]] = [(soup, 0)]
    while stack:
        tag, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in tag.contents if isinstance(child, Tag))
    return deepest


def _is_hidden(tag: Tag) -> bool:
    return tag.has_attr("hidden") or bool(_DISPLAY_NONE.search(str(tag.get("style") or "")))


def _is_navigation(tag: Tag) -> bool:
    """Navigation menus and link-farm page headers/footers; content headers are kept."""
    role = str(tag.get("role") or "").lower()
    if role == "navigation" or any(_NAV_CLASS.match(c) for c in tag.get_attribute_list("class") if c):
        return True
    if tag.name not in ("header", "footer") and role not in ("banner", "contentinfo"):
        return False
    if tag.find_parent(("article", "main", "section")):
        return False
    text = len(tag.get_text(" ", strip=True))
    linked = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
    return text > 0 and linked >= 0.6 * text
