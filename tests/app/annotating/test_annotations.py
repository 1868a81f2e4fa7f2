"""Annotation services on a real archive: create, edit, delete/restore, search, re-import, removal."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.annotating import annotations
from app.archive.folder import Archive
from app.errors import DossierError, NotFoundError
from app.importing.importer import import_paths
from app.library import removal, tags
from app.search import service as search
from tests.app.importing.test_importer import PROFILE


def _import(archive: Archive, folder: Path) -> dict[str, int]:
    ids: dict[str, int] = {}
    gen = import_paths(archive, [folder])
    for event in gen:
        if event.document_id is not None:
            ids[event.path.name] = event.document_id
    return ids


@pytest.fixture
def docs(archive: Archive, corpus: Path) -> dict[str, int]:
    return _import(archive, corpus)


def test_create_from_quote_stores_position_quote_and_context(archive: Archive, docs: dict[str, int]) -> None:
    made = annotations.create_from_quote(archive, docs["profile.txt"], "PMN-2 mines near the border",
                                         note="Denial, **not** evidence", tag_names=["topic/denials"], color="pink")
    text = archive_text(archive, docs["profile.txt"])
    assert text[made.start:made.end] == "PMN-2 mines near the border"
    assert made.prefix == text[max(0, made.start - 32):made.start]
    assert made.suffix == text[made.end:made.end + 32]
    assert made.tags == ("topic/denials",) and made.color == "pink" and not made.orphaned
    assert annotations.get(archive, made.id) == made


def archive_text(archive: Archive, doc_id: int) -> str:
    from app.library.listing import document_text

    return document_text(archive, doc_id)


def test_quote_errors_are_clear(archive: Archive, docs: dict[str, int]) -> None:
    with pytest.raises(DossierError, match="does not occur"):
        annotations.create_from_quote(archive, docs["profile.txt"], "no such words anywhere")
    with pytest.raises(DossierError, match="occurs 2 time"):
        annotations.create_from_quote(archive, docs["profile.txt"], "mines", occurrence=3)
    with pytest.raises(DossierError, match="colour must be one of"):
        annotations.create_from_quote(archive, docs["profile.txt"], "PMN-2", color="black")
    with pytest.raises(NotFoundError):
        annotations.create(archive, 999, 0, 5)
    with pytest.raises(DossierError, match="outside"):
        annotations.create(archive, docs["profile.txt"], 0, 10**6)


def test_second_occurrence_and_span_trimming(archive: Archive, docs: dict[str, int]) -> None:
    text = archive_text(archive, docs["profile.txt"])
    second = annotations.create_from_quote(archive, docs["profile.txt"], "mines", occurrence=2)
    assert second.start == text.index("mines", text.index("mines") + 1)
    start = text.index("Officials")
    padded = annotations.create(archive, docs["profile.txt"], start - 2, start + len("Officials") + 1)
    assert padded.quote == "Officials"


def test_edit_and_delete_then_restore(archive: Archive, docs: dict[str, int]) -> None:
    a = annotations.create_from_quote(archive, docs["profile.txt"], "PMN-2", tag_names=["a", "b"])
    edited = annotations.edit(archive, a.id, note="new note", color="blue", add_tags=["c"], remove_tags=["A"])
    assert edited.note == "new note" and edited.color == "blue" and edited.tags == ("b", "c")
    replaced = annotations.edit(archive, a.id, tag_names=["z"])
    assert replaced.tags == ("z",)
    gone = annotations.delete(archive, a.id)
    with pytest.raises(NotFoundError):
        annotations.get(archive, a.id)
    back = annotations.restore(archive, gone)
    assert back == gone


def test_notes_and_annotation_tags_are_searchable(archive: Archive, docs: dict[str, int]) -> None:
    profile = docs["profile.txt"]
    a = annotations.create_from_quote(archive, profile, "PMN-2", note="Check against the stockpile destruction",
                                      tag_names=["country/Freedonia"])
    result = search.search(archive, "stockpile")
    assert [h.id for h in result.hits] == [profile]
    assert "notes" in result.hits[0].matched_in and result.hits[0].annotation_ids == [a.id]
    by_tag = search.search(archive, "tag:country/Freedonia")
    assert [h.id for h in by_tag.hits] == [profile]
    by_parent = search.search(archive, "tag:country")
    assert [h.id for h in by_parent.hits] == [profile]
    annotations.edit(archive, a.id, note="something else entirely")
    assert search.search(archive, "stockpile").total == 0
    annotations.delete(archive, a.id)
    assert search.search(archive, "tag:country").total == 0


def test_document_tags_are_searchable_and_faceted(archive: Archive, docs: dict[str, int]) -> None:
    tags.tag_documents(archive, [docs["release.txt"]], ["country/Freedonia"])
    result = search.search(archive, "tag:country/Freedonia")
    assert [h.id for h in result.hits] == [docs["release.txt"]]
    assert result.facets["tag"] == {"country/Freedonia": 1}
    assert result.hits[0].annotation_ids == []


def test_reimport_of_an_edited_file_reanchors(archive: Archive, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    path = src / "profile.txt"
    path.write_text(PROFILE, encoding="utf-8")
    doc = _import(archive, src)["profile.txt"]
    kept = annotations.create_from_quote(archive, doc, "Officials denied use of PMN-2 mines near the border")
    lost = annotations.create_from_quote(archive, doc, "The ministry confirmed new use of mines in 2020.")
    edited = PROFILE.replace("Mine Ban Policy\n", "Mine Ban Policy\n\nAn added opening paragraph shifts the text.\n")
    edited = edited.replace("The ministry confirmed new use of mines in 2020.", "")
    path.write_text(edited, encoding="utf-8")
    assert _import(archive, src)["profile.txt"] == doc
    text = archive_text(archive, doc)
    moved = annotations.get(archive, kept.id)
    assert not moved.orphaned and moved.start != kept.start
    assert text[moved.start:moved.end] == "Officials denied use of PMN-2 mines near the border"
    orphan = annotations.get(archive, lost.id)
    assert orphan.orphaned and orphan.quote == lost.quote
    assert [a.id for a in annotations.list_annotations(archive, annotations.AnnotationFilter(orphaned=True))] == [
        lost.id
    ]
    fixed = annotations.reattach(archive, lost.id, moved.start, moved.end)
    assert not fixed.orphaned and fixed.quote == moved.quote


def test_removing_a_document_with_annotations_needs_consent(archive: Archive, docs: dict[str, int]) -> None:
    annotations.create_from_quote(archive, docs["profile.txt"], "PMN-2")
    with pytest.raises(removal.HasAnnotationsError, match="1 annotation"):
        removal.remove_documents(archive, [docs["profile.txt"]])
    assert len(annotations.list_annotations(archive)) == 1
    report = removal.remove_documents(archive, [docs["profile.txt"]], with_annotations=True)
    assert (report.documents, report.annotations) == (1, 1)
    assert annotations.list_annotations(archive) == []
    assert search.search(archive, "PMN-2").total == 0
    plain = removal.remove_documents(archive, [docs["release.txt"]])
    assert plain.annotations == 0


def test_list_filters(archive: Archive, docs: dict[str, int]) -> None:
    p, r = docs["profile.txt"], docs["release.txt"]
    a = annotations.create_from_quote(archive, p, "PMN-2", tag_names=["country/Freedonia"], color="green")
    b = annotations.create_from_quote(archive, r, "antipersonnel mines", note="January use")
    flt = annotations.AnnotationFilter
    assert [x.id for x in annotations.list_annotations(archive, flt(tag="country"))] == [a.id]
    assert [x.id for x in annotations.list_annotations(archive, flt(color="green"))] == [a.id]
    assert [x.id for x in annotations.list_annotations(archive, flt(text="january"))] == [b.id]
    assert [x.id for x in annotations.list_annotations(archive, flt(document_ids=[r]))] == [b.id]
    assert [x.id for x in annotations.list_annotations(archive)] == sorted([a.id, b.id], key=lambda i: (
        p if i == a.id else r))
