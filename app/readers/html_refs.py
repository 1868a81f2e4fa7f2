"""Recognising footnote references and note labels in an HTML tree.

A reference is a same-page link shaped like a marker: marked as one (class,
role, `epub:type`, rel), wrapped in or holding a <sup>, or written `[3]`,
`(3)`, `*3`, `注3`. Its label is what the reader sees: `3`, or a group
label such as Wikipedia's `n 1` or `a`. A plain number link ("1" in a table
of contents or a pager) is not a reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from app.readers.layout import link_text

_REF_MARKS = re.compile(
    r"footnote-?ref|noteref|footnote_hard_link|\bfootnote\b|\breference\b|\bfn\b|easy-footnote|"
    r"footnote_referrer|MsoFootnoteReference|MsoEndnoteReference",
    re.I,
)
_BACKLINK_MARKS = re.compile(
    r"back-?ref|back-?link|footnote-back|cite-backlink|reversefootnote|footnote_backlink|to-top|return", re.I
)
_NUMERIC = re.compile(
    r"^[\s\[(（【〔]*(?:注|※|\*)?\s*(\d{1,4})(?::\d{1,3})?\s*[\])）】〕.]*$"
)
_DECORATED = re.compile(r"^\s*(?:\[.*\]|\(.*\)|（.*）|【.*】|〔.*〕|[*※注].*)\s*$")
_GROUP = re.compile(
    r"^[\s\[(]*((?:n|nb|note|notes|lower-alpha|upper-alpha|upper-roman|lower-roman|lower-greek|[a-z])\s\d{1,3}"
    r"|[a-z]{1,2}|[ivx]{1,5}|[*†‡§¶]{1,3})[\s\])]*$",
    re.I,
)
INLINE = frozenset(("a", "span", "sup", "sub", "b", "i", "em", "strong", "small", "cite", "font", "abbr", "u"))


@dataclass(frozen=True, slots=True)
class Label:
    """What a reference shows: a number, or a group label ('n 1', 'a') with no number."""

    number: int | None
    text: str


def marks(tag: Tag) -> str:
    """Class, id, role, rel and epub:type of a tag as one string, for pattern tests."""
    values = [*tag.get_attribute_list("class"), str(tag.get("role") or ""), str(tag.get("epub:type") or "")]
    values.extend(tag.get_attribute_list("rel"))
    return " ".join(value for value in values if value)


def numeric_label(text: str) -> int | None:
    """'3', '[3]', '(3)', '*3', '注3', '1:1' (markdown-it's second reference to 1) -> the number."""
    if len(text) > 24:  # no label is longer; and on a long run of blanks the pattern would backtrack for minutes
        return None
    match = _NUMERIC.match(text)
    return int(match.group(1)) if match else None


def group_label(text: str) -> str | None:
    """'[n 1]', '[a]', '[note 2]', '†' -> the label; numbers and words are not group labels."""
    match = _GROUP.match(text)
    return " ".join(match.group(1).lower().split()) if match else None


def label_of(text: str) -> Label | None:
    number = numeric_label(text)
    if number is not None:
        return Label(number, str(number))
    group = group_label(text)
    return Label(None, group) if group else None


def fragment(href: str, page_names: frozenset[str]) -> str | None:
    """The id a link points to on this page: '#fn1', or 'this-page.html#fn1' for a saved page."""
    if "#" not in href:
        return None
    path, _, frag = href.partition("#")
    if not frag:
        return None
    if path.strip() and urlsplit(path.strip()).path.rstrip("/").rsplit("/", 1)[-1] not in page_names:
        return None
    return unquote(frag)


def page_names(soup: BeautifulSoup) -> frozenset[str]:
    """Last path segments naming this page (canonical link, og:url), for saved pages' absolute links."""
    names = {""}
    for tag in soup.find_all(("link", "meta")):
        rel = " ".join(tag.get_attribute_list("rel")).lower()
        key = str(tag.get("property") or tag.get("name") or "").lower()
        url = tag.get("href") if rel == "canonical" else tag.get("content") or tag.get("value")
        if (rel == "canonical" or key == "og:url") and isinstance(url, str):
            names.add(urlsplit(url.strip()).path.rstrip("/").rsplit("/", 1)[-1])
    return frozenset(names)


def ref_marks(anchor: Tag) -> str:
    """Marks of the link, of the inline wrapper it sits in (Wikipedia's `sup.reference`) and of
    the span inside it (Word's `MsoFootnoteReference`)."""
    parent = anchor.parent
    extra = marks(parent) if isinstance(parent, Tag) and parent.name in INLINE else ""
    inner = anchor.find(True)
    return f"{marks(anchor)} {extra} {marks(inner) if inner is not None else ''}"


def reference_label(anchor: Tag) -> Label | None:
    """The label if `anchor` is shaped like a footnote reference, else None."""
    text = " ".join(anchor.get_text(" ").split())
    if not text:
        return None
    label = label_of(text)
    if label is None:
        return None
    in_sup = anchor.find("sup") is not None or anchor.find_parent("sup") is not None
    marked = bool(_REF_MARKS.search(ref_marks(anchor)))
    if marked or in_sup or _DECORATED.match(text):
        return label
    return None


def is_backlink(anchor: Tag) -> bool:
    """A link from a note back to its reference: marked as one, or only arrows, '^' or jump letters."""
    if _BACKLINK_MARKS.search(marks(anchor)) or "doc-backlink" in marks(anchor):
        return True
    if "#" not in str(anchor.get("href") or "#"):
        return False  # a link to another page is content, whatever its text
    text = " ".join(anchor.get_text(" ").split())
    return bool(re.fullmatch(r"[\s↩↑⤴⇧↵⏎^\ufe0e\ufe0f]*|\^?\s*[a-z]{1,2}", text))


def backlink_marked(tag: Tag) -> bool:
    return bool(_BACKLINK_MARKS.search(" ".join(tag.get_attribute_list("class"))))


def link_parts(text: str, url: str) -> tuple[str, str | None]:
    """A link inside a note: (what is printed, the URL to append at the note's end or None).

    Notes keep their printed text ('"Place names". Te Ara …'), so a comparison or
    a reader sees them as written; the URLs follow at the end for the citation parser.
    """
    text = " ".join(text.split())
    shown = link_text(text, url)
    if shown == text:
        return text, None
    if not text or not shown.startswith(text):
        return shown, None  # the link's text is its URL
    return text, shown[len(text):].strip()[1:-1]
