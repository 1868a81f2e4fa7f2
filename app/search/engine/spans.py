"""Where a query's wanted words stand in a text: for snippets and for the reader's highlights.

Candidates are found with a regex on the text as stored (terms differ from words only at their
end, and from the text by accents), then each candidate token is analysed as the index analyses
it (`terms.term_of`), so a word is marked exactly when the index would match it. A phrase's
words are marked only where they stand as the phrase, stop words between them skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import chain

from app.search.engine.folding import accent_tolerant
from app.search.engine.query import TextMatch
from app.search.engine.terms import TOKEN_RE, term_of

Span = tuple[int, int, str]  # start, end, the term matched
_PHRASE_REACH = 400  # characters after a phrase's first word within which the rest must follow
_prefilters: dict[tuple[frozenset[str], tuple[str, ...]], re.Pattern[str]] = {}


def _prefilter(terms: frozenset[str], prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """A regex finding every token whose term may be wanted."""
    key = (terms, prefixes)
    pattern = _prefilters.get(key)
    if pattern is None:
        heads = sorted({t[: max(1, len(t) - 1)] for t in chain(terms, prefixes)}, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(accent_tolerant, heads)) + ")", re.IGNORECASE)
        if len(_prefilters) > 256:
            _prefilters.clear()
        _prefilters[key] = pattern
    return pattern


def matched_tokens(text: str, wanted: TextMatch, limit: int, *, join_phrases: bool = False) -> list[Span]:
    """Up to `limit` matched tokens of `text`, in document order (a phrase counts all its words);
    `join_phrases` gives a phrase as one span, from its first word to its last."""
    found: dict[int, Span] = {}
    for span in _scan(text, wanted, join_phrases):
        found.setdefault(span[0], span)
        if len(found) >= limit:
            break
    return [found[start] for start in sorted(found)]


def _scan(text: str, wanted: TextMatch, join_phrases: bool) -> Iterator[Span]:
    if not text or not wanted:
        return
    grouped: dict[str, list[tuple[str, ...]]] = defaultdict(list)  # phrases by their first word
    for phrase in wanted.phrases:
        grouped[phrase[0]].append(phrase)
    last_end = -1
    for candidate in _prefilter(wanted.terms | frozenset(grouped), wanted.prefixes).finditer(text):
        token = TOKEN_RE.match(text, candidate.start())
        if token is None or token.start() < last_end:
            continue
        term = term_of(token.group())
        if term is None:
            continue
        following = next(filter(None, (_phrase_tokens(text, token, p) for p in grouped.get(term, ()))), None)
        if following:
            last_end = following[-1][1]
            if join_phrases:
                yield following[0][0], last_end, " ".join(t for _s, _e, t in following)
            else:
                yield from following
        elif term in wanted.terms or (wanted.prefixes and term.startswith(wanted.prefixes)):
            last_end = token.end()
            yield token.start(), token.end(), term


def _phrase_tokens(text: str, first: re.Match[str], phrase: tuple[str, ...]) -> list[Span]:
    """The phrase's tokens from `first` on, or [] when the text there is not the phrase."""
    found: list[Span] = [(first.start(), first.end(), phrase[0])]
    rest = iter(phrase[1:])
    wanted = next(rest)
    for token in TOKEN_RE.finditer(text, first.end(), min(len(text), first.end() + _PHRASE_REACH)):
        term = term_of(token.group())
        if term is None:
            continue  # a stop word takes no position
        if term != wanted:
            return []
        found.append((token.start(), token.end(), term))
        wanted = next(rest, None)
        if wanted is None:
            return found
    return []
