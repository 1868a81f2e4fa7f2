"""Find and parse the dates the genre writes, as ISO strings.

Only explicit patterns are accepted (day-month-year, month-day-year, ISO,
numeric day/month/year, month-year): dateutil's fuzzy mode invents dates from
noise, so dateutil is used for what it knows well (month names) and never to
guess. Every pattern is bounded, so scanning a huge text stays linear.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.parser import parserinfo

_INFO = parserinfo()


def _month_names() -> str:
    """All month spellings dateutil knows, Title and UPPER case, longest first."""
    names: set[str] = set()
    for group in _INFO.MONTHS:
        for name in group:
            names.update({name, name.upper()})
    return "|".join(sorted(names, key=len, reverse=True))


_M = rf"(?:{_month_names()})\.?"
_D = r"(?:[0-3]?[0-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[0-9]{3}|20[0-9]{2})"
_DASH = r"\s*[-–—]\s*"

_DATE = re.compile(
    r"(?<!\w)(?:"
    rf"(?P<iy>{_Y})(?P<isep>[-/.])(?P<im>[01]?[0-9])(?P=isep)(?P<id>[0-3]?[0-9])(?![0-9])"
    rf"|(?P<rd>{_D}){_DASH}{_D}\s+(?:of\s+)?(?P<rm>{_M}),?\s+(?P<ry>{_Y})(?![0-9])"
    rf"|(?P<dd>{_D})(?:\s+|-)(?:of\s+)?(?P<dm>{_M})(?:,?\s+|-)(?P<dy>{_Y})(?![0-9])"
    rf"|(?P<mm>{_M})\s+(?P<md>{_D})(?:{_DASH}{_D})?,?\s+(?P<my>{_Y})(?![0-9])"
    rf"|(?P<na>[0-3]?[0-9])(?P<nsep>[/.-])(?P<nb>[0-3]?[0-9])(?P=nsep)(?P<ny>{_Y})(?![0-9])"
    rf"|(?P<om>{_M}),?\s+(?P<oy>{_Y})(?![0-9])"
    r")"
)
_YEAR_ONLY = re.compile(rf"\s*({_Y})\s*")
_ANY_YEAR = re.compile(_Y)  # every date pattern holds a year: a text without one is not scanned ten times slower
_DECLARED_ISO = re.compile(r"\s*([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?\s*")
_SIGNED = re.compile(r"\s*[-+][0-9]")
_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a string: where it is and what it means."""

    start: int
    end: int
    iso: str  # YYYY-MM-DD or YYYY-MM


def _month(name: str) -> int | None:
    number = _INFO.month(name.rstrip("."))
    return None if number is None else int(number)


def _day(text: str) -> int:
    match = _DIGITS.match(text)
    return int(match.group()) if match else 0


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    """ISO text for a real calendar date, or None for 31 February and the like."""
    if month is None or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric(a: int, b: int, year: int, dayfirst: bool) -> str | None:
    """Resolve 25/10/2022 vs 10/25/2022: an impossible reading decides, else `dayfirst`."""
    if a > 12 or (dayfirst and b <= 12):
        return _iso(year, b, a)
    return _iso(year, a, b)


def _match_iso(m: re.Match[str], dayfirst: bool) -> str | None:
    g = m.group
    if g("iy"):
        return _iso(int(g("iy")), int(g("im")), int(g("id")))
    if g("rd"):
        return _iso(int(g("ry")), _month(g("rm")), _day(g("rd")))
    if g("dd"):
        return _iso(int(g("dy")), _month(g("dm")), _day(g("dd")))
    if g("mm"):
        return _iso(int(g("my")), _month(g("mm")), _day(g("md")))
    if g("na"):
        return _numeric(int(g("na")), int(g("nb")), int(g("ny")), dayfirst)
    if g("om"):
        return _iso(int(g("oy")), _month(g("om")), None)
    return None


def find_dates(text: str, dayfirst: bool = True) -> list[DateMatch]:
    """Every explicit date in `text`, in order; impossible dates are skipped."""
    found: list[DateMatch] = []
    if _ANY_YEAR.search(text) is None:
        return found
    for m in _DATE.finditer(text):
        iso = _match_iso(m, dayfirst)
        if iso:
            found.append(DateMatch(m.start(), m.end(), iso))
    return found


def first_date(text: str, dayfirst: bool = True) -> DateMatch | None:
    """The first explicit date in `text`, without scanning further than needed."""
    if _ANY_YEAR.search(text) is None:
        return None
    for m in _DATE.finditer(text):
        iso = _match_iso(m, dayfirst)
        if iso:
            return DateMatch(m.start(), m.end(), iso)
    return None


def parse_date(value: object, dayfirst: bool = True) -> str | None:
    """ISO date for a value meant to be a date ("28 November 2013", "2022-10-25", a date object).

    Returns YYYY-MM-DD, YYYY-MM for a month-year, YYYY for a lone year, else None.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    declared = _DECLARED_ISO.fullmatch(value)
    if declared:  # a declared ISO date stands as written, any year a calendar has (0001-01-01, 9999-12-31)
        year, month, day = (int(part) for part in declared.groups())
        return _iso(year, month, day) if year else None
    if _SIGNED.match(value):  # "-2020-01-01": a year before the common era is no date Dossier can sort
        return None
    year = _YEAR_ONLY.fullmatch(value)
    if year:
        return year.group(1)
    found = first_date(value, dayfirst)
    return found.iso if found else None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def format_date_human(iso: str) -> str:
    """`2013-11-28` → `28 November 2013`; `2013-11` → `November 2013`; anything else unchanged."""
    parts = iso.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return iso
    if len(numbers) == 3 and 1 <= numbers[1] <= 12:
        return f"{numbers[2]} {_MONTHS[numbers[1] - 1]} {numbers[0]}"
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        return f"{_MONTHS[numbers[1] - 1]} {numbers[0]}"
    return iso
