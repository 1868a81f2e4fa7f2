"""Markdown reader: YAML front matter as hints, Markdown reduced to plain text.

No Markdown library is a dependency and the genre uses a small subset
(headings, emphasis, links, lists, footnotes), so a line-based converter is
enough; it never renders HTML. Markdown footnotes become `[N]` markers and the
`[N] text` note list the parser expects.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import yaml

from app.model import RawDocument
from app.readers.decoding import decode_bytes
from app.readers.hints import clean_hints
from app.readers.layout import compose, link_text, one_line

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.DOTALL | re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$")
_LINK_DEF = re.compile(r"^ {0,3}\[([^\]^][^\]]*)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+[\"'(].*[\"')])?[ \t]*$")
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+(.*)$")
_ORDERED = re.compile(r"^[ \t]*(\d{1,9})[.)][ \t]+(.*)$")
_QUOTE = re.compile(r"^ {0,3}>[ ]?")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_NOTE_LINE = re.compile(r"^\[\d+\][ \t]")
_INDENTED = re.compile(r"^(?: {2,}|\t)\S")

_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>^])")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_URL_PART = r"<?((?:[^()\s>]|\([^()\s]*\))*)>?"
_INLINE_LINK = re.compile(r"\[([^\]]*)\]\(\s*" + _URL_PART + r"(?:\s+[\"'(][^)]*[\"')])?\s*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[([^\]]*)\]")
_SHORTCUT_LINK = re.compile(r"\[([^\]]+)\](?![(\[])")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+|[^@<>\s]+@[^@<>\s]+\.[a-z]+)>", re.I)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_EMPHASIS = (
    re.compile(r"(\*\*\*|___)(?!\s)(.+?)(?<!\s)\1"),
    re.compile(r"(\*\*|__)(?!\s)(.+?)(?<!\s)\1"),
    re.compile(r"(\*)(?![\s*])(.+?)(?<![\s*])\*"),
    re.compile(r"(?<![\w\\])(_)(?![\s_])(.+?)(?<![\s_])_(?!\w)"),
    re.compile(r"(~~)(?!\s)(.+?)(?<!\s)~~"),
)
_TOKEN = re.compile("\ue000(\\d+)\ue001")


def read_markdown(data: bytes) -> RawDocument:
    """Decode, split off front matter, and convert the body to the genre's layout."""
    text = decode_bytes(data)
    raw_hints, body = split_front_matter(text)
    doc = MarkdownConverter(body).convert()
    doc.hints = clean_hints(raw_hints)
    return doc


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """Front matter fields (with publisher fallbacks) and the body after it.

    A front matter block that is not valid YAML, or not a mapping, is dropped
    and yields no hints: the body is what matters.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    body = text[match.end():]
    try:
        loaded = yaml.safe_load(match.group(1) or "")
    except Exception:  # YAML errors, impossible dates (ValueError), deep nesting
        return {}, body
    if not isinstance(loaded, dict):
        return {}, body
    fields = {str(key).strip().lower(): value for key, value in loaded.items()}
    raw: dict[str, object] = {key: fields.get(key) for key in ("title", "date", "kind", "description")}
    raw["publisher"] = _first_name(fields, ("publisher", "source", "author", "organisation", "organization"))
    raw["tags"] = fields.get("tags", fields.get("keywords"))
    if raw["kind"] is None:
        raw["kind"] = fields.get("type")
    return raw, body


def _first_name(fields: dict[str, object], keys: tuple[str, ...]) -> str | None:
    """First present name among `keys`; a list of names is joined with commas."""
    for key in keys:
        value = fields.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if isinstance(v, str | int))
        if isinstance(value, str | int) and str(value).strip():
            return str(value).strip()
    return None


@dataclass
class _Block:
    kind: str  # "text", "code" or "heading"
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

    def convert(self) -> RawDocument:
        self._scan(self.source.split("\n"))
        self._number_notes()
        paragraphs: list[str] = []
        headings: list[tuple[int, str]] = []
        for block in self.blocks:
            if block.kind == "code":
                paragraphs.append("\n".join(block.lines))
                continue
            text = "\n".join(self._inline(line) for line in block.lines)
            if block.kind == "heading":
                text = one_line(text)
                if text:
                    headings.append((block.level, text))
            paragraphs.append(text)
        notes = {self.numbers[label]: one_line(self._inline(" ".join(parts)))
                 for label, parts in self.note_parts.items()}
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
        """Numeric labels keep their number; others follow, in order of definition."""
        for label in self.note_parts:
            if label.isdigit():
                self.numbers[label] = int(label)
        for label in self.note_parts:
            if label not in self.numbers:
                self.numbers[label] = self._next_number()

    def _next_number(self) -> int:
        return max(self.numbers.values(), default=0) + 1

    # -- inline markup -----------------------------------------------------------

    def _protect(self, text: str) -> str:
        self.tokens.append(text)
        return f"\ue000{len(self.tokens) - 1}\ue001"

    def _note_marker(self, match: re.Match[str]) -> str:
        label = match.group(1)
        if label not in self.numbers:
            self.numbers[label] = int(label) if label.isdigit() else self._next_number()
        return self._protect(f"[{self.numbers[label]}]")

    def _link(self, text: str, url: str) -> str:
        return self._protect(link_text(text, url))

    def _reference(self, match: re.Match[str]) -> str:
        label = (match.group(2) if match.lastindex == 2 and match.group(2) else match.group(1)).lower()
        url = self.link_urls.get(label.strip())
        return match.group(0) if url is None else self._link(match.group(1), url)

    def _inline(self, text: str) -> str:
        text = text.replace("\ue000", "").replace("\ue001", "")  # reserved for our placeholders
        text = _CODE_SPAN.sub(lambda m: self._protect(m.group(2).strip()), text)
        text = _ESCAPE.sub(lambda m: self._protect(m.group(1)), text)
        text = _HTML_COMMENT.sub("", text)
        text = _IMAGE.sub("", text)
        text = _FOOTNOTE_REF.sub(self._note_marker, text)
        text = _INLINE_LINK.sub(lambda m: self._link(m.group(1), m.group(2)), text)
        text = _REF_LINK.sub(self._reference, text)
        text = _SHORTCUT_LINK.sub(self._reference, text)
        text = _AUTOLINK.sub(lambda m: self._protect(m.group(1).removeprefix("mailto:")), text)
        text = _HTML_TAG.sub("", _HTML_BREAK.sub("\n", text))
        for pattern in _EMPHASIS:
            text = pattern.sub(r"\2", text)
        text = html.unescape(text)
        for _ in range(3):  # placeholders nest at most a few levels (a code span inside link text)
            text = _TOKEN.sub(lambda m: self.tokens[int(m.group(1))], text)
        return text
