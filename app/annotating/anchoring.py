"""Anchoring annotations to text, and finding them again after the text changes.

An anchor is what the W3C Web Annotation model stores: a position (start, end)
and a quote with ~32 characters of prefix and suffix. When a document is
re-imported with an edited text, `reanchor` tries, in order:

1. the stored position, if it still holds the quote;
2. the exact quote, choosing among its occurrences the one whose prefix and
   suffix match best, then the nearest to the old position (text inserted
   before the span moves it; a duplicate elsewhere must not capture it);
3. a fuzzy match (rapidfuzz) scored on the quote and its context.

When nothing scores well enough it returns None and the caller marks the
annotation orphaned: kept with its quote, never moved to a wrong place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from rapidfuzz import fuzz

CONTEXT = 32
MIN_FUZZY_QUOTE = 8  # shorter quotes must match exactly: a fuzzy 5-letter match means nothing
QUOTE_THRESHOLD = 80.0  # similarity of the found text to the quote (0–100)
COMBINED_THRESHOLD = 75.0  # quote similarity weighted with the context's
WINDOW = 4000  # characters around the old position searched first for a fuzzy match


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Reanchored:
    anchor: Anchor
    method: str  # "position", "exact" or "fuzzy"
    score: float  # 100 for position and exact matches


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace (a selection often catches a space or newline)."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    return Anchor(start, end, text[start:end], text[max(0, start - context):start], text[end:end + context])


def find_occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of `quote`."""
    found: list[int] = []
    if not quote:
        return found
    at = text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """How well the text around [start, end) matches the stored prefix and suffix (0–100)."""
    scores = []
    if prefix:
        scores.append(fuzz.ratio(prefix, text[max(0, start - len(prefix)):start]))
    if suffix:
        scores.append(fuzz.ratio(suffix, text[end:end + len(suffix)]))
    return sum(scores) / len(scores) if scores else 100.0


def _best_exact(text: str, old: Anchor) -> Anchor | None:
    starts = find_occurrences(text, old.quote)
    if not starts:
        return None
    length = len(old.quote)

    def rank(at: int) -> tuple[float, int]:
        return (-_context_score(text, at, at + length, old.prefix, old.suffix), abs(at - old.start))

    best = min(starts, key=rank)
    return make_anchor(text, best, best + length)


def _fuzzy_candidates(text: str, old: Anchor) -> list[tuple[int, int]]:
    """Spans that roughly hold the quote: near the old position, then anywhere."""
    spans: list[tuple[int, int]] = []
    regions = [(max(0, old.start - WINDOW), min(len(text), old.end + WINDOW)), (0, len(text))]
    for lo, hi in regions:
        region = text[lo:hi]
        if not region:
            continue
        # The quote with its context finds the place even when the quote itself changed most.
        for needle in (old.quote, old.prefix + old.quote + old.suffix):
            hit = fuzz.partial_ratio_alignment(needle, region, processor=None)
            if hit is None or hit.score < 50:
                continue
            place_lo, place_hi = lo + hit.dest_start, lo + hit.dest_end
            if needle is old.quote:
                spans.append((place_lo, place_hi))
            else:  # align the quote inside the context match
                inner = fuzz.partial_ratio_alignment(old.quote, text[place_lo:place_hi], processor=None)
                if inner is not None:
                    spans.append((place_lo + inner.dest_start, place_lo + inner.dest_end))
    return spans


def _word_edges(text: str, lo: int, hi: int) -> list[int]:
    """Offsets in [lo, hi] where a word starts or ends: the places a span edge may move to."""
    lo, hi = max(0, lo), min(len(text), hi)
    edges = {lo, hi}
    for i in range(lo, hi + 1):
        before = text[i - 1].isalnum() if i > 0 else False
        after = text[i].isalnum() if i < len(text) else False
        if before != after:
            edges.add(i)
    return sorted(edges)


def _refine(text: str, old: Anchor, start: int, end: int) -> tuple[float, float, int, int]:
    """Move the edges of a rough match to word edges that best fit the quote and its context.

    The aligner returns a window of the quote's own length, so a span that grew or
    shrank in the edit needs its edges searched: (combined, quote score, start, end).
    """
    slack = min(60, max(8, len(old.quote) // 4))
    best = (-1.0, 0.0, start, end)
    for s in _word_edges(text, start - slack, start + slack):
        for e in _word_edges(text, end - slack, end + slack):
            if e - s < len(old.quote) // 2:
                continue
            quote_score = fuzz.ratio(old.quote, text[s:e])
            combined = 0.7 * quote_score + 0.3 * _context_score(text, s, e, old.prefix, old.suffix)
            if combined > best[0]:
                best = (combined, quote_score, s, e)
    return best


def _best_fuzzy(text: str, old: Anchor) -> tuple[Anchor, float] | None:
    if len(old.quote.strip()) < MIN_FUZZY_QUOTE:
        return None
    best: tuple[float, int, int] | None = None
    for rough_start, rough_end in dict.fromkeys(_fuzzy_candidates(text, old)):
        combined, quote_score, start, end = _refine(text, old, rough_start, rough_end)
        start, end = trim_span(text, start, end)
        if end <= start or quote_score < QUOTE_THRESHOLD:
            continue
        if combined >= COMBINED_THRESHOLD and (best is None or combined > best[0]):
            best = (combined, start, end)
    if best is None:
        return None
    return make_anchor(text, best[1], best[2]), best[0]


def reanchor(text: str, old: Anchor) -> Reanchored | None:
    """Where `old` belongs in `text` now, or None when it cannot be placed with confidence."""
    if old.quote and text[old.start:old.end] == old.quote:
        return Reanchored(make_anchor(text, old.start, old.end), "position", 100.0)
    exact = _best_exact(text, old)
    if exact is not None:
        return Reanchored(exact, "exact", 100.0)
    fuzzy = _best_fuzzy(text, old)
    if fuzzy is not None:
        return Reanchored(fuzzy[0], "fuzzy", round(fuzzy[1], 1))
    return None
