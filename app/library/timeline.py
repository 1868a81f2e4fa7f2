"""The library over time: documents per year (or per month, over a short span), by kind.

Counted by SQLite in one GROUP BY over (month, kind), so the cost is one pass over the date and
kind columns and the Python side only folds a few hundred groups, never the rows. Over a span of
`MONTHS_UP_TO_YEARS` years or less the bars are months (a year of reports is not one bar);
documents dated only to a year then have no month and are counted apart, as undated ones are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import case, func, select

from app.archive.folder import Archive
from app.library.listing import DocumentFilter, filter_conditions
from app.model import KINDS
from db.models import Document

MONTHS_UP_TO_YEARS = 3  # a span of this many years or fewer is drawn month by month
_DATED = Document.date.op("GLOB")("[0-9][0-9][0-9][0-9]*")  # a four-digit year first: anything else is undated


@dataclass(slots=True, frozen=True)
class TimelineBar:
    """One year ("2013") or month ("2013-09") and its documents by kind (kinds with none left out)."""

    period: str
    counts: tuple[tuple[str, int], ...] = ()

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    @property
    def year(self) -> str:
        return self.period[:4]


@dataclass(slots=True, frozen=True)
class Timeline:
    """Every period from the first dated document to the last, empty ones included (gaps show as gaps)."""

    unit: str  # "year" or "month": also the facet group a bar filters by
    bars: tuple[TimelineBar, ...] = ()
    kinds: tuple[str, ...] = ()  # the kinds on some bar, in the order of app.model.KINDS
    undated: int = 0  # no date, or one that does not begin with a year
    year_only: int = 0  # months shown, but dated to the year only: on no bar

    @property
    def dated(self) -> int:
        return sum(bar.total for bar in self.bars)

    @property
    def is_empty(self) -> bool:
        return not self.bars


def count_by_period(archive: Archive, flt: DocumentFilter | None = None) -> Timeline:
    """The documents `flt` lets through, per period and kind; the filter's own year and month choices are ignored,
    so the timeline keeps showing the bars one can add or take away (as a facet keeps its other values)."""
    conditions = filter_conditions(replace(flt, year=frozenset(), month=frozenset()) if flt is not None else None)
    period = case((_DATED, func.substr(Document.date, 1, 7)), else_="")
    query = select(period, Document.kind, func.count()).where(*conditions).group_by(period, Document.kind)
    with archive.session() as s:
        return build(s.execute(query).all())


def build(rows: Iterable[tuple[str, str, int]]) -> Timeline:
    """A Timeline from (year or month or "", kind, count) groups."""
    by_month: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_year: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    undated = year_only = 0
    for period, kind, n in rows:
        if not period:
            undated += n
            continue
        by_year[period[:4]][kind] += n
        month = _month(period)
        if month is None:
            year_only += n
        else:
            by_month[month][kind] += n
    if not by_year:
        return Timeline("year", undated=undated)
    first, last = int(min(by_year)), int(max(by_year))
    kinds = _kinds({kind for counts in by_year.values() for kind in counts})
    if last - first < MONTHS_UP_TO_YEARS and by_month:
        months = [f"{y:04d}-{m:02d}" for y in range(first, last + 1) for m in range(1, 13)]
        start = next(i for i, m in enumerate(months) if m in by_month)
        end = max(i for i, m in enumerate(months) if m in by_month)
        bars = tuple(_bar(m, by_month.get(m, {}), kinds) for m in months[start : end + 1])
        return Timeline("month", bars, _kinds({k for b in bars for k, _ in b.counts}), undated, year_only)
    bars = tuple(_bar(f"{y:04d}", by_year.get(f"{y:04d}", {}), kinds) for y in range(first, last + 1))
    return Timeline("year", bars, kinds, undated)


def _month(period: str) -> str | None:
    """'2013-09' when `period` names a real month, else None (a year alone, or a malformed date)."""
    if len(period) == 7 and period[4] == "-" and period[5:].isdigit() and 1 <= int(period[5:]) <= 12:
        return period
    return None


def _kinds(present: set[str]) -> tuple[str, ...]:
    known = [k for k in KINDS if k in present]
    return (*known, *sorted(present - set(KINDS)))


def _bar(period: str, counts: dict[str, int], kinds: tuple[str, ...]) -> TimelineBar:
    return TimelineBar(period, tuple((k, counts[k]) for k in kinds if counts.get(k)))
