"""Acceptance on ../shared/seeds (skipped when absent): the facts BRIEF.md states, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.archive.folder import Archive
from app.importing.importer import run_import
from app.library.listing import document_detail

pytestmark = pytest.mark.seeds


def _seed(seeds_dir: Path, prefix: str) -> Path:
    return next(seeds_dir.glob(f"{prefix}_*"))


def _import_in_order(folder: Path, paths: list[Path]) -> tuple[Archive, dict[str, int]]:
    archive = Archive.open(folder)
    ids = {}
    for p in paths:
        summary = run_import(archive, [p])
        assert not summary.failed, summary.failed
        ids[p.name[:3]] = summary.imported[0]
    return archive, ids


@pytest.mark.parametrize("release_first", [True, False])
def test_profile_footnote_3_links_press_release(seeds_dir: Path, tmp_path: Path, release_first: bool) -> None:
    profile, release = _seed(seeds_dir, "001"), _seed(seeds_dir, "000")
    order = [release, profile] if release_first else [profile, release]
    archive, ids = _import_in_order(tmp_path / "a", order)
    with archive:
        detail = document_detail(archive, ids["001"])
        notes = {f["number"]: f for f in detail["footnotes"]}
        assert [link["document_id"] for link in notes[3]["links"]] == [ids["000"]]
        assert notes[1]["links"] == [] and notes[2]["links"] == []
        assert any(
            c["url"] == "https://asbarez.com/112014/karabakh-enhances-defense-capabilities/"
            for c in notes[2]["citations"]
        )


def test_all_seeds_facts(seeds_dir: Path, tmp_path: Path) -> None:
    archive, ids = _import_in_order(tmp_path / "a", sorted(seeds_dir.glob("*.txt")))
    with archive:
        d4 = document_detail(archive, ids["004"])
        assert d4["missing_footnotes"] == [3, 8, 9, 14]
        assert next(f for f in d4["footnotes"] if f["number"] == 12)["ibid_of"] == 11
        d3 = document_detail(archive, ids["003"])
        assert d3["date"] == "2022-10-25"
        text3 = archive.engine.raw_connection().execute(
            "SELECT text FROM documents WHERE id = ?", (ids["003"],)
        ).fetchone()[0]
        for boilerplate in ("news banner image", "Share this page", "All rights reserved", "Privacy Policy"):
            assert boilerplate not in text3
        # nothing links to itself, and only 001 -> 000 links among the seeds
        links = []
        for prefix, doc_id in ids.items():
            for f in document_detail(archive, doc_id)["footnotes"]:
                links += [(prefix, f["number"], link["document_id"]) for link in f["links"]]
        assert links == [("001", 3, ids["000"])]
