"""The library's facets: values of a group OR, groups AND, each group counted without its own choice.

Tags count documents tagged themselves or through an annotation, as the search index does, so
the Browse panel shows the same counts whether its numbers come from a search or from the library.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import event

from app.annotating import annotations
from app.archive.folder import Archive
from app.archive.paths import sample_files
from app.importing.importer import run_import
from app.library import listing as library
from app.library.listing import DocumentFilter
from app.search import service as search

EVERYTHING = "NOT zzqxv"  # a query that matches every document


def _ids_of_kind(archive: Archive, kind: str) -> list[int]:
    return [row.id for row in library.list_documents(archive, flt=DocumentFilter(kind=kind))]


def _annotate(archive: Archive, doc_id: int, tags: list[str], at: int = 0) -> None:
    assert len(library.document_text(archive, doc_id)) > at + 30
    annotations.create(archive, doc_id, at, at + 30, tag_names=tags)


@pytest.fixture
def samples(archive: Archive) -> Archive:
    """The bundled samples (two press releases tagged "press release" and "Serevia"), plus annotation tags:
    the statement gets "press release" and "casualties/2023" through annotations, twice for the latter;
    a press release gets "Serevia", which it already carries."""
    files = sample_files()
    if not files:
        pytest.skip("no bundled samples")
    assert not run_import(archive, files).failed
    (statement,) = _ids_of_kind(archive, "statement")
    _annotate(archive, statement, ["press release", "casualties/2023"])
    _annotate(archive, statement, ["casualties/2023"], at=40)
    _annotate(archive, _ids_of_kind(archive, "press-release")[0], ["Serevia"])
    return archive


def test_annotation_tags_are_counted_without_a_query(samples: Archive) -> None:
    tags = library.facet_counts(samples)["tag"]
    assert tags["casualties/2023"] == 1  # two annotations, one document
    assert tags["press release"] == 3  # two press releases tagged, the statement through its annotation
    assert tags["Serevia"] == 2  # tagged and annotated with it: still one document


def test_counts_agree_with_the_search_index(samples: Archive) -> None:
    everything = search.search(samples, EVERYTHING)
    assert everything.total == library.count_documents(samples)
    assert library.facet_counts(samples) == everything.facets
    for query in ("mine*", 'tag:"press release"', "tag:casualties", "kind:statement OR kind:report", "Serevia"):
        result = search.search(samples, query)
        assert result.total, query
        assert library.facet_counts(samples, DocumentFilter(ids=result.match_ids)) == result.facets, query


FILTERS = [
    DocumentFilter(),
    DocumentFilter(kind={"press-release", "statement"}),
    DocumentFilter(kind={"press-release", "statement"}, year={"2023"}),
    DocumentFilter(year={"2022", "2023"}, tag={"press release"}),
    DocumentFilter(tag={"casualties", "Mine Ban Treaty"}),
    DocumentFilter(publisher={"Landmine Monitor", "Field Survey Group"}, kind={"report"}),
]


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_counts_are_the_same_with_a_query_that_matches_everything(samples: Archive, flt: DocumentFilter) -> None:
    everything = search.search(samples, EVERYTHING).match_ids
    with_query = replace(flt, ids=everything)
    assert library.facet_counts(samples, with_query) == library.facet_counts(samples, flt)
    assert library.count_documents(samples, with_query) == library.count_documents(samples, flt)


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_checking_one_more_value_adds_its_count(samples: Archive, flt: DocumentFilter) -> None:
    """A value's count is what checking it (alone in its group) would show."""
    for group, counts in library.facet_counts(samples, flt).items():
        for value, n in counts.items():
            assert library.count_documents(samples, replace(flt, **{group: frozenset({value})})) == n, (group, value)


def test_values_of_a_group_or_and_groups_and(samples: Archive) -> None:
    assert library.count_documents(samples, DocumentFilter(kind="press-release")) == 2
    assert library.count_documents(samples, DocumentFilter(kind={"press-release", "statement"})) == 3
    assert library.count_documents(samples, DocumentFilter(kind={"press-release", "statement"}, year="2023")) == 1
    assert library.count_documents(samples, DocumentFilter(tag={"casualties", "Mine Ban Treaty"})) == 2


def test_a_group_is_counted_without_its_own_choice(samples: Archive) -> None:
    everything = library.facet_counts(samples)
    releases = library.facet_counts(samples, DocumentFilter(kind="press-release"))
    assert releases["kind"] == everything["kind"]  # statements are still there to be added
    assert releases["year"] == {"2022": 2}  # the other groups count press releases only
    both = library.facet_counts(samples, DocumentFilter(kind={"press-release", "statement"}, year="2022"))
    assert both["kind"] == {"press-release": 2, "country-profile": 1}  # every kind of 2022
    assert both["year"] == {"2022": 2, "2023": 1}  # years of press releases and statements


def test_tag_filter_takes_annotation_tags_and_levels(samples: Archive) -> None:
    (statement,) = _ids_of_kind(samples, "statement")
    for tag in ("casualties", "casualties/2023", "/casualties/"):
        assert [r.id for r in library.list_documents(samples, flt=DocumentFilter(tag=tag))] == [statement]
    assert library.count_documents(samples, DocumentFilter(tag="press release")) == 3


def test_a_group_given_as_one_string_is_one_value() -> None:
    assert DocumentFilter(kind="report") == DocumentFilter(kind=frozenset({"report"}))
    assert DocumentFilter(tag=["a", "", "b"]).tag == frozenset({"a", "b"})  # type: ignore[arg-type]
    assert DocumentFilter(year=None).is_empty()  # type: ignore[arg-type]
    assert not DocumentFilter(ids=frozenset()).is_empty()  # a search that matched nothing still filters
    assert DocumentFilter(kind="report", year="2023").without("kind") == DocumentFilter(year="2023")


def test_counting_takes_two_statements_whatever_is_chosen(samples: Archive) -> None:
    """Counts come from GROUP BY in the database, never from a statement per value or per document."""
    statements: list[str] = []

    def record(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(samples.engine, "before_cursor_execute", record)
    try:
        flt = DocumentFilter(kind={"press-release", "statement"}, publisher={"Landmine Monitor"}, year={"2022"},
                             tag={"press release", "casualties"}, ids=frozenset(range(1, 100)))
        library.facet_counts(samples, flt)
    finally:
        event.remove(samples.engine, "before_cursor_execute", record)
    assert len(statements) == 2
