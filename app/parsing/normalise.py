"""Normalise raw text into the genre's layout, and lay blocks out with offsets.

Readers hand over text from many sources (Windows line endings, PDF form feeds,
NBSPs, stray control characters, NULs from broken files). Everything the parser
does afterwards works on clean lines grouped into blocks (paragraphs), and the
final text is assembled from those blocks so every offset is known exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Line breaks other than \n, each made \n. Replaced one by one (they are rare): `str.translate`
# with a table is slow on non-ASCII text.
_BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
# Invisible or control characters that carry no text: dropped.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200d\u2060\ufeff\ufffe\uffff]")
# Exotic spaces (NBSP from web pages, thin spaces from PDFs) become plain spaces.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

Block = list[str]


@dataclass(slots=True)
class Line:
    """One non-empty line of the final text, with the block (paragraph) it belongs to."""

    text: str
    block: int
    start: int = 0

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def stripped(self) -> str:
        return self.text.strip()


def normalise_blocks(text: str) -> list[Block]:
    """The text's blocks after normalisation (see `normalise_text`)."""
    text = text.replace("\r\n", "\n")
    for char in _BREAKS:
        if char in text:
            text = text.replace(char, "\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return split_blocks(text)


def normalise_text(text: str) -> str:
    """Line endings to \\n, controls dropped, trailing spaces stripped, blank runs collapsed."""
    return assemble(normalise_blocks(text))


def split_blocks(text: str) -> list[Block]:
    """Group non-blank lines into blocks; blank or whitespace-only lines separate them."""
    blocks: list[Block] = []
    current: Block = []
    for raw in text.split("\n"):
        line = raw.rstrip()
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def flatten(blocks: list[Block]) -> list[Line]:
    """Blocks as a flat list of lines, offsets filled in for `assemble`'s text."""
    lines: list[Line] = []
    offset = 0
    for index, block in enumerate(blocks):
        if index:
            offset += 2  # the blank line between blocks
        for number, text in enumerate(block):
            if number:
                offset += 1
            lines.append(Line(text, index, offset))
            offset += len(text)
    return lines


def assemble(blocks: list[Block]) -> str:
    """The text `flatten` computed offsets for: blocks joined by one blank line."""
    return "\n\n".join("\n".join(block) for block in blocks)
