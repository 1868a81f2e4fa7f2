"""A safe subset of Markdown for annotation notes, parsed once and drawn by HTML and PDF.

Notes are the user's plain text or Markdown. Rather than add a Markdown dependency (and
its raw-HTML pass-through), this reads only what notes use: paragraphs with line breaks,
headings, bullet and numbered lists, **strong**, *emphasis*, `code`, [links](https://…),
<https://…> and bare URLs. Everything else stays literal text. Links keep only http(s)
and mailto targets, so a note can never carry `javascript:` into an exported file; images
are not read at all (`![t](url)` is a "!" and a link). HTML, PDF and Markdown all draw
notes from this parse, so `safe_href` is the one link policy of every rendering format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

SAFE_SCHEMES = ("http://", "https://", "mailto:")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text in one style; '\\n' inside `text` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None


@dataclass(slots=True)
class Block:
    """A paragraph or heading (one item) or a list (one item per entry)."""

    kind: str  # "paragraph" | "heading" | "list"
    items: list[list[Run]] = field(default_factory=list)
    ordered: bool = False
    start: int = 1


_INLINE = re.compile(
    r"""
    (?P<escape>\\[\\`*_{}\[\]()#+\-.!<>|~])
  | (?P<code>`(?P<code_text>[^`\n]+)`)
  | (?P<link>\[(?P<link_text>[^\]\n]+)\]\((?P<link_url>(?:[^()\s]|\([^()\s]*\))+)\))
  | (?P<auto><(?P<auto_url>(?:https?://|mailto:)[^>\s]+)>)
  | (?P<url>https?://[^\s<>"]+)
  | (?P<strong>\*\*(?P<strong_a>\S(?:[^\n]*?\S)?)\*\*|(?<!\w)__(?P<strong_b>\S(?:[^\n]*?\S)?)__(?!\w))
  | (?P<em>\*(?P<em_a>[^*\s](?:[^*\n]*?[^*\s])?)\*|(?<!\w)_(?P<em_b>[^_\s](?:[^_\n]*?[^_\s])?)_(?!\w))
    """,
    re.VERBOSE,
)
_URL_TRAIL = ".,;:!?)]}'\"”’»"
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s{0,3}(\d{1,9})[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


def safe_href(url: str) -> str | None:
    """The URL if it is a web or mail link, else None (rendered as text)."""
    return url if url.lower().startswith(SAFE_SCHEMES) else None


def _split_url(url: str) -> tuple[str, str]:
    """A bare URL without the sentence punctuation that follows it."""
    stripped = url.rstrip(_URL_TRAIL)
    # Keep a closing parenthesis that belongs to the URL, as in Wikipedia links.
    while url[len(stripped) : len(stripped) + 1] == ")" and stripped.count("(") > stripped.count(")"):
        stripped += ")"
    return stripped, url[len(stripped) :]


def parse_inline(text: str, base: Run | None = None) -> list[Run]:
    """Inline Markdown to runs; `base` carries the style of an enclosing span."""
    style = base or Run("")
    runs: list[Run] = []

    def plain(chunk: str) -> None:
        if chunk:
            runs.append(replace(style, text=chunk))

    pos = 0
    for match in _INLINE.finditer(text):
        plain(text[pos : match.start()])
        pos = match.end()
        kind = match.lastgroup
        if match.group("escape"):
            plain(match.group("escape")[1])
        elif match.group("code"):
            runs.append(replace(style, text=match.group("code_text"), code=True))
        elif match.group("link"):
            href = safe_href(match.group("link_url"))
            inner = replace(style, href=href) if href and not style.href else style
            runs.extend(parse_inline(match.group("link_text"), inner))
        elif match.group("auto"):
            url = match.group("auto_url")
            runs.append(replace(style, text=url, href=style.href or url))
        elif match.group("url"):
            url, trail = _split_url(match.group("url"))
            runs.append(replace(style, text=url, href=style.href or url))
            plain(trail)
        elif match.group("strong"):
            inner_text = match.group("strong_a") or match.group("strong_b")
            runs.extend(parse_inline(inner_text, replace(style, bold=True)))
        elif match.group("em"):
            inner_text = match.group("em_a") or match.group("em_b")
            runs.extend(parse_inline(inner_text, replace(style, italic=True)))
        else:  # pragma: no cover - every alternative is handled above
            raise AssertionError(kind)
    plain(text[pos:])
    return merge_runs(runs)


def merge_runs(runs: list[Run]) -> list[Run]:
    """Join neighbours of the same style, so renderers emit fewer spans."""
    merged: list[Run] = []
    for run in runs:
        if merged and replace(merged[-1], text="") == replace(run, text=""):
            merged[-1] = replace(run, text=merged[-1].text + run.text)
        else:
            merged.append(run)
    return merged


def linkify(text: str) -> list[Run]:
    """Plain text (an endnote) with its bare URLs made links; no other markup is read."""
    runs: list[Run] = []
    pos = 0
    for match in re.finditer(r"https?://[^\s<>\"]+", text):
        url, _trail = _split_url(match.group(0))  # the trail stays text after the link
        if match.start() > pos:
            runs.append(Run(text[pos : match.start()]))
        runs.append(Run(url, href=url))
        pos = match.start() + len(url)
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return merge_runs(runs)


def parse_note(note: str) -> list[Block]:
    """A note's blocks: blank lines separate paragraphs, list markers start list items."""
    blocks: list[Block] = []
    texts: list[list[str]] = []  # raw lines of each item of each block, parsed at the end
    current: Block | None = None

    def start(block: Block, first_line: str) -> None:
        nonlocal current
        blocks.append(block)
        texts.append([first_line])
        current = block if block.kind != "heading" else None

    for line in note.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip() or _RULE.match(line):
            current = None
            continue
        bullet, numbered, heading = _BULLET.match(line), _NUMBERED.match(line), _HEADING.match(line)
        if heading:
            start(Block("heading"), heading.group(1))
        elif bullet or numbered:
            ordered = numbered is not None
            item = numbered.group(2) if numbered else bullet.group(1)  # type: ignore[union-attr]
            if current is not None and current.kind == "list" and current.ordered == ordered:
                texts[-1].append(item)
            else:
                start(Block("list", ordered=ordered, start=int(numbered.group(1)) if numbered else 1), item)
        elif current is not None and current.kind == "list":
            texts[-1][-1] += " " + line.strip()  # a wrapped list item
        elif current is not None:
            texts[-1][-1] += "\n" + line.strip()  # a line break inside the paragraph
        else:
            start(Block("paragraph"), line.strip())

    for block, raw_items in zip(blocks, texts, strict=True):
        block.items = [parse_inline(raw) for raw in raw_items]
    return blocks
