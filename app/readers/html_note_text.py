"""One HTML note, once found: its number at its start, its text, and its removal from the page.

Shared by the note finder (`html_notes`) so that every producer's notes are
cleaned the same way: backlinks ('^', '↩', jump letters 'a b') and the note's
own number ('22', '[22]', '*22', glued '22Sometimes') dropped, link texts kept as
printed with their URLs at the end, tooltip copies next to markers removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from app.readers.html_refs import INLINE, Label, backlink_marked, is_backlink, label_of, link_parts
from app.readers.html_text import HEADINGS, TextWalker
from app.readers.layout import one_line

NOTE_ID = re.compile(
    r"^(?:fn|ftn|_ftn|footnote|endnote|note|edn|_edn|en|cite_note|ftnt)[-_:.]?(?:[\w.:-]*[-_:])?(\d+)$", re.I
)
TOO_BIG = frozenset(("body", "html", "main", "article", "[document]"))
NOTES_HEADING = re.compile(
    r"\s*+(?:(?:foot|end)?notes?|references|sources|notes and references|citations|bibliographical notes|"
    r"notes et références|références|anmerkungen|fußnoten|einzelnachweise|notas|referencias|脚注|注|注釈|出典)"
    r"\s*+:?\s*+",
    re.I,
)
_HEADING_LIKE = frozenset((*HEADINGS, "p", "strong", "b", "caption"))
_LEADING = re.compile(
    r"^[\s^↑↩]*(?:\[(\d{1,4})\]|\((\d{1,4})\)|[*※注]\s?(\d{1,4})|(\d{1,4})[.)](?=\s|$)|(\d{1,4})(?=\s|$))"
)
_SUP_NUMBERS = re.compile(r"^[\s\[\](),;]*\d{1,4}(?:\s*(?:[-–,;]|\]\s*\[|\s)\s*\[?\d{1,4})*[\s\[\](),;]*$")
_UNIT_BEFORE = re.compile(r"(?:\b(?:sq\.?\s?)?[kcdm]?m|\bft|\bmi)\s?$")


@dataclass(eq=False)
class Note:
    """A note element, the siblings that continue it, its number and the labels of references to it."""

    tag: Tag
    declared: bool
    extra: list[Tag] = field(default_factory=list)
    number: int = 0
    labels: list[Label] = field(default_factory=list)

    def parts(self) -> list[Tag]:
        return [self.tag, *self.extra]


def leading_number(tag: Tag) -> tuple[int, Tag | None, bool] | None:
    """The note's own number at its start: (number, the element holding it or None, decorated?).

    `<sup>22</sup>Sometimes …` and `<a name="f01">*1</a> …` give the element, so
    the number is removed even when no space separates it from the text.
    """
    first = _first_text(tag)
    if first is None:
        return None
    holder = first.parent
    while isinstance(holder, Tag) and holder is not tag and holder.name in INLINE:
        label = label_of(holder.get_text())
        if label is not None and label.number is not None and holder.get_text().strip():
            return label.number, holder, True
        holder = holder.parent
    match = _LEADING.match(" ".join(head_text(tag, 40).split()))
    if not match:
        return None
    digits = next(group for group in match.groups() if group)
    return int(digits), None, match.group(5) is None


def head_text(tag: Tag, limit: int) -> str:
    """The first `limit` characters of a tag's text, without reading all of a large element."""
    parts: list[str] = []
    size = 0
    for text in tag.strings:
        if not isinstance(text, Comment):
            parts.append(text)
            size += len(text)
            if size >= limit:
                break
    return " ".join(parts)[:limit]


def _first_text(tag: Tag) -> NavigableString | None:
    for node in tag.descendants:
        if isinstance(node, NavigableString) and not isinstance(node, Comment):
            text = str(node).strip().strip("^↑↩\ufe0e\ufe0f").strip()
            if text:
                return node
    return None


def id_number(tag: Tag) -> int | None:
    """Digits ending a note-like id on the tag or on a named anchor inside it (Word)."""
    candidates = [tag.get("id"), *(a.get("name") for a in tag.find_all("a", attrs={"name": True}, limit=2))]
    for key in candidates:
        if isinstance(key, str) and "ref" not in key.lower() and (match := NOTE_ID.match(key)):
            return int(match.group(1))
    return None


def is_backlink_in_note(anchor: Tag) -> bool:
    return is_backlink(anchor) or "ref" in str(anchor.get("href") or "").partition("#")[2].lower()


def note_text(note: Note) -> str:
    """The note on one line: backlinks and its own number dropped, link URLs kept as text."""
    gone: set[int] = set()
    for part in note.parts():
        for tag in part.find_all(True):
            if id(tag) in gone or tag.parent is None:
                continue
            if backlink_marked(tag) or (tag.name == "a" and is_backlink_in_note(tag) and _short(tag)):
                gone.update(id(node) for node in tag.descendants)
                tag.decompose()
    leading = leading_number(note.tag)
    own = leading is not None and leading[1] is not None and leading[0] == note.number
    if own and leading is not None and leading[1] is not None:
        leading[1].decompose()
    urls: list[str] = []
    for part in note.parts():
        for anchor in part.find_all("a"):
            href = str(anchor.get("href") or "")
            if href and not href.startswith("#"):
                shown, url = link_parts(anchor.get_text(), href)
                anchor.replace_with(NavigableString(shown))
                if url and url not in urls:
                    urls.append(url)
    walker = TextWalker()
    for part in note.parts():
        walker.walk(part)
    text = one_line(" ".join(walker.paragraphs))
    if own:
        text = re.sub(r"^[\s.:)\]]+", "", text)  # '<a>23</a>. Second.' after its number went
    text = _strip_own_number(text, note)
    extra = [url for url in urls if url not in text]
    return f"{text} {' '.join(extra)}".strip() if extra and text else text


def _short(anchor: Tag) -> bool:
    return len(anchor.get_text(strip=True)) <= 8


_OWN_NUMBER = re.compile(r"^(?:\[(\d{1,4})\]|\((\d{1,4})\)|[*※注]\s?(\d{1,4})|(\d{1,4})[.)]|(\d{1,4})(?=\s))\s*")


def _strip_own_number(text: str, note: Note) -> str:
    """The note's own number written before its text ('22. ', '[22]', '*22'); an ol's number is not in the text."""
    text = re.sub(r"^[\s^↑↩:]+", "", text)
    match = _OWN_NUMBER.match(text)
    if match:
        groups = match.groups()
        written = next(int(group) for group in groups if group)
        bare = groups[4] is not None
        implicit = note.tag.name == "li" and note.tag.get("value") is None
        if written == note.number and not (bare and implicit):
            text = text[match.end():]
    return re.sub(r"^[\s^↑]+|[\s↩↑\ufe0e\ufe0f]+$", "", text)


def drop_duplicates(wrapper: Tag, note_text: str) -> None:
    """Tooltip copies of a note next to its marker (WordPress footnote plugins) leave the body."""
    key = _squash(note_text)[:40]
    if len(key) < 8 or wrapper.parent is None:
        return
    for tag in wrapper.find_all(True):
        if tag.parent is not None and key in _squash(tag.get_text())[:80] and len(tag.get_text(strip=True)) >= 8:
            tag.decompose()


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def remove_notes(notes: list[Note]) -> None:
    """Drop the notes, then their emptied containers and any 'Notes' heading before them.

    A list made only of notes goes in one step: removing thousands of items one
    by one costs a scan of the list each (bs4 finds an element's index linearly).
    """
    parts = [part for note in notes for part in note.parts()]
    members = {id(part) for part in parts}
    parents = {id(part.parent): part.parent for part in parts if part.parent is not None}
    for parent in parents.values():
        children = [child for child in parent.contents if isinstance(child, Tag) or str(child).strip()]
        if len(children) > 1 and all(id(child) in members for child in children) and parent.parent is not None:
            _drop_notes_heading(children[0])
            parent.clear()  # cheap when it is extracted first: its children are dropped with it
    for part in parts:
        if part.parent is not None and id(part.parent) in parents and not part.parent.contents:
            continue
        if part.parent is not None:
            _drop_notes_heading(part)
            part.decompose()
    for parent in parents.values():
        node: Tag | None = parent
        while node is not None and node.parent is not None and node.name not in TOO_BIG:
            if len(node.get_text(" ", strip=True)) > 80:
                break
            above = node.parent
            _drop_notes_heading(node)
            node.decompose()
            node = above


def set_text(tag: Tag, text: str) -> None:
    """Replace what `tag` holds by `text`, in place: cheap, unlike replacing the tag among many siblings."""
    tag.clear()
    tag.append(NavigableString(text))


def _drop_notes_heading(tag: Tag) -> None:
    """A 'Notes' heading, or a wrapper holding only one, right before the notes."""
    heading = tag.find_previous_sibling(True)
    if heading is not None and NOTES_HEADING.fullmatch(heading.get_text()) and (
        heading.name in _HEADING_LIKE or heading.find(_HEADING_LIKE) is not None
    ):
        heading.decompose()


def rewrite_bare_superscripts(soup: BeautifulSoup) -> None:
    """`<sup>4</sup>` and `<sup>2, 3</sup>` are markers; `m<sup>2</sup>` is an area unit."""
    for sup in soup.find_all("sup"):
        if sup.parent is None:
            continue
        text = sup.get_text().strip()
        if not _SUP_NUMBERS.match(text):
            continue
        before = sup.previous_element
        if text in ("2", "3") and isinstance(before, NavigableString) and _UNIT_BEFORE.search(str(before)):
            set_text(sup, "²" if text == "2" else "³")
        else:
            markers = "".join(f"[{n}]" for n in _expand(text))
            after = sup.next_sibling
            glued = isinstance(after, NavigableString) and str(after)[:1].isalpha()
            set_text(sup, f"{markers} " if glued and _opens_block(sup) else markers)  # '<sup>22</sup>Sometimes'


def _opens_block(tag: Tag) -> bool:
    """Nothing visible before `tag` in its paragraph: a note's own number, not a marker in running text."""
    node = tag.previous_element
    while node is not None:
        if isinstance(node, Tag) and node.name not in INLINE:
            return True
        if isinstance(node, NavigableString) and not isinstance(node, Comment) and str(node).strip():
            return False
        node = node.previous_element
    return True


def _expand(text: str) -> list[int]:
    """'1, 2' -> [1, 2]; '3-5' -> [3, 4, 5] (short ranges only)."""
    numbers: list[int] = []
    for part in re.split(r"[,;\s\]\[()]+", text.strip(" []()")):
        bounds = [int(n) for n in re.split(r"[-–]", part) if n.isdigit()]
        if len(bounds) == 2 and 0 < bounds[1] - bounds[0] <= 20:
            numbers.extend(range(bounds[0], bounds[1] + 1))
        else:
            numbers.extend(bounds)
    return numbers
