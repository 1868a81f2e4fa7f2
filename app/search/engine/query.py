"""The query model: what the user typed, read once into a typed tree.

Every reader of a query works from this tree and its analysis (`terms`): the index evaluates
it, snippets and the reader highlight its wanted words, the annotation matcher tests notes and
tags against it, and "did you mean" corrects its words. This module holds the only lexer.

A search never fails on what was typed, and never freezes the app on it: the query is first cut to
bounds far above what anyone types (a pasted page, thousands of OR-ed terms, a 100,000-character
"word", a thousand nested parentheses), then checked for
unbalanced quotes, brackets and parentheses, unknown fields, unreadable dates, ranges outside
`date:`, dangling operators and too-short prefixes; a malformed query is searched as its plain
words, and `notices` say what was repaired. Operators bind as Whoosh's parser binds them:
NOT, then ANDNOT/ANDMAYBE, then AND, then OR; words side by side must all match.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from app.model import KINDS
from app.search.engine.terms import TOKEN_RE, analyse, prefix_term
from app.search.notices import Notice

MIN_PREFIX = 3
MAX_QUERY_CHARS = 1_000
MAX_TERMS = 64
MAX_WORD_CHARS = 100
MAX_DEPTH = 16
TEXT_FIELDS = ("title", "body", "footnotes", "notes")
"""Running text: a word without a field is looked for in all of them."""
QUERY_FIELDS = frozenset({*TEXT_FIELDS, "publisher", "author", "lang", "kind", "tag", "date"})
TITLE_BOOST = 3.0
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

_LEX_RE = re.compile(
    r"""(?P<phrase>"[^"]*")|(?P<quote>")|(?P<open>\()|(?P<close>\))|(?P<range>[\[{][^\]}]*[\]}])"""
    r"""|(?P<bracket>[\[\]{}])|(?P<field>[A-Za-z_]\w*:)|(?P<word>[^\s()"\[\]{}]+)"""
)
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_LONG_WORD = re.compile(rf"[^\s()\"]{{{MAX_WORD_CHARS + 1},}}")


# ---------------------------------------------------------------- the tree


@dataclass(frozen=True, slots=True)
class Word:
    """A word as typed (`field` None: any text field); several `terms` ("x's", "foo/bar") must all match."""

    field: str | None
    text: str
    terms: tuple[str, ...]
    span: tuple[int, int]  # where it stands in `Query.text`


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must stand together, in order (stop words between them take no position)."""

    field: str | None
    text: str
    terms: tuple[str, ...]
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Prefix:
    """`demin*`: any term that starts with `term`, the typed prefix folded and stemmed."""

    field: str | None
    text: str
    term: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class DateRange:
    """Dates as sortable 'YYYYMMDD' keys ('00' for an unknown month or day); None is open-ended."""

    low: str | None
    high: str | None
    low_excluded: bool = False
    high_excluded: bool = False


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class AndMaybe:
    """`required ANDMAYBE optional`: the optional part only adds to the score."""

    required: Node
    optional: Node


Leaf = Word | Phrase | Prefix | DateRange
Node = Word | Phrase | Prefix | DateRange | And | Or | Not | AndMaybe


@dataclass(slots=True)
class Wanted:
    """The terms, phrases and prefixes a hit may hold, per field, from the query's non-negated parts."""

    terms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    phrases: dict[str, set[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(set))
    prefixes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def for_field(self, name: str) -> tuple[frozenset[str], tuple[str, ...]]:
        """Every term a hit of this field may match (phrase words included), and the prefixes."""
        words = {word for phrase in self.phrases.get(name, ()) for word in phrase}
        return frozenset(self.terms.get(name, set()) | words), tuple(sorted(self.prefixes.get(name, ())))

    def for_text(self, *names: str) -> TextMatch:
        """What to mark in running text shown for these fields: single terms and prefixes anywhere, a
        phrase's words only where they stand as the phrase."""
        return TextMatch(frozenset().union(*(self.terms.get(n, ()) for n in names)),
                         tuple(sorted(set().union(*(self.prefixes.get(n, ()) for n in names)))),
                         frozenset().union(*(self.phrases.get(n, ()) for n in names)))  # fmt: skip


@dataclass(frozen=True, slots=True)
class TextMatch:
    """Terms, prefixes and phrases to find in one text (see `spans.matched_tokens`)."""

    terms: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    phrases: frozenset[tuple[str, ...]] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.terms or self.prefixes or self.phrases)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: `root` is None when nothing searchable is left (only stop words, say)."""

    text: str  # what was typed, cut to the bounds
    root: Node | None
    notices: tuple[Notice, ...] = ()
    plain: bool = False  # malformed: searched as plain words

    def leaves(self, *, negated: bool = False) -> Iterator[Leaf]:
        """The leaves, in query order; those under NOT (and ANDNOT's right side) only with `negated`."""
        return _leaves(self.root, negated) if self.root is not None else iter(())

    def wanted(self) -> Wanted:
        out = Wanted()
        for leaf in self.leaves():
            if isinstance(leaf, DateRange):
                continue
            for name in TEXT_FIELDS if leaf.field is None else (leaf.field,):
                if isinstance(leaf, Prefix):
                    out.prefixes[name].add(leaf.term)
                elif isinstance(leaf, Phrase) and len(leaf.terms) > 1:
                    out.phrases[name].add(leaf.terms)
                else:
                    out.terms[name].update(leaf.terms)
        return out

    def highlights(self) -> TextMatch:
        """What the reader marks in a document's text: the running-text parts of the query."""
        return self.wanted().for_text(*TEXT_FIELDS)


def _leaves(node: Node, negated: bool) -> Iterator[Leaf]:
    if isinstance(node, (And, Or)):
        for child in node.children:
            yield from _leaves(child, negated)
    elif isinstance(node, Not):
        if negated:
            yield from _leaves(node.child, negated)
    elif isinstance(node, AndMaybe):
        yield from _leaves(node.required, negated)
        yield from _leaves(node.optional, negated)
    else:
        yield node


# ---------------------------------------------------------------- parsing


def parse_query(typed: str) -> Query:
    """The typed query as a tree, with a notice for everything bounded, dropped or repaired."""
    text, notices = bound_query(typed.translate(_QUOTES).strip())
    kept = _without_short_prefixes(_lex(text), notices)
    problems = _problems(kept)
    if problems:
        notices.append(Notice("plain-words", parts=dict.fromkeys(problems)))
        return Query(text, _plain_words(kept), tuple(notices), plain=True)
    root = _Parser(kept).parse()
    notices.extend(_unknown_kinds(root))
    return Query(text, root, tuple(notices))


def _unknown_kinds(root: Node | None) -> list[Notice]:
    """A notice naming the kinds there are, when the query asks for one that is not (it would match nothing)."""
    kinds = [leaf for leaf in (_leaves(root, True) if root is not None else ())
             if isinstance(leaf, (Word, Phrase)) and leaf.field == "kind" and leaf.terms]  # fmt: skip
    unknown = [leaf.text for leaf in kinds if leaf.terms[0] not in KINDS]
    if not unknown:
        return []
    return [Notice("unknown-kind", ", ".join(unknown), ", ".join(KINDS))]


def bound_query(raw: str) -> tuple[str, list[Notice]]:
    """The query cut to the bounds, and one notice per bound it met."""
    notices: list[Notice] = []
    if _LONG_WORD.search(raw):
        raw = " ".join(_LONG_WORD.sub(" ", raw).split())
        notices.append(Notice("long-words", MAX_WORD_CHARS))
    if _depth(raw) > MAX_DEPTH:
        raw = " ".join(raw.replace("(", " ").replace(")", " ").split())
        notices.append(Notice("deep-parentheses", MAX_DEPTH))
    if len(raw) > MAX_QUERY_CHARS:
        cut = raw.rfind(" ", 0, MAX_QUERY_CHARS + 1)
        raw = raw[: cut if cut > 0 else MAX_QUERY_CHARS]
        notices.append(Notice("query-cut", MAX_QUERY_CHARS))
    tokens = _lex(raw)
    terms = [t for t in tokens if t.kind in ("word", "phrase", "range") and not _is_operator(t)]
    if len(terms) > MAX_TERMS:
        kept = [t for t in tokens if t.start < terms[MAX_TERMS].start]
        while kept and (_is_operator(kept[-1]) or kept[-1].kind == "field"):  # no dangling operator
            kept.pop()
        raw = raw[: kept[-1].end] if kept else ""
        notices.append(Notice("many-terms", MAX_TERMS))
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


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # a group name of _LEX_RE
    text: str
    start: int
    end: int


def _lex(text: str) -> list[_Token]:
    return [_Token(m.lastgroup or "", m.group(), m.start(), m.end()) for m in _LEX_RE.finditer(text)]


def _problems(tokens: list[_Token]) -> list[Notice]:
    """What would make the query mean something other than what was typed."""
    problems: list[Notice] = []
    depth = 0
    for i, token in enumerate(tokens):
        if token.kind == "quote":
            problems.append(Notice("unbalanced-quote"))
        elif token.kind == "bracket":
            problems.append(Notice("unbalanced-bracket"))
        elif token.kind == "open":
            depth += 1
        elif token.kind == "close":
            depth -= 1
            if depth < 0:
                problems.append(Notice("unbalanced-parenthesis"))
                depth = 0
        elif token.kind == "field":
            name = token.text[:-1].lower()
            value = tokens[i + 1] if i + 1 < len(tokens) else None
            if name not in QUERY_FIELDS:
                problems.append(Notice("unknown-field", token.text[:-1]))
            if value is None or value.start != token.end or value.kind not in ("word", "phrase", "range"):
                problems.append(Notice("empty-field", name))
            elif name == "date" and _date_value(value) is None:
                problems.append(Notice("bad-date", value.text))
            elif value.kind == "range" and name != "date":
                problems.append(Notice("range-field", name))
        elif token.kind == "range" and (i == 0 or tokens[i - 1].kind != "field"):
            problems.append(Notice("range-alone"))
    if depth > 0:
        problems.append(Notice("unbalanced-parenthesis"))
    problems.extend(_operator_problems(tokens))
    return problems


def _operator_problems(tokens: list[_Token]) -> list[Notice]:
    items = [t for t in tokens if t.kind != "field"]  # a field and its value are one operand
    problems = []
    for i, token in enumerate(items):
        if not _is_operator(token):
            continue
        before = items[i - 1] if i else None
        after = items[i + 1] if i + 1 < len(items) else None
        operand_after = after is not None and ((not _is_operator(after) and after.kind != "close")
                                               or after.text == "NOT")  # fmt: skip
        if token.text == "NOT":
            ok = operand_after and after is not None and after.text != "NOT"
        else:
            ok = before is not None and not _is_operator(before) and before.kind != "open" and operand_after
        if not ok:
            problems.append(Notice("dangling-operator", token.text))
    return problems


def _is_operator(token: _Token) -> bool:
    return token.kind == "word" and token.text in OPERATORS


def _plain_words(tokens: list[_Token]) -> Node | None:
    """Every word of a malformed query, to be found anywhere; unreadable field values are left out."""
    words: list[Node] = []
    skip_value = False
    for i, token in enumerate(tokens):
        if token.kind == "field":
            value = tokens[i + 1] if i + 1 < len(tokens) else None
            skip_value = token.text[:-1].lower() == "date" and value is not None and _date_value(value) is None
            continue
        if skip_value:
            skip_value = False
            continue
        if token.kind not in ("word", "phrase", "range"):
            continue
        for match in TOKEN_RE.finditer(token.text):
            if match.group() not in OPERATORS:
                span = (token.start + match.start(), token.start + match.end())
                words.append(Word(None, match.group(), tuple(analyse(match.group())), span))
    return _simplified(And(tuple(words)))


def _without_short_prefixes(tokens: list[_Token], notices: list[Notice]) -> list[_Token]:
    """Prefixes under MIN_PREFIX characters would expand to most of the vocabulary: left out (with the
    operator that joined them), and said."""
    kept: list[_Token] = []
    drop_operator = False
    for token in tokens:
        if token.kind == "word" and token.text.endswith("*") and _short_prefix(token.text):
            field_token = kept.pop() if kept and kept[-1].kind == "field" and kept[-1].end == token.start else None
            shown = (field_token.text if field_token else "") + token.text
            notices.append(Notice("short-prefix", shown, MIN_PREFIX))
            if kept and _is_operator(kept[-1]):
                kept.pop()
            else:
                drop_operator = True
            continue
        if drop_operator and _is_operator(token) and token.text != "NOT":
            drop_operator = False
            continue
        drop_operator = False
        kept.append(token)
    return kept


def _short_prefix(text: str) -> bool:
    return len("".join(TOKEN_RE.findall(text.rstrip("*")))) < MIN_PREFIX


def _date_value(token: _Token) -> DateRange | None:
    """A date: value as a range of date keys; None when it is not a date."""
    if token.kind == "word":
        bounds = _date_bounds(token.text)
        return DateRange(*bounds) if bounds else None
    if token.kind != "range":
        return None
    inner = token.text[1:-1].strip()
    parts = re.split(r"\s+[Tt][Oo]\s+|\s+[Tt][Oo]$|^[Tt][Oo]\s+", inner)
    if len(parts) != 2:
        return None
    low_text, high_text = (part.strip() for part in parts)
    low, high = _date_bounds(low_text), _date_bounds(high_text)
    if (low_text and low is None) or (high_text and high is None):
        return None
    return DateRange(low[0] if low else None, high[1] if high else None, token.text[0] == "{", token.text[-1] == "}")


def _date_bounds(text: str) -> tuple[str, str] | None:
    match = DATE_RE.match(text)
    if not match:
        return None
    year, month, day = match.groups()
    return year + (month or "00") + (day or "00"), year + (month or "99") + (day or "99")


class _Parser:
    """Recursive descent over checked tokens: the grammar is in the module docstring."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.at = 0

    def parse(self) -> Node | None:
        return _simplified(self._sequence())

    def _peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _take_operator(self, *names: str) -> str | None:
        token = self._peek()
        if token is not None and _is_operator(token) and token.text in names:
            self.at += 1
            return token.text
        return None

    def _sequence(self) -> And:
        parts: list[Node] = []
        while (token := self._peek()) is not None and token.kind != "close":
            parts.append(self._any_of())
        return And(tuple(parts))

    def _any_of(self) -> Node:
        parts = [self._all_of()]
        while self._take_operator("OR"):
            parts.append(self._all_of())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def _all_of(self) -> Node:
        parts = [self._but()]
        while self._take_operator("AND"):
            parts.append(self._but())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def _but(self) -> Node:
        node = self._unary()
        while (operator := self._take_operator("ANDNOT", "ANDMAYBE")) is not None:
            other = self._unary()
            node = And((node, Not(other))) if operator == "ANDNOT" else AndMaybe(node, other)
        return node

    def _unary(self) -> Node:
        if self._take_operator("NOT"):
            return Not(self._unary())
        return self._atom()

    def _atom(self) -> Node:
        token = self.tokens[self.at]
        self.at += 1
        if token.kind == "open":
            inner = self._sequence()
            self.at += 1  # the closing parenthesis (balanced: checked)
            return inner
        if token.kind == "field":
            value = self.tokens[self.at]
            self.at += 1
            return _leaf(token.text[:-1].lower(), value)
        return _leaf(None, token)


def _leaf(name: str | None, token: _Token) -> Node:
    if name == "date":
        found = _date_value(token)
        assert found is not None  # checked
        return found
    span = (token.start, token.end)
    if token.kind == "phrase":
        inner = token.text[1:-1]
        return Phrase(name, inner, _field_terms(name, inner, whole=True), span)
    if token.text.endswith("*"):
        stem = token.text.rstrip("*")
        return Prefix(name, stem, _prefix_of(name, stem), span)
    return Word(name, token.text, _field_terms(name, token.text, whole=False), span)


def _field_terms(name: str | None, text: str, *, whole: bool) -> tuple[str, ...]:
    """The terms of a value as the field indexes it: running text stemmed, names lower-cased, a kind
    whole, tags as comma-separated values (a quoted tag is one value), a language tag whole, any case."""
    if name is None or name in TEXT_FIELDS:
        return tuple(analyse(text))
    if name in ("publisher", "author"):
        return tuple(word.lower() for word in TOKEN_RE.findall(text))
    if name in ("kind", "lang"):  # "press release", press_release and press-release are one kind
        value = "-".join(text.lower().replace("_", " ").split())
        return (value,) if value else ()
    values = [text] if whole else text.split(",")
    return tuple(v.strip().lower() for v in values if v.strip())  # tag


def _prefix_of(name: str | None, text: str) -> str:
    return prefix_term(text) if name is None or name in TEXT_FIELDS else text.lower()


def _simplified(node: Node | None) -> Node | None:
    """The tree without parts that match nothing by themselves (stop words) and without one-child groups."""
    if node is None:
        return None
    if isinstance(node, (Word, Phrase)):
        return node if node.terms else None
    if isinstance(node, (Prefix, DateRange)):
        return node
    if isinstance(node, Not):
        child = _simplified(node.child)
        return Not(child) if child is not None else None
    if isinstance(node, AndMaybe):
        required, optional = _simplified(node.required), _simplified(node.optional)
        if required is None or optional is None:
            return required
        return AndMaybe(required, optional)
    children = tuple(c for c in map(_simplified, node.children) if c is not None)
    if not children:
        return None
    if len(children) == 1:
        return children[0]
    return type(node)(children)
