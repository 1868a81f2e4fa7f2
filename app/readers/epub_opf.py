"""An e-book's package document: where the OPF is, what the spine reads, what the book declares.

EPUB 2 and 3 both name their package document (OPF) in `META-INF/container.xml`;
the OPF lists the parts (manifest), their reading order (spine) and the book's
Dublin Core metadata. Chapter titles come from the EPUB 3 navigation document
or the EPUB 2 NCX, for chapters that carry no heading of their own. A book
whose chapters are encrypted (Adobe, Apple or any other DRM) is refused in one
line: its parts are ciphertext. Embedded-font obfuscation, which DRM-free
books use, is not protection and is allowed.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from urllib.parse import unquote

from bs4 import BeautifulSoup
from lxml import etree

from app.errors import ReadError
from app.readers.decoding import decode_bytes
from app.readers.hints import clean_hints, iso_date, meaningful_name, meaningful_title
from app.readers.layout import one_line
from app.readers.package import Package, resolve

MAX_CHAPTERS = 2_000  # spine items read; a long report split by a converter has tens
MAX_NAV_ENTRIES = 20_000
MAX_NAV_BYTES = 4 * 1024 * 1024
MAX_OPF_BYTES = 8 * 1024 * 1024  # a real OPF is a few kilobytes; its tree costs ~20 times its size
MAX_SMALL_PART_BYTES = 1024 * 1024  # container.xml, encryption.xml
_HTML_TYPES = frozenset(("application/xhtml+xml", "text/html", "application/html+xml"))
_HTML_SUFFIXES = (".xhtml", ".html", ".htm", ".xht")
_FONT_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2", ".ttc", ".eot", ".pfb", ".pfm", ".afm")
_DRM_MARKERS = ("META-INF/rights.xml", "META-INF/sinf.xml")  # Adobe ADEPT, Apple FairPlay
_PLACEHOLDER_TITLE = re.compile(r"^\s*(?:unknown|no title|title)\s*$", re.I)
_MIN_YEAR = 1500  # converters write 0101-01-01 for "no date"


@dataclass(slots=True)
class Chapter:
    """One spine item to read: its entry name and, from the table of contents, its title."""

    name: str
    linear: bool = True
    title: tuple[int, str] | None = None


@dataclass(slots=True)
class Book:
    opf_name: str
    chapters: list[Chapter]
    hints: dict[str, object]
    has_images: bool = False
    notices: list[str] = field(default_factory=list)


def open_book(package: Package) -> Book:
    """The book's reading order and metadata; ReadError when it is protected or has no package document.

    Linear spine items come first, then the non-linear ones (notes and answers a
    reader opens from links), so endnotes still follow their references. The
    navigation document itself is not a chapter: its text is the table of contents.
    """
    refuse_protected(package)
    opf_name = _rootfile(package)
    opf = package.xml(opf_name, MAX_OPF_BYTES)
    manifest: dict[str, tuple[str, str, str]] = {}  # id -> (entry name, media type, properties)
    for item in _children(opf, "manifest", "item"):
        href = item.get("href") or ""
        name = resolve(opf_name, href)
        if name is not None and item.get("id"):
            manifest[str(item.get("id"))] = (name, (item.get("media-type") or "").lower(), item.get("properties") or "")
    nav_name = next((name for name, _, props in manifest.values() if "nav" in props.split()), None)
    linear: list[Chapter] = []
    later: list[Chapter] = []
    seen: set[str] = set()
    spine = _first(opf, "spine")
    for itemref in _children(opf, "spine", "itemref"):
        entry = manifest.get(str(itemref.get("idref") or ""))
        if entry is None or entry[0] in seen or entry[0] == nav_name or not _is_html(entry[0], entry[1]):
            continue
        seen.add(entry[0])
        chapter = Chapter(entry[0], (itemref.get("linear") or "yes").strip().lower() != "no")
        (linear if chapter.linear else later).append(chapter)
    chapters = linear + later
    book = Book(opf_name, chapters[:MAX_CHAPTERS], book_hints(opf))
    book.has_images = any(media.startswith("image/") for _, media, _ in manifest.values())
    if len(chapters) > MAX_CHAPTERS:
        book.notices.append(f"only the first {MAX_CHAPTERS:,} of {len(chapters):,} chapters were read (limit)")
    ncx_id = spine.get("toc") if spine is not None else None
    ncx_name = manifest[ncx_id][0] if ncx_id in manifest else None
    titles = _nav_titles(package, nav_name) or _ncx_titles(package, ncx_name)
    for chapter in book.chapters:
        chapter.title = titles.get(chapter.name)
    return book


def refuse_protected(package: Package) -> None:
    """ReadError when DRM encrypts the book's text; fonts alone may be obfuscated."""
    marker = next((name for name in _DRM_MARKERS if package.has(name)), None)
    if marker is None:
        encryption = package.xml_optional("META-INF/encryption.xml", MAX_SMALL_PART_BYTES)
        if encryption is None:
            return
        names = [unquote(str(ref.get("URI") or "")) for ref in encryption.iter() if _local(ref) == "CipherReference"]
        if all(name.lower().endswith(_FONT_SUFFIXES) for name in names):
            return
    raise ReadError("protected e-book: its text is encrypted by DRM and cannot be read; import a DRM-free copy")


def book_hints(opf: etree._Element) -> dict[str, object]:
    """Title, publisher, date and subjects the OPF declares, placeholders dropped.

    A publication date (EPUB 3's dc:date, EPUB 2's `opf:event="publication"`) is
    a date hint; a creation date is only a fallback; a modification date is the
    file's, not the report's. Creators are the authors in their order (an EPUB 3 creator
    refined to another role than "aut" is still a creator: the book names it first).
    """
    raw: dict[str, object] = {}
    subjects: list[str] = []
    creators: list[str] = []
    metadata = _first(opf, "metadata")
    for element in metadata.iter() if metadata is not None else []:
        if not isinstance(element.tag, str):
            continue
        name, text = _local(element), one_line(element.text or "")
        if not text:
            continue
        if name == "title" and "title" not in raw and not _PLACEHOLDER_TITLE.match(text):
            raw["title"] = meaningful_title(text)
        elif name == "publisher" and "publisher" not in raw:
            raw["publisher"] = meaningful_name(text)
        elif name == "subject" and len(subjects) < 50:
            subjects.append(text)
        elif name == "creator" and len(creators) < 100:
            creators.append(text)
        elif name == "language" and "language" not in raw:
            raw["language"] = text
        elif name == "date":
            event = next((str(v).lower() for k, v in element.attrib.items() if _local_name(k) == "event"), "")
            key = {"": "date", "publication": "date", "issued": "date", "creation": "fallback_date"}.get(event)
            date = iso_date(text)
            if key and key not in raw and date and _plausible_year(date):
                raw[key] = date
    raw["tags"] = subjects
    raw["authors"] = creators
    return clean_hints({key: value for key, value in raw.items() if value})


def _plausible_year(date: str) -> bool:
    return not date[:4].isdigit() or int(date[:4]) >= _MIN_YEAR


def _rootfile(package: Package) -> str:
    """The OPF named by container.xml, else the package's first .opf; ReadError when there is none."""
    container = package.xml_optional("META-INF/container.xml", MAX_SMALL_PART_BYTES)
    named: list[str] = []
    if container is not None:
        for rootfile in (el for el in container.iter() if _local(el) == "rootfile"):
            path = resolve("", str(rootfile.get("full-path") or ""))
            media = (rootfile.get("media-type") or "application/oebps-package+xml").lower()
            if path is not None and media == "application/oebps-package+xml":
                named.append(path)
    for name in [*named, *sorted(n for n in package.names() if n.lower().endswith(".opf"))]:
        if package.has(name):
            return name
    if container is None:
        raise ReadError("broken EPUB file: META-INF/container.xml and the package document (.opf) are missing")
    raise ReadError("broken EPUB file: the package document (.opf) named in META-INF/container.xml is missing")


def _nav_titles(package: Package, nav_name: str | None) -> dict[str, tuple[int, str]]:
    """Chapter titles from the EPUB 3 navigation document's `toc` nav (an HTML list of links)."""
    if nav_name is None:
        return {}
    try:
        data = package.read_optional(nav_name, MAX_NAV_BYTES)
        markup = decode_bytes(data, "utf-8") if data else ""
    except ReadError:
        return {}  # titles are a convenience; a broken nav document loses nothing else
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(markup, "lxml")
    navs = soup.find_all("nav")
    toc = next((nav for nav in navs if "toc" in str(nav.get("epub:type") or "").split()), navs[0] if navs else None)
    entries: list[tuple[str, int, str]] = []
    for anchor in toc.find_all("a", href=True, limit=MAX_NAV_ENTRIES) if toc is not None else []:
        depth = sum(1 for parent in anchor.parents if parent.name == "ol" and parent is not toc)
        entries.append((str(anchor["href"]), max(depth, 1), anchor.get_text(" ")))
    return _titles(nav_name, entries)


def _ncx_titles(package: Package, ncx_name: str | None) -> dict[str, tuple[int, str]]:
    """Chapter titles from the EPUB 2 NCX's navMap (nested navPoints)."""
    try:
        ncx = package.xml_optional(ncx_name, MAX_NAV_BYTES) if ncx_name else None
    except ReadError:
        return {}
    if ncx is None:
        return {}
    entries: list[tuple[str, int, str]] = []
    for point in (el for el in ncx.iter() if _local(el) == "navPoint"):
        if len(entries) >= MAX_NAV_ENTRIES:
            break
        depth = sum(1 for parent in point.iterancestors() if _local(parent) == "navPoint") + 1
        label = next((el for el in point if _local(el) == "navLabel"), None)
        text = "".join(label.itertext()) if label is not None else ""
        content = next((el for el in point if _local(el) == "content"), None)
        src = str(content.get("src") or "") if content is not None else ""
        entries.append((src, depth, text))
    return _titles(ncx_name or "", entries)


def _titles(base: str, entries: list[tuple[str, int, str]]) -> dict[str, tuple[int, str]]:
    """Each chapter's title: its first entry pointing at the file itself, else its first entry at all."""
    whole: dict[str, tuple[int, str]] = {}
    partial: dict[str, tuple[int, str]] = {}
    for href, depth, text in entries:
        name, title = resolve(base, href), one_line(text)
        if name is None or not title:
            continue
        target = partial if "#" in href and href.split("#", 1)[1] else whole
        target.setdefault(name, (min(depth, 6), title))
    return {**partial, **whole}


def _is_html(name: str, media: str) -> bool:
    return media in _HTML_TYPES or (not media.startswith("image/") and name.lower().endswith(_HTML_SUFFIXES))


def _first(root: etree._Element, name: str) -> etree._Element | None:
    return next((el for el in root.iter() if _local(el) == name), None)


def _children(root: etree._Element, parent: str, name: str | None) -> list[etree._Element]:
    """Child elements called `name` (any, when None) of the first `parent`, namespaces ignored."""
    container = _first(root, parent)
    if container is None:
        return []
    return [el for el in container if isinstance(el.tag, str) and (name is None or _local(el) == name)]


def _local(element: etree._Element) -> str:
    return _local_name(element.tag) if isinstance(element.tag, str) else ""


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
