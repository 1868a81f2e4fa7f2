"""`check` finds each kind of damage made for real, `repair` fixes it, and a second check is clean."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.archive import integrity
from app.archive.folder import DB_NAME, Archive
from app.search import service as search
from app.search.engine import IndexDoc
from db.models import Annotation, Citation, CitationLink, Document
from tests.app.conftest import annotate_corpus
from tests.app.test_cli import run


@pytest.fixture
def filled(archive_dir: Path, corpus: Path) -> Path:
    """An archive of two linked documents with one annotation, closed again."""
    annotate_corpus(archive_dir, corpus, note="key claim")
    return archive_dir


@pytest.fixture
def opened(filled: Path) -> Iterator[Archive]:
    with Archive.open(filled) as archive:
        yield archive


def _raw(archive_dir: Path, sql: str, params: tuple[object, ...] = ()) -> None:
    """Change the database behind the app's back, with foreign keys off."""
    conn = sqlite3.connect(archive_dir / DB_NAME)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def _repair_and_recheck(archive: Archive, report: integrity.IntegrityReport) -> list[str]:
    messages = [p.message for p in integrity.repair(archive, report) if p.message]
    after = integrity.check(archive)
    assert after.ok, after.to_json()
    return messages


def _doc_ids(archive: Archive) -> list[int]:
    with archive.session() as s:
        return list(s.scalars(select(Document.id).order_by(Document.id)))


def test_clean_archive_is_ok(opened: Archive) -> None:
    report = integrity.check(opened)
    assert report.ok, report.to_json()
    assert report.counts["documents"] == report.counts["indexed"] == 2
    assert integrity.check(opened, quick=True).ok


def test_document_missing_from_index(opened: Archive) -> None:
    doc = _doc_ids(opened)[0]
    with opened.index.writer() as w:
        w.delete(doc)
    report = integrity.check(opened, quick=True)
    assert [(p.kind, p.ids) for p in report.problems] == [("index-missing", (doc,))]
    _repair_and_recheck(opened, report)
    assert doc in opened.index.doc_ids()


def test_queued_document_is_pending_not_missing(opened: Archive) -> None:
    doc = _doc_ids(opened)[0]
    with opened.index.writer() as w:
        w.delete(doc)
    with opened.session() as s:
        s.execute(text("INSERT INTO index_queue (document_id, queued_at) VALUES (:d, :t)"),
                  {"d": doc, "t": datetime.now(UTC).replace(tzinfo=None)})  # fmt: skip
    report = integrity.check(opened)
    assert report.ok and report.counts["pending"] == 1


def test_ghost_id_in_index(opened: Archive) -> None:
    with opened.index.writer() as w:
        w.upsert(IndexDoc(id=9999, title="Ghost", body="a document that is not in the database"))
    report = integrity.check(opened)
    assert [(p.kind, p.ids) for p in report.problems] == [("index-extra", (9999,))]
    _repair_and_recheck(opened, report)
    assert 9999 not in opened.index.doc_ids()


def test_title_changed_behind_the_index(filled: Path) -> None:
    _raw(filled, "UPDATE documents SET title = 'Renamed behind the back' WHERE title = 'Freedonia'")
    with Archive.open(filled) as archive:
        report = integrity.check(archive)
        assert [p.kind for p in report.problems] == ["index-stale"]
        _repair_and_recheck(archive, report)
        assert search.search(archive, "title:renamed").total == 1


def test_text_changed_behind_the_index(filled: Path) -> None:
    later = datetime.now(UTC).replace(tzinfo=None)
    _raw(filled, "UPDATE documents SET text = text || ' Zanzibarite.', updated_at = ? WHERE title = 'Freedonia'",
         (later.isoformat(sep=" "),))  # fmt: skip
    with Archive.open(filled) as archive:
        report = integrity.check(archive)
        assert [p.kind for p in report.problems] == ["index-stale"]
        _repair_and_recheck(archive, report)
        assert search.search(archive, "zanzibarite").total == 1


def test_annotation_span_moved_is_reanchored(filled: Path) -> None:
    _raw(filled, "UPDATE annotations SET start = start + 3, \"end\" = \"end\" + 3")
    with Archive.open(filled) as archive:
        report = integrity.check(archive)
        assert [p.kind for p in report.problems] == ["annotation-mismatch"]
        _repair_and_recheck(archive, report)
        with archive.session() as s:
            a = s.scalars(select(Annotation)).one()
            body = s.scalar(select(Document.text).where(Document.id == a.document_id))
        assert not a.orphaned and body[a.start:a.end] == a.quote == "new use of mines"


def test_annotation_whose_quote_is_gone_is_orphaned_not_moved(filled: Path) -> None:
    _raw(filled, "UPDATE annotations SET quote = 'qwertyuiop asdfghjkl zxcvbnm'")
    with Archive.open(filled) as archive:
        report = integrity.check(archive)
        assert [p.kind for p in report.problems] == ["annotation-mismatch"]
        messages = _repair_and_recheck(archive, report)
        assert any("orphaned 1" in m for m in messages)
        with archive.session() as s:
            a = s.scalars(select(Annotation)).one()
        assert a.orphaned and a.quote == "qwertyuiop asdfghjkl zxcvbnm"


def test_dangling_citation_link(filled: Path) -> None:
    with Archive.open(filled) as archive, archive.session() as s:
        citation = s.scalars(select(Citation.id)).first()
    _raw(filled, "INSERT INTO citation_links (citation_id, target_document_id, score) VALUES (?, 9999, 0.9)",
         (citation,))  # fmt: skip
    with Archive.open(filled) as archive:
        report = integrity.check(archive)
        assert [p.kind for p in report.problems] == ["dangling-link"]
        _repair_and_recheck(archive, report)
        with archive.session() as s:
            assert s.scalar(select(CitationLink.id).where(CitationLink.target_document_id == 9999)) is None


def test_orphaned_derived_rows_are_removed(filled: Path) -> None:
    _raw(filled, "INSERT INTO sections (document_id, title, level, start) VALUES (9999, 'Lost', 1, 0)")
    with Archive.open(filled) as archive:
        assert integrity.check(archive, quick=True).ok  # page-level and foreign-key checks are the full check's
        report = integrity.check(archive)
        assert [(p.kind, p.table, p.repairable) for p in report.problems] == [("foreign-key", "sections", True)]
        _repair_and_recheck(archive, report)


def _damage_index(folder: Path, how: str) -> None:
    index_dir = folder / "index"
    if how == "truncate":
        segment = max(index_dir.glob("*.pst"), key=lambda p: p.stat().st_size)
        segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 2])
    else:
        for toc in index_dir.glob("*.toc"):
            toc.unlink()


@pytest.mark.parametrize("how", ["truncate", "no-toc"])
def test_damaged_index_is_detected_and_rebuilt(filled: Path, how: str) -> None:
    _damage_index(filled, how)
    with Archive.open(filled) as archive:
        report = integrity.check(archive, quick=True)
        assert [p.kind for p in report.problems] == ["index-unusable"]
        messages = _repair_and_recheck(archive, report)
        assert any("rebuilt the search index (2 documents)" in m for m in messages)
        assert search.search(archive, "mines").total == 2


def test_cli_check_exit_codes_and_json(filled: Path) -> None:
    code, out, _ = run("check", "--archive", str(filled))
    assert code == 0 and "consistent" in out
    code, out, _ = run("check", "--archive", str(filled), "--json")
    payload = json.loads(out)
    assert code == 0 and payload["ok"] is True and payload["problems"] == []
    assert set(payload["counts"]) >= {"documents", "indexed", "pending", "annotations"}

    _raw(filled, "UPDATE annotations SET start = start + 3, \"end\" = \"end\" + 3")
    _damage_index(filled, "no-toc")
    code, out, _ = run("check", "--archive", str(filled))
    assert code == 1 and "index-unusable" in out and "annotation-mismatch" in out and "--repair" in out
    code, out, _ = run("check", "--archive", str(filled), "--repair", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["ok"] is True
    assert {p["kind"] for p in payload["found"]} == {"index-unusable", "annotation-mismatch"}
    assert all(not r["failed"] for r in payload["repaired"]) and len(payload["repaired"]) == 2
    assert run("check", "--archive", str(filled))[0] == 0


def test_cli_check_reports_what_repair_cannot_fix(filled: Path) -> None:
    _raw(filled, "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (9999, 9999)")
    code, out, _ = run("check", "--archive", str(filled), "--repair")
    assert code == 1
    assert "not repaired" in out and "annotation_tags" in out


def test_open_time_work_on_a_new_empty_archive(tmp_path: Path) -> None:
    """What the app runs when it opens an archive must also work before anything is imported."""
    from app.archive.folder import Archive

    with Archive.open(tmp_path / "new") as fresh:
        list(integrity.on_open(fresh))
        assert fresh.index.doc_count() == 0
