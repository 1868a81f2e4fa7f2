"""Footnotes in HTML: note lists become `{number: text}`, references become `[N]` text.

Notes are found three ways, so producers we have never seen still work:
declared lists (class/id `footnotes`, `references`, `wp-block-footnotes`,
role `doc-endnotes`, `epub:type="footnotes"`), typed notes (`doc-endnote`,
`epub:type="footnote"`), and the blocks that reference-shaped links point at
(Word's `#_ftn1`, tDiary's `#f01`, WordPress plugins' rows). A note keeps
the number its references display (Wikipedia's `[3]` for `cite_note-x-5`, a
chapter's 22-25), else its list position, leading number or id. Group notes
shown as `[n 1]`/`[a]`/`†` are numbered after the numbered ones. A declared
list that nothing refers to is a bibliography and stays in the body.
Tags are compared by identity: bs4's `==` compares markup, not nodes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from app.readers.html_note_text import (
    NOTE_ID,
    NOTES_HEADING,
    TOO_BIG,
    Note,
    drop_duplicates,
    head_text,
    id_number,
    is_backlink_in_note,
    leading_number,
    note_text,
    remove_notes,
    rewrite_bare_superscripts,
    set_text,
)
from app.readers.html_refs import (
    INLINE,
    Label,
    fragment,
    label_of,
    marks,
    page_names,
    reference_label,
)
from app.readers.html_text import HEADINGS

_CONTAINER = re.compile(
    r"^(?:[\w-]*[-_])?(?:(?:foot|end|rear)notes?|references)(?:[-_][\w-]*)?$|^(?:reflist|notes|fn-?list)$", re.I
)
_CONTAINER_TAGS = frozenset(("div", "section", "aside", "ol", "ul", "dl", "footer", "table", "tbody"))
_CONTAINER_TYPES = re.compile(r"\b(?:doc-endnotes|doc-footnotes|footnotes|endnotes|rearnotes)\b")
_NOTE_TYPES = re.compile(r"\b(?:doc-endnote|doc-footnote|footnote|endnote|rearnote)\b")
_BLOCKS = ["li", "p", "div", "dd", "tr", "aside", "section", "blockquote"]
_MARKERS_ONLY = re.compile(r"^[\s\[\](),;]*(?:\[\d+\][\s\[\](),;]*)+$")
_MAX_FOUND_NOTE = 4000  # characters; a link target bigger than this is a section, not a note


@dataclass(eq=False)
class _Ref:
    anchor: Tag
    target: Tag
    label: Label


def extract_notes(soup: BeautifulSoup, names: frozenset[str] | None = None) -> dict[int, str]:
    """Find the notes, rewrite references as `[N]`, and remove the notes from the tree.

    `names` are this page's own file names (from `page_names`, read before <head> is dropped).
    """
    return _NoteFinder(soup, names if names is not None else page_names(soup)).run()


def read_note_list(soup: BeautifulSoup) -> tuple[dict[int, str], dict[str, int]]:
    """Notes of a fragment that is known to be a note list (Markdown's raw-HTML notes section).

    Returns the texts and, for each id inside a note, its number, so the
    references outside the fragment can be resolved.
    """
    finder = _NoteFinder(soup, frozenset({""}), trusted=True)
    texts = finder.run()
    return texts, finder.targets


class _NoteFinder:
    """One pass over one page: find, number, rewrite, extract, remove."""

    def __init__(self, soup: BeautifulSoup, names: frozenset[str], trusted: bool = False) -> None:
        self.soup = soup
        self.names = names
        self.trusted = trusted
        self.targets: dict[str, int] = {}
        self.order: dict[int, int] = {}
        self.ids: dict[str, Tag] = {}
        self.typed: list[Tag] = []  # role doc-endnote / epub:type footnote
        self.note_ids: list[Tag] = []  # id="fn3", "_ftn3", "cite_note-3"
        self.tags: list[Tag] = soup.find_all(True)  # one traversal; the lists below filter it
        for position, tag in enumerate(self.tags):
            self.order[id(tag)] = position
            if (tag.get("role") or tag.get("epub:type")) and _typed_note(tag):
                self.typed.append(tag)
            if isinstance(tag.get("id"), str) and NOTE_ID.match(tag["id"]):
                self.note_ids.append(tag)
            for key in (tag.get("id"), tag.get("name") if tag.name == "a" else None):
                if isinstance(key, str) and key:
                    self.ids.setdefault(key, tag)
        self.refs = self._references()
        self.owner: dict[int, Note] = {}
        self.covered: set[int] = set()
        self.markers: Counter[int] | None = None
        self.checked: dict[int, bool] = {}
        self.positions: dict[int, dict[int, int]] = {}  # list id -> item id -> index (the tree outlives no call)

    def run(self) -> dict[int, str]:
        notes = self._find()
        for note in notes:
            for part in note.parts():
                self.owner[id(part)] = note
                self.owner.update((id(node), note) for node in part.descendants)
        for ref in self.refs:
            note = self.owner.get(id(ref.target))
            if note is not None:
                note.labels.append(ref.label)
        _number(notes, self.positions)
        self.targets = {key: note.number for key, tag in self.ids.items() if (note := self.owner.get(id(tag)))}
        wrappers = self._rewrite_references()
        texts: dict[int, str] = {}
        for note in notes:
            number, shown = note.number, [label.number for label in note.labels if label.number is not None]
            note.number = Counter(shown).most_common(1)[0][0] if shown else number  # the text repeats what is shown
            text = note_text(note)
            note.number = number  # a clash (a second chapter's note 1) was numbered after the others
            if text:
                texts.setdefault(note.number, text)
        for wrapper, note in wrappers:
            drop_duplicates(wrapper, texts.get(note.number, ""))
        remove_notes(notes)
        rewrite_bare_superscripts(self.soup)
        return texts

    # -- references ------------------------------------------------------------

    def _references(self) -> list[_Ref]:
        names = self.names
        refs: list[_Ref] = []
        for anchor in (tag for tag in self.tags if tag.name == "a" and tag.has_attr("href")):
            key = fragment(str(anchor["href"]), names)
            target = self.ids.get(key) if key else None
            if target is None or target is anchor:
                continue
            label = reference_label(anchor)
            if label is None and (_typed_note(target) or (target.parent is not None and _typed_note(target.parent))):
                label = label_of(" ".join(anchor.get_text(" ").split()))  # InDesign's plain "1" to a typed note
            if label is not None and not any(parent is target for parent in anchor.parents):
                refs.append(_Ref(anchor, target, label))
        return refs

    # -- finding the notes -----------------------------------------------------

    def _find(self) -> list[Note]:
        found: list[Note] = []
        for container in self._containers():
            found.extend(self._container_notes(container))
        found.extend(self._heading_notes())
        found.extend(Note(tag, True) for tag in self.typed)
        for ref in self.refs:
            block = self._target_block(ref)
            if block is not None:
                found.append(Note(block, False))
        for tag in self.note_ids:
            block = _enclosing_block(tag)
            if block is not None and block.name not in TOO_BIG and _leads_with_own_number(block, tag):
                found.append(Note(block, False))
        unique: dict[int, Note] = {}
        for note in found:
            unique.setdefault(id(note.tag), note)
        outermost = [n for n in unique.values() if not any(id(p) in unique for p in n.tag.parents)]
        return sorted(outermost, key=lambda n: self.order.get(id(n.tag), 0))

    def _containers(self) -> list[Tag]:
        """Declared note lists, outermost first; a list nothing refers to is left in the body."""
        found: list[Tag] = []
        covered: set[int] = set()
        for tag in (tag for tag in self.tags if tag.name in _CONTAINER_TAGS):
            if id(tag) in covered:
                continue
            typed = bool(_CONTAINER_TYPES.search(f"{tag.get('role') or ''} {tag.get('epub:type') or ''}"))
            tokens = [*tag.get_attribute_list("class"), tag.get("id")]
            if typed or any(isinstance(token, str) and _CONTAINER.match(token) for token in tokens):
                found.append(tag)
                covered.update(id(node) for node in tag.descendants)
                covered.add(id(tag))
        self.covered = covered
        return found

    def _heading_notes(self) -> list[Note]:
        """Under a 'Notes'/'References' heading: the list that follows, or the numbered paragraphs."""
        notes: list[Note] = []
        for heading in (tag for tag in self.tags if tag.name in HEADINGS and tag.parent is not None):
            if not NOTES_HEADING.fullmatch(heading.get_text()):
                continue
            following: list[Tag] = []
            sibling = heading.next_sibling
            while sibling is not None and len(following) < 2000:
                if isinstance(sibling, Tag):
                    if sibling.name in HEADINGS or sibling.find(tuple(HEADINGS)) is not None:
                        break
                    following.append(sibling)
                sibling = sibling.next_sibling
            if any(id(tag) in self.covered or any(id(inner) in self.covered for inner in tag.find_all(_CONTAINER_TAGS))
                   for tag in following):
                continue  # a declared list is read as such
            if following and following[0].name in ("ol", "ul") and not _CONTAINER_TYPES.search(marks(following[0])):
                found = self._container_notes(following[0])
            else:
                found = self._block_notes([t for t in following if t.name in ("p", "div", "dd")])
                found = found if found and self._referenced(found) else []
            notes.extend(found)
        return notes

    def _container_notes(self, container: Tag) -> list[Note]:
        outer = {id(p) for p in container.parents}
        lis = [li for li in container.find_all("li") if _top_li(li, container, outer)]
        candidates = container.find_all(("p", "div", "dd", "tr", "aside"))
        notes = [Note(li, True) for li in lis] if lis else self._block_notes(candidates)
        typed = bool(_CONTAINER_TYPES.search(f"{container.get('role') or ''} {container.get('epub:type') or ''}"))
        if notes and not typed and not self.trusted and not self._referenced(notes):
            return []
        return notes

    def _block_notes(self, candidates: list[Tag]) -> list[Note]:
        """Paragraph-style notes: blocks with a note id, a leading number, or a link pointing at them.

        What follows a note up to the next one (a quotation inside the note) belongs to it.
        """
        targets = {id(ref.target) for ref in self.refs}
        linked: list[Note] = []
        numbered: list[Note] = []
        for tag in candidates:
            if tag.find(("p", "div", "tr")) or any(p.name == "blockquote" for p in tag.parents):
                continue
            if id(tag) in targets or any(id(node) in targets for node in tag.descendants):
                linked.append(Note(tag, True))
            elif id_number(tag) is not None or leading_number(tag) is not None:
                numbered.append(Note(tag, True))
        # When the page links its notes, an unlinked numbered paragraph is a note's quotation, not a note.
        notes = linked or numbered
        starts = {id(n.tag) for n in notes}
        for note in notes:
            if note.tag.name not in ("p", "div"):
                continue
            sibling = note.tag.next_sibling
            while sibling is not None and id(sibling) not in starts:
                if isinstance(sibling, Tag):
                    if sibling.name in HEADINGS or sibling.name == "hr" or sibling.find(HEADINGS):
                        break
                    note.extra.append(sibling)
                sibling = sibling.next_sibling
        return notes

    def _referenced(self, notes: list[Note]) -> bool:
        """Some link points into the notes, or the page carries bracket/superscript markers of their numbers."""
        inside: set[int] = set()
        for note in notes:
            inside.add(id(note.tag))
            inside.update(id(node) for node in note.tag.descendants)
        if any(id(ref.target) in inside for ref in self.refs):
            return True
        numbers = {n for n in (_plain_number(note.tag, self.positions) for note in notes) if n is not None}
        if not numbers:
            return False
        own = Counter(int(n) for note in notes for n in re.findall(r"\[(\d{1,4})\]", head_text(note.tag, 12)))
        cited = {n for n in numbers if self._page_markers()[n] > own[n]}
        return len(cited) * 2 >= len(numbers)

    def _page_markers(self) -> Counter[int]:
        """How often each number appears as `[N]` or as a superscript on the page (computed once)."""
        if self.markers is None:
            self.markers = Counter()
            for sup in (tag for tag in self.tags if tag.name == "sup"):
                text = sup.get_text()
                if len(text) < 12:
                    self.markers.update(int(n) for n in re.findall(r"\d{1,4}", text))
            self.markers.update(int(n) for n in re.findall(r"\[(\d{1,4})\]", self.soup.get_text()))
        return self.markers

    def _target_block(self, ref: _Ref) -> Tag | None:
        """The note a reference points at: the block that starts with the link's target, after the reference."""
        block = ref.target if ref.target.name in _BLOCKS else ref.target.find_parent(_BLOCKS)
        if block is None or block.name in TOO_BIG or any(p is block for p in ref.anchor.parents):
            return None
        if block is not ref.target and not _starts_with(block, ref.target):
            return None
        parent = block.parent
        if block.name == "p" and isinstance(parent, Tag) and parent.name in ("div", "section", "aside") and (
            NOTE_ID.match(str(parent.get("id") or "")) or _typed_note(parent)
        ):
            block = parent  # Word's <div id=ftn1> holds the note's paragraphs
        if self.order.get(id(block), 0) < self.order.get(id(ref.anchor), 0):
            return None  # notes follow their references; an earlier block is the body the backlink returns to
        if id(block) not in self.checked:
            small = len(head_text(block, _MAX_FOUND_NOTE)) < _MAX_FOUND_NOTE
            self.checked[id(block)] = small and block.find(HEADINGS) is None
        return block if self.checked[id(block)] else None

    # -- rewriting the tree ----------------------------------------------------

    def _rewrite_references(self) -> list[tuple[Tag, Note]]:
        """Each reference becomes `[N]`; returns the inline wrappers that may hold a tooltip copy."""
        wrappers: list[tuple[Tag, Note]] = []
        gone: set[int] = set()
        for ref in self.refs:
            note = self.owner.get(id(ref.target))
            if id(ref.anchor) in gone or note is None or self.owner.get(id(ref.anchor)) is note:
                continue
            unit = _marker_unit(ref.anchor)
            wrapper = unit.parent
            gone.update(id(node) for node in unit.descendants)
            set_text(unit, f"[{note.number}]")
            if isinstance(wrapper, Tag) and wrapper.name in INLINE:
                wrappers.append((wrapper, note))
        for anchor in self.soup.find_all("a"):
            if id(anchor) in gone or (id(anchor) in self.owner and is_backlink_in_note(anchor)):
                continue
            label = reference_label(anchor)
            if label is not None and label.number is not None and _looks_like_marker(anchor):
                unit = _marker_unit(anchor)
                gone.update(id(node) for node in unit.descendants)
                set_text(unit, f"[{label.number}]")
        for sup in self.soup.find_all("sup"):
            if id(sup) not in gone and sup.parent is not None and _MARKERS_ONLY.match(sup.get_text()):
                gone.update(id(node) for node in sup.descendants)
                set_text(sup, "".join(re.findall(r"\[\d+\]", sup.get_text())))
        return wrappers


# -- numbering ---------------------------------------------------------------------


def _number(notes: list[Note], positions: dict[int, dict[int, int]]) -> None:
    """Displayed number, else list value/position, leading number or id; group notes and clashes go last."""
    groups = _group_lists(notes)
    used: set[int] = set()
    later: list[Note] = []
    previous = 0
    for note in notes:
        numeric = [label.number for label in note.labels if label.number is not None]
        if numeric:
            number: int | None = Counter(numeric).most_common(1)[0][0]
        elif note.labels or id(note.tag.parent) in groups:
            number = None
        else:
            number = _declared_number(note, positions) or previous + 1
        if number is None or number in used:
            later.append(note)
            continue
        note.number = previous = number
        used.add(number)
    top = max(used, default=0)
    for offset, note in enumerate(later, start=1):
        note.number = top + offset


def _group_lists(notes: list[Note]) -> set[int]:
    """Parents of notes whose references mostly show group labels ('n 1', 'a')."""
    tally: dict[int, list[int]] = {}
    for note in notes:
        if note.labels:
            counts = tally.setdefault(id(note.tag.parent), [0, 0])
            counts[0 if any(label.number is not None for label in note.labels) else 1] += 1
    return {key for key, (numbered, grouped) in tally.items() if grouped > numbered}


def _declared_number(note: Note, positions: dict[int, dict[int, int]]) -> int | None:
    tag = note.tag
    value = str(tag.get("value") or "")
    if tag.name == "li" and value.isdigit():
        return int(value)
    leading = leading_number(tag)
    if leading is not None and (tag.name != "li" or leading[1] is not None or leading[2]):
        return leading[0]
    parent = tag.parent
    if tag.name == "li" and isinstance(parent, Tag) and parent.name == "ol":
        start = str(parent.get("start") or "1")
        return (int(start) if start.isdigit() else 1) + _list_position(tag, parent, positions)
    return id_number(tag)


def _list_position(li: Tag, parent: Tag, positions: dict[int, dict[int, int]]) -> int:
    """li's place among its list's items, indexed once per list (a 5,000-item list stays linear)."""
    if id(parent) not in positions:
        items = [child for child in parent.contents if isinstance(child, Tag) and child.name == "li"]
        positions[id(parent)] = {id(item): index for index, item in enumerate(items)}
    return positions[id(parent)].get(id(li), 0)


def _plain_number(tag: Tag, positions: dict[int, dict[int, int]]) -> int | None:
    declared = _declared_number(Note(tag, True), positions)
    return declared if declared is not None else id_number(tag)


# -- helpers for finding -----------------------------------------------------------


def _typed_note(tag: Tag) -> bool:
    return bool(_NOTE_TYPES.search(f"{tag.get('role') or ''} {tag.get('epub:type') or ''}"))


def _top_li(li: Tag, container: Tag, outer: set[int]) -> bool:
    parent = li.find_parent("li")
    return parent is None or id(parent) in outer


def _enclosing_block(tag: Tag) -> Tag | None:
    while tag is not None and tag.name in INLINE:
        tag = tag.parent
    return tag


def _leads_with_own_number(block: Tag, tag: Tag) -> bool:
    number = id_number(tag) if tag is block else id_number(block) or id_number(tag)
    leading = leading_number(block)
    return number is not None and leading is not None and leading[0] == number


def _starts_with(block: Tag, target: Tag) -> bool:
    """No visible text in `block` before `target`."""
    for count, node in enumerate(block.descendants):
        if node is target or count > 400:
            return node is target
        if isinstance(node, NavigableString) and not isinstance(node, Comment) and str(node).strip():
            return False
    return False


def _marker_unit(anchor: Tag) -> Tag:
    """The anchor, or the inline wrappers (`<sup>[<a>1</a>]</sup>`) that hold nothing else."""
    unit = anchor
    core = re.sub(r"[\s\[\]()]", "", anchor.get_text())
    while isinstance(unit.parent, Tag) and unit.parent.name in INLINE:
        if re.sub(r"[\s\[\]()]", "", unit.parent.get_text()) != core:
            break
        unit = unit.parent
    return unit


def _looks_like_marker(anchor: Tag) -> bool:
    """A reference whose target is missing or elsewhere still is one if marked or superscript."""
    href = str(anchor.get("href") or "")
    if href.startswith(("#", "javascript:")) or not href:
        return True
    return anchor.find("sup") is not None or anchor.find_parent("sup") is not None
