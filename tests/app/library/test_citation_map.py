"""The citation map: the archive documents one document cites, and those citing it, with their footnotes."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.archive.folder import Archive
from app.archive.paths import sample_files
from app.errors import NotFoundError
from app.importing.importer import run_import
from app.library import listing as library
from app.library.citation_map import CitationMap, LinkedDocument, citation_map
from db.models import Citation, CitationLink, Document, Footnote


def _id(archive: Archive, title: str) -> int:
    with archive.session() as s:
        found = s.scalar(select(Document.id).where(Document.title.startswith(title)))
    assert found is not None, title
    return found


def test_a_profile_cites_the_press_release_it_names(archive: Archive, corpus: Path) -> None:
    run_import(archive, [corpus])
    profile, release = _id(archive, "Freedonia"), _id(archive, "Campaign Watch")
    notes = library.document_detail(archive, profile)["footnotes"]
    linked = {f["number"]: [link["document_id"] for link in f["links"]] for f in notes if f["links"]}
    assert linked and all(targets == [release] for targets in linked.values())

    outgoing = citation_map(archive, profile)
    assert outgoing.document.id == profile and outgoing.document.title == "Freedonia"
    assert [d.id for d in outgoing.cites] == [release] and outgoing.cited_by == ()
    assert outgoing.cites[0].footnotes == tuple(sorted(linked))  # the notes the footnote panel links from

    incoming = citation_map(archive, release)
    assert incoming.cites == ()
    (citing,) = incoming.cited_by
    assert (citing.id, citing.title, citing.kind) == (profile, "Freedonia", "country-profile")
    assert citing.footnotes == outgoing.cites[0].footnotes  # the profile's note number, seen from both ends


def test_the_bundled_samples(archive: Archive) -> None:
    files = sample_files()
    if not files:
        pytest.skip("no bundled samples")
    run_import(archive, files)
    profile, release = _id(archive, "Serevia"), _id(archive, "Coalition alarmed")
    assert citation_map(archive, profile).cites == (
        LinkedDocument(release, "Coalition alarmed by reports of new mine use in northern Serevia", "2022-09-12",
                       "press-release", (8,)),
    )  # fmt: skip
    assert [d.id for d in citation_map(archive, release).cited_by] == [profile]
    lone = _id(archive, "Statement by the Republic of Lorvania")
    assert citation_map(archive, lone) == CitationMap(citation_map(archive, lone).document)
    assert citation_map(archive, lone).is_empty


def _document(title: str, date: str | None = "2020-01-01") -> Document:
    now = datetime(2024, 1, 1)
    return Document(title=title, date=date, kind="report", format="txt", sha256=hashlib.sha256(title.encode()).hexdigest(),
                    text=title, text_length=len(title), imported_at=now, updated_at=now)  # fmt: skip


def _cite(source: Document, number: int, *targets: Document) -> None:
    citation = Citation(text=f"note {number}", links=[CitationLink(target=t, score=0.9) for t in targets])
    source.footnotes.append(Footnote(number=number, text=f"note {number}", citations=[citation]))


def test_times_order_and_no_self_links(archive: Archive) -> None:
    with archive.session() as s:
        hub, a, b, c = _document("Hub"), _document("A", "2019"), _document("B", "2021-05"), _document("C", None)
        _cite(hub, 1, a, b)
        _cite(hub, 2, b)
        _cite(hub, 3, b, hub)  # a document citing itself is no link to another document
        _cite(a, 1, hub)
        _cite(c, 4, hub)
        _cite(c, 7, hub)
        s.add_all([hub, a, b, c])
        s.flush()
        ids = {d.title: d.id for d in (hub, a, b, c)}
    m = citation_map(archive, ids["Hub"])
    assert [(d.title, d.footnotes) for d in m.cites] == [("B", (1, 2, 3)), ("A", (1,))]  # most notes first
    assert [(d.title, d.footnotes) for d in m.cited_by] == [("C", (4, 7)), ("A", (1,))]
    assert m.cited_by[0].times == 2 and m.cited_by[0].date is None


def test_an_unknown_document(archive: Archive) -> None:
    with pytest.raises(NotFoundError):
        citation_map(archive, 404)
