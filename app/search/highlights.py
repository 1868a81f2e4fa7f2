"""Where a search query's words stand in a document's text: what the reader highlights.

The same query model and analysis as the search: a word is marked exactly where the index
would match it, a phrase only where it stands whole; negated words and fields that are not
running text (kind:, date:, tag:) are not marked.
"""

from __future__ import annotations

from app.search.engine.query import parse_query
from app.search.engine.spans import matched_tokens

MAX_QUERY_HIGHLIGHTS = 10_000  # a common word in a 1,500-page report: enough to show, bounded to draw


def find_query(text: str, query: str) -> list[tuple[int, int]]:
    """The spans to highlight, sorted and not overlapping."""
    wanted = parse_query(query).highlights() if query.strip() else None
    if not wanted:
        return []
    merged: list[list[int]] = []
    for start, end, _term in matched_tokens(text, wanted, MAX_QUERY_HIGHLIGHTS, join_phrases=True):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]
