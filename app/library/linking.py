"""Cross-document links: which archive document a footnote's citation cites.

A link needs the dates to agree (a citation without a date links nowhere:
that is the main guard against false links), then scores publisher and title
similarity. The title is compared with the candidate's title and with the
opening of its text, because press releases often have no title line.
Links are recomputed for a document in both directions whenever it is added or
changed, so the order of import does not matter.

`score` is the definition. Relinking runs once per imported document and
compares about a hundred citation/document pairs each time (a citation that
names only a month matches every document of the month), so it takes
shortcuts that give the same links with the same scores (tests/app/
test_linking_equivalence.py checks it against `score` on every pair):
candidates' facts are kept across calls while their content is unchanged
(`_CandidateCache`), each citation is prepared once and citations with the
same facts are scored once (`_Cited`, `_scored_links`), and the fuzzy title
match stops early below the similarity that could still make a link.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy.orm import Session

LINK_THRESHOLD = 0.72
MIN_TITLE_SIMILARITY = 0.45
HEAD_CHARS = 1000
W_DATE, W_PUBLISHER, W_TITLE = 0.4, 0.2, 0.4
_ROUNDING = 0.001
_CUTOFF_MARGIN = 1e-6  # keeps rapidfuzz's cutoff safely below the comparison it stands in for

_WORD = re.compile(r"\w(?:[\w'’-]*\w)?")
_STOPWORDS = frozenset(
    [
        "the", "and", "for", "with", "from", "that", "this", "are", "was", "were", "has", "have", "had",
        "not", "but", "its", "his", "her", "their", "our", "into", "onto", "over", "under", "about", "after",
        "before", "than", "then", "also", "which", "who", "whom", "what", "when", "where", "why", "how",
        "all", "any", "can", "may", "will", "would", "should", "could", "been", "being", "such", "there",
        "here", "per", "via",
    ]
)


@dataclass(slots=True)
class CitationFacts:
    date: str | None
    title: str | None
    publisher: str | None
    author: str | None
    text: str


@dataclass(slots=True)
class CandidateFacts:
    date: str | None
    title: str
    publisher: str | None
    head: str  # the first HEAD_CHARS characters of the document's text
    document_id: int | None = None
    # computed once per object: the linker keeps candidates across calls (see _CandidateCache)
    _words: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)
    _lowered: str | None = field(default=None, init=False, repr=False, compare=False)
    _title_lowered: str | None = field(default=None, init=False, repr=False, compare=False)

    def words(self) -> frozenset[str]:
        """Content words of the title and the opening."""
        if self._words is None:
            self._words = _words_of(self.lowered())
            self._lowered = None  # needed no more (see _Cited.score_if): kept candidates stay small
        return self._words

    def lowered(self) -> str:
        """Title and opening in lower case (kept until the words are known)."""
        if self._lowered is None:
            self._lowered = f"{self.title}\n{self.head}".lower()
        return self._lowered

    def title_lowered(self) -> str:
        if self._title_lowered is None:
            self._title_lowered = self.title.lower()
        return self._title_lowered


@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    """Cached: a citation's title is compared with many candidates in a row."""
    return frozenset(w[:6] for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in _STOPWORDS)


def _words_of(lowered: str) -> frozenset[str]:
    """`_content_words` of a document's opening, interned: thousands of openings share a few thousand words."""
    words = set(_WORD.findall(lowered))
    words -= _STOPWORDS
    return frozenset(map(sys.intern, {w[:6] for w in words if len(w) >= 3}))


@lru_cache(maxsize=4096)
def _acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w-]*", name)).upper()


def date_score(cited: str | None, doc_date: str | None) -> float:
    if not cited or not doc_date or len(cited) < 7:
        return 0.0  # a year alone is too weak to link on
    if cited == doc_date:
        return 1.0
    if len(cited) < len(doc_date) and doc_date.startswith(cited):
        return 0.6  # the citation names only the month or year
    return 0.0


def publisher_score(citation: CitationFacts, candidate: CandidateFacts) -> float:
    names = [n for n in (citation.publisher, citation.author) if n]
    if not names:
        return 0.5  # no evidence either way
    best = 0.0
    for name in names:
        if candidate.publisher:
            best = max(best, _publisher_similarity(name, candidate.publisher))
        # the substring test first: the word-bounded regex only confirms what it found
        if best < 0.9 and len(name) >= 3 and name in candidate.head and _whole_word(name).search(candidate.head):
            best = 0.9
    return best


@lru_cache(maxsize=4096)
def _publisher_similarity(name: str, publisher: str) -> float:
    """A cited publisher or author against a document's publisher (1.0 for its acronym).

    Cached: an archive has few publishers, and the same ones are cited again and again.
    """
    if len(acronym := _acronym(publisher)) >= 2 and name.strip().upper() == acronym:
        return 1.0
    return fuzz.token_set_ratio(name.lower(), publisher.lower()) / 100


def title_score(citation: CitationFacts, candidate: CandidateFacts) -> float:
    cited = citation.title or citation.text
    words = _content_words(cited)
    if not words:
        return 0.0
    overlap = len(words & candidate.words()) / len(words)
    ratio = fuzz.token_set_ratio(cited.lower(), candidate.title_lowered()) / 100 if citation.title else 0.0
    return max(overlap, ratio)


@lru_cache(maxsize=1024)
def _whole_word(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}\b")


def score(citation: CitationFacts, candidate: CandidateFacts) -> float:
    """Confidence in [0, 1] that `citation` names `candidate`; 0 when the dates disagree."""
    d = date_score(citation.date, candidate.date)
    if d == 0.0:
        return 0.0
    t = title_score(citation, candidate)
    if t < MIN_TITLE_SIMILARITY:
        return 0.0
    return round(W_DATE * d + W_PUBLISHER * publisher_score(citation, candidate) + W_TITLE * t, 3)


class _Cited:
    """A citation prepared once (its words, its lowered title) to be scored against many candidates."""

    __slots__ = ("facts", "lowered_title", "words")

    def __init__(self, facts: CitationFacts) -> None:
        self.facts = facts
        self.words = _content_words(facts.title or facts.text)
        self.lowered_title = facts.title.lower() if facts.title else None

    def score_if(self, candidate: CandidateFacts, needed: float) -> float:
        """`score(self.facts, candidate)` when it is at least `needed`; otherwise some value below `needed`.

        The title similarity is the larger of the word overlap and the fuzzy title
        ratio, and below `floor` no score reaches `needed`. So rapidfuzz is asked
        for the ratio only above the larger of the two (it can give up early), and
        a candidate whose words are not known yet is not tokenised when even an
        upper bound of its overlap (cited words found in its text at all) and its
        ratio stay below the floor.
        """
        d = date_score(self.facts.date, candidate.date)
        words = self.words
        if d == 0.0 or not words:
            return 0.0
        needed -= _ROUNDING  # the score is rounded: stay exact at the threshold
        floor = max(MIN_TITLE_SIMILARITY, (needed - W_DATE * d - W_PUBLISHER) / W_TITLE)
        ratio: float | None = None
        if candidate._words is None:
            text = candidate.lowered()
            if sum(1 for w in words if w in text) / len(words) < floor:
                if self.lowered_title is None:
                    return 0.0
                ratio = self._ratio(candidate, floor)
                if ratio < floor:
                    return 0.0
        overlap = len(words & candidate.words()) / len(words)
        if ratio is None:
            ratio = 0.0 if self.lowered_title is None else self._ratio(candidate, max(floor, overlap))
        t = max(overlap, ratio)
        if t < MIN_TITLE_SIMILARITY or W_DATE * d + W_PUBLISHER + W_TITLE * t < needed:
            return 0.0
        return round(W_DATE * d + W_PUBLISHER * publisher_score(self.facts, candidate) + W_TITLE * t, 3)

    def _ratio(self, candidate: CandidateFacts, at_least: float) -> float:
        """The fuzzy title ratio in [0, 1] if it is at least `at_least` (exactly as `title_score` has it), else 0."""
        assert self.lowered_title is not None
        cutoff = at_least * 100 - _CUTOFF_MARGIN
        return fuzz.token_set_ratio(self.lowered_title, candidate.title_lowered(), score_cutoff=cutoff) / 100


# id, date, title, publisher, author, text
CitationRow = tuple[int, str | None, str | None, str | None, str | None, str]


CitationKey = tuple[str | None, ...]


def _scored_links(
    citations: Iterable[CitationRow], candidates_for: Callable[[str], Sequence[CandidateFacts]], *, keep: bool = False
) -> list[tuple[int, int, float]]:
    """(citation id, document id, score) for each citation and each of its candidates that it links to.

    Citations with the same facts score the same, and they are common (the same
    report cited by many documents of a month, or twice in one), so each is
    scored once. With `keep`, the scores of month citations are also kept across
    calls (see _MonthScores).
    """
    links: list[tuple[int, int, float]] = []
    seen: dict[CitationKey, list[tuple[int, float]]] = {}
    for citation_id, date, title, publisher, author, text in citations:
        key = (date, title, publisher, author, None if title else text)  # the text counts only without a title
        found = seen.get(key)
        if found is None:
            cited = _Cited(CitationFacts(date=date, title=title, publisher=publisher, author=author, text=text))
            candidates = candidates_for(date or "")
            if keep and date is not None and len(date) == 7:
                values = _MONTH_SCORES.scores(key, cited, candidates)
            else:
                values = [cited.score_if(candidate, LINK_THRESHOLD) for candidate in candidates]
            found = seen[key] = [
                (candidate.document_id, value)
                for candidate, value in zip(candidates, values, strict=True)
                if value >= LINK_THRESHOLD
            ]
        links.extend((citation_id, document_id, value) for document_id, value in found)
    return links


class _MonthScores:
    """Scores of citations that name only a month, kept across calls.

    Such a citation has every document of its month as a candidate, and the
    same one (a yearly report, say) is cited by many documents: during an
    import, each new citing document would score the whole month again. A kept
    score is used only for the very same candidate object, which the candidate
    cache replaces whenever the document changes.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._kept: OrderedDict[CitationKey, dict[int, tuple[CandidateFacts, float]]] = OrderedDict()
        self._lock = threading.Lock()

    def scores(self, key: CitationKey, cited: _Cited, candidates: Sequence[CandidateFacts]) -> list[float]:
        with self._lock:
            kept = self._kept.pop(key, None) or {}
            self._kept[key] = kept  # most recently used last
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)
        values = []
        for candidate in candidates:
            assert candidate.document_id is not None
            entry = kept.get(candidate.document_id)
            if entry is None or entry[0] is not candidate:
                entry = kept[candidate.document_id] = (candidate, cited.score_if(candidate, LINK_THRESHOLD))
            values.append(entry[1])
        return values


_MONTH_SCORES = _MonthScores(2000)


class _CandidateCache:
    """Documents' linking facts, kept across calls per archive while their content hash is unchanged.

    Reading a document's opening (its text's first HEAD_CHARS characters) and
    finding its words cost more than scoring it, and during an import every
    document is a candidate again for each later document citing its date or
    month. A document's text changes only with its content hash (an import of
    a changed file), so a kept opening is valid while the hash is the same;
    title, date and publisher are read afresh every time (a metadata edit
    changes them). Thread-safe: an import thread and an edit in the GUI may
    link at the same time.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[str, int], tuple[str, CandidateFacts]] = OrderedDict()  # by (file, id)
        self._lock = threading.Lock()

    def facts(self, db: sqlite3.Connection, archive: str, rows: Sequence[Sequence[Any]]) -> list[CandidateFacts]:
        """CandidateFacts for rows of (id, date, title, publisher, sha256), in their order.

        `archive` names the database file (kept facts are per file; none are kept without a name).
        """
        if archive in ("", ":memory:"):
            return self._read(db, rows)
        out: list[CandidateFacts] = []
        missing: list[Sequence[Any]] = []
        with self._lock:
            for doc_id, date, title, publisher, sha in rows:
                entry = self._entries.get((archive, doc_id))
                if entry is None or entry[0] != sha:
                    missing.append((doc_id, date, title, publisher, sha))
                    continue
                facts = entry[1]
                if facts.date != date or facts.title != title or facts.publisher != publisher:
                    facts = CandidateFacts(date, title, publisher, facts.head, doc_id)
                    self._entries[(archive, doc_id)] = (sha, facts)
                self._entries.move_to_end((archive, doc_id))
                out.append(facts)
        if missing:
            read = self._read(db, missing)
            with self._lock:
                for row, facts in zip(missing, read, strict=True):
                    self._entries[(archive, row[0])] = (row[4], facts)
                while len(self._entries) > self._size:
                    self._entries.popitem(last=False)
            if len(read) < len(rows):  # back in the rows' order
                by_id = {f.document_id: f for f in (*out, *read)}
                return [by_id[row[0]] for row in rows]
            out = read
        return out

    @staticmethod
    def _read(db: sqlite3.Connection, rows: Sequence[Sequence[Any]]) -> list[CandidateFacts]:
        """Facts read from the database: the opening of each text."""
        heads: dict[int, str] = {}
        ids = [row[0] for row in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            sql = f"SELECT id, substr(text, 1, {HEAD_CHARS}) FROM documents WHERE id IN ({', '.join('?' * len(chunk))})"
            heads.update(db.execute(sql, chunk).fetchall())
        return [
            CandidateFacts(date, title, publisher, heads.get(doc_id) or "", doc_id)
            for doc_id, date, title, publisher, _sha in rows
        ]


_CANDIDATES = _CandidateCache(50_000)


def _date_condition(dates: set[str]) -> tuple[str, list[str]]:
    """SQL for documents dated on one of these days, or within one of these months (index-friendly ranges)."""
    days = sorted(d for d in dates if len(d) == 10)
    months = sorted(d for d in dates if len(d) == 7)
    conditions: list[str] = []
    params: list[str] = []
    if days:
        conditions.append(f"documents.date IN ({', '.join('?' * len(days))})")
        params += days
    for month in months:
        conditions.append("documents.date >= ? AND documents.date < ?")
        params += [month, f"{month}~"]
    return " OR ".join(conditions) or "0", params


def _candidates(
    db: sqlite3.Connection, archive: str, dates: set[str], exclude_id: int
) -> dict[str, list[CandidateFacts]]:
    """Documents of these dates, by date; a day's documents are also listed under its month.

    Plain SQL: building and compiling a Core query whose shape changes with every document cost more than
    running it. The text is not read here: openings come from the cache when they can.
    """
    condition, params = _date_condition(dates)
    sql = (
        "SELECT documents.id, documents.date, documents.title, documents.publisher, documents.sha256"
        f" FROM documents WHERE documents.id != ? AND ({condition})"
    )
    by_date: dict[str, list[CandidateFacts]] = {}
    for candidate in _CANDIDATES.facts(db, archive, db.execute(sql, (exclude_id, *params)).fetchall()):
        assert candidate.date is not None
        by_date.setdefault(candidate.date, []).append(candidate)
        if len(candidate.date) == 10:  # a day also answers citations that name only its month
            by_date.setdefault(candidate.date[:7], []).append(candidate)
    return by_date


def _linkable(date: str | None) -> bool:
    return bool(date) and len(date or "") in (7, 10)  # a year alone is too weak to link on


def relink_document(session: Session, document_id: int, *, new: bool = False) -> int:
    """Recompute links from this document's citations and to this document; returns links made.

    `new` says the document was just inserted, so it has no old links to delete.
    """
    connection = session.connection()
    archive = connection.engine.url.database or ""
    # the session's own sqlite3 connection, in its transaction: relinking runs once per imported file, and
    # SQLAlchemy's layer cost several times what SQLite takes for these statements
    db = connection.connection.driver_connection
    assert isinstance(db, sqlite3.Connection)
    own = db.execute(_OWN_CITATIONS, (document_id,)).fetchall()
    if not new:
        db.execute(_DELETE_OUTGOING, (document_id,))
        db.execute(_DELETE_INCOMING, (document_id,))
    links: list[tuple[int, int, float]] = []

    dated = [c for c in own if _linkable(c[1])]
    if dated:
        by_date = _candidates(db, archive, {c[1] for c in dated if c[1]}, document_id)
        links += _scored_links(dated, lambda date: by_date.get(date, ()), keep=True)

    me = db.execute(_ME, (document_id,)).fetchone()
    if me is not None and me[1]:
        target = _CANDIDATES.facts(db, archive, [me])
        incoming = db.execute(_INCOMING, (document_id, me[1], me[1][:7])).fetchall()
        links += _scored_links(incoming, lambda _date: target)
    if links:
        db.executemany(_INSERT_LINK, links)
    return len(links)


_CITATION_COLUMNS = (
    "citations.id, citations.date, citations.title, citations.publisher, citations.author, citations.text"
)
_OWN_CITATIONS = (
    f"SELECT {_CITATION_COLUMNS} FROM citations JOIN footnotes ON footnotes.id = citations.footnote_id"
    " WHERE footnotes.document_id = ?"
)
_INCOMING = (
    f"SELECT {_CITATION_COLUMNS} FROM citations JOIN footnotes ON footnotes.id = citations.footnote_id"
    " WHERE footnotes.document_id != ? AND citations.date IN (?, ?)"
)
_DELETE_OUTGOING = (
    "DELETE FROM citation_links WHERE citation_id IN (SELECT citations.id FROM citations"
    " JOIN footnotes ON footnotes.id = citations.footnote_id WHERE footnotes.document_id = ?)"
)
_DELETE_INCOMING = "DELETE FROM citation_links WHERE target_document_id = ?"
_ME = "SELECT id, date, title, publisher, sha256 FROM documents WHERE id = ?"
_INSERT_LINK = "INSERT INTO citation_links (citation_id, target_document_id, score) VALUES (?, ?, ?)"
