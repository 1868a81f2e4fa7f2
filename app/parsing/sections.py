"""Find headed sections and their levels.

A heading is a short line standing alone between blank lines, starting with a
capital or a section number and not ending like a sentence. Levels: numbered
headings by depth ("2.1" is level 2); a heading directly followed by another
heading opens a group (level 1, the next one level 2), and later lone headings
stay in that group at level 2; the Monitor's top headings ("Mine Ban Policy")
are always level 1. Headings the format marked (HTML, Markdown) come with their
level and replace the guessing.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from app.model import Section
from app.parsing.header import date_line
from app.parsing.normalise import Line

MAX_HEADING_CHARS = 90
MAX_HEADING_WORDS = 12
MAX_SECTIONS = 5_000

TOP_HEADINGS = frozenset(
    {
        "mine ban policy",
        "cluster munition ban policy",
        "mine action",
        "support for mine action",
        "casualties and victim assistance",
    }
)
_NUMBERED = re.compile(r"(?P<number>[0-9]{1,2}(?:\.[0-9]{1,2}){0,3})\.?\s+[A-Z]")
_ROMAN = re.compile(r"(?:[IVX]{1,5})\.\s+[A-Z]")
_NOT_HEADINGS = re.compile(
    r"(?i)(?:thank you(?: very much)?(?:,? .{0,40})?|i thank you|check against delivery|ends?|-+\s*ends?\s*-+"
    r"|#{3}|as delivered|ladies and gentlemen|excellenc(?:y|ies))"
)
_HASHES = re.compile(r"^(#{1,6})\s+")
_HAS_DIGIT = re.compile(r"[0-9]")
_FUNCTION_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())


def _title_case(text: str) -> bool:
    words = [w for w in re.split(r"\s+", text) if w and w.lower() not in _FUNCTION_WORDS]
    capitals = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return bool(words) and capitals >= 0.6 * len(words)


def is_heading_line(text: str, strict: bool = False) -> bool:
    """True for a line that reads as a heading; `strict` also asks for Title Case (speeches, releases)."""
    if len(text) > MAX_HEADING_CHARS + 16:
        return False
    text = _HASHES.sub("", text.strip())
    if not 2 <= len(text) <= MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS:
        return False
    first = text[0]
    if first.isdigit():
        if not _NUMBERED.match(text):
            return False
    elif not first.isupper():
        return False
    if text.endswith((".", ",", ";", ":", "!")) and not text.endswith("..."):
        return False
    if text.endswith("?") and len(text) > 60:
        return False
    if _NOT_HEADINGS.fullmatch(text) or (_HAS_DIGIT.search(text) and date_line(text) is not None):
        return False
    return not strict or _title_case(text)


def _heading_level(text: str) -> int | None:
    hashes = _HASHES.match(text)
    if hashes:
        return len(hashes.group(1))
    numbered = _NUMBERED.match(text)
    if numbered:
        return numbered.group("number").rstrip(".").count(".") + 1
    if _ROMAN.match(text):
        return 1
    if " ".join(text.lower().split()) in TOP_HEADINGS:
        return 1
    return None


def _heading_title(text: str) -> str:
    return " ".join(_HASHES.sub("", text.strip()).split())


def _explicit(lines: list[Line], headings: list[tuple[int, str]], skip: set[int]) -> list[Section]:
    """Sections for the headings a reader marked, matched to lines in document order."""
    where: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if len(line.text) <= 500:
            where.setdefault(" ".join(_heading_title(line.text).split()).casefold(), []).append(index)
    found: list[Section] = []
    cursor = 0
    for level, heading in headings:
        candidates = where.get(" ".join(str(heading).split()).casefold(), [])
        position = bisect_left(candidates, cursor)
        if position == len(candidates):
            continue
        index = candidates[position]
        cursor = index + 1
        if index not in skip:
            level_value = max(1, min(6, level if isinstance(level, int) else 1))
            found.append(Section(_heading_title(lines[index].text), level_value, lines[index].start))
    return found


def detect_sections(
    lines: list[Line],
    skip: set[int],
    explicit: list[tuple[int, str]] | None = None,
    strict: bool = False,
) -> list[Section]:
    """Sections in document order; `skip` holds header lines (title, date) that are never sections."""
    if explicit:
        marked = _explicit(lines, explicit, skip)
        if marked:
            return marked
    block_sizes: dict[int, int] = {}
    for line in lines:
        block_sizes[line.block] = block_sizes.get(line.block, 0) + 1
    last_block = lines[-1].block if lines else -1
    heads: list[int] = []
    for index, line in enumerate(lines):
        if len(heads) >= MAX_SECTIONS:
            break  # no real document has more; a list of short lines is not an outline
        if (
            index not in skip
            and block_sizes[line.block] == 1
            and line.block != last_block
            and is_heading_line(line.text, strict)
        ):
            heads.append(index)
    return _with_levels(lines, heads, skip)


def _with_levels(lines: list[Line], heads: list[int], skip: set[int]) -> list[Section]:
    head_set = set(heads)
    sections: list[Section] = []
    in_group = False
    pending_sub = False
    for index in heads:
        text = lines[index].text
        following = index + 1
        while following in skip:
            following += 1
        opens_group = following in head_set
        level = _heading_level(text)
        if level is None:
            if opens_group and not pending_sub:
                level = 1
            elif pending_sub or in_group:
                level = 2
            else:
                level = 1
        if level == 1 and opens_group:
            in_group = True
        pending_sub = opens_group and level == 1
        sections.append(Section(_heading_title(text), level, lines[index].start))
    return sections
