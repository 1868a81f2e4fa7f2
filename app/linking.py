"""Cross-document links: which archive document a footnote's citation cites.

A link needs the dates to agree (a citation without a date links nowhere:
that is the main guard against false links), then scores publisher and title
similarity. The title is compared with the candidate's title and with the
opening of its text, because press releases often have no title line.
Links are recomputed for a document in both directions whenever it is added or
changed, so the order of import does not matter.
"""

from __future__ import annotations

import re
import sys
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from sqlalchemy import bindparam, delete, func, insert, select
from sqlalchemy.orm import Session

from db.models import Citation, CitationLink, Document, Footnote

LINK_THRESHOLD = 0.72
MIN_TITLE_SIMILARITY = 0.45
HEAD_CHARS = 1000
W_DATE, W_PUBLISHER, W_TITLE = 0.4, 0.2, 0.4
_ROUNDING = 0.001

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
    document_id: int | None = None  # lets the word set be kept across calls (see _document_words)
    _words: frozenset[str] | None = None  # content words of title and head, computed once
    _lowered: str | None = None

    def words(self) -> frozenset[str]:
        """Cached on the object: one candidate is compared with every citation of its date."""
        if self._words is None:
            if self.document_id is None:
                self._words = _content_words(self.lowered())
            else:
                self._words = _document_words(self.document_id, self.lowered())
        return self._words

    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = f"{self.title}\n{self.head}".lower()
        return self._lowered


@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    """Cached: a candidate's opening text is compared with many citations in a row."""
    return frozenset(w[:6] for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in _STOPWORDS)


_DOCUMENT_WORDS: OrderedDict[int, tuple[int, frozenset[str]]] = OrderedDict()
_DOCUMENT_WORDS_MAX = 50_000
_DOCUMENT_WORDS_LOCK = threading.Lock()


def _document_words(document_id: int, lowered: str) -> frozenset[str]:
    """Content words of a document's title and opening, kept per document while its text stays the same.

    During an import every new document is compared with all documents of the
    dates it cites, so the same openings come back again and again; re-tokenising
    them was most of the linker's time. Words are interned, so a set costs little.
    """
    key = hash(lowered)
    with _DOCUMENT_WORDS_LOCK:  # an import thread and an edit in the GUI may link at the same time
        found = _DOCUMENT_WORDS.get(document_id)
        if found is not None and found[0] == key:
            _DOCUMENT_WORDS.move_to_end(document_id)
            return found[1]
    words = frozenset(
        sys.intern(w[:6]) for w in set(_WORD.findall(lowered)) if len(w) >= 3 and w not in _STOPWORDS
    )
    with _DOCUMENT_WORDS_LOCK:
        _DOCUMENT_WORDS[document_id] = (key, words)
        if len(_DOCUMENT_WORDS) > _DOCUMENT_WORDS_MAX:
            _DOCUMENT_WORDS.popitem(last=False)
    return words


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
            best = max(best, fuzz.token_set_ratio(name.lower(), candidate.publisher.lower()) / 100)
            acronym = _acronym(candidate.publisher)
            if len(acronym) >= 2 and name.strip().upper() == acronym:
                best = 1.0
        # the substring test first: the word-bounded regex only confirms what it found
        if best < 0.9 and len(name) >= 3 and name in candidate.head and _whole_word(name).search(candidate.head):
            best = 0.9
    return best


def title_score(citation: CitationFacts, candidate: CandidateFacts) -> float:
    cited = citation.title or citation.text
    words = _content_words(cited)
    if not words:
        return 0.0
    overlap = len(words & candidate.words()) / len(words)
    ratio = fuzz.token_set_ratio(cited.lower(), candidate.title.lower()) / 100 if citation.title else 0.0
    return max(overlap, ratio)


@lru_cache(maxsize=1024)
def _whole_word(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}\b")


def score(citation: CitationFacts, candidate: CandidateFacts) -> float:
    """Confidence in [0, 1] that `citation` names `candidate`; 0 when the dates disagree."""
    return _score(citation, candidate, 0.0)


def _score(citation: CitationFacts, candidate: CandidateFacts, needed: float) -> float:
    """`score`, or 0.0 as soon as it is clear the score stays below `needed`.

    Before tokenising the candidate, an upper bound of the word overlap: a cited
    word's prefix can only be among the candidate's words if it occurs in its text.
    """
    d = date_score(citation.date, candidate.date)
    if d == 0.0:
        return 0.0
    cited = citation.title or citation.text
    words = _content_words(cited)
    if not words:
        return 0.0
    needed -= _ROUNDING  # the score is rounded: stay exact at the threshold
    floor = max(MIN_TITLE_SIMILARITY, (needed - W_DATE * d - W_PUBLISHER) / W_TITLE)
    ratio = fuzz.token_set_ratio(cited.lower(), candidate.title.lower()) / 100 if citation.title else 0.0
    if ratio < floor:
        text = candidate.lowered()
        if sum(1 for w in words if w in text) / len(words) < floor:
            return 0.0
    t = max(len(words & candidate.words()) / len(words), ratio)
    if t < MIN_TITLE_SIMILARITY or W_DATE * d + W_PUBLISHER + W_TITLE * t < needed:
        return 0.0
    return round(W_DATE * d + W_PUBLISHER * publisher_score(citation, candidate) + W_TITLE * t, 3)


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


def _candidates(session: Session, dates: set[str], exclude_id: int) -> list[tuple[int, CandidateFacts]]:
    """Documents of these dates. Plain SQL: building and compiling a Core query whose shape
    changes with every document cost more than running it."""
    condition, params = _date_condition(dates)
    sql = (
        "SELECT documents.id, documents.date, documents.title, documents.publisher,"
        f" substr(documents.text, 1, {HEAD_CHARS}) FROM documents WHERE documents.id != ? AND ({condition})"
    )
    return [
        (row[0], CandidateFacts(date=row[1], title=row[2], publisher=row[3], head=row[4] or "", document_id=row[0]))
        for row in session.connection().exec_driver_sql(sql, (exclude_id, *params)).all()
    ]


def _linkable(date: str | None) -> bool:
    return bool(date) and len(date or "") in (7, 10)  # a year alone is too weak to link on


def relink_document(session: Session, document_id: int, *, new: bool = False) -> int:
    """Recompute links from this document's citations and to this document; returns links made.

    `new` says the document was just inserted, so it has no old links to delete.
    """
    conn = session.connection()  # prepared Core statements: relinking runs once per imported file
    own = conn.execute(_OWN_CITATIONS, {"doc": document_id}).all()
    if not new:
        session.execute(delete(CitationLink).where(CitationLink.citation_id.in_([c.id for c in own])))
        session.execute(delete(CitationLink).where(CitationLink.target_document_id == document_id))
    links: list[dict[str, object]] = []

    dated = [c for c in own if _linkable(c.date)]
    if dated:
        by_date: dict[str, list[tuple[int, CandidateFacts]]] = {}
        for doc_id, candidate in _candidates(session, {c.date for c in dated}, document_id):
            assert candidate.date is not None
            by_date.setdefault(candidate.date, []).append((doc_id, candidate))
            if len(candidate.date) == 10:  # a day also answers citations that name only its month
                by_date.setdefault(candidate.date[:7], []).append((doc_id, candidate))
        for c in dated:
            facts = CitationFacts(date=c.date, title=c.title, publisher=c.publisher, author=c.author, text=c.text)
            for doc_id, candidate in by_date.get(c.date, ()):
                value = _score(facts, candidate, LINK_THRESHOLD)
                if value >= LINK_THRESHOLD:
                    links.append({"citation_id": c.id, "target_document_id": doc_id, "score": value})

    me = conn.execute(_ME, {"doc": document_id}).first()
    if me is not None and me[0]:
        target = CandidateFacts(date=me[0], title=me[1], publisher=me[2], head=me[3] or "", document_id=document_id)
        incoming = conn.execute(_INCOMING, {"doc": document_id, "dates": [me[0], me[0][:7]]}).all()
        for c in incoming:
            facts = CitationFacts(date=c.date, title=c.title, publisher=c.publisher, author=c.author, text=c.text)
            value = _score(facts, target, LINK_THRESHOLD)
            if value >= LINK_THRESHOLD:
                links.append({"citation_id": c.id, "target_document_id": document_id, "score": value})
    if links:
        conn.execute(_INSERT_LINK, links)
    return len(links)


_CITATION_COLUMNS = (Citation.id, Citation.date, Citation.title, Citation.publisher, Citation.author, Citation.text)
_OWN_CITATIONS = select(*_CITATION_COLUMNS).join(Footnote).where(Footnote.document_id == bindparam("doc"))
_INCOMING = (
    select(*_CITATION_COLUMNS)
    .join(Footnote)
    .where(Footnote.document_id != bindparam("doc"), Citation.date.in_(bindparam("dates", expanding=True)))
)
_ME = select(Document.date, Document.title, Document.publisher, func.substr(Document.text, 1, HEAD_CHARS)).where(
    Document.id == bindparam("doc")
)
_INSERT_LINK = insert(CitationLink.__table__)
