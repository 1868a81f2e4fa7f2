"""What every format shares, so md, html, pdf and csv show the same excerpt the same way.

The quote keeps the source's footnote markers (`[15]`); every format swaps them for the
export's endnote numbers (or drops them when footnotes are left out) through `quote_pieces`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime

from app.errors import DossierError
from app.export.excerpt_model import COLOR_HEX, Endnote, Excerpt, ExcerptSet, SourceDocument

DEFAULT_COLOR = "yellow"

_MARKER = re.compile(r"\[(\d{1,4})\]")


class ExportError(DossierError):
    """An export could not be produced or written; the message says why and what to do."""


def group_by_document(excerpts: Iterable[Excerpt]) -> list[tuple[SourceDocument, list[Excerpt]]]:
    """Consecutive runs of excerpts of one document, in the order they arrive."""
    groups: list[tuple[SourceDocument, list[Excerpt]]] = []
    for excerpt in excerpts:
        if groups and groups[-1][0].id == excerpt.document.id:
            groups[-1][1].append(excerpt)
        else:
            groups.append((excerpt.document, [excerpt]))
    return groups


def quote_pieces(excerpt: Excerpt, with_endnotes: bool) -> list[str | int]:
    """The quote as text pieces and endnote numbers (ints) where markers go.

    A source marker `[N]` of one of the excerpt's endnotes becomes that endnote's export
    number; endnotes whose marker follows the excerpt get their number at the end. Without
    endnotes those markers are dropped, since they would point at nothing.
    """
    quote = excerpt.quote
    by_original = {note.original_number: note.number for note in excerpt.endnotes}
    pieces: list[str | int] = []
    used: set[int] = set()
    pos = 0
    for match in _MARKER.finditer(quote):
        original = int(match.group(1))
        if original not in by_original or original in used:
            continue
        pieces.append(quote[pos : match.start()])
        if with_endnotes:
            pieces.append(by_original[original])
        used.add(original)
        pos = match.end()
    pieces.append(quote[pos:])
    if with_endnotes:
        pieces.extend(note.number for note in excerpt.endnotes if note.original_number not in used)
    return [piece for piece in pieces if piece != ""]


def plain_quote(excerpt: Excerpt, with_endnotes: bool) -> str:
    """The quote as one string, endnote markers written `[N]` in the export's numbering."""
    return "".join(piece if isinstance(piece, str) else f"[{piece}]" for piece in quote_pieces(excerpt, with_endnotes))


def all_endnotes(excerpts: Iterable[Excerpt]) -> list[Endnote]:
    """Every endnote of the export once, by number (two excerpts may share one)."""
    seen: dict[int, Endnote] = {}
    for excerpt in excerpts:
        for note in excerpt.endnotes:
            seen.setdefault(note.number, note)
    return [seen[number] for number in sorted(seen)]


def color_name(excerpt: Excerpt) -> str:
    """The excerpt's palette colour; anything unknown falls back to yellow, never into markup."""
    return excerpt.color if excerpt.color in COLOR_HEX else DEFAULT_COLOR


def darker(hex_color: str, factor: float = 0.55) -> str:
    """A darker shade of a palette colour, for borders that stay visible in print."""
    red, green, blue = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(channel * factor) for channel in (red, green, blue)))


def utc_timestamp(moment: datetime) -> str:
    """xsd:dateTime in UTC, as the W3C model asks; naive datetimes are taken as UTC (as stored)."""
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return aware.strftime("%Y-%m-%dT%H:%M:%SZ")


def human_timestamp(moment: datetime) -> str:
    """The export time for a heading line, in UTC like every stored time; minutes are enough."""
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return aware.strftime("%Y-%m-%d %H:%M UTC")


def summary_line(excerpts: ExcerptSet) -> str:
    """'Exported … · N excerpts from M documents', the same in every readable format, in the export's words."""
    documents = len({excerpt.document.id for excerpt in excerpts.excerpts})
    return excerpts.words.summary(human_timestamp(excerpts.generated_at), len(excerpts.excerpts), documents)
