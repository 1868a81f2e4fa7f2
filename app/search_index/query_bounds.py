"""Bounds on what one query may ask of the index, so search-as-you-type can never freeze the app.

A pasted page of text, thousands of OR-ed terms, a 100,000-character "word" or a
thousand nested parentheses are cut down here, before parsing, and the user is
told what was left out. The limits are far above what anyone types.
"""

from __future__ import annotations

import re

MAX_QUERY_CHARS = 1_000
MAX_TERMS = 64
MAX_WORD_CHARS = 100
MAX_DEPTH = 16

_TERM = re.compile(r'"[^"]*"?|[^\s()"]+')
_OPERATOR_WORDS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_LONG_WORD = re.compile(rf"[^\s()\"]{{{MAX_WORD_CHARS + 1},}}")


def bound_query(raw: str) -> tuple[str, list[str]]:
    """The query cut to the bounds, and one notice per bound it met."""
    notices: list[str] = []
    if _LONG_WORD.search(raw):
        raw = " ".join(_LONG_WORD.sub(" ", raw).split())
        notices.append(f"Words over {MAX_WORD_CHARS} characters left out")
    if _depth(raw) > MAX_DEPTH:
        raw = " ".join(raw.replace("(", " ").replace(")", " ").split())
        notices.append(f"Parentheses nested deeper than {MAX_DEPTH} ignored")
    if len(raw) > MAX_QUERY_CHARS:
        cut = raw.rfind(" ", 0, MAX_QUERY_CHARS + 1)
        raw = raw[: cut if cut > 0 else MAX_QUERY_CHARS]
        notices.append(f"Query cut to its first {MAX_QUERY_CHARS:,} characters")
    terms = 0
    for match in _TERM.finditer(raw):
        if match.group() in _OPERATOR_WORDS:
            continue
        terms += 1
        if terms > MAX_TERMS:
            raw = raw[: match.start()].rstrip()
            raw = re.sub(r"(?:\s+(?:AND|OR|NOT|ANDNOT|ANDMAYBE))+$", "", raw)  # no dangling operator
            notices.append(f"Only the first {MAX_TERMS} terms searched")
            break
    return raw, notices


def _depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth = max(0, depth - 1)
    return deepest
