"""Recognise the organisations that publish in this genre, and name them one way.

A citation says "ICBL", a press release says "The International Campaign to
Ban Landmines (ICBL) ..."; both must come out as the same publisher so that
citations can be matched to archive documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Lower-case alias -> canonical name.
KNOWN_PUBLISHERS: dict[str, str] = {
    "icbl": "ICBL",
    "international campaign to ban landmines": "ICBL",
    "international campaign to ban land mines": "ICBL",
    "icbl-cmc": "ICBL-CMC",
    "landmine monitor": "Landmine Monitor",
    "landmine and cluster munition monitor": "Landmine Monitor",
    "the monitor": "Landmine Monitor",
    "cluster munition monitor": "Cluster Munition Monitor",
    "cluster munition coalition": "Cluster Munition Coalition",
    "cmc": "Cluster Munition Coalition",
    "halo trust": "HALO Trust",
    "the halo trust": "HALO Trust",
    "halo": "HALO Trust",
    "mines advisory group": "MAG",
    "mag": "MAG",
    "unmas": "UNMAS",
    "united nations mine action service": "UNMAS",
    "un mine action service": "UNMAS",
    "gichd": "GICHD",
    "geneva international centre for humanitarian demining": "GICHD",
    "human rights watch": "Human Rights Watch",
    "hrw": "Human Rights Watch",
    "handicap international": "Handicap International",
    "humanity & inclusion": "Humanity & Inclusion",
    "humanity and inclusion": "Humanity & Inclusion",
    "icrc": "ICRC",
    "international committee of the red cross": "ICRC",
    "anama": "ANAMA",
    "azerbaijan national agency for mine action": "ANAMA",
    "mines action canada": "Mines Action Canada",
    "norwegian people's aid": "Norwegian People's Aid",
    "norwegian people’s aid": "Norwegian People's Aid",
    "npa": "Norwegian People's Aid",
    "danish refugee council": "Danish Refugee Council",
    "undp": "UNDP",
    "united nations development programme": "UNDP",
    "united nations development program": "UNDP",
    "unicef": "UNICEF",
    "implementation support unit": "ISU",
}

ORG_WORDS = frozenset(
    "campaign|ministry|committee|organization|organisation|coalition|monitor|association|council|office"
    "|agency|centre|center|foundation|institute|trust|service|department|government|mission|embassy|union"
    "|network|society|federation|programme|program|fund|watch|nations|group|alliance|secretariat|unit"
    "|commission|international|corps|authority|parliament|presidency|administration|forces|army".split("|")
)

_CAP_WORD = r"[A-Z][\w'’&.-]*"
_JOIN_WORD = r"(?:of|to|for|the|and|on|in|&)"
_SUBJECT = re.compile(
    rf"(?:The\s+)?(?P<name>{_CAP_WORD}(?:\s+(?:{_CAP_WORD}|{_JOIN_WORD})){{0,10}}?)"
    r"(?:\s+\((?P<acronym>[A-Z][A-Za-z&-]{1,14})\))?,?\s+(?P<verb>(?!(?:of|to|for|the|and|on|in)\b)[a-z]+)\b"
)
_MINISTRY = re.compile(
    r"\bMinist(?:ry|er) of (?P<field>[A-Z][A-Za-z]+(?: (?:and )?[A-Z][A-Za-z]+){0,3})"
    r"(?: of (?P<state>(?:the (?:Republic|Kingdom|Federal Republic|Islamic Republic|Russian Federation|State)"
    r" of )?[A-Z][A-Za-z-]+))?"
)
_STATEMENT_BY = re.compile(
    r"(?i)\bstatement\s+(?:of|by|from)\s+(?:the\s+)?(?P<who>[^,;:()]{2,80}?)(?=\s+(?:at|to|on|before|in)\b|[,;:(]|$)"
)
_TITLE_BY = re.compile(
    rf"\b(?:of|by|from)\s+(?:the\s+)?(?P<who>{_CAP_WORD}(?:\s+(?:{_CAP_WORD}|{_JOIN_WORD})){{0,8}})\s*$"
)
_EXPLICIT = re.compile(
    r"(?i)^(?:published by|issued by|released by|prepared by|source|publisher|press (?:service|office) of)"
    r"\s*:?\s*(?:the\s+)?(?P<who>[^|]{2,100}?)[.\s]*$"
)
_COPYRIGHT = re.compile(
    r"(?i)(?:©|copyright|\(c\))\s*(?:©\s*)?(?:[0-9]{4}(?:\s*[-–]\s*[0-9]{4})?)?\s*,?\s*(?:by\s+)?(?:the\s+)?"
    r"(?P<who>[A-Z][^.|©]{1,100}?)\s*(?:[.|]|all rights|$)"
)


@dataclass(frozen=True, slots=True)
class SubjectOrganisation:
    """An organisation that is the grammatical subject of a sentence, and the verb that follows it."""

    name: str
    acronym: str | None
    verb: str


def canonical(name: str) -> str:
    """The canonical spelling of a publisher name: known aliases folded ("the ICBL" -> "ICBL")."""
    cleaned = " ".join(name.strip().strip(".,;:").split())
    known = KNOWN_PUBLISHERS.get(cleaned.lower())
    if known is None and cleaned.lower().startswith("the "):
        known = KNOWN_PUBLISHERS.get(cleaned[4:].lower())
    return known or cleaned


def is_organisation(name: str) -> bool:
    """True for names that read as an organisation rather than a person or a place."""
    lowered = name.lower()
    return lowered in KNOWN_PUBLISHERS or any(word in ORG_WORDS for word in re.split(r"[\s-]+", lowered))


def subject_organisation(sentence: str) -> SubjectOrganisation | None:
    """The organisation opening `sentence` ("The ICBL calls on ..."), if it reads as one."""
    match = _SUBJECT.match(sentence[:300])
    if not match:
        return None
    name, acronym = match.group("name"), match.group("acronym")
    if name.split()[-1].lower() in {"of", "to", "for", "the", "and", "on", "in", "&"}:
        return None
    if not (acronym or is_organisation(name)):
        return None
    return SubjectOrganisation(name, acronym, match.group("verb"))


def organisation_publisher(found: SubjectOrganisation) -> str:
    """Publisher name for a subject organisation: a known alias of name or acronym, else the name."""
    for alias in (found.name, found.acronym or ""):
        if alias.lower() in KNOWN_PUBLISHERS or alias.lower().removeprefix("the ") in KNOWN_PUBLISHERS:
            return canonical(alias)
    return canonical(found.name)


def ministry(text: str) -> str | None:
    """The first ministry named in `text`, as "Ministry of <field> of <state>" (a minister names it too)."""
    match = _MINISTRY.search(text)
    if not match:
        return None
    state = match.group("state")
    return f"Ministry of {match.group('field')}" + (f" of {state}" if state else "")


def statement_issuer(title: str) -> str | None:
    """The organisation a "Statement by/of X" title names, when X is an organisation."""
    match = _STATEMENT_BY.search(title)
    if not match:
        return None
    who = match.group("who").strip()
    return canonical(who) if is_organisation(who) and plausible_name(who) else None


def title_organisation(title: str) -> str | None:
    """The organisation a report's title ends with ("Annual Report 2020 of the X Mine Action Centre")."""
    match = _TITLE_BY.search(title[:300])
    if not match:
        return None
    who = match.group("who").strip()
    return canonical(who) if is_organisation(who) else None


def explicit_publisher(line: str) -> str | None:
    """A publisher stated outright: "Published by X", "Source: X", "© 2022 X. All rights reserved"."""
    text = line.strip()
    if len(text) > 300:
        return None
    match = _EXPLICIT.match(text) or _COPYRIGHT.search(text)
    if not match:
        return None
    who = match.group("who").strip(" ,.")
    if not who or who.lower().startswith("all rights") or not plausible_name(who):
        return None
    return canonical(who)


_NAME_JOINERS = frozenset({"of", "to", "for", "the", "and", "on", "in", "&", "de", "du", "des", "la", "le", "für"})


def plausible_name(name: str) -> bool:
    """Whether `name` reads as the name of an issuer rather than a fragment of a sentence.

    A name is short, starts with a capital, and its words are capitalised apart from joiners
    ("Department of Foreign Affairs and Trade"); "of the NDAA for FY 2018, which…" is not one.
    """
    words = name.split()
    if not words or len(words) > 10 or len(name) > 90 or name.endswith(("…", "...")):
        return False
    if not (words[0][:1].isupper() or words[0][:1].isdigit()) or sum(c.isalpha() for c in name) < 2:
        return False
    content = [w for w in words if w.lower().strip(",.") not in _NAME_JOINERS]
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha())
    return bool(content) and capitalised >= 0.75 * len(content)


def known_in(text: str) -> str | None:
    """The first known publisher named in `text` (word-bounded, case-sensitive for acronyms)."""
    best: tuple[int, str] | None = None
    for alias, name in KNOWN_PUBLISHERS.items():
        if " " not in alias:  # an acronym: only in capitals, so "mag" or "halo" in prose is not a hit
            match = re.search(rf"\b{re.escape(alias.upper())}\b", text)
        else:
            match = re.search(rf"(?i)\b{re.escape(alias)}\b", text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), name)
    return best[1] if best else None
