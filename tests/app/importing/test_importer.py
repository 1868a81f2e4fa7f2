"""Import: new, unchanged, duplicate, updated and bad files; cancel; links in any order."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select

from app.archive.folder import Archive
from app.importing.importer import IMPORTED, UNCHANGED, import_paths, run_import
from app.library.listing import document_detail, list_documents
from db.models import CitationLink, Document, ImportRun

PROFILE = """Freedonia

Last Updated: 12 March 2021

Mine Ban Policy

Freedonia has not joined the Mine Ban Treaty.[1] The ministry confirmed new use of mines in 2020.[2]

Use

Officials denied use of PMN-2 mines near the border.[3]

[1] Statement of Freedonia, Mine Ban Treaty intersessional meetings, Geneva, 22 June 2020.

[2] “Freedonia admits laying new mines along the northern border,” Campaign Watch (Geneva), 2 February 2021, campaignwatch.example.org/news/freedonia-mines.

[3] Ibid.
"""

RELEASE = """2 February 2021

Campaign Watch is alarmed that Freedonia admits laying new mines along the northern border. The government of
Freedonia confirmed that its army laid antipersonnel mines in January.

Campaign Watch calls on Freedonia to stop laying mines and to clear the northern border.
"""

UNRELATED = """2 February 2021

Campaign Watch welcomes the completion of clearance in the southern province of Sylvania, where teams
released 40 hectares of farmland.
"""


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _outcomes(archive: Archive, paths: list[Path]) -> dict[str, str]:
    return {event.path.name: event.outcome for event in import_paths(archive, paths)}


def test_import_folder_then_reimport_is_unchanged(archive: Archive, tmp_path: Path) -> None:
    src = tmp_path / "src"
    _write(src, "profile.txt", PROFILE)
    _write(src / "nested", "release.txt", RELEASE)
    assert _outcomes(archive, [src]) == {"profile.txt": IMPORTED, "release.txt": IMPORTED}
    assert _outcomes(archive, [src]) == {"profile.txt": UNCHANGED, "release.txt": UNCHANGED}
    assert len(list_documents(archive)) == 2


def test_same_content_elsewhere_is_a_duplicate(archive: Archive, tmp_path: Path) -> None:
    first = _write(tmp_path / "a", "profile.txt", PROFILE)
    copy = tmp_path / "b" / "copy.txt"
    copy.parent.mkdir()
    shutil.copy(first, copy)
    summary = run_import(archive, [first, copy])
    assert len(summary.imported) == 1
    assert summary.duplicates == [(copy.resolve(), summary.imported[0])]


def test_changed_file_updates_in_place(archive: Archive, tmp_path: Path) -> None:
    path = _write(tmp_path, "profile.txt", PROFILE)
    (doc_id,) = run_import(archive, [path]).imported
    path.write_text(PROFILE.replace("Freedonia has not joined", "Freedonia has still not joined"), encoding="utf-8")
    summary = run_import(archive, [path])
    assert summary.updated == [doc_id]
    detail = document_detail(archive, doc_id)
    assert "still not joined" in _text(archive, doc_id)
    assert [f["number"] for f in detail["footnotes"]] == [1, 2, 3]
    with archive.session() as s:
        assert s.scalar(select(func.count(Document.id))) == 1


def _text(archive: Archive, doc_id: int) -> str:
    with archive.session() as s:
        return s.scalar(select(Document.text).where(Document.id == doc_id)) or ""


def test_bad_files_are_reported_and_the_rest_imports(archive: Archive, tmp_path: Path) -> None:
    src = tmp_path / "src"
    _write(src, "good.txt", PROFILE)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (src / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> garbage")
    missing = tmp_path / "does-not-exist.txt"
    summary = run_import(archive, [src, missing])
    assert len(summary.imported) == 1
    failed = {p.name: reason for p, reason in summary.failed}
    assert set(failed) == {"empty.txt", "binary.txt", "broken.pdf", "does-not-exist.txt"}
    assert all(reason and "\n" not in reason for reason in failed.values())
    with archive.session() as s:
        run = s.execute(select(ImportRun)).scalar_one()
        assert (run.imported, run.failed) == (1, 4)


def test_cancel_keeps_what_was_imported(archive: Archive, tmp_path: Path) -> None:
    src = tmp_path / "src"
    for i in range(5):
        _write(src, f"r{i}.txt", RELEASE.replace("January", f"January (item {i})"))
    gen = import_paths(archive, [src])
    first = next(gen)
    assert first.outcome == IMPORTED
    gen.close()
    assert len(list_documents(archive)) == 1  # the first batch holds one file; a cancel keeps its batch only
    with archive.session() as s:
        run = s.execute(select(ImportRun)).scalar_one()
        assert run.cancelled and run.imported == 1 and run.finished_at is not None


def _link_targets(archive: Archive, doc_id: int) -> dict[int, list[int]]:
    detail = document_detail(archive, doc_id)
    return {f["number"]: [link["document_id"] for link in f["links"]] for f in detail["footnotes"]}


def test_links_do_not_depend_on_import_order(tmp_path: Path) -> None:
    profile = _write(tmp_path / "src", "profile.txt", PROFILE)
    release = _write(tmp_path / "src", "release.txt", RELEASE)
    decoy = _write(tmp_path / "src", "decoy.txt", UNRELATED)
    for order in ([profile, release, decoy], [release, decoy, profile], [decoy, profile, release]):
        folder = tmp_path / f"archive-{order[0].stem}"
        with Archive.open(folder) as archive:
            ids = {p.name: run_import(archive, [p]).imported[0] for p in order}
            links = _link_targets(archive, ids["profile.txt"])
            assert links[2] == [ids["release.txt"]], order
            assert links[3] == [ids["release.txt"]], order  # "Ibid." cites what footnote 2 cites
            assert links[1] == []
            assert _link_targets(archive, ids["release.txt"]) == {}


def test_removing_target_removes_links(archive: Archive, tmp_path: Path) -> None:
    src = tmp_path / "src"
    summary = run_import(archive, [_write(src, "profile.txt", PROFILE), _write(src, "release.txt", RELEASE)])
    with archive.session() as s:
        assert s.scalar(select(func.count(CitationLink.id))) == 2  # footnote 2 and its Ibid, footnote 3
        s.delete(s.get(Document, summary.imported[1]))
    with archive.session() as s:
        assert s.scalar(select(func.count(CitationLink.id))) == 0



def test_month_only_dates_link_once(archive: Archive, tmp_path: Path) -> None:
    """A document dated only by month is a candidate once, not once per key."""
    release = RELEASE.replace("2 February 2021", "February 2021")
    profile = PROFILE.replace("2 February 2021, campaignwatch", "February 2021, campaignwatch")
    summary = run_import(archive, [_write(tmp_path, "release.txt", release), _write(tmp_path, "profile.txt", profile)])
    assert not summary.failed
    links = _link_targets(archive, summary.imported[1])
    assert links[2] == [summary.imported[0]]


def test_a_folders_word_files_are_named_in_the_summary_with_a_reason(archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "folder"
    src.mkdir()
    (src / "profile.txt").write_text(PROFILE, encoding="utf-8")
    (src / "minutes.doc").write_bytes(b"\xd0\xcf\x11\xe0 not read")
    (src / "notes.docx").write_bytes(b"PK\x03\x04 broken")
    (src / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    summary = run_import(archive, [src])
    assert len(summary.imported) == 1
    failed = {p.name: reason for p, reason in summary.failed}
    assert failed["minutes.doc"] == ".doc is not read: a legacy Word file (Word 97-2003): save it as .docx and import that"
    assert failed["notes.docx"].startswith("broken DOCX file: not a zip package")
    assert len(failed) == 2


def test_paths_are_resolved_as_path_resolve_would(tmp_path: Path) -> None:
    from app.importing.importer import resolved_paths

    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "a.txt").write_text("a", encoding="utf-8")
    (real / "sub" / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "linked").symlink_to(real)  # a linked folder
    (real / "c.txt").symlink_to(real / "sub" / "b.txt")  # a linked file
    (real / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    paths = [tmp_path / "linked" / "a.txt", tmp_path / "linked" / "sub" / "b.txt", real / "c.txt",
             real / "broken.txt", real / "gone.txt", Path("relative.txt"), real / "sub" / ".." / "a.txt"]  # fmt: skip
    expected = [p.resolve() if p.exists() else p.absolute() for p in paths]
    assert resolved_paths(paths) == expected
