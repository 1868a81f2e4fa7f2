"""The one analysis of words: tokens, case and accent folding, stop words, stems.

The index, the query model, snippets, the reader's highlights, the annotation matcher and
"did you mean" all turn words into terms here, so a word is highlighted exactly where it
matched. Only Whoosh's Porter stemmer is imported (a plain function): the GUI can parse and
highlight a query without loading the index engine.
"""

from __future__ import annotations

import re

from whoosh.lang.porter import stem as porter_stem

from app.search.engine.folding import fold

TOKEN_PATTERN = r"\w+(?:[-.]\w+)*"
"""Keeps PMN-2, OZM-72, E-001, 1.5 and www.icbl.org as one token each."""

TOKEN_RE = re.compile(TOKEN_PATTERN)

STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "have", "if", "in", "is", "it", "may",
    "not", "of", "on", "or", "tbd", "that", "the", "this", "to", "us", "we", "when", "will", "with", "yet", "you",
    "your",
})  # fmt: skip
"""Whoosh's English stop words (a test keeps them equal): stop words take no index position."""

_stem_cache: dict[str, str] = {}


def stem(word: str) -> str:
    """Porter stem of a folded, lower-case word, with a cache reset when it grows past 300,000 words."""
    stemmed = _stem_cache.get(word)
    if stemmed is None:
        if len(_stem_cache) > 300_000:
            _stem_cache.clear()
        stemmed = _stem_cache[word] = porter_stem(word)
    return stemmed


def term_of(token: str) -> str | None:
    """The index term for one token, or None for a stop word."""
    word = fold(token.lower())
    return None if word in STOP_WORDS else stem(word)


def analyse(text: str) -> list[str]:
    """The index terms of `text`, in order, as running text is indexed."""
    return [term for term in map(term_of, TOKEN_RE.findall(text)) if term]


def prefix_term(text: str) -> str:
    """What a prefix query looks up: the prefix folded and stemmed as the index's terms are ("mines*" → "mine")."""
    return stem(fold(text.lower()))
