"""Tag operations are single transactions that keep links unique and the index in step."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.annotating import annotations
from app.archive.folder import Archive
from app.errors import DossierError, NotFoundError
from app.importing.importer import import_paths
from app.library import tags
from app.search import service as search


@pytest.fixture
def docs(archive: Archive, corpus: Path) -> list[int]:
    return sorted({e.document_id for e in import_paths(archive, [corpus]) if e.document_id is not None})


def _names(archive: Archive) -> dict[str, tuple[int, int]]:
    return {t.name: (t.documents, t.annotations) for t in tags.list_tags(archive)}


def test_names_are_normalised_and_case_insensitive(archive: Archive, docs: list[int]) -> None:
    assert tags.normalise_name("  country / Azerbaijan  ") == "country/Azerbaijan"
    assert tags.normalise_name("topic//mine  maps/") == "topic/mine maps"
    for bad in ("", " / ", "a,b", "x" * 201):
        with pytest.raises(DossierError):
            tags.normalise_name(bad)
    tags.tag_documents(archive, [docs[0]], ["Country/Freedonia"])
    assert tags.tag_documents(archive, [docs[0]], ["country/freedonia"]) == 0  # same tag, no duplicate link
    assert _names(archive) == {"Country/Freedonia": (1, 0)}


def test_tag_unknown_document_is_an_error_and_changes_nothing(archive: Archive, docs: list[int]) -> None:
    with pytest.raises(NotFoundError):
        tags.tag_documents(archive, [docs[0], 999], ["x"])
    assert _names(archive) == {}


def test_merge_two_tags_both_on_one_item(archive: Archive, docs: list[int]) -> None:
    tags.tag_documents(archive, docs, ["maps"])
    tags.tag_documents(archive, [docs[0]], ["mine-maps"])
    a = annotations.create_from_quote(archive, docs[0], "PMN-2", tag_names=["maps", "mine-maps"])
    change = tags.merge(archive, "maps", "mine-maps")
    assert (change.documents, change.annotations) == (2, 1)
    assert _names(archive) == {"mine-maps": (2, 1)}
    assert annotations.get(archive, a.id).tags == ("mine-maps",)
    assert search.search(archive, "tag:mine-maps").total == 2
    assert search.search(archive, "tag:maps").total == 0
    with pytest.raises(DossierError, match="into itself"):
        tags.merge(archive, "mine-maps", "Mine-Maps")


def test_rename_takes_descendants_and_refuses_clashes(archive: Archive, docs: list[int]) -> None:
    tags.tag_documents(archive, [docs[0]], ["country/Freedonia", "country"])
    tags.tag_documents(archive, [docs[1]], ["place"])
    with pytest.raises(DossierError, match="merge"):
        tags.rename(archive, "country", "place")
    change = tags.rename(archive, "country", "region")
    assert change.renamed == 2
    assert set(_names(archive)) == {"region", "region/Freedonia", "place"}
    assert search.search(archive, "tag:region/Freedonia").total == 1
    assert search.search(archive, "tag:country").total == 0
    tags.rename(archive, "region", "Region")  # a change of case is allowed
    assert "Region/Freedonia" in _names(archive)


def test_delete_reports_how_many_items_lose_it(archive: Archive, docs: list[int]) -> None:
    tags.tag_documents(archive, docs, ["doomed"])
    annotations.create_from_quote(archive, docs[0], "PMN-2", tag_names=["doomed"])
    assert tags.usage(archive, "doomed").documents == 2
    change = tags.delete_tag(archive, "doomed")
    assert (change.documents, change.annotations) == (2, 1)
    assert _names(archive) == {}
    assert search.search(archive, "tag:doomed").total == 0
    with pytest.raises(NotFoundError):
        tags.delete_tag(archive, "doomed")


def test_untag_and_colour(archive: Archive, docs: list[int]) -> None:
    tags.tag_documents(archive, [docs[0]], ["a", "b"])
    assert tags.untag_documents(archive, [docs[0]], ["a"]) == 1
    tags.set_color(archive, "b", "#ff8800")
    assert [(t.name, t.color) for t in tags.list_tags(archive)] == [("a", None), ("b", "#ff8800")]
    with pytest.raises(DossierError, match="#rrggbb"):
        tags.set_color(archive, "b", "orange")


def test_front_matter_tags_are_applied_and_never_removed_on_reimport(archive: Archive, tmp_path: Path) -> None:
    src = tmp_path / "md"
    src.mkdir()
    note = src / "note.md"
    note.write_text("---\ntitle: A note\ntags: [country/Serevia, new use]\n---\n\nMines were found.\n", "utf-8")
    doc = next(e.document_id for e in import_paths(archive, [src]))
    assert set(_names(archive)) == {"country/Serevia", "new use"}
    tags.tag_documents(archive, [doc], ["mine"])
    note.write_text("---\ntitle: A note\ntags: [other]\n---\n\nMines were found again.\n", "utf-8")
    list(import_paths(archive, [src]))
    assert _names(archive) == {"country/Serevia": (1, 0), "new use": (1, 0), "mine": (1, 0), "other": (1, 0)}


def test_rename_usage_counts_items_once_before_the_rename(archive: Archive, docs: list[int]) -> None:
    tags.tag_documents(archive, docs[:2], ["country/Freedonia", "country/Ruritania"])
    tags.tag_documents(archive, [docs[0]], ["countryside"])  # not below "country"
    annotations.create_from_quote(archive, docs[0], "PMN-2", tag_names=["country/Freedonia", "country/Ruritania"])
    usage = tags.rename_usage(archive, "country")  # a level, not a tag itself
    assert (usage.documents, usage.annotations, usage.renamed) == (2, 1, 2)
    change = tags.rename(archive, "country", "place")
    assert (change.documents, change.annotations, change.renamed) == (2, 1, 2)  # what was announced
    with pytest.raises(NotFoundError):
        tags.rename_usage(archive, "country")
