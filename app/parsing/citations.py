"""Read the sources a footnote cites: author, title, outlet, place, date, URL.

Each source (see `splitting` for how a note is cut into sources) is read the
way the genre writes it: `Author, “Title,” Outlet (Place), 26 July 2013, url`,
or unquoted `Issuer, Title (Place: Publisher, Month Year), p. 4`, or a
document-type lead such as `Statement of X, Meeting, Geneva, 21 June 2021`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from app.model import Citation
from app.parsing.dates import find_dates
from app.parsing.ibid import ibid_rest
from app.parsing.organisations import canonical, is_organisation
from app.parsing.splitting import DOC_LEAD, QUOTED, split_citations, split_top_level, strip_lead
from app.parsing.urls import find_url

MAX_AUTHOR_CHARS = 150
MAX_CITATIONS = 50
_CACHE_CHARS = 2_000

KNOWN_PLACES = frozenset(
    """
    Geneva|New York|Ottawa|London|Paris|Brussels|Baku|Yerevan|Stepanakert|Washington|Washington DC
    |Washington, DC|Vienna|Oslo|Maputo|Phnom Penh|Kabul|Bangkok|Beirut|Amman|Nairobi|Tbilisi|Moscow|Ankara
    |Istanbul|Kyiv|Kiev|Sarajevo|Zagreb|Belgrade|Pristina|Tirana|Bogotá|Bogota|Lima|Managua|Colombo|Dhaka
    |Islamabad|New Delhi|Delhi|Yangon|Naypyidaw|Hanoi|Vientiane|Beijing|Tokyo|Seoul|Canberra|Sydney
    |Cartagena|Dubrovnik|Maputo|Luanda|Harare|Khartoum|Juba|Mogadishu|Addis Ababa|Cairo|Tripoli|Tunis
    |Algiers|Rabat|Baghdad|Erbil|Damascus|Sanaa|Aden|Tehran|Dushanbe|Tashkent|Bishkek|Almaty|Nur-Sultan
    |Astana|Minsk|Chisinau|Riga|Vilnius|Tallinn|Helsinki|Stockholm|Copenhagen|Berlin|Bonn|The Hague|Rome
    |Madrid|Lisbon|Dublin|Bern|Lausanne|Ganja|Shusha|Lachin|Agdam|Aghdam|Fuzuli|Kalbajar|Zangilan|Jabrayil
    """.replace("\n", "").split("|")
)

_PUB_INFO = re.compile(r"\((?P<place>[^():;]{2,60}):\s*(?P<publisher>[^()]{2,160}?)(?:,\s*(?P<date>[^(),]{3,60}))?\)")
_TRAILING_PAREN = re.compile(r"\s*\((?P<inner>[^()]{2,80})\)\s*$")
_PAGE = re.compile(
    r"(?i)^(?:pp?\.|paras?\.?|para\b|at\b|n\.|nos?\.|vol\.|form\b|section\b|chapter\b|art\.|article\b|annex\b|§|¶)"
)
_ACCESSED = re.compile(r"(?i)\b(?:accessed|retrieved|viewed|consulted|visited)\b")
_YEAR = re.compile(r"\(?((?:1[0-9]|20)[0-9]{2})\)?")
_BY_WHOM = re.compile(
    r"\s+(?i:of|by|from|with)\s+(?i:the\s+)?(?P<who>[A-Z][^,;()]{1,100}?)(?=\s+(?:to|at|on|in|before|for)\s|$)"
)
_POSITION = re.compile(
    r"(?i)^(?:and\s+)?(?:the\s+)?(?:deputy\s+|vice\s+|acting\s+|former\s+)?(?:minister|head|director|chief|ambassador"
    r"|president|secretary|coordinator|officer|manager|advis[eo]r|representative|permanent representative"
    r"|counsel+or|chair|chairman|chairperson|member|spokes(?:person|man|woman)|commander|general|colonel"
    r"|major|captain|deminer|staff|researcher|consultant|expert)\b"
)
_POSITION_END = re.compile(
    r"(?i)\b(?:manager|director|officer|coordinator|advis[eo]r|minister|head|chief|representative|specialist"
    r"|analyst|consultant|spokes(?:person|man|woman)|secretary|ambassador|attaché|attache|counsel+or|deputy)$"
)
_EVENT = re.compile(
    r"(?i)\b(?:meetings?|conference|session|summit|assembly|committee|workshop|symposium|treaty|convention"
    r"|forum|seminar|review|parliament|council|press|news|times|post|journal|radio|television|tv|agency)\b"
)
_LOWER_PAREN = re.compile(r"\s*\((?:[a-z][^()]*)\)\s*$")


def _clean_title(text: str) -> str:
    title = " ".join(text.split()).rstrip(",;:")
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    return title.strip()


def _clean_name(text: str) -> str | None:
    name = strip_lead(text).strip(" ,;:.")
    name = " ".join(name.split())
    if not name or len(name) > MAX_AUTHOR_CHARS or not any(char.isalpha() for char in name):
        return None
    return name


def _name_like(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or any(char.isdigit() for char in text) or DOC_LEAD.match(text):
        return False
    particles = {"of", "the", "and", "de", "van", "von", "al"}
    return text[:1].isupper() and (is_organisation(text) or all(w[:1].isupper() or w in particles for w in words))


def _place_like(text: str) -> bool:
    words = text.split()
    if text in KNOWN_PLACES:
        return True
    if is_organisation(text) or _EVENT.search(text) or _POSITION_END.search(text):
        return False
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in text)


class _Parts:
    """The fields of one citation as they are found."""

    def __init__(self) -> None:
        self.author: str | None = None
        self.title: str | None = None
        self.publisher: str | None = None
        self.place: str | None = None
        self.dates: list[str] = []
        self.late_dates: list[str] = []  # "accessed ..." dates: only when nothing better


def _read_pub_info(text: str, parts: _Parts) -> str:
    """Read "(Place: Publisher, Date)" and return `text` without it."""
    match = _PUB_INFO.search(text)
    if not match:
        return text
    parts.place = parts.place or match.group("place").strip()
    parts.publisher = parts.publisher or canonical(match.group("publisher"))
    dates = find_dates(match.group("date") or "")
    year = _YEAR.fullmatch((match.group("date") or "").strip())
    if dates:
        parts.dates.append(dates[0].iso)
    elif year:
        parts.dates.append(year.group(1))
    return (text[: match.start()] + text[match.end() :]).strip()


def _read_segments(segments: list[str], parts: _Parts, quoted: bool = True, issuer: bool = False) -> None:
    """Outlet, place and date from the comma segments after the title.

    After a quoted title the first name is the outlet ("Asbarez (Stepanakert)"),
    unless an organisation issued the piece itself and the name reads as a
    place ("Ministry of Defence, “Title,” Tarvos, 15 August 2022"). After an
    unquoted title the segments are often people and their positions, so an
    outlet is taken only when it is an organisation or a venue.
    """
    names: list[str] = []
    previous_name: str | None = None
    for raw in segments:
        segment = _read_pub_info(raw.strip(" .;:"), parts).strip(" .;:")
        if not segment:
            continue
        dates = find_dates(segment)
        place_before_date = dates and previous_name and parts.place is None and previous_name in names
        if place_before_date and _place_like(previous_name) and (not quoted or len(names) > 1):
            parts.place = previous_name
            names.remove(previous_name)
        previous_name = None
        if dates:
            (parts.late_dates if _ACCESSED.search(segment) else parts.dates).extend(d.iso for d in dates)
            rest = segment
            for found in reversed(dates):
                rest = rest[: found.start] + rest[found.end :]
            if len(rest.strip(" ,.;:()–-")) <= 6:
                continue
            segment = rest.strip(" ,.;:")
        year = _YEAR.fullmatch(segment)
        if year:
            parts.dates.append(year.group(1))
            continue
        if _PAGE.match(segment) or not segment[:1].isupper() or _ACCESSED.search(segment):
            continue
        if _POSITION.match(segment) or _POSITION_END.search(segment):
            continue
        name, place = segment, None
        paren = _TRAILING_PAREN.search(segment)
        if paren and _place_like(paren.group("inner")):
            name, place = segment[: paren.start()].strip(), paren.group("inner").strip()
            parts.place = parts.place or place
        if name in KNOWN_PLACES:
            parts.place = parts.place or name
            continue
        names.append(name)
        previous_name = name
    if parts.publisher is not None or not names:
        return
    if quoted and issuer and len(names) == 1 and parts.place is None and _place_like(names[0]):
        parts.place = names[0]
    elif quoted:
        parts.publisher = canonical(names[0])
    else:
        venues = [name for name in names if is_organisation(name) or _EVENT.search(name)]
        if venues:
            parts.publisher = canonical(venues[0])


def _by_whom(title: str) -> str | None:
    """The issuer a document-type title names: "Statement of X", "Letter from X to Y", "Interview with X"."""
    lead = DOC_LEAD.match(title)
    match = _BY_WHOM.match(title, lead.end()) if lead else None
    return _clean_name(match.group("who")) if match else None


def _title_segment(text: str) -> bool:
    """A comma segment that can be a title: more than a date, not a position ("Coordinator")."""
    text = text.strip()
    if _POSITION.match(text) or _POSITION_END.search(text):
        return False
    bare = re.sub(r"\([^()]*\)", " ", text)
    for found in reversed(find_dates(bare)):
        bare = bare[: found.start] + bare[found.end :]
    return (text[:1].isupper() or DOC_LEAD.match(text) is not None) and len(bare.strip(" ,.;:")) > 6


def _position(text: str) -> bool:
    text = text.strip()
    return bool(_POSITION.match(text) or _POSITION_END.search(text))


def parse_citation(text: str) -> Citation:
    """Read one source's author, title, outlet, place, date and URL."""
    raw = " ".join(text.split())
    return replace(_cached_citation(raw)) if len(raw) <= _CACHE_CHARS else _parse_citation(raw)


@lru_cache(maxsize=2048)
def _cached_citation(raw: str) -> Citation:
    """Chains of Ibid notes repeat the same sources many times; callers get copies."""
    return _parse_citation(raw)


def _parse_citation(raw: str) -> Citation:
    parts = _Parts()
    work = raw
    url = find_url(work)
    if url:
        work = (work[: url[1]] + work[url[2] :]).strip()
    quoted = QUOTED.search(work)
    if quoted:
        parts.title = _clean_title(quoted.group("curly") or quoted.group("straight") or "") or None
        parts.author = _clean_name(work[: quoted.start()])
        issuer = parts.author is not None and is_organisation(parts.author)
        _read_segments(split_top_level(work[quoted.end() :], ","), parts, issuer=issuer)
        if issuer and parts.publisher is None and parts.author:
            parts.publisher = canonical(parts.author)  # an organisation publishing its own statement
    else:
        segments = [s for s in split_top_level(work, ",") if s.strip()]
        if segments:
            first = strip_lead(segments[0])
            if DOC_LEAD.match(first):
                parts.title, rest = first, segments[1:]
                parts.author = _by_whom(first)
            elif len(segments) >= 2 and _name_like(first) and _title_segment(segments[1]):
                parts.author, parts.title, rest = _clean_name(first), segments[1].strip(), segments[2:]
            elif len(segments) >= 2 and _name_like(first) and _position(segments[1]):
                parts.author, rest = _clean_name(first), segments[1:]  # a person and their position: no title
            else:
                parts.title, rest = first, segments[1:]
            title_dates = [d.iso for d in find_dates(re.sub(r"\([^()]*\)", " ", parts.title or ""))]
            title = _LOWER_PAREN.sub("", _read_pub_info(parts.title or "", parts))
            parts.title = _clean_title(title) or None
            _read_segments(rest, parts, quoted=False)
            if not parts.dates and not parts.late_dates:
                parts.dates.extend(title_dates)
    date = (parts.dates or parts.late_dates or [None])[0]
    return Citation(
        text=raw,
        author=parts.author,
        title=parts.title,
        publisher=parts.publisher,
        place=parts.place,
        date=date,
        url=url[0] if url else None,
    )


def parse_citations(text: str, previous: list[Citation] | None = None) -> list[Citation]:
    """Citations of a note; an "ibid." among its sources repeats the `previous` note's citations."""
    found: list[Citation] = []
    for piece in split_citations(text)[:MAX_CITATIONS]:
        rest = ibid_rest(piece)
        if previous and rest is not None and not rest.strip(" .,"):
            found.extend(replace(citation) for citation in previous)
        else:
            found.append(parse_citation(piece))
    return found[:MAX_CITATIONS]
