"""EPUB reader: the chapters in reading order as one document, the book's notes as one note list.

An e-book is a zip (opened by `package`, as hostile input) of XHTML chapters
named by its package document (`epub_opf`). Each chapter is parsed with the
HTML reader's parser (BeautifulSoup over lxml's HTML mode: no DTD is loaded,
so `&nbsp;` and a DOCTYPE's entities cost nothing), its ids made unique in the
book, and its body appended as one <article> to a single tree, with every link
between chapters rewritten as a link inside that tree. The HTML reader's note
finder then sees the whole book as one page: `epub:type="noteref"` links to an
`aside epub:type="footnote"` in the same chapter, to endnotes in a notes
chapter, and the EPUB 2 converters' `<a href="notes.html#fn1"><sup>1</sup></a>`
pattern all become `[N]` markers and notes, with backlinks stripped.
Books often restart their note numbers in each chapter, so the notes are
renumbered in one sequence, in order of first reference.
"""

from __future__ import annotations

import codecs
import math
import re
import warnings

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.builder import ParserRejectedMarkup
from bs4.dammit import EncodingDetector

from app.errors import ReadError
from app.model import RawDocument
from app.readers import MAX_TEXT_CHARS
from app.readers.decoding import decode_bytes
from app.readers.epub_opf import Book, Chapter, open_book
from app.readers.html import MAX_DEPTH, max_depth
from app.readers.html_budget import attribute_count
from app.readers.html_flat import stream_text
from app.readers.html_notes import extract_notes
from app.readers.html_refs import INLINE
from app.readers.html_text import HEADINGS, TextWalker
from app.readers.layout import compose, one_line
from app.readers.package import Package, resolve

MAX_BOOK_TAGS = 150_000  # elements in the book's tree (about 1.5 KB each); chapters beyond are read as plain text
MAX_TREE_CHAPTER = 8_000_000  # characters of one chapter's markup parsed as a tree (real chapters: well under 1 MB)
MAX_BOOK_ATTRIBUTES = 1_000_000  # attributes in the book's tree (about 95 bytes each: html_budget)
MAX_FLAT_PARAGRAPHS = 20_000  # paragraphs of one chapter read as plain text, each a tag of the book's tree
_UNWANTED = ("script", "style", "template", "noscript", "nav", "form", "iframe", "object", "embed", "svg", "math")
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^\[>]{0,500}\[.{0,200000}?\]\s*>", re.IGNORECASE | re.DOTALL)
_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
_MARKER = re.compile(r"\[(\d{1,4})\]")
_MARKERS_ONLY = re.compile(r"^\s*(?:\[\d{1,4}\]\s*)+$")
_GENERATED_TITLE = re.compile(r"^(?:section|chapter|part|page|text|split|file|untitled|cover|start)[\s_-]*\d*$", re.I)
_MAX_TITLE_CHARS = 150
_TRAILING_DIGITS = re.compile(r"^(.*?)(\d*)$", re.DOTALL)


def read_epub(data: bytes, *, max_chars: int = MAX_TEXT_CHARS) -> RawDocument:
    """Read an EPUB 2 or 3 book; ReadError when it is not one, is protected or holds no text."""
    package = Package(data, "EPUB")
    book = open_book(package)
    merger = _Merger(package, book, max_chars)
    merger.load()
    soup = merger.soup
    notes = extract_notes(soup, frozenset({""}))
    if notes:
        notes = _renumber(soup, notes)
        _clear_note_chapters(merger.articles)
    walker = TextWalker()
    walker.walk(soup.body or soup)
    paragraphs, notes, cut = _fit(walker.paragraphs, notes, max_chars)
    notices = [*book.notices, *merger.notices]
    if cut and not merger.stopped:
        notices.append(f"text cut at {max_chars:,} characters (limit): the rest of the book is not in the "
                       "archive; split the file to keep all of it")  # fmt: skip
    text = compose(paragraphs, notes)
    if not text.strip():
        if merger.errors and not merger.read:
            raise merger.errors[0]
        what = "only images" if book.has_images else "no text"
        raise ReadError(f"no text: the e-book holds {what} (nothing to import)")
    kept = set(paragraphs)
    headings = [(level, title) for level, title in walker.headings if title in kept]
    return RawDocument(text=text, format="epub", headings=headings, hints=book.hints, notices=notices)


class _Merger:
    """Builds the book's single tree, chapter by chapter, within the text and tree budgets."""

    def __init__(self, package: Package, book: Book, max_chars: int) -> None:
        self.package = package
        self.book = book
        self.max_chars = max_chars
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.soup = BeautifulSoup("<html><body></body></html>", "lxml")
        self.articles: list[tuple[Tag, int, int]] = []  # (article, chapter number, text size)
        self.index = {chapter.name.casefold(): number for number, chapter in enumerate(book.chapters)}
        self.ids: dict[tuple[int, str], str] = {}  # (chapter, id as written) -> id in the book
        self.used: set[str] = set()
        self.chapter_ids: dict[int, str] = {}
        self.chars = 0
        self.tags = 0
        self.attributes = 0
        self.read = 0
        self.stopped = False
        self.flat = 0
        self.notices: list[str] = []
        self.errors: list[ReadError] = []

    def load(self) -> None:
        chapters = self.book.chapters
        for number, chapter in enumerate(chapters):
            if self.chars >= self.max_chars:
                self.stopped = True
                self.notices.append(f"text cut at the limit of {self.max_chars:,} characters: chapters "
                                    f"{number + 1:,} to {len(chapters):,} of {len(chapters):,} are not in the "
                                    "archive; split the book to keep all of it")  # fmt: skip
                break
            try:
                markup = _decode(self.package.read(chapter.name))
            except ReadError as exc:
                if str(exc) != "empty file":
                    self.errors.append(exc)
                    self.notices.append(f"chapter {chapter.name!r} was left out: {exc}")
                continue
            self.read += 1
            body = self._body(markup)
            if body is not None:
                self._append(body, number, chapter)
        if self.flat:
            self.notices.append(f"{self.flat:,} very large chapter(s) were read as plain text, without their "
                                "notes' structure")  # fmt: skip
        self._link()

    def _body(self, markup: str) -> Tag | None:
        """The chapter's <body>, parsed as a tree while the book's tree budget (tags, attributes) allows,
        else as text."""
        tags = markup.count("<")
        fits = self.tags + tags <= MAX_BOOK_TAGS and len(markup) <= MAX_TREE_CHAPTER
        attributes = attribute_count(markup, MAX_BOOK_ATTRIBUTES - self.attributes) if fits else 0
        if fits and self.attributes + attributes <= MAX_BOOK_ATTRIBUTES:
            try:
                soup = _parse(markup)
                if max_depth(soup) <= MAX_DEPTH:
                    self.tags += tags
                    self.attributes += attributes
                    return soup.body
            except (RecursionError, ParserRejectedMarkup):
                pass
        self.flat += 1
        text, _, _ = stream_text(markup, max(self.max_chars - self.chars, 1))
        paragraphs = [paragraph for paragraph in text.split("\n\n") if paragraph.strip()]
        # one <p> each up to MAX_FLAT_PARAGRAPHS (and the tree's budget); past it, runs of paragraphs share
        # one: a chapter of millions of tiny paragraphs would otherwise cost a tag, and its work, per paragraph
        tags = max(1_000, min(MAX_FLAT_PARAGRAPHS, MAX_BOOK_TAGS - self.tags))
        share = max(1, math.ceil(len(paragraphs) / tags))
        body = self.soup.new_tag("body")
        for start in range(0, len(paragraphs), share):
            block = self.soup.new_tag("p")
            block.string = "\n".join(paragraphs[start:start + share])
            body.append(block)
        self.tags += math.ceil(len(paragraphs) / share)
        return body

    def _append(self, body: Tag, number: int, chapter: Chapter) -> None:
        for tag in body.find_all(_UNWANTED):
            if not tag.decomposed:
                tag.decompose()
        for tag in body.find_all(True):
            for attr in ("id", "name") if tag.name == "a" else ("id",):
                value = tag.get(attr)
                if isinstance(value, str) and value:
                    key = (number, value)
                    if key not in self.ids:
                        self.ids[key] = self._claim(value, number)
                    tag[attr] = self.ids[key]
        _title_heading(body, chapter, self.soup)
        size = len(" ".join(body.get_text(" ").split()))  # indentation is not text
        self.chars += size
        body.name = "article"  # the note finder never climbs past an article when it removes notes
        body.attrs = {"id": self._claim(f"epub-chapter-{number}", number)}
        self.chapter_ids[number] = body["id"]
        self.soup.body.append(body)
        self.articles.append((body, number, size))

    def _claim(self, value: str, number: int) -> str:
        """A book-wide unique id: the chapter's own when free, else one that keeps its trailing number
        (`fn1` -> `fn-e3-1`), which the note finder reads as the note's number."""
        candidate = value
        if candidate in self.used:
            match = _TRAILING_DIGITS.match(value)
            head, digits = (match.group(1), match.group(2)) if match else (value, "")
            candidate = f"{head}-e{number}-{digits}" if digits else f"{value}-e{number}"
            while candidate in self.used:
                candidate = f"x{candidate}"
        self.used.add(candidate)
        return candidate

    def _link(self) -> None:
        """Links between chapters become links inside the book's tree; links to parts not read lose their href."""
        for article, number, _ in self.articles:
            base = self.book.chapters[number].name
            for anchor in article.find_all("a", href=True):
                href = str(anchor["href"]).strip()
                path, _, fragment = href.partition("#")
                if _SCHEME.match(path):
                    continue  # a web address stays one
                if path:
                    name = resolve(base, path)
                    target = self.index.get(name.casefold()) if name is not None else None
                else:
                    target = number
                if target is None or target not in self.chapter_ids:
                    del anchor["href"]
                    continue
                fragment = fragment.strip()
                if not fragment:
                    anchor["href"] = f"#{self.chapter_ids[target]}"
                else:
                    # a missing target keeps "#": a note reference to it still reads as a marker
                    anchor["href"] = f"#{self.ids.get((target, fragment), '')}"


def _decode(data: bytes) -> str:
    """A chapter's text: EPUB requires UTF-8 or UTF-16, but its declaration (or a BOM) is honoured."""
    declared = EncodingDetector.find_declared_encoding(data[:2048], is_html=True)
    try:
        encoding = codecs.lookup(declared).name if declared else "utf-8"
    except LookupError:
        encoding = "utf-8"
    return decode_bytes(data, "utf-8" if encoding.startswith(("utf-16", "utf-32")) else encoding)


def _parse(markup: str) -> BeautifulSoup:
    """HTML parsing of XHTML: an internal DTD subset is removed, never read (its entities stay unexpanded)."""
    markup = _INTERNAL_SUBSET.sub("", markup[:250_000], count=1) + markup[250_000:]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return BeautifulSoup(markup, "lxml")


def _title_heading(body: Tag, chapter: Chapter, soup: BeautifulSoup) -> None:
    """A chapter with no h1-h6 gets its table-of-contents title as its heading: its first
    paragraph becomes the heading when it is the title (office suites write headings as
    styled paragraphs), else the title is put before the text. Generated titles ("Section 3")
    and long ones (LibreOffice names a section by its first paragraph) are not headings."""
    if chapter.title is None or body.find(tuple(HEADINGS)) is not None:
        return
    level, title = chapter.title
    if len(title) > _MAX_TITLE_CHARS or _GENERATED_TITLE.match(title):
        return  # a converter's "Section 3", or a whole first paragraph used as the title
    for block in body.find_all(("p", "div"), limit=8):
        if block.find(("p", "div")) is not None:
            continue
        text = one_line(block.get_text(" "))
        if text:
            if text.casefold() == title.casefold():
                block.name = f"h{level}"
                block.attrs = {}
                return
            break
    if body.get_text(strip=True):
        heading = soup.new_tag(f"h{level}")
        heading.string = title
        body.insert(0, heading)


def _clear_note_chapters(articles: list[tuple[Tag, int, int]]) -> None:
    """A chapter that held notes and now holds only headings was a notes chapter: its "Notes" and
    per-chapter group headings ("Chapter 1" above that chapter's notes) head nothing any more."""
    for article, _, size in articles:
        if len(" ".join(article.get_text(" ").split())) >= size:
            continue  # nothing was removed (a part's title page is kept)
        strings = [s for s in article.find_all(string=True) if not isinstance(s, Comment) and s.strip()]
        if strings and all(s.find_parent(tuple(HEADINGS)) is not None for s in strings):
            article.clear()


def _renumber(soup: BeautifulSoup, notes: dict[int, str]) -> dict[int, str]:
    """Markers and notes renumbered 1, 2, 3 … in order of first reference; unreferenced notes follow.

    The note finder keeps the numbers the book shows, moving clashes (a second
    chapter's note 1) to the end; a book read as one document needs one sequence.
    Markers are the inline strings the finder wrote (`[N]` alone in an <a> or <sup>).
    """
    mapping: dict[int, int] = {}

    def new(match: re.Match[str]) -> str:
        return f"[{mapping.setdefault(int(match.group(1)), len(mapping) + 1)}]"

    for string in soup.find_all(string=_MARKERS_ONLY):
        parent = string.parent
        if isinstance(parent, Tag) and parent.name in INLINE:
            string.replace_with(NavigableString(_MARKER.sub(new, str(string))))
    for old in sorted(notes):
        mapping.setdefault(old, len(mapping) + 1)
    return {mapping[old]: text for old, text in notes.items()}


def _fit(paragraphs: list[str], notes: dict[int, str], limit: int) -> tuple[list[str], dict[int, str], bool]:
    """The paragraphs (and the notes they refer to) that fit in `limit` characters; True when cut.

    Cutting here, not after composing, keeps the notes of the text that stays.
    """
    if sum(len(p) + 2 for p in paragraphs) + sum(len(t) + 8 for t in notes.values()) <= limit:
        return paragraphs, notes, False
    kept: list[str] = []
    used: set[int] = set()
    size = 0
    for paragraph in paragraphs:
        referenced = {int(n) for n in _MARKER.findall(paragraph)} & notes.keys() - used
        cost = len(paragraph) + 2 + sum(len(notes[n]) + 8 for n in referenced)
        if size + cost > limit:
            if not kept:
                cut = paragraph.rfind(" ", 0, limit)
                kept.append(paragraph[: cut if cut > limit // 2 else limit])
            break
        kept.append(paragraph)
        used |= referenced
        size += cost
    return kept, {n: text for n, text in notes.items() if n in used}, True
