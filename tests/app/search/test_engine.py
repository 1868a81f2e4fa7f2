"""The Whoosh wrapper on small hand-made documents: query language, results, and index upkeep."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.search import engine as search_index
from app.search.engine import IndexDoc, IndexLockedError, SearchIndex, whoosh_internals
from app.search.engine import analysis as search_analysis
from app.search.engine import schema as search_schema
from app.search.engine import segments as search_segments
from app.search.engine import storage as search_storage
from app.search.engine import terms as search_terms
from tests.conftest import SEEDS_DIR

DOCS = [
    IndexDoc(
        id=1,
        title="Nagorno-Karabakh",
        body="Its antipersonnel mine stockpile consists of OZM-72, PMN-2, and POMZ-2 mines. Forces placed "
        "landmines along the line of contact.[1]",
        footnotes="[1] Lusine Musayelian, “Karabakh Enhances Defense Capabilities,” Asbarez (Stepanakert), 2013.",
        publisher="Landmine Monitor",
        kind="country-profile",
        tags=["Caucasus"],
        date="2013-11-28",
    ),
    IndexDoc(
        id=2,
        title="ICBL gravely concerned",
        body="The ICBL is deeply disturbed that the army is laying antipersonnel mines along the line of contact.",
        publisher="ICBL",
        kind="press-release",
        tags=["Caucasus", "use"],
        date="2013-09-20",
    ),
    IndexDoc(
        id=3,
        title="Press release on ongoing threats",
        body="More than 1,400 anti-personnel landmines marked E-001 M produced by Armenia were found. "
        "Demining teams mined nothing.",
        publisher="Ministry of Foreign Affairs",
        kind="press-release",
        date="2022-10-25",
    ),
    IndexDoc(
        id=4,
        title="Azerbaijan",
        body="Azerbaijan has not acceded to the Mine Ban Treaty. HALO Trust cleared minefields near Aghdam.",
        footnotes="[1] Statement of Azerbaijan, Geneva, 22 June 2021.",
        publisher="Landmine Monitor",
        kind="country-profile",
        tags=["Caucasus"],
        date="2022-09",
        notes="check the Geneva statement against the treaty report",
        annotation_tags=["to verify"],
    ),
    IndexDoc(
        id=5,
        title="Land mines in Karabakh",
        body="Soviet PMN-2 - the most common AP mine in Karabakh. School posters educate children on UXO.",
        publisher=None,
        kind="article",
        date=None,
    ),
    IndexDoc(
        id=6,
        title="Mine clearance in Cambodia",
        body="The HALO Trust and MAG released contaminated land in 2020 through technical survey.",
        publisher="HALO Trust",
        kind="report",
        tags=["clearance"],
        date="2020",
    ),
]
TEXTS = {d.id: (d.body, d.footnotes) for d in DOCS}


def build(path: Path, docs: list[IndexDoc] = DOCS) -> SearchIndex:
    index = SearchIndex.open(path, lock_timeout=0.2)
    for _ in index.clear_and_rebuild(docs, batch=2):
        pass
    return index


@pytest.fixture
def index(tmp_path: Path) -> Iterator[SearchIndex]:
    with build(tmp_path / "index") as opened:
        yield opened


def ids(index: SearchIndex, query: str, **kwargs: object) -> set[int]:
    return {hit.id for hit in index.search(query, limit=50, **kwargs).hits}  # type: ignore[arg-type]


# ------------------------------------------------------------------ query language


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("treaty", {4}),
        ("mine", {1, 2, 3, 4, 5, 6}),  # stemming: doc 2 only says "mines", doc 3 only "mined"
        ("mines", {1, 2, 3, 4, 5, 6}),
        ("mined", {1, 2, 3, 4, 5, 6}),
        ("demining", {3}),
        ('"line of contact"', {1, 2}),
        ('"contact line"', set()),
        ("halo AND trust", {4, 6}),
        ("halo trust", {4, 6}),  # implicit AND
        ("uxo OR treaty", {4, 5}),
        ("mines NOT icbl", {1, 3, 4, 5, 6}),
        ("(icbl OR halo) AND cleared", {4}),
        ("(uxo OR treaty) AND NOT azerbaijan", {5}),
        ("minef*", {4}),
        ("dem*", {3}),
        ("title:karabakh", {1, 5}),  # Nagorno-Karabakh is indexed whole and by its parts
        ("title:nagorno-karabakh", {1}),
        ("personnel", {3}),  # from anti-personnel
        ("title:mine", {5, 6}),
        ("publisher:icbl", {2}),
        ('publisher:"halo trust"', {6}),
        ("publisher:Monitor", {1, 4}),
        ("kind:press-release", {2, 3}),
        ("kind:country-profile AND geneva", {4}),
        ("tag:caucasus", {1, 2, 4}),
        ('tag:"to verify"', {4}),
        ("date:2013", {1, 2}),
        ("date:2013-09", {2}),
        ("date:2022-10-25", {3}),
        ("date:[2020 to 2022]", {3, 4, 6}),
        ("date:[2020 TO 2021]", {6}),
        ("date:[2022-01 to 2022-09]", {4}),
        ("date:[2014 to]", {3, 4, 6}),
        ("geneva", {4}),  # footnotes are searched
        ("statement", {4}),  # and annotation notes
        ("stepanakert", {1}),
    ],
)
def test_query_language(index: SearchIndex, query: str, expected: set[int]) -> None:
    result = index.search(query, limit=50)
    assert {hit.id for hit in result.hits} == expected
    assert result.total == len(expected)
    assert result.notice is None


@pytest.mark.parametrize("query", ["PMN-2", "pmn-2", "Pmn-2"])
def test_model_names_are_whole_tokens(index: SearchIndex, query: str) -> None:
    assert ids(index, query) == {1, 5}
    assert ids(index, "PMN") == set()  # the token is not split into "pmn" and "2"


def test_e001_and_ozm72(index: SearchIndex) -> None:
    assert ids(index, "E-001") == {3}
    assert ids(index, "ozm-72 OR pomz-2") == {1}


def test_short_prefix_is_refused_with_a_notice(index: SearchIndex) -> None:
    result = index.search("mi* treaty")
    assert result.notice == "Prefix 'mi*' too short: at least 3 characters before *; searched without it"
    assert {h.id for h in result.hits} == {4}
    alone = index.search("title:ka*")
    assert alone.total == 0
    assert alone.notice is not None and "too short" in alone.notice


@pytest.mark.parametrize(
    ("query", "reason", "expected"),
    [
        ('"line of contact', "Unbalanced quote", {1, 2}),
        ("(halo OR trust", "Unbalanced parenthesis", {4, 6}),  # plain words are all required
        ("halo) trust", "Unbalanced parenthesis", {4, 6}),
        ("halo trust AND", "Dangling operator 'AND'", {4, 6}),
        ("OR halo trust", "Dangling operator 'OR'", {4, 6}),
        ("halo AND OR trust", "Dangling operator", {4, 6}),
        ("halo trust NOT", "Dangling operator 'NOT'", {4, 6}),
        ("foo:halo trust", "Unknown field 'foo'", {4, 6}),
        ("title: halo trust", "Field 'title:' has no value", {4, 6}),
        ("date:yesterday halo trust", "Date 'yesterday' not understood", {4, 6}),
        ("date:[2020 to never] halo trust", "Date '[2020 to never]' not understood", {4, 6}),
        ("[halo trust", "Unbalanced bracket", {4, 6}),
    ],
)
def test_malformed_queries_are_searched_as_plain_words(
    index: SearchIndex, query: str, reason: str, expected: set[int]
) -> None:
    result = index.search(query)
    assert result.notice is not None
    assert reason in result.notice
    assert result.notice.endswith("searched as plain words")
    assert {h.id for h in result.hits} == expected  # the words themselves are still found


def test_typographic_quotes_make_a_phrase(index: SearchIndex) -> None:
    result = index.search("“line of contact”")
    assert result.notice is None
    assert {h.id for h in result.hits} == {1, 2}


def test_stopword_only_query_finds_nothing_without_error(index: SearchIndex) -> None:
    result = index.search("the of")
    assert result.total == 0 and result.hits == []
    assert index.search("   ").total == 0


# ---------------------------------------------------------------------- results


def test_did_you_mean_uses_the_index_vocabulary(index: SearchIndex) -> None:
    result = index.search("antipersonel mines")
    assert result.total == 0
    assert result.suggestion == "antipersonnel mines"
    assert index.search(result.suggestion).total == 2


def test_no_suggestion_when_every_word_matches(index: SearchIndex) -> None:
    assert index.search("antipersonnel mines").suggestion is None
    assert index.search("kind:press-release").suggestion is None


def test_facets_count_all_matches_not_only_the_page(index: SearchIndex) -> None:
    result = index.search("mines", limit=1)
    assert len(result.hits) == 1
    assert result.total == 6
    assert result.facets["kind"] == {"country-profile": 2, "press-release": 2, "article": 1, "report": 1}
    assert result.facets["publisher"] == {
        "Landmine Monitor": 2,
        "HALO Trust": 1,
        "ICBL": 1,
        "Ministry of Foreign Affairs": 1,
    }
    assert result.facets["year"] == {"2013": 2, "2022": 2, "2020": 1}
    assert result.facets["tag"] == {"Caucasus": 3, "clearance": 1, "to verify": 1, "use": 1}


def test_sort_by_date_newest_first_undated_last(index: SearchIndex) -> None:
    result = index.search("mines", sort="date", limit=10)
    assert [h.id for h in result.hits] == [3, 4, 6, 1, 2, 5]
    assert [h.date for h in result.hits] == ["2022-10-25", "2022-09", "2020", "2013-11-28", "2013-09-20", None]


def test_relevance_prefers_title_matches(index: SearchIndex) -> None:
    hits = index.search("karabakh").hits
    assert {h.id for h in hits[:2]} == {1, 5}
    assert hits[0].score >= hits[-1].score


def test_snippets_highlight_matches_from_database_text(index: SearchIndex) -> None:
    asked: list[int] = []

    def text_for(doc_id: int) -> tuple[str, str]:
        asked.append(doc_id)
        return TEXTS[doc_id]

    result = index.search("pmn-2 OR stepanakert", text_for=text_for, limit=1)
    assert result.total == 2
    assert asked == [result.hits[0].id]  # snippets only for the hits returned
    hit = index.search("stepanakert mines", text_for=text_for).hits[0]
    assert hit.id == 1
    assert 1 <= len(hit.snippets) <= 3
    assert any("<b>Stepanakert</b>" in s for s in hit.snippets)
    assert any("<b>mines</b>" in s or "<b>mine</b>" in s for s in hit.snippets)
    assert hit.matched_in == ["body", "footnotes"]


def test_snippets_escape_html_and_mark_phrase_words(tmp_path: Path) -> None:
    doc = IndexDoc(1, "t", "Tags like <script> & mines along the line of contact.", kind="article")
    with build(tmp_path / "i", [doc]) as index:
        hit = index.search('"line of contact"', text_for=lambda _id: (doc.body, "")).hits[0]
    assert "&lt;script&gt; &amp;" in hit.snippets[0]
    assert "<b>line</b> of <b>contact</b>" in hit.snippets[0]


def test_a_phrase_is_marked_where_it_stands_as_the_phrase_only(tmp_path: Path) -> None:
    body = ("The line was drawn in 1994. Mines lie along the line of contact. Contact with the army was lost. "
            "Both armies hold the Line of the Contact too.")  # fmt: skip
    doc = IndexDoc(1, "t", body, kind="article")
    with build(tmp_path / "i", [doc]) as index:
        snippet = " ".join(index.search('"line of contact"', text_for=lambda _id: (body, "")).hits[0].snippets)
        both = " ".join(index.search('"line of contact" army', text_for=lambda _id: (body, "")).hits[0].snippets)
    assert "<b>line</b> of <b>contact</b>" in snippet and "<b>Line</b> of the <b>Contact</b>" in snippet
    assert "<b>Contact</b> with" not in snippet and "The <b>line</b>" not in snippet  # lone words stay plain
    assert "<b>army</b>" in both and "<b>line</b> of <b>contact</b>" in both


def test_prefix_snippets_and_matched_fields(index: SearchIndex) -> None:
    hit = index.search("minef*", text_for=TEXTS.__getitem__).hits[0]
    assert hit.snippets == [
        "Azerbaijan has not acceded to the Mine Ban Treaty. HALO Trust cleared <b>minefields</b> near Aghdam."
    ]
    notes_hit = index.search("statement", text_for=TEXTS.__getitem__).hits[0]
    assert notes_hit.matched_in == ["footnotes", "notes"]


# ------------------------------------------------------------------------ writes


def test_upsert_replaces_and_delete_removes(index: SearchIndex) -> None:
    with index.writer() as w:
        w.upsert(IndexDoc(2, "ICBL statement", "A new text about stockpile destruction.", kind="statement"))
        w.delete(5)
    assert index.doc_count() == 5
    assert index.doc_ids() == {1, 2, 3, 4, 6}
    assert ids(index, "disturbed") == set()
    assert ids(index, "destruction") == {2}
    assert index.search("kind:statement").total == 1
    with index.writer() as w:  # the same id twice in one batch: the last one wins
        w.upsert(IndexDoc(7, "first", "alpha"))
        w.upsert(IndexDoc(7, "second", "bravo"))
    assert ids(index, "alpha") == set()
    assert ids(index, "bravo") == {7}
    assert index.doc_count() == 6


def _raw_contents(ix: object) -> tuple[object, ...]:
    """Everything a reader sees: postings, term infos, stored fields, lengths, the meta column, totals."""
    reader = ix.reader()  # type: ignore[attr-defined]
    docs = list(reader.all_doc_ids())
    names = ("title", "body", "footnotes", "notes", "publisher", "tag")
    infos = {
        term: (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(), info.max_weight(),
               info.min_id(), info.max_id())
        for term in reader.all_terms() for info in [reader.term_info(*term)]
    }  # fmt: skip
    return (
        list(reader.iter_postings()), infos, _block_statistics(reader), [reader.stored_fields(d) for d in docs],
        {n: [reader.doc_field_length(d, n) for d in docs] for n in names},
        list(reader.column_reader("meta", translate=False)), {n: reader.field_length(n) for n in names},
        reader.doc_count(),
    )  # fmt: skip


def _block_statistics(reader: object) -> list[tuple[object, ...]]:
    """Each segment's postings with the statistics of their block (what block-quality skipping reads)."""
    found = []
    for leaf, _offset in reader.leaf_readers():  # type: ignore[attr-defined]
        for term in leaf.all_terms():
            matcher = leaf.postings(*term)
            while matcher.is_active():
                found.append((term, matcher.id(), matcher.block_min_length(), matcher.block_max_length(),
                              matcher.block_max_weight()))  # fmt: skip
                matcher.next()
    return found


def _written_both_ways(docs: list[IndexDoc], path: Path, per_segment: int, deleted: tuple[str, ...]
                       ) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:  # fmt: skip
    """What readers see after the documents go in `per_segment` at a time, and again once `deleted` ids
    go and the segments merge: written by SegmentBuilder and merge(), and by SegmentWriter.add_document
    and optimize."""

    def write(fast: bool, folder: Path) -> list[tuple[object, ...]]:
        folder.mkdir()
        ix = search_storage._recreate(folder)
        for start in range(0, len(docs), per_segment):
            raw = ix.writer(procs=1, compound=False, codec=search_schema._codec())
            if fast:
                builder = search_segments.SegmentBuilder(ix.schema)
                for doc in docs[start:start + per_segment]:
                    builder.add(search_schema._fields_of(doc))
                search_storage._commit(raw, builder, None)
            else:
                for doc in docs[start:start + per_segment]:
                    raw.add_document(**search_schema._fields_of(doc))
                raw.commit(merge=False)
        assert len(ix.reader().leaf_readers()) == -(-len(docs) // per_segment)
        before = _raw_contents(ix)
        raw = ix.writer(procs=1, compound=False, codec=search_schema._codec())
        for doc_id in deleted:
            raw.delete_by_term("id", doc_id)
        if fast:
            search_storage._commit(raw, None, "all")
        else:
            raw.commit(optimize=True)
        assert len(ix.reader().leaf_readers()) == 1
        return [before, _raw_contents(ix)]

    return write(True, path / "fast"), write(False, path / "whoosh")


def test_bulk_segments_and_merges_equal_whoosh_own_writer(tmp_path: Path) -> None:
    """SegmentBuilder and merge() write what SegmentWriter.add_document and optimize would."""
    docs = [*DOCS, IndexDoc(7, "", "no title here", tags=["x"]), IndexDoc(8, "Undated", "", publisher=None)]
    fast, whoosh = _written_both_ways(docs, tmp_path, 3, ("2", "7"))
    assert fast == whoosh


def test_terms_of_many_blocks_equal_whoosh_own_writer(tmp_path: Path) -> None:
    """Terms in more documents than a block holds (128) span blocks: their postings and term infos
    (weights, lengths, first and last documents) are written as Whoosh writes them, before and after a merge."""
    words = ["mine", "clearance", "survey", "treaty", "stockpile", "victim", "assistance", "contamination"]
    docs = [
        IndexDoc(n, f"Report {n}", " ".join(words[: 1 + n % len(words)] * (1 + n % 5)) + f" area{n % 7}",
                 footnotes=f"[1] Source {n % 3}." if n % 4 else "", publisher=f"Agency {n % 5}",
                 tags=[f"t{n % 3}"], date=f"20{10 + n % 12}-0{1 + n % 9}")
        for n in range(1, 301)
    ]  # fmt: skip
    fast, whoosh = _written_both_ways(docs, tmp_path, 200, ("5", "150", "201"))
    assert fast == whoosh
    infos = fast[0][1]
    assert isinstance(infos, dict) and infos[("body", b"mine")][1] > 2 * whoosh_internals.BLOCK


def test_merge_policy_merges_a_full_tier_and_emptied_segments(tmp_path: Path) -> None:
    index = SearchIndex.open(tmp_path / "index")
    factor = search_segments.MERGE_FACTOR
    for n in range(factor + 1):
        with index.writer(merge=True) as w:
            w.upsert(IndexDoc(n + 1, f"doc {n}", f"word{n} common"))
    # the commit after the tier filled merged it: one merged segment and the new one
    assert len(index._searcher.reader().leaf_readers()) == 2
    assert ids(index, "common") == set(range(1, factor + 2))
    with index.writer(merge=True) as w:
        w.delete(3)
        w.delete(factor + 1)
    with index.writer(merge=True) as w:  # the emptied single-document segment is dropped
        w.upsert(IndexDoc(20, "later", "word20 common"))
    assert len(index._searcher.reader().leaf_readers()) == 2
    assert ids(index, "common") == set(range(1, factor + 1)) - {3} | {20}
    index.optimize()
    assert len(index._searcher.reader().leaf_readers()) == 1
    assert index.doc_ids() == set(range(1, factor + 1)) - {3} | {20}
    assert ids(index, '"common"') == index.doc_ids()


def test_analysis_given_with_a_document_equals_a_fresh_one() -> None:
    text = "Demining of PMN-2 mines near the line of contact; Nagorno-Karabakh."
    doc = IndexDoc(1, "Mine action", text, footnotes=search_index.footnotes_text([(2, "Ibid."), (1, "ICBL, 2013.")]))
    analysis = search_index.analyse_fields(title=doc.title, body=doc.body, footnotes=doc.footnotes, notes="")
    assert set(analysis) == {"title", "body", "footnotes"}  # empty texts need no terms
    assert analysis["body"] == search_index.AnalysedText(text, search_analysis._TEXT_FIELD.index(text))
    schema = search_schema._schema()
    with_analysis, fresh = search_segments.SegmentBuilder(schema), search_segments.SegmentBuilder(schema)
    with_analysis.add(search_schema._fields_of(doc), analysis)
    fresh.add(search_schema._fields_of(doc))
    assert with_analysis._postings == fresh._postings and with_analysis._lengths == fresh._lengths


def test_given_analysis_is_used_for_the_text_it_was_computed_from_only(tmp_path: Path) -> None:
    """Terms of another word stand in for the analysis, to show where it was used."""
    decoy = search_index.analyse_fields(body="zulu")["body"].terms
    index = SearchIndex.open(tmp_path / "index")
    with index.writer() as w:
        w.upsert(IndexDoc(1, "t", "alpha", analysis={"body": search_index.AnalysedText("alpha", decoy)}))
        w.upsert(IndexDoc(2, "t", "bravo, edited", analysis={"body": search_index.AnalysedText("bravo", decoy)}))
        w.upsert(IndexDoc(3, "alpha", "charlie", analysis={"body": search_index.AnalysedText("alpha", decoy)}))
    assert ids(index, "zulu") == {1}
    assert ids(index, "body:alpha") == set() and ids(index, "edited") == {2} and ids(index, "charlie") == {3}


def test_no_module_keeps_analyses_between_documents(tmp_path: Path) -> None:
    """Analyses travel with their documents: nothing global is written, nothing is looked up by text."""
    assert not hasattr(search_analysis, "remember_analysis") and not hasattr(search_analysis, "_PREANALYSED")
    assert "remember_analysis" not in search_index.__all__
    text = "A unique text about stockpile destruction in Xanadu."
    index = SearchIndex.open(tmp_path / "index")
    with index.writer() as w:
        w.upsert(IndexDoc(1, "t", text, analysis=search_index.analyse_fields(body=text)))
    modules = [module for name, module in sys.modules.items() if name.startswith("app.search.engine")]
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, dict | list | set) and not name.startswith("__"):
                assert text not in value, f"{module.__name__}.{name} holds the text"


def test_writer_is_cancelled_when_the_block_raises(index: SearchIndex) -> None:
    with pytest.raises(RuntimeError), index.writer() as w:
        w.upsert(IndexDoc(9, "lost", "zulu"))
        raise RuntimeError("boom")
    assert ids(index, "zulu") == set()
    with index.writer() as w:  # the lock was released
        w.upsert(IndexDoc(9, "kept", "zulu"))
    assert ids(index, "zulu") == {9}


def test_reopen_keeps_the_index(tmp_path: Path) -> None:
    build(tmp_path / "index").close()
    with SearchIndex.open(tmp_path / "index") as again:
        assert not again.needs_rebuild
        assert again.doc_ids() == {d.id for d in DOCS}


def test_fresh_index_needs_rebuild_until_rebuilt(tmp_path: Path) -> None:
    with SearchIndex.open(tmp_path / "index") as fresh:
        assert fresh.needs_rebuild
        assert fresh.search("mines").total == 0
        assert list(fresh.clear_and_rebuild([], batch=10)) == [0]
        assert not fresh.needs_rebuild


def test_rebuild_yields_progress(tmp_path: Path) -> None:
    with SearchIndex.open(tmp_path / "index") as index:
        assert list(index.clear_and_rebuild(DOCS, batch=4)) == [4, 6]
        assert index.doc_count() == 6


def test_interrupted_rebuild_is_redone(tmp_path: Path) -> None:
    with SearchIndex.open(tmp_path / "index") as index:
        progress = index.clear_and_rebuild(DOCS, batch=2)
        assert next(progress) == 2
        progress.close()  # the job was cancelled (or the process killed) here
    with SearchIndex.open(tmp_path / "index") as again:
        assert again.needs_rebuild
        assert again.doc_count() == 0


def test_older_schema_version_means_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(tmp_path / "index").close()
    monkeypatch.setattr(search_storage, "INDEX_SCHEMA_VERSION", search_index.INDEX_SCHEMA_VERSION + 1)
    with SearchIndex.open(tmp_path / "index") as index:
        assert index.needs_rebuild
        assert "schema version" in (index.rebuild_reason or "")
        assert index.doc_count() == 0
        for _ in index.clear_and_rebuild(DOCS):
            pass
    with SearchIndex.open(tmp_path / "index") as again:
        assert not again.needs_rebuild
        assert again.doc_count() == 6


def _truncate_postings(path: Path) -> None:
    for file in path.glob("*.pst"):
        with file.open("r+b") as fh:
            fh.truncate(file.stat().st_size // 2)


def _delete_toc(path: Path) -> None:
    for file in path.glob("*.toc"):
        file.unlink()


def _delete_a_segment_file(path: Path) -> None:
    next(path.glob("*.trm")).unlink()


def _garble_meta(path: Path) -> None:
    (path / search_index.META_FILE).write_text("{not json", encoding="utf-8")


def _empty_column(path: Path) -> None:
    for file in path.glob("*.meta.col"):
        file.write_bytes(b"")


def _grow_a_vocabulary_file(path: Path) -> None:
    """Read only by "did you mean", so only the recorded sizes can tell it changed."""
    file = next(path.glob("*.vcb"))
    file.write_bytes(file.read_bytes() + b"x")


@pytest.mark.parametrize("damage", [_truncate_postings, _delete_toc, _delete_a_segment_file, _garble_meta, _empty_column,
                                    _grow_a_vocabulary_file])
def test_corrupt_index_is_detected_and_recreated(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "index"
    build(path).close()
    damage(path)  # type: ignore[operator]
    with SearchIndex.open(path) as index:
        assert index.needs_rebuild
        assert index.rebuild_reason
        assert index.search("mines").total == 0
        for _ in index.clear_and_rebuild(DOCS):
            pass
        assert index.search("mines").total == 6
    with SearchIndex.open(path) as again:
        assert not again.needs_rebuild


@pytest.mark.parametrize("damage", [_truncate_postings, _delete_a_segment_file, _empty_column])
def test_a_helper_process_never_empties_an_unusable_index(tmp_path: Path, damage: object) -> None:
    """`recreate=False` (an import's index process) raises and leaves the files for the app to rebuild."""
    path = tmp_path / "index"
    build(path).close()
    damage(path)  # type: ignore[operator]
    files = sorted(p.name for p in path.iterdir())
    with pytest.raises(search_index.IndexUnusableError, match="needs a rebuild"):
        SearchIndex.open(path, recreate=False)
    assert sorted(p.name for p in path.iterdir()) == files
    with SearchIndex.open(path) as index:
        assert index.needs_rebuild


def test_opening_while_another_process_commits_does_not_take_the_change_for_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that vanished under the check because another writer committed (and merged) meanwhile is not
    damage: the index is checked again, never emptied."""
    path = tmp_path / "index"
    build(path).close()
    check = search_storage._problem_with
    calls: list[int] = []

    def committed_during_the_check(where: Path) -> str | None:
        calls.append(1)
        if len(calls) == 1:
            with SearchIndex.open(where) as other:  # the index process's commit and merge
                with other.writer() as w:
                    w.upsert(IndexDoc(950, "Late report", "Clearance of mines"))
                other.optimize()
            return "index file MAIN_x.trm is missing"  # as the first look saw it
        return check(where)

    monkeypatch.setattr(search_storage, "_problem_with", committed_during_the_check)
    with SearchIndex.open(path) as index:
        assert not index.needs_rebuild
        assert index.search("mines").total == 7
    assert len(calls) == 3  # the first look, the other writer's own open, the second look


def test_corruption_without_meta_record_is_caught_by_reading(tmp_path: Path) -> None:
    path = tmp_path / "index"
    build(path).close()
    meta = json.loads((path / search_index.META_FILE).read_text(encoding="utf-8"))
    meta["generation"] = -1  # as if killed between Whoosh's commit and our record: no size check
    (path / search_index.META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    for file in path.glob("*.meta.col"):
        file.write_bytes(b"\x00" * 3)
    with SearchIndex.open(path) as index:
        assert index.needs_rebuild
        assert "unreadable" in (index.rebuild_reason or "")


# ------------------------------------------------------------------------- locks


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_lock_of_a_dead_process_is_cleared(index: SearchIndex) -> None:
    from whoosh.util.filelock import FileLock

    lock = FileLock(str(index.path / search_index.WRITELOCK_FILE))
    assert lock.acquire()  # a lock the OS did not release (e.g. on a network drive)
    (index.path / search_index.PID_FILE).write_text(str(_dead_pid()), encoding="ascii")
    try:
        with index.writer() as w:
            w.upsert(IndexDoc(8, "after the crash", "yankee"))
    finally:
        lock.release()
    assert ids(index, "yankee") == {8}


def test_lock_of_a_killed_process_does_not_block(index: SearchIndex) -> None:
    script = (
        "import sys, time\n"
        "from whoosh.util.filelock import FileLock\n"
        f"lock = FileLock({str(index.path / search_index.WRITELOCK_FILE)!r})\n"
        "lock.acquire()\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        (index.path / search_index.PID_FILE).write_text(str(child.pid), encoding="ascii")
        with pytest.raises(IndexLockedError), index.writer():  # a live writer is respected
            pass
    finally:
        child.kill()
        child.wait()
    with index.writer() as w:
        w.upsert(IndexDoc(8, "after the kill", "yankee"))
    assert ids(index, "yankee") == {8}
    assert os.getpid() != child.pid


# ------------------------------------------------------------------------- seeds


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="../shared/seeds not present")
def test_seed_documents_acceptance(tmp_path: Path) -> None:
    files = sorted(SEEDS_DIR.glob("*.txt"))
    docs = [IndexDoc(i, f.stem, f.read_text(encoding="utf-8")) for i, f in enumerate(files, 1)]
    with build(tmp_path / "index", docs) as index:
        assert index.search("PMN-2").total == 3
        assert index.search('"line of contact"').total == 3
        assert index.search("antipersonel").suggestion == "antipersonnel"


def test_bulk_column_reads_equal_whooshs_own(tmp_path: Path) -> None:
    """The one-read fast paths for field lengths and the meta column return what Whoosh's readers do."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    from app.search.engine.whoosh_internals import column_bytes, column_values

    index = SearchIndex.open(tmp_path / "ix")
    with index.writer() as w:
        for i in range(1, 40):
            w.upsert(IndexDoc(id=i, title=f"Report {i}", body="mines " * i, kind="report", date="2020-01-0" + str(i % 9 + 1)))
    index.warm()
    searcher = index._fresh_searcher()
    for leaf, _ in searcher.reader().leaf_readers():
        count = leaf.doc_count_all()
        meta = leaf.column_reader("meta", translate=False)
        assert list(column_values(meta)) == list(meta)
        lengths = leaf._perdoc._cached_reader("_body_len", LENGTHS_COLUMN)
        assert list(column_bytes(lengths, count)) == list(lengths)
    index.close()


def test_searches_during_a_rebuild_say_so(tmp_path: Path) -> None:
    index = SearchIndex.open(tmp_path / "ix")  # no index yet: it must be built from the database
    assert index.needs_rebuild
    during = index.search("mines")
    assert during.total == 0 and during.notice and "being rebuilt" in during.notice
    list(index.clear_and_rebuild([IndexDoc(id=1, title="Mines", body="mines near the border")]))
    after = index.search("mines")
    assert after.total == 1 and after.notice is None
    index.close()


# ------------------------------------------------------------------ phrases and positions


def test_compact_positions_round_trip_narrow_and_wide() -> None:
    fmt = search_analysis._CompactPositions()
    for positions in ([0], [3, 7, 65535], [1, 70_000, 4_000_000]):
        value = fmt.encode(positions)
        assert fmt.decode_positions(value) == positions
        assert fmt.decode_frequency(value) == len(positions)
    assert len(fmt.encode([1, 2])) % 2 == 0 and len(fmt.encode([1, 70_000])) % 2 == 1


def test_phrase_in_a_document_longer_than_65535_words(tmp_path: Path) -> None:
    filler = " ".join(["survey"] * 70_000)
    long_doc = IndexDoc(id=1, title="Long", body=f"{filler} mine ban treaty {filler} ban mine")
    short = IndexDoc(id=2, title="Short", body="the treaty to ban a mine")
    with build(tmp_path / "index", [long_doc, short]) as index:
        assert ids(index, '"mine ban treaty"') == {1}
        assert ids(index, '"ban mine"') == {1, 2}  # "ban a mine": stop words take no position
        assert ids(index, '"survey mine"') == {1}
        assert ids(index, '"treaty ban"') == {2}
        assert ids(index, '"treaty mine"') == set()


def test_phrase_with_a_repeated_word_and_stop_words(tmp_path: Path) -> None:
    docs = [
        IndexDoc(id=1, title="a", body="mine by mine the area was cleared"),
        IndexDoc(id=2, title="b", body="mine to mine"),
        IndexDoc(id=3, title="c", body="one mine only"),
        IndexDoc(id=4, title="d", body="mine after mine"),
    ]
    with build(tmp_path / "index", docs) as index:
        assert ids(index, '"mine by mine"') == {1, 2}  # stop words take no position
        assert ids(index, '"mine mine"') == {1, 2}
        assert ids(index, '"only mine"') == set()


_WORDS = ["mine", "ban", "treaty", "survey", "clearance", "victim", "field", "report"]


@given(
    bodies=st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40), min_size=1, max_size=12),
    phrase=st.lists(st.sampled_from(_WORDS), min_size=2, max_size=3),
)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_phrase_matches_a_brute_force_check(tmp_path_factory: pytest.TempPathFactory, bodies: list[list[str]],
                                            phrase: list[str]) -> None:  # fmt: skip
    """Across several segments (batches of 3) and a deleted document, phrases find exactly the
    documents whose words hold the phrase's words in a row."""
    docs = [IndexDoc(id=n, title="t", body=" ".join(words)) for n, words in enumerate(bodies, 1)]
    wanted = search_index.analyse(" ".join(phrase))
    index = SearchIndex.open(tmp_path_factory.mktemp("idx") / "index", lock_timeout=0.2)
    with index:
        for start in range(0, len(docs), 3):
            with index.writer() as w:
                for doc in docs[start:start + 3]:
                    w.upsert(doc)
        with index.writer() as w:
            w.delete(1)
        expected = set()
        for doc in docs[1:]:
            terms = search_index.analyse(doc.body)
            if any(terms[i:i + len(wanted)] == wanted for i in range(len(terms))):
                expected.add(doc.id)
        assert ids(index, '"' + " ".join(phrase) + '"') == expected


def _reference_positions(text: str) -> dict[str, list[int]]:
    """The token-by-token definition `_token_positions` must equal."""
    import re
    from collections import defaultdict

    positions: dict[str, list[int]] = defaultdict(list)
    pos, first = -1, None
    from app.search.engine.folding import fold

    for token in re.findall(search_index.TOKEN_PATTERN, text):
        word = fold(token.lower())
        if word in search_terms.STOP_WORDS:
            if first is None:
                pos += 1
            continue
        pos += 1
        first = True
        positions[search_terms.stem(word)].append(pos)
        if "-" in word or "." in word:
            parts = re.split(r"[-.]", word)
            if all(len(part) > 1 and part.isalpha() for part in parts):
                for part in parts:
                    if part not in search_terms.STOP_WORDS:
                        positions[search_terms.stem(part)].append(pos)
    return dict(positions)


_TOKENS = st.sampled_from(["the", "of", "A", "mine", "Mines", "mined", "PMN-2", "Nagorno-Karabakh", "mine-mine",
                           "e.g", "www.icbl.org", "1.5", "to", "Ban", "treaty", "İstanbul", "ﬁeld", "—", ",", "\n",
                           "don’t", "“Mines”", "a\u00a0b", "…", "Besançon", "PMN–2"])


@given(st.lists(_TOKENS, max_size=60).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_token_positions_equal_the_token_by_token_definition(text: str) -> None:
    assert search_analysis._token_positions(text) == _reference_positions(text)


@given(st.text(alphabet=st.sampled_from(list("aZé ßİi-._1\t’ﬁ")) | st.characters(), max_size=80))
@settings(max_examples=300, deadline=None)
def test_token_positions_of_any_characters_equal_the_definition(text: str) -> None:
    """Whole texts are lowered before they are split (words lowered one by one only around İ)."""
    assert search_analysis._token_positions(text) == _reference_positions(text)


def test_token_positions_on_a_seed_sized_text() -> None:
    text = " ".join(d.body + " " + d.footnotes for d in DOCS) * 20
    assert search_analysis._token_positions(text) == _reference_positions(text)


def test_a_search_survives_segments_merged_away_by_another_process(tmp_path: Path) -> None:
    """An import's index process merges segments and deletes their files while the app searches."""
    ours = SearchIndex.open(tmp_path / "ix")
    list(ours.clear_and_rebuild(iter(DOCS)))
    with ours.writer() as w:
        w.upsert(IndexDoc(900, "Extra report", "Survey of mines"))
    expected = ours.search("mines").total
    app_side = SearchIndex.open(tmp_path / "ix")
    opened = app_side._fresh_searcher()  # opened, nothing read yet…
    other = SearchIndex.open(tmp_path / "ix")
    with other.writer() as w:  # …when the other process commits and merges everything
        w.upsert(IndexDoc(901, "More", "Another report on mines"))
    other.optimize()
    fresh = app_side._fresh_searcher
    calls = iter([lambda: opened])  # the first attempt reads the segments of before
    app_side._fresh_searcher = lambda: next(calls, fresh)()  # type: ignore[method-assign]
    result = app_side.search("mines", text_for=lambda _id: ("", ""))
    assert result.total == expected + 1
    for index in (ours, app_side, other):
        index.close()


# ------------------------------------------------------------------ Whoosh's private internals


def test_the_installed_whoosh_is_the_one_whose_internals_were_checked() -> None:
    assert whoosh_internals.installed_whoosh() == whoosh_internals.TESTED_WHOOSH


def test_another_whoosh_version_is_reported_and_the_index_left_alone(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """Under an untested Whoosh the private internals are never used: opening fails loudly (the index is
    not taken for damaged and emptied), and an index opened before fails at its first search."""
    import whoosh

    path = tmp_path / "index"
    opened = build(path)
    files = sorted(p.name for p in path.iterdir())
    monkeypatch.setattr(whoosh, "__version__", (2, 8, 0))
    monkeypatch.setattr(whoosh_internals, "_checked", False)
    with pytest.raises(whoosh_internals.WhooshVersionError, match=r"Whoosh 2\.8\.0 is installed"):
        SearchIndex.open(path)
    with pytest.raises(whoosh_internals.WhooshVersionError):
        opened.search("mines")
    opened.close()
    assert sorted(p.name for p in path.iterdir()) == files


def test_accents_are_folded_in_the_index_the_query_and_the_snippets(tmp_path: Path) -> None:
    body = "The Ağdam district and Besançon: crème brûlée for the deminers of Ñuñoa. Прикордонний край."
    doc = IndexDoc(1, "Réunion à Genève", body, kind="article")
    with build(tmp_path / "i", [doc]) as index:
        for query in ("brulee", "BRÛLÉE", "besancon", "agdam", "nunoa", "title:reunion", "title:genève", "край"):
            assert index.search(query).total == 1, query
        hit = index.search("brulee besancon", text_for=lambda _id: (body, "")).hits[0]
    assert "<b>brûlée</b>" in hit.snippets[0] and "<b>Besançon</b>" in hit.snippets[0]


def test_the_fast_analysis_folds_exactly_as_the_query_analyzer() -> None:
    from app.search.engine.analysis import _text_analyzer, _token_positions

    text = "À Ağdam, l'été: crème BRÛLÉE à Besançon — İstanbul, Straße, Ærø, Прикордонний край; ﬁnal à la"
    analyzed = [(t.text, t.pos) for t in _text_analyzer()(text, positions=True)]
    fast = sorted((term, pos) for term, positions in _token_positions(text).items() for pos in positions)
    assert sorted(analyzed) == [pair for pair in fast if "-" not in pair[0]]


def test_a_kind_as_the_library_shows_it_is_the_kind(tmp_path: Path) -> None:
    """The Kind column says "press release": typed that way (quoted), or with an underscore, it is press-release;
    a kind that does not exist gets a notice naming the kinds, instead of silently matching nothing."""
    with build(tmp_path / "i") as index:
        expected = index.search("kind:press-release").total
        assert expected == 2
        for query in ('kind:"press release"', "kind:press_release", 'kind:"Press  Release"'):
            found = index.search(query)
            assert found.total == expected and not found.notice, query
        unknown = index.search('kind:"communiqué de presse"')
        assert unknown.total == 0 and "No kind is called communiqué de presse" in (unknown.notice or "")
        assert "press-release" in unknown.notice


def test_records_written_at_once_never_take_each_others_temporary(tmp_path: Path) -> None:
    """An app's process and an import's both write the index's record after their commits (Whoosh's lock ends
    with the commit): with one shared temporary, one's replace took the other's away ("No such file")."""
    import threading

    with build(tmp_path / "i") as index:
        errors: list[BaseException] = []

        def write() -> None:
            try:
                for _ in range(200):
                    search_storage._write_meta(index.path, index._ix, state="ok")
            except BaseException as e:  # collected for the assertion
                errors.append(e)

        writers = [threading.Thread(target=write) for _ in range(4)]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join()
        assert errors == []
        assert search_storage._read_meta(index.path)["state"] == "ok"
        assert not [p.name for p in index.path.iterdir() if p.name.endswith(".tmp")]
