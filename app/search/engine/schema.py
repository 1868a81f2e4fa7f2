"""What the index holds: its fields and their version, and how a document becomes field values.

`IndexDoc` is all the index knows of a document (the database stays the source of truth).
Text fields are analysed by `analysis`; one packed per-document column ("meta") holds id,
kind, publisher, date and tags, so facets and date sorting never load stored fields (see
`meta`). Dates are indexed as sortable 'YYYYMMDD' terms.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from whoosh import analysis, columns, fields
from whoosh.codec.whoosh3 import W3Codec

from app.search.engine.analysis import TOKEN_PATTERN, DocumentAnalysis, _FastText, _text_analyzer
from app.search.engine.query import DATE_RE

INDEX_SCHEMA_VERSION = 4
"""Bump whenever the schema, the analysis or a posting format changes: an index of another version is
rebuilt. Version 2 stores text-field positions as plain uint16/uint32 arrays (`_CompactPositions`);
version 4 adds the `author` and `lang` fields."""

INDEX_NAME = "MAIN"


_FIELD_SEP = "\x1f"
_TAG_SEP = "\x1e"
_AUTHOR_GAP = " _ "  # a token of its own (\w) that no name query looks for


@dataclass(slots=True)
class IndexDoc:
    """What the index needs to know about one document, taken from the database."""

    id: int
    title: str
    body: str
    footnotes: str = ""
    publisher: str | None = None
    kind: str = "other"
    tags: list[str] = field(default_factory=list)
    date: str | None = None  # ISO YYYY-MM-DD, YYYY-MM or YYYY
    authors: list[str] = field(default_factory=list)  # names in order
    language: str | None = None  # BCP 47 tag, e.g. "pt-BR"
    notes: str = ""  # annotation notes, joined
    annotation_tags: list[str] = field(default_factory=list)  # merged into tags for search
    analysis: DocumentAnalysis | None = None  # text fields analysed in advance; used only where the text is the same


def footnotes_text(notes: Iterable[tuple[int, str]]) -> str:
    """The `footnotes` field from (number, text) pairs: a "[N] text" line each, in number order.

    Built only here, because an import's workers analyse this text before the database gives it to the index.
    """
    return "\n".join(f"[{number}] {text}" for number, text in sorted(notes, key=lambda note: note[0]))


class _DateField(fields.ID):
    """Dates as sortable 'YYYYMMDD' terms (00 for an unknown month or day); queries read them in `query`.

    Kept as its own class because Whoosh pickles the schema with the index."""


def _date_key(iso: str | None) -> str:
    """'2013-09' -> '20130900'; '' when absent or unreadable (undated sorts last)."""
    match = DATE_RE.match(iso or "")
    if not match:
        return ""
    year, month, day = match.groups()
    return year + (month or "00") + (day or "00")


def _key_to_iso(key: str) -> str | None:
    if not key:
        return None
    if key[4:6] == "00":
        return key[:4]
    if key[6:8] == "00":
        return f"{key[:4]}-{key[4:6]}"
    return f"{key[:4]}-{key[4:6]}-{key[6:8]}"


def _codec() -> W3Codec:
    """Uncompressed posting blocks: a larger index, but reading postings skips zlib (faster searches)."""
    return W3Codec(compression=0)


def _schema() -> fields.Schema:
    text = _text_analyzer()
    names = analysis.RegexTokenizer(TOKEN_PATTERN) | analysis.LowercaseFilter()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=_FastText(analyzer=text, stored=True, phrase=True),
        body=_FastText(analyzer=text, phrase=True),
        footnotes=_FastText(analyzer=text, phrase=True),
        notes=_FastText(analyzer=text, phrase=True),
        publisher=fields.TEXT(analyzer=names, phrase=True),
        kind=fields.ID(analyzer=analysis.IDTokenizer() | analysis.LowercaseFilter()),
        tag=fields.KEYWORD(lowercase=True, commas=True, scorable=True),
        author=fields.TEXT(analyzer=names, phrase=True),  # names as `publisher` is: lower-cased words
        lang=fields.KEYWORD(lowercase=True, commas=True),  # the tag and its prefixes: lang:pt finds pt-BR
        date=_DateField(),
        meta=fields.COLUMN(columns.VarBytesColumn()),
    )


def _merged_tags(doc: IndexDoc) -> list[str]:
    seen: dict[str, str] = {}
    for tag in chain(doc.tags, doc.annotation_tags):
        clean = tag.replace(",", " ").strip()
        if clean and clean.casefold() not in seen:
            seen[clean.casefold()] = clean
    return list(seen.values())


def _tag_ancestors(tag: str) -> list[str]:
    parts = tag.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts))]


def _fields_of(doc: IndexDoc) -> dict[str, Any]:
    tags = _merged_tags(doc)
    date = _date_key(doc.date)
    packed = _FIELD_SEP.join(
        (str(doc.id), doc.kind or "", (doc.publisher or "").replace(_FIELD_SEP, " "), date, _TAG_SEP.join(tags))
    )
    values: dict[str, Any] = {
        "id": str(doc.id),
        "title": doc.title or "",
        "body": doc.body or "",
        "footnotes": doc.footnotes or "",
        "notes": doc.notes or "",
        "kind": doc.kind or "other",
        "meta": packed.encode("utf-8"),
    }
    if doc.publisher:
        values["publisher"] = doc.publisher
    if tags:  # a hierarchical tag is also found by its ancestors: tag:country finds country/Azerbaijan
        values["tag"] = ",".join(dict.fromkeys(chain.from_iterable((*_tag_ancestors(t), t) for t in tags)))
    if date:
        values["date"] = date
    if doc.authors:  # a "_" token between names, so that a phrase does not run from one name into the next
        values["author"] = _AUTHOR_GAP.join(doc.authors)
    if doc.language:
        values["lang"] = ",".join(_language_prefixes(doc.language))
    return values


def _language_prefixes(tag: str) -> list[str]:
    """'zh-Hant-TW' -> ['zh', 'zh-hant', 'zh-hant-tw']: a query for a language finds its regional forms."""
    parts = tag.replace(",", " ").lower().split("-")
    return ["-".join(parts[:i]) for i in range(1, len(parts) + 1) if parts[i - 1]]
