"""Reading the user's query: what Whoosh's lenient parser would drop or misread, the parser itself,
and which terms a hit may contain (for "matched in" and snippets).

The query is first cut to the bounds of `query_bounds`; `_check_query` then finds
unbalanced quotes, brackets and parentheses, unknown fields, unreadable dates, dangling
operators and too-short prefixes, and either passes the query on (short prefixes removed)
or searches its plain words, with a notice saying so: a search never fails on what was typed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from whoosh import fields, qparser, query

from app.search_index.analysis import _TOKEN_RE
from app.search_index.schema import _DATE_RE, QUERY_FIELDS, TEXT_FIELDS, TITLE_BOOST

MIN_PREFIX = 3


_LEX_RE = re.compile(
    r"""(?P<phrase>"[^"]*")|(?P<quote>")|(?P<open>\()|(?P<close>\))|(?P<range>[\[{][^\]}]*[\]}])"""
    r"""|(?P<bracket>[\[\]{}])|(?P<field>[A-Za-z_]\w*:)|(?P<word>[^\s()"\[\]{}]+)"""
)
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


@dataclass(slots=True)
class _Checked:
    text: str  # what to give the parser
    notices: list[str]
    plain: bool  # True when the query was malformed and is searched as plain words


def _plain_words(raw: str, dropped: set[int]) -> str:
    """The query's words without syntax; `dropped` holds start offsets of values to leave out."""
    words = []
    for match in _LEX_RE.finditer(raw):
        if match.lastgroup in ("field", "quote", "open", "close", "bracket") or match.start() in dropped:
            continue
        words.extend(w for w in _TOKEN_RE.findall(match.group()) if w not in _OPERATORS)
    return " ".join(words)


def _check_query(raw: str) -> _Checked:
    """Find what Whoosh's lenient parser would silently drop or misread, and say so."""
    problems: list[str] = []
    notices: list[str] = []
    kept: list[str] = []  # query pieces passed on, short prefixes removed
    items: list[tuple[str, str]] = []  # (kind, text) for the operator check
    depth = 0
    pending_field: str | None = None
    pending_end = 0
    dropped: set[int] = set()  # unreadable date values: not words the user meant to find
    for match in _LEX_RE.finditer(raw):
        kind, text = match.lastgroup or "", match.group()
        if kind == "quote":
            problems.append("Unbalanced quote")
            continue
        if kind == "bracket":
            problems.append("Unbalanced bracket")
            continue
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth < 0:
                problems.append("Unbalanced parenthesis")
                depth = 0
        if pending_field is not None:
            glued = match.start() == pending_end
            if not glued or kind in ("close", "open"):
                problems.append(f"Field '{pending_field}:' has no value")
            elif pending_field == "date" and not _valid_date_value(kind, text):
                dropped.add(match.start())
                problems.append(f"Date '{text}' not understood (use date:2013, date:2013-09 or date:[2020 to 2022])")
            field_name, pending_field = pending_field, None
            if glued and kind == "word" and text.endswith("*") and _short_prefix(text):
                notices.append(_short_prefix_notice(f"{field_name}:{text}"))
                kept.pop()  # the field prefix
                continue
        if kind == "field":
            name = text[:-1].lower()
            if name not in QUERY_FIELDS:
                problems.append(f"Unknown field '{text[:-1]}'")
            pending_field = name
            pending_end = match.end()
            kept.append(name + ":")
            continue
        if kind == "word" and text.endswith("*") and _short_prefix(text):
            notices.append(_short_prefix_notice(text))
            continue
        if kind == "word" and text in _OPERATORS:
            items.append(("op", text))
        elif kind in ("open", "close"):
            items.append((kind, text))
        else:
            items.append(("term", text))
        kept.append(text)
    if pending_field is not None:
        problems.append(f"Field '{pending_field}:' has no value")
    if depth > 0:
        problems.append("Unbalanced parenthesis")
    problems.extend(_operator_problems(items))
    if problems:
        unique = list(dict.fromkeys(problems))
        notices.append(f"{'; '.join(unique)}: searched as plain words")
        return _Checked(_plain_words(raw, dropped), notices, plain=True)
    text = ""
    for piece in kept:  # re-join, keeping "field:" glued to its value
        text += piece if text.endswith(":") or not text else " " + piece
    return _Checked(text, notices, plain=False)


def _valid_date_value(kind: str, text: str) -> bool:
    if kind == "word":
        return bool(_DATE_RE.match(text))
    if kind == "range":
        parts = re.split(r"\s+[Tt][Oo]\s+|\s+[Tt][Oo]$|^[Tt][Oo]\s+", text[1:-1].strip())
        return len(parts) == 2 and all(not p.strip() or _DATE_RE.match(p.strip()) for p in parts)
    return False


def _short_prefix(text: str) -> bool:
    return len("".join(_TOKEN_RE.findall(text.rstrip("*")))) < MIN_PREFIX


def _short_prefix_notice(text: str) -> str:
    return f"Prefix '{text}' too short: at least {MIN_PREFIX} characters before *; searched without it"


def _operator_problems(items: list[tuple[str, str]]) -> list[str]:
    problems = []
    for i, (kind, text) in enumerate(items):
        if kind != "op":
            continue
        before = items[i - 1] if i else None
        after = items[i + 1] if i + 1 < len(items) else None
        operand_after = after is not None and (after[0] in ("term", "open") or (after == ("op", "NOT")))
        if text == "NOT":
            ok = operand_after and after != ("op", "NOT")
        else:
            ok = before is not None and before[0] in ("term", "close") and operand_after
        if not ok:
            problems.append(f"Dangling operator '{text}'")
    return problems


def _make_parser(schema: fields.Schema) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(
        list(TEXT_FIELDS), schema, fieldboosts={"title": TITLE_BOOST}, group=qparser.AndGroup
    )
    for plugin in (qparser.WildcardPlugin, qparser.SingleQuotePlugin, qparser.BoostPlugin, qparser.EveryPlugin):
        parser.remove_plugin_class(plugin)
    parser.add_plugin(qparser.PrefixPlugin())
    return parser


# ---------------------------------------------------------------- query analysis


@dataclass(slots=True)
class _Wanted:
    """Terms, phrases and prefixes a hit may contain, per field, taken from the non-negated query parts."""

    terms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # asked for on their own
    phrases: dict[str, set[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(set))
    prefixes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def for_field(self, name: str) -> tuple[frozenset[str], tuple[str, ...]]:
        """Every term a hit of this field may match (phrase words included), and the prefixes."""
        words = {word for phrase in self.phrases.get(name, ()) for word in phrase}
        return frozenset(self.terms.get(name, set()) | words), tuple(sorted(self.prefixes.get(name, ())))

    def for_snippets(self, name: str) -> tuple[frozenset[str], tuple[str, ...], frozenset[tuple[str, ...]]]:
        """What a snippet marks: single terms and prefixes anywhere, a phrase's words only where they stand
        as the phrase."""
        return (frozenset(self.terms.get(name, ())), tuple(sorted(self.prefixes.get(name, ()))),
                frozenset(self.phrases.get(name, ())))  # fmt: skip


def _wanted(q: query.Query, out: _Wanted) -> _Wanted:
    if isinstance(q, query.Not):
        return out
    if isinstance(q, query.AndNot):
        return _wanted(q.a, out)
    if isinstance(q, query.Term):
        out.terms[q.fieldname].add(_as_text(q.text))
    elif isinstance(q, query.Phrase):
        words = tuple(_as_text(w) for w in q.words)
        if len(words) > 1:
            out.phrases[q.fieldname].add(words)
        else:
            out.terms[q.fieldname].update(words)
    elif isinstance(q, query.Prefix):
        out.prefixes[q.fieldname].add(_as_text(q.text))
    else:
        for child in q.children():
            _wanted(child, out)
    return out


def _as_text(value: str | bytes) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value
