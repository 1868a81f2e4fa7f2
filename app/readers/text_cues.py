"""Metadata a converted document states in its own text: copyright line, change log.

Web pages and Markdown often carry no declared date or publisher but print
"© 2023 IDPro, Ian Glazer" under the byline, or a "Change Log" table whose
latest row is the version date. These are real cues, so readers turn them
into hints; the copyright holder that is the byline's author (a person) is
not a publisher, and a copyright year is only a weak date.
"""

from __future__ import annotations

import datetime as dt
import re

_COPYRIGHT = re.compile(r"^\s*(?:copyright\s*)?(?:©|\(c\)|copyright\b)\s*(.*)$", re.I)
_YEARS = re.compile(r"\b((?:19|20)\d{2})\b(?:\s*[-–]\s*((?:19|20)\d{2}))?")
_RIGHTS = re.compile(r"\ball rights reserved\b.*$|\bsome rights reserved\b.*$", re.I)
_ORG_WORD = re.compile(
    r"\b(?:inc|ltd|llc|gmbh|plc|corp|corporation|company|co|foundation|institute|institution|university|"
    r"association|society|council|committee|ministry|department|agency|office|trust|group|centre|center|"
    r"campaign|network|alliance|union|commission|organi[sz]ation|press|media|news|times|post|review)\b\.?",
    re.I,
)
_PERSON = re.compile(r"^(?:(?:[A-Z][a-z'’-]+|[A-Z]\.)\s+){1,3}[A-Z][a-z'’-]+(?:,?\s+(?:Jr|Sr|II|III)\.?)?$")
_CHANGE_LOG = re.compile(
    r"\s*(?:change\s*log|changelog|revision history|document history|version history|history of changes|"
    r"revisions|document revisions)\s*:?\s*",
    re.I,
)
_ISO_DAY = re.compile(r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_BYLINE = re.compile(r"^(?:by|written by|authors?:)\s+", re.I)


def copyright_cues(paragraphs: list[str], authors: list[str] | None = None) -> tuple[str | None, str | None]:
    """(year, publisher) from the first copyright line among `paragraphs`.

    The year is the latest one named; the publisher is the first holder that
    is neither an author named in the opening lines nor shaped like a person's name.
    """
    for paragraph in paragraphs:
        for line in paragraph.split("\n"):
            match = _COPYRIGHT.match(line)
            if match and len(line) <= 300 and ("©" in line or _YEARS.search(line)):
                return _year(match.group(1)), _holder(match.group(1), authors or [])
    return None, None


def opening_authors(paragraphs: list[str]) -> list[str]:
    """Names in byline-like opening lines ('By Ian Glazer', 'Thomas J. Smedinghoff', 'Dean H. Saxe, Sr. …')."""
    names: list[str] = []
    for paragraph in paragraphs[:6]:
        line = paragraph.strip()
        if "\n" in line or len(line) > 160 or _COPYRIGHT.match(line):
            continue
        line = _BYLINE.sub("", line)
        first = re.split(r",|\(|\band\b", line)[0].strip()
        if _PERSON.match(first):
            names.append(first)
    return names


def _year(text: str) -> str | None:
    years = [int(y) for match in _YEARS.finditer(text) for y in match.groups() if y]
    return str(max(years)) if years else None


def _holder(text: str, authors: list[str]) -> str | None:
    text = _RIGHTS.sub("", _YEARS.sub(" ", text))
    parts = [" ".join(p.split()).strip(" .,;:") for p in re.split(r",|;|\band\b|&", text)]
    author_words = {w.lower() for name in authors for w in re.findall(r"[A-Za-z]{3,}", name)}
    for part in parts:
        if not part or len(part) > 80 or not re.search(r"[A-Za-z]", part):
            continue
        words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", part)}
        if words and words <= author_words:
            continue  # the author's own name
        if _PERSON.match(part) and not _ORG_WORD.search(part):
            continue
        return part
    return None


def revision_date(paragraphs: list[str]) -> str | None:
    """The latest ISO date under a 'Change Log' / 'Revision history' heading (its table or list)."""
    latest: str | None = None
    inside = False
    for paragraph in paragraphs:
        if _CHANGE_LOG.fullmatch(paragraph):
            inside = True
            continue
        if not inside:
            continue
        days = [m for m in _ISO_DAY.finditer(paragraph)]
        if not days:
            if latest:
                break
            continue
        for match in days:
            try:
                day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
            except ValueError:
                continue
            latest = max(latest or day, day)
    return latest
