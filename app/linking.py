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
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from sqlalchemy import ColumnElement, and_, delete, false, func, insert, or_, select
from sqlalchemy.orm import Session

from db.models import Citation, CitationLink, Document, Footnote

LINK_THRESHOLD = 0.72
MIN_TITLE_SIMILARITY = 0.45
HEAD_CHARS = 1000
W_DATE, W_PUBLISHER, W_TITLE = 0.4, 0.2, 0.4

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


@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    """Cached: a candidate's opening text is compared with many citations in a row."""
    return frozenset(w[:6] for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in _STOPWORDS)


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
        if len(name) >= 3 and re.search(rf"\b{re.escape(name)}\b", candidate.head):
            best = max(best, 0.9)
    return best


def title_score(citation: CitationFacts, candidate: CandidateFacts) -> float:
    cited = citation.title or citation.text
    words = _content_words(cited)
    if not words:
        return 0.0
    overlap = len(words & _content_words(f"{candidate.title}\n{candidate.head}")) / len(words)
    ratio = fuzz.token_set_ratio(cited.lower(), candidate.title.lower()) / 100 if citation.title else 0.0
    return max(overlap, ratio)


def score(citation: CitationFacts, candidate: CandidateFacts) -> float:
    """Confidence in [0, 1] that `citation` names `candidate`; 0 when the dates disagree."""
    d = date_score(citation.date, candidate.date)
    if d == 0.0:
        return 0.0
    t = title_score(citation, candidate)
    if t < MIN_TITLE_SIMILARITY:
        return 0.0
    return round(W_DATE * d + W_PUBLISHER * publisher_score(citation, candidate) + W_TITLE * t, 3)


def _date_condition(dates: set[str]) -> ColumnElement[bool]:
    """Documents dated on one of these days, or within one of these months (index-friendly ranges)."""
    days = sorted(d for d in dates if len(d) == 10)
    months = sorted(d for d in dates if len(d) == 7)
    conditions: list[ColumnElement[bool]] = []
    if days:
        conditions.append(Document.date.in_(days))
    conditions += [and_(Document.date >= m, Document.date < f"{m}~") for m in months]
    return or_(*conditions) if conditions else false()


def _candidates(session: Session, dates: set[str], exclude_id: int) -> list[tuple[int, CandidateFacts]]:
    query = select(
        Document.id, Document.date, Document.title, Document.publisher, func.substr(Document.text, 1, HEAD_CHARS)
    ).where(Document.id != exclude_id, _date_condition(dates))
    return [
        (row[0], CandidateFacts(date=row[1], title=row[2], publisher=row[3], head=row[4] or ""))
        for row in session.execute(query)
    ]


def _linkable(date: str | None) -> bool:
    return bool(date) and len(date or "") in (7, 10)  # a year alone is too weak to link on


def relink_document(session: Session, document_id: int, *, new: bool = False) -> int:
    """Recompute links from this document's citations and to this document; returns links made.

    `new` says the document was just inserted, so it has no old links to delete.
    """
    own = session.execute(
        select(Citation.id, Citation.date, Citation.title, Citation.publisher, Citation.author, Citation.text)
        .join(Footnote)
        .where(Footnote.document_id == document_id)
    ).all()
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
                value = score(facts, candidate)
                if value >= LINK_THRESHOLD:
                    links.append({"citation_id": c.id, "target_document_id": doc_id, "score": value})

    me = session.execute(
        select(Document.date, Document.title, Document.publisher, func.substr(Document.text, 1, HEAD_CHARS)).where(
            Document.id == document_id
        )
    ).first()
    if me is not None and me[0]:
        target = CandidateFacts(date=me[0], title=me[1], publisher=me[2], head=me[3] or "")
        incoming = session.execute(
            select(Citation.id, Citation.date, Citation.title, Citation.publisher, Citation.author, Citation.text)
            .join(Footnote)
            .where(Footnote.document_id != document_id, Citation.date.in_([me[0], me[0][:7]]))
        ).all()
        for c in incoming:
            facts = CitationFacts(date=c.date, title=c.title, publisher=c.publisher, author=c.author, text=c.text)
            value = score(facts, target)
            if value >= LINK_THRESHOLD:
                links.append({"citation_id": c.id, "target_document_id": document_id, "score": value})
    if links:
        session.execute(insert(CitationLink), links)
    return len(links)
