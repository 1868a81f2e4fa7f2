"""The benchmark's corpus generator: deterministic, genre-like, within the size bounds."""

from __future__ import annotations

import re
from pathlib import Path

from bench.generator import MAX_BYTES, MIN_BYTES, generate, generate_one, write_corpus

SAMPLE = 300


def test_same_seed_same_corpus() -> None:
    assert list(generate(40, seed=7)) == list(generate(40, seed=7))


def test_other_seed_other_corpus() -> None:
    assert list(generate(10, seed=1)) != list(generate(10, seed=2))


def test_document_depends_only_on_seed_and_number() -> None:
    """So a larger corpus starts with the smaller one, and runs of different sizes compare."""
    assert list(generate(25, seed=3))[20] == generate_one(20, seed=3)


def test_sizes_and_kinds() -> None:
    kinds: dict[str, int] = {}
    for name, text in generate(SAMPLE):
        size = len(text.encode("utf-8"))
        assert MIN_BYTES <= size <= MAX_BYTES, (name, size)
        kind = name.split("_", 1)[1].removesuffix(".txt")
        kinds[kind] = kinds.get(kind, 0) + 1
    assert set(kinds) == {"country-profile", "press-release", "article"}
    assert min(kinds.values()) > SAMPLE // 10


def test_filenames_are_unique_and_ordered() -> None:
    names = [name for name, _ in generate(50)]
    assert names == sorted(set(names))
    assert all(name.endswith(".txt") for name in names)


def test_country_profiles_have_markers_and_a_note_list() -> None:
    profiles = [text for name, text in generate(SAMPLE) if "country-profile" in name]
    saw_ibid = saw_missing = saw_url = False
    for text in profiles:
        assert re.search(r"^Last [Uu]pdated: \d{1,2} \w+ \d{4}$", text, re.M)
        notes = dict(re.findall(r"^\[(\d+)\] (.+)$", text, re.M))
        markers = {int(m) for m in re.findall(r"\S\[(\d+)\]", text)}
        assert markers, "body markers"
        assert {int(n) for n in notes} <= markers
        saw_missing |= len(notes) < len(markers)
        saw_ibid |= any(n.startswith("Ibid") for n in notes.values())
        saw_url |= any(re.search(r"(https://|www\.)\S+", n) for n in notes.values())
    assert saw_ibid and saw_missing and saw_url


def test_press_releases_and_articles_follow_the_genre() -> None:
    docs = list(generate(SAMPLE))
    releases = [t for n, t in docs if "press-release" in n]
    articles = [t for n, t in docs if "article" in n]
    assert any(re.search(r"^Press release \d{1,2} \w+ \d{4}$", t, re.M) for t in releases)
    assert any("Share this page" in t or "All rights reserved" in t for t in releases)
    assert any(re.search(r"^\[\d+\](\[\d+\])? ", t, re.M) for t in articles)  # displaced markers
    assert not any(re.search(r"^\[\d+\] [A-Z][^\n]*, \d{1,2} \w+ \d{4}\.$", t, re.M) for t in articles)


def test_vocabulary_has_the_genre_entities() -> None:
    text = "\n".join(t for _, t in generate(SAMPLE))
    for entity in ("PMN-2", "OZM-72", "POMZ-2", "TM-62", "PFM-1", "E-001", "HALO Trust", "MAG", "ICBL", "UNDP",
                   "ANAMA", "Ministry of", "antipersonnel", "line of contact"):  # fmt: skip
        assert entity in text, entity


def test_write_corpus(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus", 12, seed=5)
    assert len(paths) == 12
    assert [p.read_text(encoding="utf-8") for p in paths] == [t for _, t in generate(12, seed=5)]
