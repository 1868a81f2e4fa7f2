"""The reader's highlights of a search query: the words the index matched, where they stand."""

from __future__ import annotations

from app.search.highlights import find_query


def test_the_reader_marks_the_words_the_index_matches() -> None:
    text = "Mines, mined and mining; a Miner. Not minister, minimum or landmines. MINE."
    found = [text[s:e] for s, e in find_query(text, "mine")]
    assert found == ["Mines", "mined", "mining", "MINE"]  # "miner" stems to itself: the index does not match it


def test_the_reader_marks_prefixes_phrases_and_running_text_fields_only() -> None:
    text = "Antipersonnel mines in the northern belt; anti-personnel mine action. Title words. Northern roads."
    assert [text[s:e] for s, e in find_query(text, "anti*")] == ["Antipersonnel", "anti-personnel"]
    assert [text[s:e] for s, e in find_query(text, '"northern belt"')] == ["northern belt"]
    assert [text[s:e] for s, e in find_query(text, "title:words AND NOT belt")] == ["words"]
    assert [text[s:e] for s, e in find_query(text, "kind:mine tag:belt date:2013 publisher:title")] == []
    assert find_query(text, "") == [] and find_query(text, "the AND of") == []


def test_the_reader_merges_overlaps() -> None:
    text = "mine action"
    assert find_query(text, 'mine "mine action"') == [(0, 11)]
