"""Shared pieces: marker renumbering, grouping, format dispatch (the notes' reading: tests/app/annotating)."""

from __future__ import annotations

import dataclasses

import pytest

from app.export.common import all_endnotes, group_by_document, plain_quote, quote_pieces
from app.export.excerpt_model import Endnote, ExcerptSet
from app.export.files import FORMATS, SUFFIXES, ExportError, preview, render


def test_quote_markers_become_export_numbers(excerpt_set: ExcerptSet) -> None:
    first = excerpt_set.excerpts[0]
    pieces = quote_pieces(first, with_endnotes=True)
    assert pieces[1] == 1  # source marker [15] is endnote 1 of the export
    assert isinstance(pieces[0], str) and pieces[0].endswith("25 percent.”")
    assert "[15]" not in plain_quote(first, with_endnotes=True)
    assert plain_quote(first, with_endnotes=True).startswith(
        "Ilham Əliyev said"
    ) and "percent.”[1] The maps" in plain_quote(first, True)


def test_endnote_after_the_excerpt_goes_at_its_end(excerpt_set: ExcerptSet) -> None:
    second = excerpt_set.excerpts[1]  # its footnote marker [16] follows the quote
    assert quote_pieces(second, with_endnotes=True)[-1] == 2
    assert plain_quote(second, with_endnotes=True).endswith("12 km².[2]")


def test_without_footnotes_markers_of_carried_notes_are_dropped(excerpt_set: ExcerptSet) -> None:
    first = excerpt_set.excerpts[0]
    assert "percent.” The maps" in plain_quote(first, with_endnotes=False)
    assert all(isinstance(piece, str) for piece in quote_pieces(first, with_endnotes=False))


def test_markers_that_are_not_the_excerpts_footnotes_stay_as_text(excerpt_set: ExcerptSet) -> None:
    excerpt = dataclasses.replace(excerpt_set.excerpts[1], quote="A law report [2000] and a missing note [8].")
    assert plain_quote(excerpt, with_endnotes=True) == "A law report [2000] and a missing note [8].[2]"


def test_grouping_keeps_order_and_documents(excerpt_set: ExcerptSet) -> None:
    groups = group_by_document(excerpt_set.excerpts)
    assert [(document.id, [e.annotation_id for e in group]) for document, group in groups] == [(1, [11, 12]), (2, [13])]


def test_shared_endnote_is_listed_once(excerpt_set: ExcerptSet) -> None:
    shared = Endnote(number=1, original_number=15, text="x", resolved_text=None)
    twice = [dataclasses.replace(e, endnotes=[shared]) for e in excerpt_set.excerpts[:2]]
    assert [note.number for note in all_endnotes(twice)] == [1]


def test_formats_and_suffixes_agree() -> None:
    assert FORMATS == ("md", "html", "pdf", "csv", "jsonld")
    assert {fmt: SUFFIXES[fmt] for fmt in FORMATS} == {
        "md": ".md",
        "html": ".html",
        "pdf": ".pdf",
        "csv": ".csv",
        "jsonld": ".jsonld",
    }


def test_unknown_format_is_a_user_error(excerpt_set: ExcerptSet) -> None:
    with pytest.raises(ExportError, match="Unknown export format 'docx'"):
        render(excerpt_set, "docx")
    with pytest.raises(ExportError):
        preview(excerpt_set, "docx")


def test_preview_of_pdf_is_its_html_look_alike(excerpt_set: ExcerptSet) -> None:
    assert preview(excerpt_set, "pdf") == preview(excerpt_set, "html")
    assert preview(excerpt_set, "pdf").startswith("<!DOCTYPE html>")
    assert preview(excerpt_set, "md") == render(excerpt_set, "md").decode("utf-8")
    assert render(excerpt_set, "csv") == preview(excerpt_set, "csv").encode("utf-8-sig")


def test_empty_set_renders_in_every_format(excerpt_set: ExcerptSet) -> None:
    empty = dataclasses.replace(excerpt_set, excerpts=[])
    for fmt in FORMATS:
        assert render(empty, fmt)
