"""The query model: one parse of what was typed, used by the index, snippets, the reader and the
annotation matcher alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from whoosh.analysis import STOP_WORDS as WHOOSH_STOP_WORDS

from app.search.engine import IndexDoc, SearchIndex
from app.search.engine.annotation_match import AnnotationMatcher
from app.search.engine.query import And, AndMaybe, DateRange, Not, Or, Phrase, Prefix, Word, parse_query
from app.search.engine.terms import STOP_WORDS
from app.search.highlights import find_query


def shape(text: str) -> str:
    """The tree as a short string: words by their text, fields as field:, phrases quoted."""
    def show(node: object) -> str:
        if isinstance(node, Word):
            return (f"{node.field}:" if node.field else "") + node.text
        if isinstance(node, Phrase):
            return (f"{node.field}:" if node.field else "") + f'"{node.text}"'
        if isinstance(node, Prefix):
            return (f"{node.field}:" if node.field else "") + node.term + "*"
        if isinstance(node, DateRange):
            return f"date[{node.low}..{node.high}]"
        if isinstance(node, Not):
            return f"NOT {show(node.child)}"
        if isinstance(node, AndMaybe):
            return f"({show(node.required)} MAYBE {show(node.optional)})"
        if isinstance(node, (And, Or)):
            joiner = " & " if isinstance(node, And) else " | "
            return "(" + joiner.join(show(c) for c in node.children) + ")"
        return "-"
    return show(parse_query(text).root)


@pytest.mark.parametrize(("typed", "expected"), [
    ("mines clearance", "(mines & clearance)"),
    ("mines OR survey clearance", "((mines | survey) & clearance)"),
    ("mines survey OR clearance", "(mines & (survey | clearance))"),
    ("mines AND survey OR clearance", "((mines & survey) | clearance)"),
    ("mines OR survey AND clearance", "(mines | (survey & clearance))"),
    ("NOT mines survey", "(NOT mines & survey)"),
    ("mines ANDNOT survey clearance", "((mines & NOT survey) & clearance)"),
    ("mines ANDMAYBE survey", "(mines MAYBE survey)"),
    ("(mines OR survey) NOT cluster", "((mines | survey) & NOT cluster)"),
    ("the mines of", "mines"),  # stop words match nothing by themselves
    ("NOT the", "-"),
    ('title:"line of contact" tag:Country/AZ', '(title:"line of contact" & tag:Country/AZ)'),
    ("demining* kind:press-release", "(demin* & kind:press-release)"),
    ("date:2013-09", "date[20130900..20130999]"),
    ("date:[2020 TO]", "date[20200000..None]"),
])  # fmt: skip
def test_operators_bind_as_documented(typed: str, expected: str) -> None:
    assert shape(typed) == expected


@pytest.mark.parametrize(("typed", "notice"), [
    ('"unclosed phrase', "Unbalanced quote"),
    ("(mines OR survey", "Unbalanced parenthesis"),
    ("colour:red mines", "Unknown field 'colour'"),
    ("date:yesterday mines", "Date 'yesterday' not understood"),
    ("title:[a TO c]", "Ranges work on date: only"),
    ("mines OR", "Dangling operator 'OR'"),
    ("title: mines", "Field 'title:' has no value"),
])  # fmt: skip
def test_a_malformed_query_is_searched_as_its_plain_words_and_said(typed: str, notice: str) -> None:
    parsed = parse_query(typed)
    assert parsed.plain and any(notice in n and n.endswith("searched as plain words") for n in parsed.notices)
    words = [leaf.text for leaf in parsed.leaves()]
    assert "mines" in words or words == ["c"] or words == ["unclosed", "phrase"]  # "a" is a stop word
    assert "yesterday" not in words  # an unreadable date is not a word the user meant to find


def test_short_prefixes_are_left_out_with_their_operator() -> None:
    parsed = parse_query("brulee OR cr* OR mines")
    assert shape("brulee OR cr* OR mines") == "(brulee | mines)"
    assert not parsed.plain and "Prefix 'cr*' too short" in parsed.notices[0]


def test_fields_are_analysed_as_the_index_analyses_them() -> None:
    leaves = list(parse_query('Brûlées publisher:"HALO Trust" kind:Press-Release tag:"Mine Action" x\'s').leaves())
    assert [leaf.terms for leaf in leaves] == [("brule",), ("halo", "trust"), ("press-release",),  # type: ignore[union-attr]
                                               ("mine action",), ("x", "s")]  # fmt: skip


def test_the_stop_words_are_whooshs() -> None:
    assert frozenset(WHOOSH_STOP_WORDS) == STOP_WORDS


def test_spans_point_into_the_typed_text() -> None:
    parsed = parse_query('mines "line of contact" title:treaty')
    assert [parsed.text[a:b] for a, b in (leaf.span for leaf in parsed.leaves())] == [  # type: ignore[union-attr]
        "mines", '"line of contact"', "treaty"]  # fmt: skip


BODY = ("Landmines were laid along the line of contact. Mines near the contact line were cleared by demining "
        "teams; the line was mined again. Réfugiés crossed the treaty line.")  # fmt: skip


@pytest.mark.parametrize("query", [
    "mines", '"line of contact"', '"contact line" mines', "demin*", "line NOT ban", "refugie*",
    "mined OR cleared", "contact ANDMAYBE teams",
])  # fmt: skip
def test_the_reader_marks_exactly_what_the_snippets_mark(tmp_path: Path, query: str) -> None:
    """Snippets (from the index's search) and the reader's highlights read the same tree with the same
    analysis, so they mark the same words."""
    with SearchIndex.open(tmp_path / "index") as index:
        with index.writer() as writer:
            writer.upsert(IndexDoc(id=1, title="Report", body=BODY))
        result = index.search(query, text_for=lambda _id: (BODY, ""))
    assert result.hits, query
    in_snippets = re.findall(r"<b>(.*?)</b>", " ".join(result.hits[0].snippets))
    in_reader = [BODY[a:b] for a, b in find_query(BODY, query)]
    def words(marked: list[str]) -> list[str]:  # a phrase is one span in the reader, a word each in snippets
        return [w for w in " ".join(marked).split() if w.lower() not in STOP_WORDS]

    assert words(in_reader) == words(in_snippets)


def test_annotations_are_matched_by_the_same_tree() -> None:
    note = "Mines cleared near the line of contact"
    tags = ["country/Azerbaijan", "survey"]

    def holds(query: str, *, require_all: bool = True) -> bool:
        return AnnotationMatcher(parse_query(query)).satisfied(note, tags, require_all=require_all)

    assert holds("mine") and holds("mined AND clear*") and holds('"line of contact"')
    assert not holds('"contact line"') and not holds("mines NOT cleared") and holds("mines NOT treaty")
    assert holds("tag:country") and holds("tag:survey mines") and not holds("tag:country/armenia")
    assert holds("mines title:anything kind:report date:2013")  # document parts say nothing of annotations
    assert not holds("treaty OR ban") and holds("treaty OR mines")
    assert holds("treaty mines", require_all=False) and not holds("treaty", require_all=False)
    assert not AnnotationMatcher(parse_query("title:mines kind:report")).relevant


def test_did_you_mean_offers_the_word_the_archive_writes(tmp_path: Path) -> None:
    texts = {1: "The Government of Ruvenia governs the survey; governments elsewhere do not.",
             2: "Landmines and other landmine types were found."}  # fmt: skip
    with SearchIndex.open(tmp_path / "index") as index:
        with index.writer() as writer:
            for doc_id, body in texts.items():
                writer.upsert(IndexDoc(id=doc_id, title="Report", body=body))
        def suggest(query: str) -> str | None:
            return index.search(query, texts_for=lambda ids: {i: (texts[i], "") for i in ids}).suggestion

        assert suggest("goverment") == "government"  # not the stem "govern"
        assert suggest("Landmimes") == "Landmines"  # the typed capital is kept
        assert suggest("landmines") is None
