"""The archive's full-text index: the only package that imports Whoosh (this module and `segments`).

The index is derived data. The database is the source of truth, so this module
never touches it: callers hand in plain `IndexDoc` values and, for snippets, a
`text_for(doc_id)` callback. An index that is missing, corrupt, half-rebuilt or
of an older schema is recreated empty on `SearchIndex.open` and reported with
`needs_rebuild`, so the caller refills it from the database (with progress).

Speed choices, because Whoosh is pure Python:
- body/title/footnotes/notes use `_FastText`, whose `index()` tokenises with one
  C-level `re.findall` and a stem cache instead of Whoosh's token-object
  pipeline; its `analyzer` (used to parse queries) produces the same terms.
- one packed per-document column ("meta") holds id, kind, publisher, date and
  tags; it is read once per segment into Python lists, so facet counts over all
  matches and date sorting are list look-ups, never stored-field loads.
- matching document sets are computed from posting lists as Python sets.
- writes and merges go through `app/search_index/segments.py` (bulk W3 segments, no
  posting pool), and text fields may take terms computed in an import's workers.
- snippets locate matched words with a regex pre-filter on the database text
  and then use Whoosh's fragmenter, scorer and HTML formatter on those matches
  only, instead of re-analysing whole documents.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import re
import shutil
import sys
import threading
import time
from array import array
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from whoosh import analysis, columns, fields, formats, highlight, index, qparser, query
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3LeafMatcher
from whoosh.filedb.filestore import FileStorage
from whoosh.lang.porter import stem as porter_stem
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader, TermNotFound
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length
from whoosh.writing import LockError, SegmentWriter

from app.errors import ArchiveError
from app.search_index.query_bounds import bound_query
from app.search_index.segments import (
    VOCABULARY_FIELDS,
    SegmentBuilder,
    merge,
    plan_merge,
    read_block,
    read_vocabulary,
    vocabulary_words,
)

log = logging.getLogger(__name__)

INDEX_SCHEMA_VERSION = 2
"""Bump whenever the schema, the analysis or a posting format changes: older indexes are rebuilt.
2: text-field positions stored as plain uint16/uint32 arrays (`_CompactPositions`)."""

INDEX_NAME = "MAIN"
META_FILE = "dossier-index.json"
PID_FILE = "dossier-writer.pid"
WRITELOCK_FILE = f"{INDEX_NAME}_WRITELOCK"

TOKEN_PATTERN = r"\w+(?:[-.]\w+)*"
"""Keeps PMN-2, OZM-72, E-001, 1.5 and www.icbl.org as one token each."""

TEXT_FIELDS = ("title", "body", "footnotes", "notes")
QUERY_FIELDS = frozenset({*TEXT_FIELDS, "publisher", "kind", "tag", "date"})
FACETS = ("kind", "publisher", "year", "tag")
TITLE_BOOST = 3.0
MIN_PREFIX = 3
MAX_SNIPPETS = 3
REBUILDING_NOTICE = "The search index is being rebuilt; results are incomplete until it finishes"
SortOrder = Literal["relevance", "date"]
_Postings = tuple["array[int]", "array[float]", list[bytes] | None]  # ids, weights, positions (if read)
_Match = tuple[Any, Any]  # numpy (mask, scores) over global docnums; scores are 0 outside the mask

_TOKEN_RE = re.compile(TOKEN_PATTERN)
_ASCII_TOKEN_RE = re.compile(TOKEN_PATTERN, re.ASCII)  # the same tokens in ASCII text, found faster
_LOWERS_APART = "\u0130"  # İ: the one character whose lower case ("i" + combining dot) splits a word
_STOP_WORDS = analysis.STOP_WORDS
_FIELD_SEP = "\x1f"
_TAG_SEP = "\x1e"
_JOINERS = re.compile(r"[-.]")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class IndexUnusableError(ArchiveError):
    """The index must be rebuilt, and the caller may not do it (see `SearchIndex.open`)."""


class IndexLockedError(ArchiveError):
    """Another live process is writing to the index."""


# --------------------------------------------------------------------------- data


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
    notes: str = ""  # annotation notes, joined
    annotation_tags: list[str] = field(default_factory=list)  # merged into tags for search


@dataclass(slots=True)
class Hit:
    id: int
    title: str
    date: str | None
    score: float
    snippets: list[str] = field(default_factory=list)  # HTML, matches in <b>…</b>
    matched_in: list[str] = field(default_factory=list)  # among title, body, footnotes, notes
    annotation_ids: list[int] = field(default_factory=list)  # annotations whose note or tags matched (app.search)


@dataclass(slots=True)
class SearchResult:
    query: str
    notice: str | None  # told to the user: how a malformed query was searched
    suggestion: str | None  # a corrected full query ("did you mean"), or None
    total: int  # all matches, not only `hits`
    hits: list[Hit]
    facets: dict[str, dict[str, int]]  # kind/publisher/year/tag -> value -> count over all matches
    match_ids: frozenset[int] = frozenset()  # every matching document, e.g. to filter the library


# ----------------------------------------------------------------------- analysis

_stem_cache: dict[str, str] = {}


def _stem(word: str) -> str:
    """Porter stem with an unbounded-but-reset cache (Whoosh's StemFilter uses the same function)."""
    stemmed = _stem_cache.get(word)
    if stemmed is None:
        if len(_stem_cache) > 300_000:
            _stem_cache.clear()
        stemmed = _stem_cache[word] = porter_stem(word)
    return stemmed


def _term_of(token: str) -> str | None:
    """The index term for one token, or None for a stop word."""
    word = token.lower()
    return None if word in _STOP_WORDS else _stem(word)


def analyse(text: str) -> list[str]:
    """The index terms of `text`, as body text is indexed: for matching short texts outside the index."""
    return [term for term in map(_term_of, re.findall(TOKEN_PATTERN, text)) if term]


def _text_analyzer() -> analysis.Analyzer:
    return analysis.StemmingAnalyzer(expression=TOKEN_PATTERN, minsize=1)


Analysis = list[tuple[bytes, int, float, bytes]]
"""What a text field's `index()` yields for one value: (term, frequency, weight, encoded positions)."""

_PREANALYSED: dict[str, Analysis] = {}
_PREANALYSED_MAX = 4000


def analyse_texts(texts: Iterable[str]) -> list[tuple[str, Analysis]]:
    """Index terms of texts, computed where the CPU is free (an import's worker processes).

    The main process hands the result to `remember_analysis`; a text field whose value
    is one of these texts then skips its own analysis. Any text that differs from what
    the database later gives the index is simply analysed again, so this is only a cache.
    """
    return [(text, list(_TEXT_FIELD.index(text))) for text in texts if text]


def remember_analysis(analysed: Iterable[tuple[str, Analysis]]) -> None:
    """Keep analyses from `analyse_texts` until the texts are indexed (bounded, oldest dropped)."""
    for text, items in analysed:
        _PREANALYSED[text] = items
    excess = len(_PREANALYSED) - _PREANALYSED_MAX
    if excess > 0:
        for key in list(_PREANALYSED)[:excess]:
            _PREANALYSED.pop(key, None)  # another thread may have used it meanwhile


_BIG_ENDIAN = sys.byteorder == "big"
_WIDE = b"\xff"  # marks a uint32 position array (odd length); uint16 arrays have an even length


class _CompactPositions(formats.Positions):
    """Positions as a little-endian uint16 array (uint32 after one marker byte past 65,535 tokens).

    Whoosh's own format pickles position deltas, so a phrase check unpickled every
    posting of every word one by one; plain arrays are joined and read by numpy in
    one go (`_position_keys`), and encode without pickle in the import's workers.
    Whoosh's matchers still work: they decode through these methods.
    """

    def encode(self, poslist: list[int]) -> bytes:
        wide = bool(poslist) and max(poslist) > 0xFFFF
        packed = array("I" if wide else "H", poslist)
        if _BIG_ENDIAN:
            packed.byteswap()
        return _WIDE + packed.tobytes() if wide else packed.tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        wide = len(valuestring) & 1
        packed = array("I" if wide else "H", valuestring[1:] if wide else valuestring)
        if _BIG_ENDIAN:
            packed.byteswap()
        return packed.tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // 4 if len(valuestring) & 1 else len(valuestring) // 2

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * self.field_boost

    def decode_position_boosts(self, valuestring: bytes) -> list[tuple[int, float]]:
        return [(pos, 1) for pos in self.decode_positions(valuestring)]


def _token_positions(text: str) -> dict[str, list[int]]:
    """Index term -> sorted positions, as the StemmingAnalyzer would give them, plus the parts of
    hyphenated words (Nagorno-Karabakh is also found by "karabakh"; PMN-2 and E-001 stay whole).

    Stop words take no position, except those before the first kept word (Whoosh's StopFilter
    keeps that word's original position). Positions are collected per distinct word first, so
    stemming and the hyphen check run once per word, not per token.
    """
    if text.isascii():  # the common case: lowered first, and \w matched as ASCII (twice as fast)
        words = _ASCII_TOKEN_RE.findall(text.lower())
    elif _LOWERS_APART not in text:
        words = _TOKEN_RE.findall(text.lower())
    else:
        words = list(map(str.lower, _TOKEN_RE.findall(text)))
    stop = _STOP_WORDS
    lead = 0
    for word in words:
        if word not in stop:
            break
        lead += 1
    by_word: defaultdict[str, list[int]] = defaultdict(list)
    for pos, word in enumerate([word for word in words if word not in stop], lead):
        by_word[word].append(pos)
    positions: dict[str, list[int]] = {}
    unsorted: set[str] = set()

    def add(term: str, found: list[int]) -> None:
        known = positions.get(term)
        if known is None:
            positions[term] = found
        else:  # another word with the same stem (mine, mines): merged, sorted below
            known.extend(found)
            unsorted.add(term)

    for word, found in by_word.items():
        stemmed = _stem_cache.get(word)
        add(stemmed if stemmed is not None else _stem(word), found)
        if "-" in word or "." in word:
            parts = _JOINERS.split(word)
            if all(len(part) > 1 and part.isalpha() for part in parts):
                for part in parts:
                    if part not in stop:
                        add(_stem(part), list(found))
    for term in unsorted:
        positions[term].sort()
    return positions


class _FastText(fields.TEXT):
    """TEXT whose indexing skips Whoosh's per-token objects; terms equal `analyzer`'s."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if isinstance(self.format, formats.Positions):
            self.format = _CompactPositions(field_boost=self.format.field_boost)

    def index(self, value: Any, **kwargs: Any) -> list[tuple[bytes, int, float, bytes]]:
        """A list, not Whoosh's generator: cheaper for the hundreds of terms of a report."""
        if not isinstance(value, str):
            return list(super().index(value, **kwargs))
        known = _PREANALYSED.pop(value, None) if _PREANALYSED and self.format.field_boost == 1.0 else None
        if known is not None:
            return known
        positions = _token_positions(value)
        boost = self.format.field_boost
        # fewer characters than 65,536 means fewer tokens: every position fits the narrow array unchecked
        narrow = len(value) <= 0xFFFF and not _BIG_ENDIAN and isinstance(self.format, _CompactPositions)
        encode = _narrow_positions if narrow else self.format.encode
        return [(word.encode("utf-8"), len(found), len(found) * boost, encode(found))
                for word, found in positions.items()]  # fmt: skip


def _narrow_positions(found: list[int]) -> bytes:
    """`_CompactPositions.encode` of positions known to be below 65,536, on a little-endian machine."""
    return array("H", found).tobytes()


class _DateField(fields.ID):
    """Dates as sortable 'YYYYMMDD' terms (00 for unknown month/day), parsing partial ISO queries."""

    def self_parsing(self) -> bool:
        return True

    def parse_query(self, fieldname: str, qstring: str, boost: float = 1.0) -> query.Query:
        low, high = _date_bounds(qstring)
        return query.TermRange(fieldname, low, high, boost=boost)

    def parse_range(
        self, fieldname: str, start: str | None, end: str | None, startexcl: bool, endexcl: bool, boost: float = 1.0
    ) -> query.Query:
        low = _date_bounds(start.strip())[0] if start and start.strip() else None
        high = _date_bounds(end.strip())[1] if end and end.strip() else None
        return query.TermRange(fieldname, low, high, startexcl, endexcl, boost=boost)


def _date_bounds(text: str) -> tuple[str, str]:
    match = _DATE_RE.match(text)
    if not match:
        raise qparser.QueryParserError(f"not a date: {text!r}")
    year, month, day = match.groups()
    return year + (month or "00") + (day or "00"), year + (month or "99") + (day or "99")


def _date_key(iso: str | None) -> str:
    """'2013-09' -> '20130900'; '' when absent or unreadable (undated sorts last)."""
    match = _DATE_RE.match(iso or "")
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


_TEXT_FIELD = _FastText(analyzer=_text_analyzer(), phrase=True)


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
    return values


# ------------------------------------------------------------------ query checks


_LEX_RE = re.compile(
    r"""(?P<phrase>"[^"]*")|(?P<quote>")|(?P<open>\()|(?P<close>\))|(?P<range>[\[{][^\]}]*[\]}])"""
    r"""|(?P<bracket>[\[\]{}])|(?P<field>[A-Za-z_]\w*:)|(?P<word>[^\s()"\[\]{}]+)"""
)
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


@dataclass(slots=True)
class _Checked:
    text: str  # what to give the parser
    notices: list[str]
    plain: bool  # True when the query was malformed and is searched as plain words


def _plain_words(raw: str, dropped: set[int]) -> str:
    """The query's words without syntax; `dropped` holds start offsets of values to leave out."""
    words = []
    for match in _LEX_RE.finditer(raw):
        if match.lastgroup in ("field", "quote", "open", "close", "bracket") or match.start() in dropped:
            continue
        words.extend(w for w in _TOKEN_RE.findall(match.group()) if w not in _OPERATORS)
    return " ".join(words)


def _check_query(raw: str) -> _Checked:
    """Find what Whoosh's lenient parser would silently drop or misread, and say so."""
    problems: list[str] = []
    notices: list[str] = []
    kept: list[str] = []  # query pieces passed on, short prefixes removed
    items: list[tuple[str, str]] = []  # (kind, text) for the operator check
    depth = 0
    pending_field: str | None = None
    pending_end = 0
    dropped: set[int] = set()  # unreadable date values: not words the user meant to find
    for match in _LEX_RE.finditer(raw):
        kind, text = match.lastgroup or "", match.group()
        if kind == "quote":
            problems.append("Unbalanced quote")
            continue
        if kind == "bracket":
            problems.append("Unbalanced bracket")
            continue
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth < 0:
                problems.append("Unbalanced parenthesis")
                depth = 0
        if pending_field is not None:
            glued = match.start() == pending_end
            if not glued or kind in ("close", "open"):
                problems.append(f"Field '{pending_field}:' has no value")
            elif pending_field == "date" and not _valid_date_value(kind, text):
                dropped.add(match.start())
                problems.append(f"Date '{text}' not understood (use date:2013, date:2013-09 or date:[2020 to 2022])")
            field_name, pending_field = pending_field, None
            if glued and kind == "word" and text.endswith("*") and _short_prefix(text):
                notices.append(_short_prefix_notice(f"{field_name}:{text}"))
                kept.pop()  # the field prefix
                continue
        if kind == "field":
            name = text[:-1].lower()
            if name not in QUERY_FIELDS:
                problems.append(f"Unknown field '{text[:-1]}'")
            pending_field = name
            pending_end = match.end()
            kept.append(name + ":")
            continue
        if kind == "word" and text.endswith("*") and _short_prefix(text):
            notices.append(_short_prefix_notice(text))
            continue
        if kind == "word" and text in _OPERATORS:
            items.append(("op", text))
        elif kind in ("open", "close"):
            items.append((kind, text))
        else:
            items.append(("term", text))
        kept.append(text)
    if pending_field is not None:
        problems.append(f"Field '{pending_field}:' has no value")
    if depth > 0:
        problems.append("Unbalanced parenthesis")
    problems.extend(_operator_problems(items))
    if problems:
        unique = list(dict.fromkeys(problems))
        notices.append(f"{'; '.join(unique)}: searched as plain words")
        return _Checked(_plain_words(raw, dropped), notices, plain=True)
    text = ""
    for piece in kept:  # re-join, keeping "field:" glued to its value
        text += piece if text.endswith(":") or not text else " " + piece
    return _Checked(text, notices, plain=False)


def _valid_date_value(kind: str, text: str) -> bool:
    if kind == "word":
        return bool(_DATE_RE.match(text))
    if kind == "range":
        parts = re.split(r"\s+[Tt][Oo]\s+|\s+[Tt][Oo]$|^[Tt][Oo]\s+", text[1:-1].strip())
        return len(parts) == 2 and all(not p.strip() or _DATE_RE.match(p.strip()) for p in parts)
    return False


def _short_prefix(text: str) -> bool:
    return len("".join(_TOKEN_RE.findall(text.rstrip("*")))) < MIN_PREFIX


def _short_prefix_notice(text: str) -> str:
    return f"Prefix '{text}' too short: at least {MIN_PREFIX} characters before *; searched without it"


def _operator_problems(items: list[tuple[str, str]]) -> list[str]:
    problems = []
    for i, (kind, text) in enumerate(items):
        if kind != "op":
            continue
        before = items[i - 1] if i else None
        after = items[i + 1] if i + 1 < len(items) else None
        operand_after = after is not None and (after[0] in ("term", "open") or (after == ("op", "NOT")))
        if text == "NOT":
            ok = operand_after and after != ("op", "NOT")
        else:
            ok = before is not None and before[0] in ("term", "close") and operand_after
        if not ok:
            problems.append(f"Dangling operator '{text}'")
    return problems


def _make_parser(schema: fields.Schema) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(
        list(TEXT_FIELDS), schema, fieldboosts={"title": TITLE_BOOST}, group=qparser.AndGroup
    )
    for plugin in (qparser.WildcardPlugin, qparser.SingleQuotePlugin, qparser.BoostPlugin, qparser.EveryPlugin):
        parser.remove_plugin_class(plugin)
    parser.add_plugin(qparser.PrefixPlugin())
    return parser


# ---------------------------------------------------------------- query analysis


@dataclass(slots=True)
class _Wanted:
    """Terms and prefixes a hit may contain, per field, taken from the non-negated query parts."""

    terms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    prefixes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def for_field(self, name: str) -> tuple[frozenset[str], tuple[str, ...]]:
        return frozenset(self.terms.get(name, ())), tuple(sorted(self.prefixes.get(name, ())))


def _wanted(q: query.Query, out: _Wanted) -> _Wanted:
    if isinstance(q, query.Not):
        return out
    if isinstance(q, query.AndNot):
        return _wanted(q.a, out)
    if isinstance(q, query.Term):
        out.terms[q.fieldname].add(_as_text(q.text))
    elif isinstance(q, query.Phrase):
        out.terms[q.fieldname].update(_as_text(w) for w in q.words)
    elif isinstance(q, query.Prefix):
        out.prefixes[q.fieldname].add(_as_text(q.text))
    else:
        for child in q.children():
            _wanted(child, out)
    return out


def _as_text(value: str | bytes) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


# ---------------------------------------------------------------------- the index


class _SegmentMeta:
    """Per-segment columns as Python lists, indexed by segment-local docnum."""

    __slots__ = ("dates", "ids", "kinds", "publishers", "tags", "years")

    def __init__(self, raw_values: Iterable[bytes]) -> None:
        self.ids: list[int] = []
        self.kinds: list[str] = []
        self.publishers: list[str] = []
        self.dates: list[str] = []
        self.years: list[str] = []
        self.tags: list[tuple[str, ...]] = []
        for raw in raw_values:
            parts = raw.decode("utf-8").split(_FIELD_SEP) if raw else []
            if len(parts) != 5:
                parts = ["-1", "", "", "", ""]
            doc_id, kind, publisher, date, tags = parts
            self.ids.append(int(doc_id))
            self.kinds.append(kind)
            self.publishers.append(publisher)
            self.dates.append(date)
            self.years.append(date[:4])
            self.tags.append(tuple(tags.split(_TAG_SEP)) if tags else ())

    def extend(self, other: _SegmentMeta) -> None:
        for name in self.__slots__:
            getattr(self, name).extend(getattr(other, name))


class _MetaArrays:
    """The merged meta columns as numpy vectors and facet codes, for vector ranking and facet counts."""

    def __init__(self, meta: _SegmentMeta) -> None:
        np = _numpy()
        self.meta = meta
        self.ids = np.asarray(meta.ids, dtype=np.int64)
        self.dates = np.asarray(meta.dates, dtype="U8")  # 'YYYYMMDD' keys, '' when undated
        self.facets: dict[str, tuple[list[str], Any]] = {
            name: _codes(values)
            for name, values in (("kind", meta.kinds), ("publisher", meta.publishers), ("year", meta.years))
        }
        tag_docs: list[int] = []
        tag_values: list[str] = []
        for docnum, tags in enumerate(meta.tags):
            for tag in tags:
                tag_docs.append(docnum)
                tag_values.append(tag)
        self.tag_docs = np.asarray(tag_docs, dtype=np.int64)
        self.tag_names, self.tag_codes = _codes(tag_values)
        self.live = np.ones(len(meta.ids), dtype=bool)
        self.generation: int | None = None

    def set_live(self, reader: IndexReader, generation: int) -> None:
        live = _numpy().ones(len(self.meta.ids), dtype=bool)
        deleted = list(_deleted(reader))
        if deleted:
            live[deleted] = False
        self.live, self.generation = live, generation


def _codes(values: list[str]) -> tuple[list[str], Any]:
    """Distinct values and each item's index among them (facets are counted with numpy.bincount)."""
    index: dict[str, int] = {}
    codes = [index.setdefault(value, len(index)) for value in values]
    return list(index), _numpy().asarray(codes, dtype=_numpy().int64)


def _ranked(matched: Any, scores: Any, arrays: _MetaArrays, sort: SortOrder, limit: int) -> list[tuple[int, float]]:
    """The best `limit` (docnum, score) pairs: by score, ties by docnum; or newest first, undated last."""
    np = _numpy()
    if limit <= 0 or not len(matched):
        return []
    if sort == "date":
        order = np.lexsort((arrays.ids[matched], arrays.dates[matched]))[::-1][:limit]
        chosen = matched[order]
    else:
        chosen_scores = scores[matched]
        if len(matched) > limit:  # keep the top `limit` and every tie of the last one, then sort those
            cut = len(matched) - limit
            keep = chosen_scores >= np.partition(chosen_scores, cut)[cut]
            matched, chosen_scores = matched[keep], chosen_scores[keep]
        chosen = matched[np.lexsort((matched, -chosen_scores))[:limit]]
    return list(zip(chosen.tolist(), scores[chosen].tolist(), strict=True))


def _facets(arrays: _MetaArrays, mask: Any, matched: Any) -> dict[str, dict[str, int]]:
    """Counts over all matches by kind, publisher, year and tag."""
    np = _numpy()
    out: dict[str, dict[str, int]] = {}
    for name, (names, codes) in arrays.facets.items():
        out[name] = _ordered(zip(names, np.bincount(codes[matched], minlength=len(names)).tolist(), strict=True))
    tagged = arrays.tag_codes[mask[arrays.tag_docs]] if len(arrays.tag_docs) else arrays.tag_codes
    counts = np.bincount(tagged, minlength=len(arrays.tag_names)).tolist()
    out["tag"] = _ordered(zip(arrays.tag_names, counts, strict=True))
    return out


class SearchIndex:
    """One archive's Whoosh index: open/recreate, batch writes, searches with one kept searcher."""

    def __init__(self, path: Path, ix: index.Index, *, needs_rebuild: bool, reason: str | None,
                 lock_timeout: float) -> None:  # fmt: skip
        self.path = path
        self.needs_rebuild = needs_rebuild
        self.rebuild_reason = reason
        self.lock_timeout = lock_timeout
        self._ix = ix
        self._lock = threading.RLock()
        self._parser = _make_parser(ix.schema)
        self._searcher: Searcher = ix.searcher()
        self._segment_meta: dict[str, _SegmentMeta] = {}
        self._meta_key: tuple[str, ...] = ()
        self._meta: _SegmentMeta = _SegmentMeta(())
        self._vocabulary: tuple[int, dict[int, list[str]]] | None = None
        self._segment_vocabulary: dict[str, set[str]] = {}
        self._lengths: dict[str, list[int]] = {}
        self._segment_lengths: dict[tuple[str, str], list[int]] = {}
        self._cache = _PostingCache()
        self._np_lengths: dict[str, Any] = {}
        self._arrays: _MetaArrays | None = None
        # "ok", or "needs-rebuild"/"rebuilding": recorded so an unfinished rebuild is redone on open
        self._state = "needs-rebuild" if needs_rebuild else "ok"

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(cls, path: Path, *, lock_timeout: float = 10.0, recreate: bool = True) -> SearchIndex:
        """Open the index in `path`, recreating it empty (needs_rebuild=True) if unusable.

        Without `recreate` an unusable index raises IndexUnusableError instead: a helper process
        (an import's index process) must not empty the index the app is searching.
        """
        path.mkdir(parents=True, exist_ok=True)
        reason, ix = checked_open(path)
        if reason is not None:
            if not recreate:
                raise IndexUnusableError(f"the search index needs a rebuild: {reason}")
            ix = _recreate(path)
        result = cls(path, ix, needs_rebuild=reason is not None, reason=reason, lock_timeout=lock_timeout)
        _write_meta(path, ix, state=result._state)
        return result

    def close(self) -> None:
        with self._lock:
            self._searcher.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- writing

    @contextlib.contextmanager
    def writer(self, *, merge: bool = False) -> Iterator[IndexWriter]:
        """A batch: one Whoosh writer and one commit; cancelled if the block raises."""
        with self._lock:
            raw = self._acquire_writer()
            batch = IndexWriter(raw, indexed=lambda: set(self._meta_for(self._fresh_searcher().reader()).ids))
            try:
                yield batch
                batch._flush()
                _commit(raw, batch._builder, "small" if merge else None)
            except BaseException:
                if not raw.is_closed:
                    raw.cancel()
                _release_pid(self.path)
                raise
            _release_pid(self.path)
            self._after_commit()

    def clear_and_rebuild(self, docs: Iterable[IndexDoc], batch: int = 1000) -> Iterator[int]:
        """Replace the whole index by `docs`, committing every `batch`; yields documents done.

        The meta file says "rebuilding" until the end, so a rebuild killed half-way
        is detected on the next open and started again.
        """
        with self._lock:
            # Wait for (or clear the stale lock of) any other writer before emptying the folder,
            # so a rebuild never deletes segments from under an import that is writing them.
            holder = self._acquire_writer()
            self._searcher.close()
            self._ix = _recreate(self.path, keep={f"{INDEX_NAME}_WRITELOCK", PID_FILE})
            holder.writelock.release()
            _release_pid(self.path)
            self._state = "rebuilding"
            self._after_commit()
        done = 0
        chunk: list[IndexDoc] = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) >= batch:
                self._add_fresh(chunk)
                done += len(chunk)
                chunk = []
                yield done
        if chunk:
            self._add_fresh(chunk)
            done += len(chunk)
        with self._lock:
            self.needs_rebuild = False
            self.rebuild_reason = None
            self._state = "ok"
            _write_meta(self.path, self._ix, state=self._state)
        yield done

    def _add_fresh(self, chunk: list[IndexDoc]) -> None:
        with self.writer(merge=True) as w:  # tiered merges as in an import: a rebuild leaves few segments
            w._fresh = True
            for doc in chunk:
                w.upsert(doc)

    def optimize(self) -> None:
        """Merge all segments into one: slow, for idle time; searches get faster."""
        with self._lock:
            self._merge("all")

    def merge_segments(self) -> None:
        """Merge only the segments of a full size tier: cheaper than optimize()."""
        with self._lock:
            self._merge("small")

    def _merge(self, how: Literal["small", "all"]) -> None:
        raw = self._acquire_writer()
        try:
            _commit(raw, None, how)
        except BaseException:
            if not raw.is_closed:
                raw.cancel()
            raise
        finally:
            _release_pid(self.path)
        self._after_commit()

    def _acquire_writer(self) -> SegmentWriter:
        kwargs = {"procs": 1, "limitmb": 128, "compound": False, "timeout": self.lock_timeout, "delay": 0.05,
                  "codec": _codec()}  # fmt: skip
        try:
            raw = self._ix.writer(**kwargs)
        except LockError:
            if not _clear_stale_lock(self.path):
                raise IndexLockedError(
                    "The search index is being written by another running Dossier; try again later."
                ) from None
            try:
                raw = self._ix.writer(**{**kwargs, "timeout": 1.0})
            except LockError:
                raise IndexLockedError("The search index is locked by another process.") from None
        (self.path / PID_FILE).write_text(str(os.getpid()), encoding="ascii")
        return raw

    def _after_commit(self) -> None:
        self._fresh_searcher()
        _write_meta(self.path, self._ix, state=self._state)

    # ---------------------------------------------------------------- reading

    def doc_count(self) -> int:
        with self._lock:
            return self._fresh_searcher().doc_count()

    def doc_ids(self) -> set[int]:
        """Ids of the documents in the index, to compare with the database."""
        with self._lock:
            searcher = self._fresh_searcher()
            meta = self._meta_for(searcher.reader())
            arrays = self._arrays_for(searcher.reader(), meta)
            return set(arrays.ids[arrays.live].tolist())

    def entries(self) -> dict[int, tuple[str, float]]:
        """Per indexed document: its stored title and when its segment was written (epoch seconds).

        For `app.integrity`: a document changed after its segment was written, or whose
        title differs, is stale. One stored-field read per document (~0.1 s for 20,000).
        """
        # Its own searcher, not the kept one under the lock: this runs in the background when an
        # archive opens and must not make the user's first search wait half a second.
        with self._ix.searcher() as searcher:
            reader = searcher.reader()
            out: dict[int, tuple[str, float]] = {}
            if reader.doc_count_all() == 0:
                return out
            for leaf, _offset in reader.leaf_readers():
                try:
                    written = (self.path / f"{leaf.segment().segment_id()}.trm").stat().st_mtime
                except OSError:
                    written = 0.0
                for stored in leaf.all_stored_fields():
                    out[int(stored["id"])] = (stored.get("title", ""), written)
            return out

    def _fresh_searcher(self) -> Searcher:
        """The kept searcher, refreshed if another writer (or process) committed."""
        old = self._searcher
        if old.is_closed or old.reader().generation() != self._ix.latest_generation():
            # Not Searcher.refresh(): it reuses segment readers whose deletion lists are stale
            # and fails on an empty index; opening the segments anew costs a few milliseconds.
            self._searcher = self._ix.searcher()
            if not old.is_closed:
                old.close()
        return self._searcher

    def warm(self) -> None:
        """Load what every search needs (document columns, field lengths) ahead of the first query,
        so the user's first search after opening a large archive is as quick as the next ones."""
        with self._lock:
            reader = self._fresh_searcher().reader()
            if reader.doc_count_all() == 0:  # nothing to load (and no segments to read from)
                return
            self._meta_for(reader)
            for fieldname in TEXT_FIELDS:
                self._lengths_for(fieldname)
        _numpy()  # every search uses it (imported after the columns: the window paints meanwhile)
        with self._lock:
            reader = self._fresh_searcher().reader()
            self._arrays_for(reader, self._meta_for(reader))
            for fieldname in TEXT_FIELDS:
                self._np_lengths_for(fieldname)

    def _lengths_for(self, fieldname: str) -> list[int] | None:
        """Per-document lengths of a field (global docnums), for BM25; None if unreadable."""
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = []
            for leaf, _offset in self._searcher.reader().leaf_readers():
                key = (leaf.segment().segment_id(), fieldname)
                part = self._segment_lengths.get(key)
                if part is None:
                    part = _read_lengths(leaf, fieldname)
                    if part is None:
                        return None
                    self._segment_lengths[key] = part
                lengths.extend(part)
            self._lengths[fieldname] = lengths
        return lengths

    def _np_lengths_for(self, fieldname: str) -> Any:
        """`_lengths_for` as a float64 numpy array (BM25 is computed on vectors)."""
        found = self._np_lengths.get(fieldname)
        if found is None:
            lengths = self._lengths_for(fieldname)
            if lengths is None:
                return None
            found = self._np_lengths[fieldname] = _numpy().asarray(lengths, dtype=_numpy().float64)
        return found

    def _arrays_for(self, reader: IndexReader, meta: _SegmentMeta) -> _MetaArrays:
        """The meta columns as vectors (rebuilt when the segments change) with this generation's live mask."""
        if self._arrays is None or self._arrays.meta is not meta:
            self._arrays = _MetaArrays(meta)
        generation = reader.generation()
        if self._arrays.generation != generation:
            self._arrays.set_live(reader, generation)
        return self._arrays

    def _meta_for(self, reader: IndexReader) -> _SegmentMeta:
        if reader.doc_count_all() == 0:
            return _SegmentMeta(())
        leaves = reader.leaf_readers()
        key = tuple(leaf.segment().segment_id() for leaf, _ in leaves)
        if key != self._meta_key:
            merged = _SegmentMeta(())
            cache: dict[str, _SegmentMeta] = {}
            for (leaf, _offset), seg_id in zip(leaves, key, strict=True):
                seg = self._segment_meta.get(seg_id)
                if seg is None:
                    seg = _SegmentMeta(_column_values(leaf.column_reader("meta", translate=False)))
                cache[seg_id] = seg
                merged.extend(seg)
            self._segment_meta, self._meta_key, self._meta = cache, key, merged
            self._lengths, self._np_lengths = {}, {}
            self._segment_lengths = {k: v for k, v in self._segment_lengths.items() if k[0] in cache}
            self._cache.keep_segments(set(cache))
        return self._meta

    # ---------------------------------------------------------------- search

    def search(
        self,
        text: str,
        *,
        limit: int = 20,
        sort: SortOrder = "relevance",
        text_for: Callable[[int], tuple[str, str]] | None = None,
        texts_for: Callable[[list[int]], dict[int, tuple[str, str]]] | None = None,
    ) -> SearchResult:
        """Search with the query language of issue 3; never raises on a malformed query.

        Snippets need each hit's (body, footnotes) text: `texts_for` fetches them for all
        hits at once (one database round trip), `text_for` one document at a time.
        """
        raw, bounded = bound_query(text.translate(_QUOTES).strip())
        checked = _check_query(raw)
        notices = bounded + list(checked.notices)
        if self._state != "ok":  # never an empty result without saying why
            notices.insert(0, REBUILDING_NOTICE)
        notice = "; ".join(notices) or None
        with self._lock:
            try:
                return self._search_once(raw, checked, notice, limit, sort, text_for, texts_for)
            except Exception:
                if self._searcher.reader().generation() == self._ix.latest_generation():
                    raise
                # Another process (an import's index process) committed a merge after this searcher
                # was opened and deleted the merged segments' files: search the new segments.
                log.info("segments merged away during a search; searching again")
                return self._search_once(raw, checked, notice, limit, sort, text_for, texts_for)

    def _search_once(self, raw: str, checked: _Checked, notice: str | None, limit: int, sort: SortOrder,
                     text_for: Callable[[int], tuple[str, str]] | None,
                     texts_for: Callable[[list[int]], dict[int, tuple[str, str]]] | None) -> SearchResult:  # fmt: skip
        searcher = self._fresh_searcher()
        reader = searcher.reader()
        q = self._parser.parse(checked.text) if checked.text.strip() else query.NullQuery
        q = q.normalize()
        meta = self._meta_for(reader)
        arrays = self._arrays_for(reader, meta)
        evaluator = _Evaluator(searcher, arrays, self._np_lengths_for, self._cache)
        mask, scores = evaluator.matches(q)
        matched = _numpy().flatnonzero(mask)
        ranked = _ranked(matched, scores, arrays, sort, limit)
        wanted = _wanted(q, _Wanted())
        if texts_for is not None and ranked:
            fetched = texts_for([meta.ids[docnum] for docnum, _ in ranked])
            text_for = lambda doc_id: fetched.get(doc_id, ("", ""))  # noqa: E731
        hits = [self._hit(searcher, meta, docnum, score, wanted, evaluator, text_for) for docnum, score in ranked]
        facets = _facets(arrays, mask, matched)
        suggestion = self._suggest(raw, reader)
        match_ids = frozenset(arrays.ids[matched].tolist())
        return SearchResult(raw, notice, suggestion, len(matched), hits, facets, match_ids)

    def _hit(self, searcher: Searcher, meta: _SegmentMeta, docnum: int, score: float, wanted: _Wanted,
             evaluator: _Evaluator, text_for: Callable[[int], tuple[str, str]] | None) -> Hit:  # fmt: skip
        doc_id = meta.ids[docnum]
        title = searcher.stored_fields(docnum).get("title", "")
        matched_in = [name for name in TEXT_FIELDS if _field_matches(evaluator, docnum, name, wanted)]
        snippets: list[str] = []
        if text_for is not None and ("body" in matched_in or "footnotes" in matched_in):
            body, notes = text_for(doc_id)
            for name, content in (("body", body), ("footnotes", notes)):
                if name in matched_in and len(snippets) < MAX_SNIPPETS:
                    terms, prefixes = wanted.for_field(name)
                    snippets.extend(_snippets(content, terms, prefixes, MAX_SNIPPETS - len(snippets)))
        return Hit(doc_id, title, _key_to_iso(meta.dates[docnum]), round(score, 4), snippets, matched_in)

    # ------------------------------------------------------------ did you mean

    def _suggest(self, raw: str, reader: IndexReader) -> str | None:
        """Replace words found in no text field by the closest indexed word; None if all are found."""
        source = raw
        replacements: list[tuple[int, int, str]] = []
        for match in _suggestable_words(source):
            word = match.group()
            term = _term_of(word)
            if term is None or any(c.isdigit() for c in word):
                continue
            if any(reader.doc_frequency(name, term) for name in TEXT_FIELDS):
                continue
            better = self._closest(term, word.lower(), reader)
            if better is not None:
                replacements.append((match.start(), match.end(), better))
        if not replacements:
            return None
        out = source
        for start, end, word in reversed(replacements):
            out = out[:start] + word + out[end:]
        return out

    def _closest(self, term: str, word: str, reader: IndexReader) -> str | None:
        by_length = self._vocabulary_for(reader)
        cutoff = 1 if len(word) <= 4 else 2 if len(word) <= 8 else 3
        # a word more than `cutoff` letters longer or shorter is further than `cutoff` edits away:
        # only words of near lengths are compared (same results, a third of the work)
        vocabulary = list(chain.from_iterable(by_length.get(n, ()) for n in range(len(term) - cutoff,
                                                                                   len(term) + cutoff + 1)))
        vocabulary.sort()
        found = process.extract(term, vocabulary, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=8)
        if not found:
            return None
        best = min(found, key=lambda f: (f[1], -sum(reader.doc_frequency(n, f[0]) for n in ("body", "title"))))
        return _surface_form(best[0], word)

    def _vocabulary_for(self, reader: IndexReader) -> dict[int, list[str]]:
        """The suggestion words of all segments, sorted, by length (kept per index generation)."""
        generation = reader.generation()
        if self._vocabulary is None or self._vocabulary[0] != generation:
            words: set[str] = set()
            per_segment: dict[str, set[str]] = {}
            for leaf, _offset in reader.leaf_readers() if reader.doc_count_all() else []:
                seg_id = leaf.segment().segment_id()
                found = self._segment_vocabulary.get(seg_id)
                if found is None:
                    found = read_vocabulary(leaf.storage(), leaf.segment())
                if found is None:  # written without a word file (older writer): walk its terms
                    found = set()
                    for name in VOCABULARY_FIELDS:
                        with contextlib.suppress(TermNotFound):
                            found |= vocabulary_words(leaf.lexicon(name))
                per_segment[seg_id] = found
                words |= found
            self._segment_vocabulary = per_segment
            by_length: dict[int, list[str]] = defaultdict(list)
            for word in sorted(words):
                by_length[len(word)].append(word)
            self._vocabulary = (generation, dict(by_length))
        return self._vocabulary[1]


class IndexWriter:
    """Collects upserts and deletes for one batch; applied together before the single commit."""

    def __init__(self, raw: SegmentWriter, indexed: Callable[[], set[int]] | None = None) -> None:
        self._raw = raw
        self._indexed = indexed  # ids present in the index (deleted ones may be included), if known
        self._upserts: dict[int, IndexDoc] = {}
        self._deletes: set[int] = set()
        self._fresh = False  # True during a rebuild into an empty index: nothing to delete
        self._builder = SegmentBuilder(raw.schema)

    def upsert(self, doc: IndexDoc) -> None:
        """Add the document, replacing any indexed version with the same id."""
        self._deletes.discard(doc.id)
        self._upserts[doc.id] = doc

    def delete(self, doc_id: int) -> None:
        self._upserts.pop(doc_id, None)
        self._deletes.add(doc_id)

    def _flush(self) -> None:
        raw = self._raw
        stale = [] if self._fresh else list(chain(self._upserts, self._deletes))
        if stale and self._indexed is not None:  # an import's new documents have nothing to delete
            present = self._indexed()
            stale = [doc_id for doc_id in stale if doc_id in present]
        if stale:
            searcher = raw.searcher()
            try:
                for doc_id in stale:
                    raw.delete_by_term("id", str(doc_id), searcher=searcher)
            finally:
                searcher.close()
        for doc in self._upserts.values():
            self._builder.add(_fields_of(doc))


def _commit(raw: SegmentWriter, builder: SegmentBuilder | None, how: Literal["small", "all"] | None) -> None:
    """Commit the writer's deletions, the builder's new segment and a merge, in one new TOC.

    Replaces `SegmentWriter.commit`, whose pool and merges cost more than the rest of an import.
    """
    segments = list(raw.segments)
    codec = raw.codec
    chosen = plan_merge(segments) if how == "small" else segments if how == "all" else []
    if how == "all" and len(chosen) == 1 and not chosen[0].has_deletions():
        chosen = []
    if chosen:
        gone = {s.segment_id() for s in chosen}
        merged = merge(raw.schema, codec, raw.storage, INDEX_NAME, chosen)
        segments = [s for s in segments if s.segment_id() not in gone] + ([merged] if merged else [])
    if builder is not None and len(builder):
        segments.append(builder.write(codec, raw.storage, INDEX_NAME))
    raw._close_segment()
    raw._commit_toc(segments)
    raw._finish()


# -------------------------------------------------------------- search helpers


_K1 = 1.2
_B = 0.75


class _Evaluator:
    """Evaluates a parsed query to (mask, scores) over all global docnums, one search at a time.

    Whoosh's own matchers advance one posting at a time in Python and unpickle
    positions for every block; here each (field, term) posting list is read
    block by block once, memoised, and turned into two numpy vectors as long as
    the index: a boolean mask of the matching documents and their BM25 scores
    (0 outside the mask). AND, OR and NOT are then vector operations, and the
    total, the ranking and the facets cover all matches at little extra cost.
    """

    def __init__(self, searcher: Searcher, arrays: _MetaArrays, lengths: Callable[[str], Any],
                 cache: _PostingCache) -> None:  # fmt: skip
        self.np = _numpy()
        self.searcher = searcher
        self._arrays = arrays
        self._cache = cache
        self.reader = searcher.reader()
        self.size = self.reader.doc_count_all()
        self.doc_count = max(1, self.size)
        self.leaves = self.reader.leaf_readers() if self.size else []
        self._lengths = lengths
        self.scores: dict[tuple[str, str], _Match] = {}
        self._values: dict[tuple[str, str], tuple[list[int], list[bytes]]] = {}

    def matches(self, q: query.Query) -> _Match:
        """The live documents matching `q`, with their scores."""
        mask, score = self.run(q)
        return mask & self._arrays.live, score

    def _none(self) -> _Match:
        np = self.np
        return np.zeros(self.size, dtype=bool), np.zeros(self.size)

    def _of_docs(self, docs: Iterable[int], boost: float) -> _Match:
        mask = self.np.zeros(self.size, dtype=bool)
        mask[self.np.fromiter(docs, dtype=self.np.int64)] = True
        return mask, mask * boost

    def run(self, q: query.Query) -> _Match:
        if isinstance(q, query.Term):
            return self.term(q.fieldname, _as_text(q.text), q.boost)
        if isinstance(q, query.Or):
            parts = [self.run(c) for c in q.children()]
            if not parts:
                return self._none()
            mask, score = parts[0]
            for part_mask, part_score in parts[1:]:
                mask, score = mask | part_mask, score + part_score
            return mask, score
        if isinstance(q, query.And):
            children = list(q.children())
            positive = [c for c in children if not isinstance(c, query.Not)]
            negative = [c.query for c in children if isinstance(c, query.Not)]
            return self._and([self.run(c) for c in positive], [self.run(c) for c in negative])
        if isinstance(q, query.AndNot):
            return self._and([self.run(q.a)], [self.run(q.b)])
        if isinstance(q, query.Not):
            return self._and([], [self.run(q.query)])
        if isinstance(q, query.AndMaybe):
            (mask, score), (_optional_mask, optional) = self.run(q.a), self.run(q.b)
            return mask, score + optional * mask
        if isinstance(q, query.TermRange) and q.fieldname == "date":
            return self._date_range(q)
        if isinstance(q, (query.Prefix, query.TermRange)):
            mask = self.np.zeros(self.size, dtype=bool)
            for fieldname, text in q.expanded_terms(self.reader):
                mask |= self.constant(fieldname, _as_text(text), q.boost)[0]
            return mask, mask * q.boost
        if isinstance(q, query.Phrase):
            return self.phrase(q)
        if q is query.NullQuery:
            return self._none()
        return self._of_docs(q.docs(self.searcher), q.boost)  # anything else: Whoosh's own matcher

    def _and(self, positive: list[_Match], negative: list[_Match]) -> _Match:
        if positive:
            mask, score = positive[0]
            for part_mask, part_score in positive[1:]:
                mask, score = mask & part_mask, score + part_score
        else:
            mask, score = self._arrays.live, self.np.zeros(self.size)
        for part_mask, _part_score in negative:
            mask = mask & ~part_mask
        return mask, score * mask

    def term(self, fieldname: str, text: str, boost: float) -> _Match:
        key = (fieldname, text)
        found = self.scores.get(key)
        if found is None:
            ids, weights = self._posting_arrays(fieldname, text)
            mask, score = self._none()
            mask[ids] = True
            score[ids] = self._bm25(fieldname, ids, weights)
            found = self.scores[key] = (mask, score)
        return found if boost == 1.0 else (found[0], found[1] * boost)

    def constant(self, fieldname: str, text: str, boost: float) -> _Match:
        """Documents holding the term, all scored `boost` (prefix expansions: no BM25 work)."""
        key = (fieldname, text)
        found = self.scores.get(key)
        if found is None:
            ids, _weights = self._posting_arrays(fieldname, text)
            mask = self.np.zeros(self.size, dtype=bool)
            mask[ids] = True
            found = self.scores[key] = (mask, mask * boost)
        return found

    def _date_range(self, q: query.TermRange) -> _Match:
        """Date ranges from the cached date column: one vector comparison, however many dates match."""
        low, high = _as_text(q.start or ""), _as_text(q.end or "\uffff")
        dates = self._arrays.dates
        mask = (dates != "") & (dates >= low) & (dates <= high)
        if q.startexcl:
            mask &= dates != low
        if q.endexcl:
            mask &= dates != high
        return mask, mask * q.boost

    def _bm25(self, fieldname: str, ids: Any, weights: Any) -> Any:
        df = len(ids)
        if not df:
            return weights
        idf = math.log(1.0 + (self.doc_count - df + 0.5) / (df + 0.5))
        lengths = self._lengths(fieldname)
        if lengths is None:
            return idf * weights * (_K1 + 1) / (weights + _K1)
        avg = max(1.0, self.reader.field_length(fieldname) / self.doc_count)
        k_short = _K1 * (1 - _B)
        k_len = _K1 * _B / avg
        top = idf * (_K1 + 1)
        return top * weights / (weights + k_short + k_len * lengths[ids])

    def phrase(self, q: query.Phrase) -> _Match:
        """Documents holding the words at consecutive positions (stop words take no position).

        All postings' positions of each word become one sorted numpy array of
        (docnum << 32 | position) keys; shifting word k's keys back by k and
        intersecting the arrays leaves the phrase's starts, whatever the number of
        documents. Checking documents one by one in Python cost ~10 µs each, and
        a phrase common to 14,000 reports took half a second.
        """
        np = self.np
        words = [_as_text(w) for w in q.words]
        parts = [self.term(q.fieldname, w, 1.0) for w in words]
        if not parts:
            return self._none()
        mask = parts[0][0]
        for part_mask, _score in parts[1:]:
            mask = mask & part_mask
        if len(words) > 1 and mask.any():
            fmt = self.searcher.schema[q.fieldname].format
            counts = [int(part_mask.sum()) for part_mask, _score in parts]
            found = None
            for offset, word in sorted(enumerate(words), key=lambda ow: counts[ow[0]]):
                ids, values = self._positions(q.fieldname, word)
                shifted = _position_keys(fmt, ids, values) - offset
                found = shifted if found is None else _intersect_sorted(found, shifted)
                if not len(found):
                    break
            mask = np.zeros(self.size, dtype=bool)
            if found is not None and len(found):
                mask[np.unique(found >> 32)] = True
        score = parts[0][1]
        for _mask, part_score in parts[1:]:
            score = score + part_score
        return mask, score * mask * q.boost

    def _positions(self, fieldname: str, text: str) -> tuple[list[int], list[bytes]]:
        """A term's docnums and encoded positions, as parallel lists (memoised for the query)."""
        key = (fieldname, text)
        found = self._values.get(key)
        if found is None:
            ids, _weights, values = self._postings(fieldname, text, values=True)
            found = self._values[key] = (ids, values)
        return found

    def _posting_arrays(self, fieldname: str, text: str) -> tuple[Any, Any]:
        """A term's global docnums (int64) and weights (float64) as numpy arrays."""
        np = self.np
        ids_parts: list[Any] = []
        weight_parts: list[Any] = []
        for (seg_ids, seg_weights, _values), offset in self._segment_postings(fieldname, text, values=False):
            if len(seg_ids):
                ids_parts.append(np.frombuffer(seg_ids, dtype=np.intc).astype(np.int64) + offset)
                weight_parts.append(np.frombuffer(seg_weights, dtype=np.float32).astype(np.float64))
        if not ids_parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        if len(ids_parts) == 1:
            return ids_parts[0], weight_parts[0]
        return np.concatenate(ids_parts), np.concatenate(weight_parts)

    def _postings(self, fieldname: str, text: str, *, values: bool) -> tuple[list[int], list[float], list[bytes]]:
        """All postings of a term as parallel lists of global docnums (deleted ones included: see run)."""
        ids: list[int] = []
        weights: list[float] = []
        vals: list[bytes] = []
        for cached, offset in self._segment_postings(fieldname, text, values=values):
            ids.extend(map(offset.__add__, cached[0]) if offset else cached[0])
            weights.extend(cached[1])
            if values and cached[2] is not None:
                vals.extend(cached[2])
        return ids, weights, vals

    def _segment_postings(self, fieldname: str, text: str, *, values: bool) -> Iterator[tuple[_Postings, int]]:
        """Each segment's postings of a term (read once, then from the cache) with its docnum offset."""
        for leaf, offset in self.leaves:
            key = (leaf.segment().segment_id(), fieldname, text)
            cached = self._cache.get(key)
            if cached is None or (values and cached[2] is None):
                seg_ids: list[int] = []
                seg_weights: list[float] = []
                seg_values: list[bytes] | None = [] if values else None
                try:
                    matcher = leaf.postings(fieldname, text)
                except TermNotFound:
                    matcher = None
                if matcher is not None:
                    _read_matcher(matcher, seg_ids, seg_weights, seg_values)
                cached = (array("i", seg_ids), array("f", seg_weights), seg_values)
                self._cache.put(key, cached)
            yield cached, offset


def _numpy() -> Any:
    """numpy, imported on first use: only phrase queries need it, and the app starts without it."""
    import numpy

    return numpy


def _position_keys(fmt: formats.Format, ids: list[int], values: list[bytes]) -> Any:
    """Sorted int64 keys docnum << 32 | position for every position of a term's postings.

    `ids` ascend and positions ascend within a posting, so the keys come out sorted.
    Compact positions (all uint16, the usual case) are joined and read in one numpy call.
    """
    np = _numpy()
    if isinstance(fmt, _CompactPositions):
        lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
        if not (lengths & 1).any():
            positions = np.frombuffer(b"".join(values), dtype="<u2").astype(np.int64)
            docs = np.repeat(np.asarray(ids, dtype=np.int64), lengths >> 1)
            return (docs << 32) | positions
    decoded = [fmt.decode_positions(v) for v in values]  # a very long document, or another format
    positions = np.fromiter(chain.from_iterable(decoded), dtype=np.int64)
    docs = np.repeat(np.asarray(ids, dtype=np.int64), [len(p) for p in decoded])
    return (docs << 32) | positions


def _intersect_sorted(a: Any, b: Any) -> Any:
    """Values present in both sorted arrays: binary search of the smaller in the larger."""
    np = _numpy()
    if len(a) > len(b):
        a, b = b, a
    if not len(a):
        return a
    at = np.searchsorted(b, a)
    at[at == len(b)] = 0
    return a[b[at] == a]


def _read_matcher(matcher: Any, ids: list[int], weights: list[float], vals: list[bytes] | None) -> None:
    """Drain a posting matcher, block by block when it is Whoosh 2.7's W3LeafMatcher (pinned version)."""
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        matcher = matcher.child  # deletions are removed once, at the end of _Evaluator.matches()
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
        while matcher.is_active():
            read_block(matcher, ids, weights)
            if vals is not None:
                matcher._read_values()
                vals.extend(matcher._values)
            matcher._next_block()
        return
    while matcher.is_active():  # generic path (inlined postings, other matchers)
        ids.append(matcher.id())
        weights.append(matcher.weight())
        if vals is not None:
            vals.append(matcher.value())
        matcher.next()


class _PostingCache:
    """Raw posting lists per (segment, field, term), bounded by total postings; segments never change."""

    def __init__(self, max_postings: int = 2_000_000) -> None:
        self._items: OrderedDict[tuple[str, str, str], _Postings] = OrderedDict()
        self._size = 0
        self._max = max_postings

    def get(self, key: tuple[str, str, str]) -> _Postings | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key: tuple[str, str, str], value: _Postings) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self._size -= _cost(old)
        self._items[key] = value
        self._size += _cost(value)
        while self._size > self._max and len(self._items) > 1:
            _key, dropped = self._items.popitem(last=False)
            self._size -= _cost(dropped)

    def keep_segments(self, segment_ids: set[str]) -> None:
        for key in [k for k in self._items if k[0] not in segment_ids]:
            self._size -= _cost(self._items.pop(key))


def _cost(postings: _Postings) -> int:
    """Cache cost in postings; a position value weighs like four (a bytes object vs an array slot)."""
    return len(postings[0]) * (5 if postings[2] is not None else 1)


def _deleted(reader: IndexReader) -> set[int]:
    """Global docnums of deleted documents (MultiReader.all_doc_ids asks per document: slow)."""
    if not reader.doc_count_all() or not reader.has_deletions():
        return set()
    out: set[int] = set()
    for leaf, offset in reader.leaf_readers():
        if leaf.has_deletions():
            out.update(d + offset for d in leaf.deleted_docs_set)
    return out


def _ordered(counts: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Most frequent first, empty values (no publisher, undated) left out."""
    return {k: v for k, v in sorted(counts, key=lambda kv: (-kv[1], kv[0])) if k and v > 0}


def _field_matches(evaluator: _Evaluator, docnum: int, fieldname: str, wanted: _Wanted) -> bool:
    """Whether a wanted term of this field matched the document (from the evaluator's memo)."""
    terms, prefixes = wanted.for_field(fieldname)
    for (name, text), (mask, _scores) in evaluator.scores.items():
        if name == fieldname and mask[docnum] and (text in terms or (prefixes and text.startswith(prefixes))):
            return True
    return False


_BYTE_TO_LENGTH = [byte_to_length(b) for b in range(256)]


def _read_lengths(leaf: IndexReader, fieldname: str) -> list[int] | None:
    """One segment's field lengths from Whoosh's length column (private API of the pinned 2.7.5)."""
    count = leaf.doc_count_all()
    try:
        column = leaf._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
    except AttributeError:
        return None
    if column is None:
        return [0] * count
    table = _BYTE_TO_LENGTH
    return [table[b] for b in _column_bytes(column, count)]


def _column_bytes(column: Any, count: int) -> Iterable[int]:
    """A one-byte-per-document numeric column as bytes, read in one go (Whoosh reads each value
    with its own file access, which made the first search after opening 20,000 documents slow)."""
    try:
        if column._typecode == "B" and column._fixedlen == 1:
            stored = min(column._count, count)
            raw = column._dbfile.get(column._basepos, stored)
            return raw + bytes([column._default]) * (count - stored)
    except AttributeError:
        pass
    return column


def _column_values(column: Any) -> Iterable[bytes]:
    """A variable-bytes column's values read as one block and sliced (same reason as `_column_bytes`)."""
    try:
        offsets, lengths = column._offsets, column._lengths
        end = max((o + n for o, n in zip(offsets, lengths, strict=True)), default=0)
        blob = column._dbfile.get(column._basepos, end)
    except AttributeError:
        return column
    return [blob[o:o + n] for o, n in zip(offsets, lengths, strict=True)]


class _BoldFormatter(highlight.HtmlFormatter):
    """Whoosh's HTML formatter with bare <b> tags (no per-term classes)."""

    template = "<%(tag)s>%(t)s</%(tag)s>"


_FORMATTER = _BoldFormatter(tagname="b", between=" … ")
_FRAGMENTER = highlight.PinpointFragmenter(maxchars=240, surround=80, autotrim=False)
_SCORER = highlight.BasicFragmentScorer()
_MAX_MATCHES = 20  # matches considered per text, in document order: enough for 3 fragments, and
# the scan stops there (60 cost twice the time on long reports for no better snippets)
_prefilters: dict[tuple[frozenset[str], tuple[str, ...]], re.Pattern[str]] = {}


def _prefilter(terms: frozenset[str], prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """A regex finding every token whose stem may be wanted; stems differ from words only at the end."""
    key = (terms, prefixes)
    pattern = _prefilters.get(key)
    if pattern is None:
        heads = sorted({t[: max(1, len(t) - 1)] for t in chain(terms, prefixes)}, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, heads)) + ")", re.IGNORECASE)
        if len(_prefilters) > 256:
            _prefilters.clear()
        _prefilters[key] = pattern
    return pattern


def _snippets(text: str, terms: frozenset[str], prefixes: tuple[str, ...], count: int) -> list[str]:
    """Up to `count` HTML fragments of `text` with the wanted terms in <b>, in document order."""
    if not text or count <= 0 or not (terms or prefixes):
        return []
    matches: list[analysis.Token] = []
    for found in _prefilter(terms, prefixes).finditer(text):
        token = _TOKEN_RE.match(text, found.start())
        if token is None:
            continue
        stemmed = _term_of(token.group())
        if stemmed is None or not (stemmed in terms or (prefixes and stemmed.startswith(prefixes))):
            continue
        matches.append(analysis.Token(text=stemmed, startchar=token.start(), endchar=token.end(), boost=1.0,
                                      matched=True, chars=True))  # fmt: skip
        if len(matches) >= _MAX_MATCHES:
            break
    if not matches:
        return []
    fragments = highlight.top_fragments(_FRAGMENTER.fragment_matches(text, matches), count, _SCORER,
                                        highlight.SCORE, minscore=1)  # fmt: skip
    fragments.sort(key=lambda f: f.startchar)
    for fragment in fragments:
        _trim_to_words(fragment, text)
    return [" ".join(_FORMATTER.format_fragment(f).split()) for f in fragments]


def _trim_to_words(fragment: highlight.Fragment, text: str) -> None:
    """Start and end a fragment on whole words (Whoosh's autotrim also drops words at the text's edges)."""
    start, end = fragment.startchar, fragment.endchar
    first_match = fragment.matches[0].startchar if fragment.matches else end
    last_match = fragment.matches[-1].endchar if fragment.matches else start
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start, first_match)
        start = space + 1 if space != -1 else start
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", last_match, end)
        end = space if space != -1 else end
    fragment.startchar, fragment.endchar = start, end


def _suggestable_words(source: str) -> Iterator[re.Match[str]]:
    """Words of the query worth correcting: not operators, field names, phrases' quotes or prefixes."""
    for match in _LEX_RE.finditer(source):
        if match.lastgroup not in ("word", "phrase"):
            continue
        if match.lastgroup == "word" and (match.group() in _OPERATORS or match.group().endswith("*")):
            continue
        before = source[: match.start()]
        field_match = re.search(r"([A-Za-z_]\w*):$", before)
        if field_match and field_match.group(1).lower() not in TEXT_FIELDS:
            continue
        for word in _TOKEN_RE.finditer(match.group()):
            if word.group() not in _OPERATORS:
                yield _Shifted(word, match.start())


class _Shifted:
    """A word match re-based onto the whole query string."""

    def __init__(self, inner: re.Match[str], offset: int) -> None:
        self._inner, self._offset = inner, offset

    def group(self) -> str:
        return self._inner.group()

    def start(self) -> int:
        return self._inner.start() + self._offset

    def end(self) -> int:
        return self._inner.end() + self._offset


def _surface_form(term: str, typed: str) -> str:
    """A readable word for a stem: the stem itself, or a common ending that stems back to it."""
    candidates = [term, term + "e", term[:-1] + "y" if term.endswith("i") else term, term + "s", term + "es",
                  term + "ed", term + "ing", term + "ion"]  # fmt: skip
    valid = [c for c in candidates if _stem(c) == term]
    if not valid:
        return term
    return min(valid, key=lambda c: Levenshtein.distance(c, typed))


# --------------------------------------------------------- files, meta, locks


def _index_files(path: Path) -> dict[str, int]:
    skip = {META_FILE, PID_FILE, WRITELOCK_FILE}
    return {p.name: p.stat().st_size for p in path.iterdir() if p.is_file() and p.name not in skip}


def _read_meta(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((path / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_meta(path: Path, ix: index.Index, *, state: str) -> None:
    """Record schema version, generation and file sizes, atomically, after every commit."""
    data = {
        "schema_version": INDEX_SCHEMA_VERSION,
        "state": state,
        "generation": ix.latest_generation(),
        "files": _index_files(path),
        "written": time.time(),
    }
    tmp = path / (META_FILE + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path / META_FILE)


def checked_open(path: Path) -> tuple[str | None, Any]:
    """(why the index cannot be trusted, or None; the opened Whoosh index if it can).

    Checked again while another process commits meanwhile (an import's index process
    merges segments and deletes their files): what looked missing or changed was then
    only replaced, and taking it for damage would empty a sound index.
    """
    reason: str | None = None
    ix: Any = None
    for _attempt in range(_OPEN_ATTEMPTS):
        before = _generation(path)
        try:
            reason = _problem_with(path)
            if reason is None:
                ix = index.open_dir(str(path), indexname=INDEX_NAME, schema=_schema())
                _check_readable(ix)
        except FileNotFoundError as exc:  # a TOC or segment file gone between listing and reading it
            reason = f"index file missing ({exc.filename})"
        except Exception as exc:  # any failure to read the derived data means: rebuild it
            reason = f"index unreadable ({type(exc).__name__}: {exc})"
        if reason is None or _generation(path) == before:
            return reason, (ix if reason is None else None)
        time.sleep(0.05)
    return reason, None


_OPEN_ATTEMPTS = 10


def _generation(path: Path) -> int | None:
    """The latest TOC generation in `path` (from the file names: nothing is read)."""
    try:
        return int(index.TOC._latest_generation(FileStorage(str(path)), INDEX_NAME))
    except Exception:  # unreadable or changing: compared only, never trusted
        return None


def _problem_with(path: Path) -> str | None:
    """Why the index in `path` cannot be trusted, or None; cheap checks only (no reads)."""
    if not index.exists_in(str(path), indexname=INDEX_NAME):
        return "index missing"
    meta = _read_meta(path)
    if meta is None:
        return "index has no version record"
    if meta.get("schema_version") != INDEX_SCHEMA_VERSION:
        return f"index schema version {meta.get('schema_version')} is not {INDEX_SCHEMA_VERSION}"
    if meta.get("state") != "ok":
        return "an earlier rebuild did not finish"
    if meta.get("generation") == _generation(path):  # recorded after this commit: the files must match
        files = meta.get("files") or {}
        for name, size in files.items():
            try:
                actual = (path / name).stat().st_size
            except OSError:
                return f"index file {name} is missing"
            if actual != size:
                return f"index file {name} has changed size"
    return None


def _check_readable(ix: index.Index) -> None:
    """Touch every segment's files (TOC, columns, stored fields, terms, postings) so damage shows now."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        if reader.doc_count_all() == 0:
            return
        for leaf, _offset in reader.leaf_readers():
            list(leaf.column_reader("meta", translate=False))
            if leaf.doc_count_all():
                leaf.stored_fields(leaf.doc_count_all() - 1)
            for name in ("id", "body"):
                for term in list(leaf.lexicon(name))[:1]:
                    list(leaf.postings(name, term).all_ids())


def _recreate(path: Path, keep: set[str] | None = None) -> index.Index:
    """Empty `path` (the index folder belongs to the index; `keep` names files to leave,
    such as the lock the caller holds) and create a fresh index in it."""
    for entry in path.iterdir():
        if keep and entry.name in keep:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                entry.unlink()
    ix = FileStorage(str(path)).create_index(_schema(), indexname=INDEX_NAME)
    _write_meta(path, ix, state="needs-rebuild")
    return ix


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _clear_stale_lock(path: Path) -> bool:
    """Remove a write lock whose recorded owner is gone; False if a live process holds it."""
    try:
        pid = int((path / PID_FILE).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        pid = 0
    if pid == os.getpid() or _pid_alive(pid):
        return False
    for name in (WRITELOCK_FILE, PID_FILE):
        with contextlib.suppress(FileNotFoundError):
            (path / name).unlink()
    return True


def _release_pid(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (path / PID_FILE).unlink()
