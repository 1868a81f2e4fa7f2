"""Markdown reader: front matter as hints, Markdown reduced to plain text.

No Markdown library is a dependency and the genre uses a small subset
(headings, emphasis, links, lists, footnotes), so a line-based converter is
enough; it never renders HTML. `[^label]` footnotes are numbered in order of
first reference, as renderers number them, and become `[N]` markers and the
`[N] text` note list the parser expects; raw-HTML notes (pandoc output) and
plain numbered note lists are read by `markdown_notes`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from app.model import RawDocument
from app.readers.decoding import decode_bytes
from app.readers.hints import clean_hints
from app.readers.html_refs import link_parts
from app.readers.layout import compose, link_text, one_line
from app.readers.markdown_meta import file_hints, opens_with_byline, split_front_matter, title_heading
from app.readers.markdown_notes import (
    NOTES_HEADING,
    NOTES_OPEN,
    close_index,
    region_notes,
    rewrite_references,
    trailing_list,
)
from app.readers.text_cues import copyright_cues, opening_authors, revision_date

__all__ = ["MarkdownConverter", "read_markdown", "split_front_matter"]
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$")
_LINK_DEF = re.compile(r"^ {0,3}\[([^\]^][^\]]*)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+[\"'(].*[\"')])?[ \t]*$")
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+(.*)$")
_ORDERED = re.compile(r"^[ \t]*(\d{1,9})[.)][ \t]+(.*)$")
_QUOTE = re.compile(r"^ {0,3}>[ ]?")
# possessive: runs of blanks and dashes are never given back (two `[ \t]*` side by side split a long
# blank line every possible way, quadratic in its length)
_TABLE_RULE = re.compile(r"^[ \t]*+\|?[ \t]*+:?-{3,}+:?[ \t]*+(?:\|[ \t]*+:?-{3,}+:?[ \t]*+)*+\|?[ \t]*+$")
_NOTE_LINE = re.compile(r"^\[\d+\][ \t]")
_INDENTED = re.compile(r"^(?: {2,}|\t)\S")

# A code span opens and closes with whole backtick runs of one length (as in CommonMark), and is searched
# for at most 2,000 characters on: a long run of backticks is then read in linear time.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.{1,2000}?)(?<!`)\1(?!`)", re.DOTALL)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # any ASCII punctuation, as in CommonMark
# Bracket contents exclude "[" so a run of unclosed brackets is scanned once, not once per bracket.
_IMAGE = re.compile(r"!\[[^\[\]]*\](?:\([^()]*\)|\[[^\[\]]*\])")
_FOOTNOTE_REF = re.compile(r"\[\^([^\[\]\s]+)\]")
_URL_PART = r"<?((?:[^()\s>]|\([^()\s]*\))*)>?"
_INLINE_LINK = re.compile(r"\[([^\[\]]*)\]\(\s*" + _URL_PART + r"(?:\s+[\"'(][^)]*[\"')])?\s*\)")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[([^\[\]]*)\]")
_SHORTCUT_LINK = re.compile(r"\[([^\[\]]+)\](?![(\[])")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+|[^@<>\s]+@[^@<>\s]+\.[a-z]+)>", re.I)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# An emphasis never spans its own delimiter (nor, for "_", an underscore that could open one), so each
# opener without a closer is scanned only up to the next delimiter: linear in the line, where a plain
# `.+?` rescanned the rest of the line for every opener ("*a **b " repeated took seconds per 100 KB).
_EMPHASIS = (
    re.compile(r"(\*\*\*|___)(?!\s)((?:(?!\1).)+?)(?<!\s)\1"),
    re.compile(r"(\*\*|__)(?!\s)((?:(?!\1).)+?)(?<!\s)\1"),
    re.compile(r"(\*)(?![\s*])([^*\n]+?)(?<![\s*])\*"),
    re.compile(r"(?<![\w\\])(_)(?![\s_])((?:[^_\n]|(?<=\w)_(?=\w))+?)(?<![\s_])_(?!\w)"),
    re.compile(r"(~~)(?!\s)((?:(?!~~).)+?)(?<!\s)~~"),
)
_TOKEN = re.compile("\ue000(\\d+)\ue001")


def read_markdown(data: bytes, name: str | None = None) -> RawDocument:
    """Decode, split off front matter, and convert the body to the genre's layout.

    `name` is the file's name, for the weak date and title a file name gives.
    """
    text = decode_bytes(data)
    raw_hints, body = split_front_matter(text)
    notice = raw_hints.pop("notice", None)
    converter = MarkdownConverter(body)
    doc = converter.convert()
    if isinstance(notice, str):
        doc.notices.append(notice)
    weak = file_hints(name)
    if "title" not in raw_hints and not converter.leading_heading and opens_with_byline(converter.opening):
        raw_hints["title"] = title_heading(doc.headings, name) or weak.get("fallback_title")  # not the byline
    paragraphs = doc.text.split("\n\n")
    year, holder = copyright_cues(paragraphs[:8], opening_authors(paragraphs[:8]))
    if year:
        weak.setdefault("fallback_date", year)
    if "date" not in raw_hints and (revised := revision_date(paragraphs)):
        raw_hints["date"] = revised
    if "publisher" not in raw_hints and holder:
        raw_hints["publisher"] = holder
    doc.hints = clean_hints({**weak, **raw_hints})
    return doc


@dataclass
class _Block:
    kind: str  # "text", "code", "heading" or "rule"
    lines: list[str]
    level: int = 0


@dataclass
class MarkdownConverter:
    """Line-based Markdown subset to plain text; one instance per document."""

    source: str
    blocks: list[_Block] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    note_parts: dict[str, list[str]] = field(default_factory=dict)
    link_urls: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    tokens: list[str] = field(default_factory=list)
    html_notes: dict[int, str] = field(default_factory=dict)
    html_targets: dict[str, int] = field(default_factory=dict)
    opening: list[str] = field(default_factory=list)  # the first text paragraphs, for byline detection
    note_urls: list[str] | None = None  # while converting a note: URLs to append at its end
    leading_heading: bool = False

    def convert(self) -> RawDocument:
        self._scan(self.source.split("\n"))
        self._number_notes()
        paragraphs: list[str] = []
        headings: list[tuple[int, str]] = []
        boundary: int | None = None  # where a trailing plain note list may start
        for block in self.blocks:
            if block.kind == "rule":
                boundary = len(paragraphs)
                continue
            if block.kind == "code":
                paragraphs.append("\n".join(block.lines))
                continue
            text = "\n".join(self._inline(line) for line in block.lines)
            if block.kind == "heading":
                text = one_line(text)
                if text:
                    headings.append((block.level, text))
                    self.leading_heading = self.leading_heading or not any(p.strip() for p in paragraphs)
                    if NOTES_HEADING.fullmatch(text):
                        boundary = len(paragraphs)
            elif text.strip() and len(self.opening) < 2 and not self.leading_heading:
                self.opening.append(text)
            paragraphs.append(text)
        notes = {self.numbers[label]: self._note_text(parts) for label, parts in self.note_parts.items()}
        for number, text in self.html_notes.items():
            notes.setdefault(number, text)
        if boundary is not None and not notes:
            headed = boundary < len(paragraphs) and NOTES_HEADING.fullmatch(paragraphs[boundary])
            start = boundary + 1 if headed else boundary
            body, listed = trailing_list(paragraphs, start)
            if listed:
                paragraphs, notes = body[:boundary], listed
                headings = [h for h in headings if not NOTES_HEADING.fullmatch(h[1])] if start > boundary else headings
        return RawDocument(text=compose(paragraphs, notes), format="md", headings=headings)

    # -- block structure ---------------------------------------------------------

    def _flush(self) -> None:
        if self.current:
            self.blocks.append(_Block("text", self.current))
            self.current = []

    def _add(self, line: str, new_line: bool) -> None:
        if new_line or not self.current:
            self.current.append(line)
        else:
            self.current[-1] += " " + line

    def _scan(self, lines: list[str]) -> None:
        fence: str | None = None
        code: list[str] = []
        hard_break = False
        index = 0
        while index < len(lines):
            line = lines[index]
            index += 1
            if fence is not None:
                if line.strip().startswith(fence) and set(line.strip()) == {fence[0]}:
                    self.blocks.append(_Block("code", code))
                    fence, code = None, []
                else:
                    code.append(line.rstrip())
                continue
            while _QUOTE.match(line):
                line = _QUOTE.sub("", line, count=1)
            if match := NOTES_OPEN.match(line):
                self._flush()
                end = close_index(lines, index - 1, match.group(1))
                texts, targets = region_notes(lines[index - 1:end + 1])
                self.html_notes.update(texts)
                self.html_targets.update(targets)
                index = end + 1
                continue
            if match := _FENCE.match(line):
                self._flush()
                fence = match.group(1)
                continue
            if not line.strip():
                self._flush()
                hard_break = False
                continue
            if match := _FOOTNOTE_DEF.match(line):
                self._flush()
                index = self._footnote(match.group(1), match.group(2), lines, index)
                continue
            if match := _LINK_DEF.match(line):
                self.link_urls[match.group(1).strip().lower()] = match.group(2)
                continue
            if match := _ATX.match(line):
                self._flush()
                self.blocks.append(_Block("heading", [match.group(2) or ""], len(match.group(1))))
                continue
            if self.current and len(self.current) == 1 and (match := _SETEXT.match(line)):
                self.blocks.append(_Block("heading", self.current, 1 if match.group(1)[0] == "=" else 2))
                self.current = []
                continue
            if _RULE.match(line) or _TABLE_RULE.match(line):
                self._flush()
                if _RULE.match(line):
                    self.blocks.append(_Block("rule", []))
                continue
            new_line = hard_break
            hard_break = line.endswith(("  ", "\\"))
            stripped = line.strip().rstrip("\\").strip()
            if match := _BULLET.match(line):
                self._add(match.group(1).strip(), True)
            elif match := _ORDERED.match(line):
                self._add(f"{match.group(1)}. {match.group(2).strip()}", True)
            elif stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
                cells = [cell.strip() for cell in stripped[1:-1].split("|")]
                self._add(" | ".join(cells), True)
            else:
                self._add(stripped, new_line or bool(_NOTE_LINE.match(stripped)))
        if fence is not None:
            self.blocks.append(_Block("code", code))
        self._flush()

    def _footnote(self, label: str, first: str, lines: list[str], index: int) -> int:
        """Collect a footnote definition and its continuation lines; return the next index."""
        parts = self.note_parts.setdefault(label, [])
        if first.strip():
            parts.append(first.strip())
        while index < len(lines):
            line = lines[index]
            if _INDENTED.match(line):
                parts.append(line.strip())
            elif not line.strip():
                following = lines[index + 1] if index + 1 < len(lines) else ""
                if not _INDENTED.match(following):
                    break
            elif not parts or _FOOTNOTE_DEF.match(line) or _ATX.match(line) or _FENCE.match(line):
                break
            else:
                parts.append(line.strip())  # lazy continuation, as in most footnote extensions
            index += 1
        return index

    def _number_notes(self) -> None:
        """Defined labels are numbered in order of first reference, as renderers do; labels only
        referenced follow (they show as missing notes). With no definitions at all, numeric labels
        keep their numbers: they point at a plain numbered list."""
        order: list[str] = []
        for block in self.blocks:
            if block.kind != "code":
                block.lines = [self._inline_notes(line) for line in block.lines]
                for line in block.lines:
                    order.extend(_FOOTNOTE_REF.findall(_CODE_SPAN.sub("", line)))
        for parts in self.note_parts.values():
            order.extend(_FOOTNOTE_REF.findall(" ".join(parts)))
        seen = list(dict.fromkeys(order))
        if not self.note_parts:
            taken = {int(label) for label in seen if label.isdigit()}
            start = max(taken, default=0)
            for label in seen:
                self.numbers[label] = int(label) if label.isdigit() else start + 1 + len(
                    [x for x in self.numbers if not x.isdigit()])
            return
        for label in [*(x for x in seen if x in self.note_parts), *self.note_parts, *seen]:
            if label not in self.numbers:
                self.numbers[label] = len(self.numbers) + 1

    def _inline_notes(self, line: str) -> str:
        """Pandoc's inline notes `^[text]` become definitions under a private label, in place.

        Brackets are matched in one pass (a stack), so unbalanced input stays linear.
        """
        if "^[" not in line:
            return line
        closing: dict[int, int] = {}
        stack: list[int] = []
        for index, char in enumerate(line):
            if char == "[":
                stack.append(index)
            elif char == "]" and stack:
                closing[stack.pop()] = index
        parts: list[str] = []
        position = 0
        for start in range(len(line) - 1):
            end = closing.get(start + 1)
            if start < position or line[start] != "^" or end is None or (start and line[start - 1] == "\\"):
                continue
            label = f"\ue002{len(self.note_parts)}"
            self.note_parts[label] = [line[start + 2:end]]
            parts.append(f"{line[position:start]}[^{label}]")
            position = end + 1
        return "".join(parts) + line[position:]

    # -- inline markup -----------------------------------------------------------

    def _protect(self, text: str) -> str:
        self.tokens.append(text)
        return f"\ue000{len(self.tokens) - 1}\ue001"

    def _note_marker(self, match: re.Match[str]) -> str:
        label = match.group(1)
        if label not in self.numbers:
            self.numbers[label] = max(self.numbers.values(), default=0) + 1
        return self._protect(f"[{self.numbers[label]}]")

    def _note_text(self, parts: list[str]) -> str:
        """A note on one line, as printed; its links' URLs follow at the end (as in HTML notes)."""
        self.note_urls = []
        text = one_line(self._inline(" ".join(parts)))
        extra = [url for url in self.note_urls if url not in text]
        self.note_urls = None
        return f"{text} {' '.join(extra)}".strip() if extra and text else text

    def _link(self, text: str, url: str) -> str:
        # `[effect<sup>8</sup>](…)`: a marker inside a link's text
        text = _HTML_TAG.sub("", rewrite_references(text, self.html_targets, self._protect))
        if self.note_urls is None:
            return self._protect(link_text(text, url))
        shown, extra = link_parts(self._restore(text), url)
        if extra and extra not in self.note_urls:
            self.note_urls.append(extra)
        return self._protect(shown)

    def _reference(self, match: re.Match[str]) -> str:
        label = (match.group(2) if match.lastindex == 2 and match.group(2) else match.group(1)).lower()
        url = self.link_urls.get(label.strip())
        return match.group(0) if url is None else self._link(match.group(1), url)

    def _inline(self, text: str) -> str:
        text = text.replace("\ue000", "").replace("\ue001", "")  # reserved for our placeholders
        text = _CODE_SPAN.sub(lambda m: self._protect(m.group(2).strip()), text)
        text = _ESCAPE.sub(lambda m: self._protect(m.group(1)), text)
        text = _without_html_comments(text)
        text = _IMAGE.sub("", text)
        text = _FOOTNOTE_REF.sub(self._note_marker, text)
        text = _INLINE_LINK.sub(lambda m: self._link(m.group(1), m.group(2)), text)
        text = _REF_LINK.sub(self._reference, text)
        text = _SHORTCUT_LINK.sub(self._reference, text)
        text = _AUTOLINK.sub(lambda m: self._protect(m.group(1).removeprefix("mailto:")), text)
        text = rewrite_references(text, self.html_targets, self._protect)
        text = _HTML_TAG.sub("", _HTML_BREAK.sub("\n", text))
        for pattern in _EMPHASIS:
            text = pattern.sub(r"\2", text)
        text = html.unescape(text)
        return self._restore(text)

    def _restore(self, text: str) -> str:
        for _ in range(3):  # placeholders nest at most a few levels (a code span inside link text)
            text = _TOKEN.sub(lambda m: self.tokens[int(m.group(1))], text)
        return text


def _without_html_comments(text: str) -> str:
    """`<!-- … -->` removed, as `re.sub(r"<!--.*?-->", "", text, flags=re.S)` would, in linear time: once an
    opening has no closing, none after it has one (the pattern rescanned the rest of the text for each)."""
    kept = []
    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        kept.append(text[position:start])
        position = end + 3
    kept.append(text[position:])
    return "".join(kept)
