"""Whether an annotation's note and tags satisfy a query: the index finds documents, this says which
of their annotations matched.

The query tree is evaluated over one annotation with the index's analysis: running-text and
`notes:` parts against the note's terms, `tag:` parts against its tags (a tag also matches its
sub-tags). Parts about the document itself (title, body, footnotes, publisher, kind, date) say
nothing about an annotation and are left out of the verdict.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.search.engine.query import And, AndMaybe, DateRange, Node, Not, Or, Phrase, Prefix, Query, Word
from app.search.engine.terms import analyse

_NOTE_FIELDS = (None, "notes")


class AnnotationMatcher:
    def __init__(self, parsed: Query) -> None:
        self._root = parsed.root
        self._positive = [leaf for leaf in parsed.leaves() if _about_annotations(leaf)]

    @property
    def relevant(self) -> bool:
        """Whether the query asks anything of annotations at all."""
        return bool(self._positive)

    def satisfied(self, note: str, tags: Iterable[str], *, require_all: bool = False) -> bool:
        """`require_all`: the query holds for the annotation; otherwise any of its wanted parts does."""
        seen = _Annotation(note, tags)
        if require_all:
            return self._root is not None and _verdict(self._root, seen) is True
        return any(_leaf_holds(leaf, seen) for leaf in self._positive)


class _Annotation:
    def __init__(self, note: str, tags: Iterable[str]) -> None:
        self.terms = analyse(note)
        self.term_set = set(self.terms)
        self.tags = [t.casefold() for t in tags]


def _about_annotations(leaf: Word | Phrase | Prefix | DateRange) -> bool:
    return not isinstance(leaf, DateRange) and (leaf.field in _NOTE_FIELDS or leaf.field == "tag")


def _verdict(node: Node, seen: _Annotation) -> bool | None:
    """True or False, or None when the part says nothing about annotations."""
    if isinstance(node, (And, Or)):
        verdicts = [v for v in (_verdict(c, seen) for c in node.children) if v is not None]
        if not verdicts:
            return None
        return all(verdicts) if isinstance(node, And) else any(verdicts)
    if isinstance(node, Not):
        inner = _verdict(node.child, seen)
        return None if inner is None else not inner
    if isinstance(node, AndMaybe):
        return _verdict(node.required, seen)
    return _leaf_holds(node, seen) if _about_annotations(node) else None


def _leaf_holds(leaf: Word | Phrase | Prefix | DateRange, seen: _Annotation) -> bool:
    if isinstance(leaf, DateRange):
        return False
    if leaf.field == "tag":
        if isinstance(leaf, Prefix):
            return any(tag.startswith(leaf.term) for tag in seen.tags)
        return all(any(tag == v or tag.startswith(v + "/") for tag in seen.tags) for v in leaf.terms)
    if isinstance(leaf, Prefix):
        return any(term.startswith(leaf.term) for term in seen.term_set)
    if isinstance(leaf, Phrase) and len(leaf.terms) > 1:
        size = len(leaf.terms)
        return any(tuple(seen.terms[i:i + size]) == leaf.terms for i in range(len(seen.terms) - size + 1))
    return all(term in seen.term_set for term in leaf.terms)
