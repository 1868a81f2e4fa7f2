"""Decide who published a document, from the cues the genre gives.

In order of trust: a line that says so ("Published by", a copyright line the
boilerplate filter dropped), the kind (country profiles are the Landmine
Monitor's), the organisation that opens a press release as its subject, a
ministry for a numbered ministry press release, the issuer in a "Statement by"
title or at the end of a report's title, and a known organisation named in the
header. Unknown stays None.
"""

from __future__ import annotations

import re

from app.parsing.header import Header, strip_dateline
from app.parsing.headline import LineClass
from app.parsing.normalise import Line
from app.parsing.organisations import (
    ORG_WORDS,
    canonical,
    explicit_publisher,
    known_in,
    ministry,
    organisation_publisher,
    statement_issuer,
    subject_organisation,
    title_organisation,
)

_CLOSING_LINES = 4
_MINISTRY_SCAN_CHARS = 200_000


def detect_publisher(kind: str, lines: list[Line], header: Header, dropped: list[str]) -> str | None:
    """The publisher's canonical name, or None when the document does not say."""
    title = lines[header.title_line].stripped if header.title_line is not None else ""
    head = [lines[i].stripped for i in sorted(header.header_lines)]
    closing = [line.stripped for line in lines[-_CLOSING_LINES:]]
    for text in [*head, *dropped, *closing]:
        found = explicit_publisher(text)
        if found:
            return found
    if kind == "country-profile":
        return "Landmine Monitor"
    found = letterhead_publisher(lines, header)
    if found:
        return found
    if kind == "press-release":
        found = office_in_opening(lines, header)
        if found:
            return found
    if kind in ("press-release", "statement", "speech") and header.first_prose is not None:
        subject = subject_organisation(strip_dateline(lines[header.first_prose].stripped))
        if subject:
            return organisation_publisher(subject)
    if kind == "press-release" and header.numbered_title:
        body = "\n".join(line.text for line in lines)[:_MINISTRY_SCAN_CHARS]
        found = ministry(body)
        if found:
            return found
    if kind in ("statement", "speech"):
        issuer = statement_issuer(title)
        if issuer:
            return issuer
    if kind == "report":
        issuer = title_organisation(title)
        if issuer:
            return issuer
    return known_in(" \n".join(head))


_OFFICE_PATTERN = (
    r"(?P<office>(?P<post>(?:shadow\s+|deputy\s+|assistant\s+|acting\s+)?(?:minister|secretary|treasurer)"
    r"\s+(?:for|of)\s+(?:the\s+)?)(?P<field>[A-Za-z][\w’'-]*(?:\s+(?:and\s+|&\s+|of\s+|the\s+)*[A-Za-z][\w’'-]*){0,5}))"
)
_OFFICE = re.compile(r"(?i)\b" + _OFFICE_PATTERN)
_OFFICE_IN_PROSE = re.compile(r"(?i)\bthe\s+" + _OFFICE_PATTERN + r"\s*,?\s+(?:mr|ms|mrs|dr|senator|the hon)\b")
_FIELD_STOP = re.compile(
    r"(?i)\s+(?:the\s+hon|hon|mp|senator|mr|ms|mrs|dr|minister|shadow|qc|at|to|on|in|said|says)\b.*$"
)
_FORMER = re.compile(r"(?i)\b(?:former|ex-?|then)\s*$")
_ORG_WORD = "|".join(sorted((w.capitalize() for w in ORG_WORDS), key=len, reverse=True))
_ORG_NAME = re.compile(
    rf"(?P<name>(?:[A-Z][\w’'&.-]*\s+(?:(?:of|for|and|the|on)\s+)*){{1,5}}(?:{_ORG_WORD})\b"
    r"(?:\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w’'-]*){0,5})?)"
)
_HELD_TITLE = re.compile(
    r"(?i)^(?:the\s+)?(?:president|director|chair(?:man|person|woman)?|head|member|ceo|founder|dean|professor"
    r"|fellow|executive director|secretary)(?:[- ]general)?\s+(?:of|for|at)\s+(?:the\s+)?"
)
_TRAILING_EVENT = re.compile(r"(?i)\s+(?:conference|seminar|forum|symposium|summit|meeting|workshop)\b.*$")
_SMALL_WORDS = frozenset({"for", "of", "and", "the", "on", "in", "to"})
_OPENING_PARAGRAPHS = 3


def letterhead_publisher(lines: list[Line], header: Header) -> str | None:
    """The office or organisation a letterhead, name line or description of the occasion names.

    "MINISTER FOR FOREIGN AFFAIRS", "ROBERT MCCLELLAND MP SHADOW MINISTER FOR FOREIGN AFFAIRS",
    "The Department of Foreign Affairs and Trade, Australia", "Address by …, President of the
    International Crisis Group". A person's name alone is not a publisher.
    """
    wanted = (LineClass.OFFICE, LineClass.PERSON, LineClass.DESCRIPTOR, LineClass.WEAK, LineClass.KIND_LABEL)
    for index in sorted(header.classes):
        text = lines[index].stripped
        # any other header line counts when it opens with its issuer: "Field Survey Group - Report excerpt"
        found = _first_named(text) if header.classes[index] in wanted else _opening_organisation(text)
        if found:
            return found
    return None


def _opening_organisation(text: str) -> str | None:
    match = _ORG_NAME.match(text)
    if not match or not re.match(r"\s*(?:[-–—|,:]\s|$)", text[match.end() :]) or _of_an_organisation(match["name"]):
        return None
    return organisation(match.group("name"))


_THING_OF = re.compile(r"(?P<head>[A-Z][\w’'-]*)\s+of\s+(?:the\s+)?[A-Z][\w’'-]*")


def _of_an_organisation(name: str) -> bool:
    """'Summary of Service', 'Head of Mission', 'Terms of Service': a thing or post of an organisation, not one.

    An English name "A of B" takes its kind from A ("Ministry of Defence"), so when A is not an organisation
    word the organisation word at the end is only what A belongs to; a form's section heading is no letterhead.
    """
    found = _THING_OF.fullmatch(name.strip())
    return found is not None and found["head"].lower() not in ORG_WORDS


def _first_named(text: str) -> str | None:
    """The office or the organisation, whichever the line names first."""
    office_match = next((m for m in _OFFICE.finditer(text) if not _FORMER.search(text[: m.start()])), None)
    org = organisation(text)
    org_at = text.find(org.split()[0]) if org else -1
    if office_match and (org is None or office_match.start() <= org_at):
        return office(office_match.group("office")) or org
    return org


def office_in_opening(lines: list[Line], header: Header) -> str | None:
    """'The Minister for Defence Science and Personnel, Mr David Simmons, said today …' in a release."""
    starts = [i for i in (header.first_prose, header.title_lines[-1] + 1 if header.title_lines else None) if i]
    start = min(starts, default=0)
    for line in lines[start : start + _OPENING_PARAGRAPHS]:
        match = _OFFICE_IN_PROSE.search(line.stripped[:600])
        if match:
            return office(match.group("office"))
    return None


def office(text: str) -> str | None:
    """'Minister for Foreign Affairs' from a line that names the office, in the case people write it."""
    match = _OFFICE.search(text)
    if not match:
        return None
    name = (match.group("post") + _FIELD_STOP.sub("", match.group("field"))).strip(" ,.·*")
    if len(name.split()) < 3:
        return None
    return _title_case(name) if name.upper() == name or name.lower() == name else _tidy_case(name)


def organisation(text: str) -> str | None:
    """The first organisation named in a header line, without a held title or a trailing event."""
    for match in _ORG_NAME.finditer(text):
        name = _HELD_TITLE.sub("", match.group("name").strip())
        name = _TRAILING_EVENT.sub("", name).strip(" ,.")
        name = re.sub(r"^(?:The|THE)\s+", "", name)
        if len(name.split()) >= 2 and name.split()[-1].lower() not in _SMALL_WORDS:
            return canonical(name)
    return None


def _title_case(text: str) -> str:
    words = text.lower().split()
    return " ".join(w if (i and w in _SMALL_WORDS) else w.capitalize() for i, w in enumerate(words))


def _tidy_case(text: str) -> str:
    """'MINISTER for JUSTICE' -> 'Minister for Justice': mixed case from OCR'd letterheads."""
    if any(w.isupper() and len(w) > 3 for w in text.split()):
        return _title_case(text)
    return text[0].upper() + text[1:]
