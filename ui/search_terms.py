"""The words of a search query worth highlighting in the reader.

The reader highlights by words (stem + ending), a quoted phrase given as one
term with spaces, and a trailing `*` as a prefix (see app.reading.term_pattern).
So this keeps what the user looks *for* and drops what only shapes the query:
operators, negated words, stop words, and fields that are not running text
(kind:, date:, tag:).
"""

from __future__ import annotations

import re

from app.search_index import MIN_PREFIX, analyse

_TOKEN = re.compile(
    r'(?P<field>[A-Za-z_]\w*):(?P<value>"[^"]*"?|\[[^\]]*\]?|[^\s()]+)'
    r'|"(?P<phrase>[^"]*)"?'
    r'|(?P<word>[^\s()"]+)'
)
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "TO"}
_TEXT_FIELDS = {"title", "body", "footnotes", "notes", "publisher"}


def query_terms(query: str) -> list[str]:
    """Plain words, phrases (as "a b c") and prefixes ("demin*") of `query`, in order, without repeats."""
    terms: list[str] = []
    negate = False
    for match in _TOKEN.finditer(query):
        word = match.group("word")
        if word in _OPERATORS:
            negate = word in ("NOT", "ANDNOT")
            continue
        if negate or (word or "").startswith("-"):
            negate = False
            continue
        field = (match.group("field") or "").lower()
        if field and field not in _TEXT_FIELDS:
            continue
        text = (match.group("value") or match.group("phrase") or word or "").strip('"')
        term = _term(text)
        if term and term not in terms:
            terms.append(term)
    return terms


def _term(text: str) -> str | None:
    words = re.findall(r"\w+(?:[-.]\w+)*", text)
    if not words:
        return None
    if len(words) > 1:
        return " ".join(words)
    word = words[0]
    if text.endswith("*"):
        return f"{word}*" if len(word) >= MIN_PREFIX else None
    return word if analyse(word) else None  # a stop word alone would light up the whole page
