"""Decide who published a document, from the cues the genre gives.

In order of trust: a line that says so ("Published by", a copyright line the
boilerplate filter dropped), the kind (country profiles are the Landmine
Monitor's), the organisation that opens a press release as its subject, a
ministry for a numbered ministry press release, the issuer in a "Statement by"
title or at the end of a report's title, and a known organisation named in the
header. Unknown stays None.
"""

from __future__ import annotations

from app.parsing.header import Header, strip_dateline
from app.parsing.normalise import Line
from app.parsing.organisations import (
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
