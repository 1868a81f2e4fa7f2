"""Assembling reader output in the genre's plain-text layout.

Body paragraphs are separated by one blank line; the note list follows as
`[N] text` lines, one per note, also separated by blank lines. The parser
reads exactly this shape, whatever the source format was.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def one_line(text: str) -> str:
    """Collapse a note or heading onto a single line with single spaces."""
    return " ".join(text.split())


def clean_paragraph(text: str) -> str:
    """Trim each line and collapse runs of spaces, keeping line breaks."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def compose(paragraphs: list[str], notes: dict[int, str]) -> str:
    """Join paragraphs with blank lines, then append the notes in number order."""
    parts = [p for p in (clean_paragraph(p) for p in paragraphs) if p]
    parts.extend(f"[{number}] {one_line(text)}".rstrip() for number, text in sorted(notes.items()))
    return _BLANK_RUNS.sub("\n\n", "\n\n".join(parts)) + "\n" if parts else ""


_URL_LIKE = re.compile(r"(?i)^(?:[a-z][a-z0-9+.-]*:|www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/)")


def link_text(text: str, url: str) -> str:
    """'text (url)' so a link's URL survives as plain text (the parser finds URLs in notes).

    Only the text for in-page or relative links; only the URL when the text
    merely repeats it.
    """
    text = " ".join(text.split())
    url = url.strip()
    if not _URL_LIKE.match(url) or url.startswith("#"):
        return text
    shown = url.removeprefix("mailto:")
    if not text or _bare(text) == _bare(url):
        return shown
    return f"{text} ({shown})"


def _bare(url: str) -> str:
    """A URL without scheme, 'www.' and trailing slash, for comparing with anchor text."""
    url = re.sub(r"(?i)^(?:[a-z][a-z0-9+.-]*:(?://)?)?(?:www\.)?", "", url.strip())
    return url.rstrip("/").lower()
