"""Snippets: short HTML fragments of a hit's text with the matched words in <b>.

Matched words are located with a regex pre-filter on the database text (stems differ from
words only at the end) and checked by stemming the candidates; only those matches go to
Whoosh's fragmenter, scorer and HTML formatter, instead of re-analysing whole documents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import chain

from whoosh import analysis, highlight

from app.folding import accent_tolerant
from app.search_index.analysis import _TOKEN_RE, _term_of


class _BoldFormatter(highlight.HtmlFormatter):
    """Whoosh's HTML formatter with bare <b> tags (no per-term classes)."""

    template = "<%(tag)s>%(t)s</%(tag)s>"


_FORMATTER = _BoldFormatter(tagname="b", between=" … ")
_FRAGMENTER = highlight.PinpointFragmenter(maxchars=240, surround=80, autotrim=False)
_SCORER = highlight.BasicFragmentScorer()
_MAX_MATCHES = 20  # matches considered per text, in document order: enough for 3 fragments, and
# the scan stops there (60 take twice the time on long reports for no better snippets)
_prefilters: dict[tuple[frozenset[str], tuple[str, ...]], re.Pattern[str]] = {}


def _prefilter(terms: frozenset[str], prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """A regex finding every token whose stem may be wanted; stems differ from words only at the end, and
    from the text by its accents."""
    key = (terms, prefixes)
    pattern = _prefilters.get(key)
    if pattern is None:
        heads = sorted({t[: max(1, len(t) - 1)] for t in chain(terms, prefixes)}, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(accent_tolerant, heads)) + ")", re.IGNORECASE)
        if len(_prefilters) > 256:
            _prefilters.clear()
        _prefilters[key] = pattern
    return pattern


def _snippets(text: str, terms: frozenset[str], prefixes: tuple[str, ...], count: int,
              phrases: frozenset[tuple[str, ...]] = frozenset()) -> list[str]:  # fmt: skip
    """Up to `count` HTML fragments of `text` with the wanted terms in <b>, in document order; a phrase's
    words are marked only where they stand as the phrase (stop words between them are skipped, as the index does)."""
    if not text or count <= 0 or not (terms or prefixes or phrases):
        return []
    grouped: dict[str, list[tuple[str, ...]]] = defaultdict(list)  # phrases by their first word
    for phrase in phrases:
        grouped[phrase[0]].append(phrase)
    matched: dict[int, analysis.Token] = {}
    for found in _prefilter(terms | frozenset(grouped), prefixes).finditer(text):
        token = _TOKEN_RE.match(text, found.start())
        if token is None or token.start() in matched:
            continue
        stemmed = _term_of(token.group())
        if stemmed is None:
            continue
        if stemmed in terms or (prefixes and stemmed.startswith(prefixes)):
            matched[token.start()] = _token(stemmed, token)
        for phrase in grouped.get(stemmed, ()):
            following = _phrase_tokens(text, token, phrase)
            if following:
                for start, piece in following:
                    matched[start] = piece
                break
        if len(matched) >= _MAX_MATCHES:
            break
    if not matched:
        return []
    matches = [matched[start] for start in sorted(matched)]
    fragments = highlight.top_fragments(_FRAGMENTER.fragment_matches(text, matches), count, _SCORER,
                                        highlight.SCORE, minscore=1)  # fmt: skip
    fragments.sort(key=lambda f: f.startchar)
    for fragment in fragments:
        _trim_to_words(fragment, text)
    return [" ".join(_FORMATTER.format_fragment(f).split()) for f in fragments]


def _token(stemmed: str, token: re.Match[str]) -> analysis.Token:
    return analysis.Token(text=stemmed, startchar=token.start(), endchar=token.end(), boost=1.0, matched=True,
                          chars=True)  # fmt: skip


def _phrase_tokens(text: str, first: re.Match[str], phrase: tuple[str, ...]) -> list[tuple[int, analysis.Token]]:
    """The phrase's tokens from `first` on, or [] when the text there is not the phrase."""
    found = [(first.start(), _token(phrase[0], first))]
    rest = iter(phrase[1:])
    wanted = next(rest)
    for token in _TOKEN_RE.finditer(text, first.end(), min(len(text), first.end() + 400)):
        stemmed = _term_of(token.group())
        if stemmed is None:
            continue  # a stop word takes no position
        if stemmed != wanted:
            return []
        found.append((token.start(), _token(stemmed, token)))
        wanted = next(rest, None)
        if wanted is None:
            return found
    return []


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
