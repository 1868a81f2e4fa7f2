"""Footnotes in HTML: note lists become `{number: text}`, references become `[N]` text.

Covers the common producers: pandoc and markdown-it (`section.footnotes`,
`a.footnote-ref`), Python-Markdown (`div.footnote`, `fn:1`), Wikipedia
(`ol.references`, `cite_note-N`), Word exports (`div#ftn1`, `_ftnref1`), and
hand-written pages (`<sup>1</sup>`, `<p id="fn1">`, `<ol id="footnotes">`).
Tags are compared by identity: bs4's `==` compares markup, not nodes.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from app.readers.html_text import TextWalker
from app.readers.layout import link_text, one_line

_CONTAINER = re.compile(r"^(?:(?:foot|end)notes?(?:[-_].*)?|references|reflist|notes|fn-?list)$", re.I)
_CONTAINER_ROLES = ("doc-endnotes", "doc-footnotes")
_NOTE_ID = re.compile(
    r"^(?:fn|ftn|_ftn|footnote|endnote|note|edn|_edn|en|cite_note)[-_:.]?(?:[\w.:-]*[-_:])?(\d+)$", re.I
)
_REF_MARKS = re.compile(r"footnote-?ref|noteref|\bfootnote\b|\breference\b", re.I)
_BACKLINK_MARKS = re.compile(r"back-?ref|back-?link|footnote-back|cite-backlink", re.I)
_BACKLINK_TEXT = re.compile(r"^[\s↩↑⤴^\ufe0e\ufe0f]*$|^\s*\^?\s*(?:[a-z]\s*)+$")
_NOTES_HEADING = re.compile(r"\s*(?:(?:foot|end)?notes?|references|sources|notes and references)\s*:?\s*", re.I)
_HEADING_LIKE = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "p", "strong", "b"))
_INLINE = frozenset(["a", "span", "sup", "sub", "b", "i", "em", "strong", "small", "cite", "font", "abbr"])
_TOO_BIG = frozenset(("body", "html", "main", "article", "[document]"))
_LEADING_NUMBER = re.compile(r"^\s*(?:\[(\d{1,4})\]|(\d{1,4})[.):]?)(?=\s|$)")
_SUP_NUMBERS = re.compile(r"^[\s\[\](),;]*\d{1,4}(?:\s*(?:[-–,;]|\]\s*\[|\s)\s*\[?\d{1,4})*[\s\[\](),;]*$")
_MARKERS_ONLY = re.compile(r"^[\s\[\](),;]*(?:\[\d+\][\s\[\](),;]*)+$")
_UNIT_BEFORE = re.compile(r"(?:\b(?:sq\.?\s?)?[kcdm]?m|\bft|\bmi)\s?$")


def extract_notes(soup: BeautifulSoup) -> dict[int, str]:
    """Find the notes, rewrite references as `[N]`, and remove the notes from the tree."""
    notes = _number(_find_notes(soup))
    note_ids = _subtree_ids([note for note, _ in notes])
    targets: dict[str, int] = {}
    for note, number in notes:
        for tag in (note, *note.find_all(True)):
            for key in (tag.get("id"), tag.get("name")):
                if isinstance(key, str) and key:
                    targets.setdefault(key, number)
    _rewrite_references(soup, targets, note_ids)
    texts: dict[int, str] = {}
    for note, number in notes:
        text = _note_text(note, number)
        if text:
            texts.setdefault(number, text)
    _remove_notes([note for note, _ in notes])
    _rewrite_bare_superscripts(soup)
    return texts


def _subtree_ids(tags: list[Tag]) -> set[int]:
    """Identities of `tags` and everything inside them, for O(1) 'is it inside?' tests."""
    ids: set[int] = set()
    for tag in tags:
        if id(tag) not in ids:
            ids.add(id(tag))
            ids.update(id(node) for node in tag.descendants)
    return ids


def _remove(tag: Tag, gone: set[int], replacement: str | None = None) -> None:
    """Replace or decompose `tag`, remembering it and its content as gone (never touched again)."""
    gone.update(_subtree_ids([tag]))
    if replacement is None:
        tag.decompose()
    else:
        tag.replace_with(NavigableString(replacement))


def _marks(tag: Tag) -> str:
    """Class, role and rel of a tag as one string, for pattern tests."""
    return " ".join([*tag.get_attribute_list("class"), str(tag.get("role") or ""), str(tag.get("rel") or "")])


# -- finding the notes -------------------------------------------------------------


def _find_notes(soup: BeautifulSoup) -> list[Tag]:
    """Note elements in document order, outermost only."""
    found = [*_container_items(soup), *_id_notes(soup), *_link_targets(soup)]
    unique = {id(tag): tag for tag in found}
    outermost = [tag for tag in unique.values() if not any(id(p) in unique for p in tag.parents)]
    order = {id(tag): n for n, tag in enumerate(soup.find_all(True))}
    return sorted(outermost, key=lambda tag: order.get(id(tag), 0))


def _containers(soup: BeautifulSoup) -> list[Tag]:
    """Elements declared as note lists by class, id or ARIA role."""
    found: list[Tag] = []
    covered: set[int] = set()
    for tag in soup.find_all(True):
        tokens = [*tag.get_attribute_list("class"), tag.get("id")]
        declared = str(tag.get("role") or "") in _CONTAINER_ROLES or any(
            isinstance(token, str) and _CONTAINER.match(token) for token in tokens
        )
        if declared and tag.name not in _TOO_BIG | _INLINE and id(tag) not in covered:
            found.append(tag)
            covered |= _subtree_ids([tag])
    return found


def _container_items(soup: BeautifulSoup) -> list[Tag]:
    """Top-level list items of each container, else its numbered or note-id paragraphs."""
    items: list[Tag] = []
    for container in _containers(soup):
        outer_li = {id(p) for p in container.parents if p.name == "li"}
        lis = [li for li in container.find_all("li") if not _inside_li(li, container, outer_li)]
        items.extend(lis or [
            tag for tag in container.find_all(("p", "div", "dd"))
            if not tag.find(("p", "div")) and (_id_number(tag) is not None or _LEADING_NUMBER.match(tag.get_text()))
        ])
    return items


def _inside_li(li: Tag, container: Tag, outer: set[int]) -> bool:
    parent = li.find_parent("li")
    return parent is not None and id(parent) not in outer and parent is not container


def _id_notes(soup: BeautifulSoup) -> list[Tag]:
    """Blocks with a note-like id (`fn1`, `footnote-2`) that start with their number."""
    found = []
    for tag in soup.find_all(id=_NOTE_ID):
        block = _block_of(tag)
        number = _id_number(tag)
        match = _LEADING_NUMBER.match(block.get_text()) if block is not None else None
        if block is not None and number is not None and match and int(match.group(1) or match.group(2)) == number:
            found.append(block)
    return found


def _is_reference(anchor: Tag) -> bool:
    """A link shaped like a footnote reference: marked as one, '[N]', or a number in <sup>."""
    if _REF_MARKS.search(_marks(anchor)):
        return True
    text = anchor.get_text().strip()
    near = [anchor.parent, getattr(anchor.parent, "parent", None)]
    in_sup = any(tag is not None and tag.name == "sup" for tag in near) or anchor.find("sup") is not None
    return bool(re.fullmatch(r"\[\d{1,4}\]", text)) or (in_sup and bool(_SUP_NUMBERS.match(text)))


def _link_targets(soup: BeautifulSoup) -> list[Tag]:
    """Blocks that footnote-shaped links point at: notes even without a declared container."""
    ids: dict[str, Tag] = {}
    for tag in soup.find_all(True):
        key = tag.get("id") or (tag.get("name") if tag.name == "a" else None)
        if isinstance(key, str) and key:
            ids.setdefault(key, tag)
    found = []
    for anchor in soup.find_all("a", href=re.compile(r"^#.")):
        target = ids.get(str(anchor["href"])[1:])
        if target is None or not _is_reference(anchor) or "ref" in str(anchor["href"]).lower():
            continue
        block = _block_of(target)
        if block is None or block.name in _TOO_BIG or block.name == "section" or block.find(("h1", "h2", "h3")):
            continue
        if block is anchor or any(parent is block for parent in anchor.parents):
            continue
        found.append(block)
    return found


def _block_of(tag: Tag | None) -> Tag | None:
    """The element that holds a note: `tag` itself unless it is inline."""
    while tag is not None and tag.name in _INLINE:
        tag = tag.parent
    return tag if tag is not None and tag.name not in _TOO_BIG else None


def _id_number(tag: Tag) -> int | None:
    """Digits ending a note-like id on the tag or on a named anchor inside it (Word)."""
    candidates = [tag.get("id"), *(a.get("name") for a in tag.find_all("a", attrs={"name": True}, limit=2))]
    for key in candidates:
        if isinstance(key, str) and "ref" not in key.lower() and (match := _NOTE_ID.match(key)):
            return int(match.group(1))
    return None


def _number(notes: list[Tag]) -> list[tuple[Tag, int]]:
    """Number notes by value attribute, id digits, a leading '[N]'/'N.', list position, or sequence."""
    numbered: list[tuple[Tag, int]] = []
    previous = 0
    for note in notes:
        number = _declared_number(note)
        if number is None:
            number = previous + 1
        numbered.append((note, number))
        previous = number
    return numbered


def _declared_number(note: Tag) -> int | None:
    value = str(note.get("value") or "")
    if note.name == "li" and value.isdigit():
        return int(value)
    number = _id_number(note)
    if number is not None:
        return number
    match = _LEADING_NUMBER.match(note.get_text())
    if match and (note.name != "li" or match.group(1)):
        return int(match.group(1) or match.group(2))
    parent = note.parent
    if note.name == "li" and parent is not None and parent.name == "ol":
        start = str(parent.get("start") or "1")
        position = next(i for i, li in enumerate(parent.find_all("li", recursive=False)) if li is note)
        return (int(start) if start.isdigit() else 1) + position
    return None


# -- rewriting the tree ------------------------------------------------------------


def _rewrite_references(soup: BeautifulSoup, targets: dict[str, int], notes: set[int]) -> None:
    """Replace links to notes, and footnote-shaped links, by `[N]` text outside the notes."""
    gone = set(notes)
    for anchor in soup.find_all("a"):
        if id(anchor) in gone:
            continue
        href = str(anchor.get("href") or "")
        number = targets.get(href[1:]) if href.startswith("#") else None
        if number is None and _is_reference(anchor):
            digits = re.findall(r"\d+", anchor.get_text())
            number = int(digits[0]) if len(digits) == 1 else None
        if number is not None:
            _remove(anchor, gone, f"[{number}]")
    for sup in soup.find_all("sup"):
        if id(sup) not in gone and _MARKERS_ONLY.match(sup.get_text()):
            _remove(sup, gone, "".join(re.findall(r"\[\d+\]", sup.get_text())))


def _rewrite_bare_superscripts(soup: BeautifulSoup) -> None:
    """`<sup>4</sup>` and `<sup>2, 3</sup>` are markers; `m<sup>2</sup>` is an area unit."""
    gone: set[int] = set()
    for sup in soup.find_all("sup"):
        text = sup.get_text().strip() if id(sup) not in gone else ""
        if not _SUP_NUMBERS.match(text):
            continue
        before = sup.previous_element
        if text in ("2", "3") and isinstance(before, NavigableString) and _UNIT_BEFORE.search(str(before)):
            _remove(sup, gone, "²" if text == "2" else "³")
        else:
            _remove(sup, gone, "".join(f"[{n}]" for n in _expand(text)))


def _expand(text: str) -> list[int]:
    """'1, 2' -> [1, 2]; '3-5' -> [3, 4, 5] (short ranges only)."""
    numbers: list[int] = []
    for part in re.split(r"[,;\s\]\[]+", text.strip(" []")):
        bounds = [int(n) for n in re.split(r"[-–]", part) if n.isdigit()]
        if len(bounds) == 2 and 0 < bounds[1] - bounds[0] <= 20:
            numbers.extend(range(bounds[0], bounds[1] + 1))
        else:
            numbers.extend(bounds)
    return numbers


def _note_text(note: Tag, number: int) -> str:
    """The note on one line: backlinks and the leading number dropped, link URLs kept as text."""
    gone: set[int] = set()
    for anchor in note.find_all("a"):
        if id(anchor) in gone:
            continue
        href = str(anchor.get("href") or "")
        if _BACKLINK_MARKS.search(_marks(anchor)) or "doc-backlink" in _marks(anchor) or (
            href.startswith("#") and (_BACKLINK_TEXT.match(anchor.get_text()) or "ref" in href.lower())
        ):
            _remove(anchor, gone)
        elif href and not href.startswith("#"):
            _remove(anchor, gone, link_text(anchor.get_text(), href))
    for backlink in note.find_all(class_=_BACKLINK_MARKS):
        if id(backlink) not in gone:
            _remove(backlink, gone)
    walker = TextWalker()
    walker.walk(note)
    text = one_line(" ".join(walker.paragraphs))
    match = _LEADING_NUMBER.match(text)
    if match and int(match.group(1) or match.group(2)) == number:
        text = text[match.end():]
    return re.sub(r"^[\s^↑↩]+|[\s↩↑\ufe0e\ufe0f]+$", "", text)


def _remove_notes(notes: list[Tag]) -> None:
    """Drop the notes, then their emptied containers and any 'Notes' heading before them."""
    parents = {id(note.parent): note.parent for note in notes if note.parent is not None}
    gone: set[int] = set()
    for note in notes:
        _drop_notes_heading(note, gone)
        _remove(note, gone)
    for parent in parents.values():
        node: Tag | None = parent
        while node is not None and node.name not in _TOO_BIG and id(node) not in gone:
            if len(node.get_text(" ", strip=True)) > 80:
                break
            above = node.parent
            _drop_notes_heading(node, gone)
            _remove(node, gone)
            node = above


def _drop_notes_heading(tag: Tag, gone: set[int]) -> None:
    heading = tag.find_previous_sibling(True)
    if heading is not None and id(heading) not in gone and heading.name in _HEADING_LIKE and (
        _NOTES_HEADING.fullmatch(heading.get_text())
    ):
        _remove(heading, gone)
