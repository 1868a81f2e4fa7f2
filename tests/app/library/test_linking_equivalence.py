"""The linker's shortcuts change nothing: its links are `score` applied to every citation/document pair.

Relinking keeps candidates across calls, scores citations with the same facts
once and stops fuzzy matching early (app/library/linking.py). On a generated corpus
the links it makes while importing, and after metadata edits and a changed
file, must be exactly those of the plain scorer: same pairs, same scores.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.archive.folder import Archive
from app.importing.importer import run_import
from app.library.linking import (
    HEAD_CHARS,
    LINK_THRESHOLD,
    CandidateFacts,
    CitationFacts,
    _Cited,
    date_score,
    relink_document,
    score,
)
from app.library.metadata import edit_metadata
from bench.generator import write_corpus
from db.models import Document

Link = tuple[int, int, float]  # citation id, target document id, score


def _made(archive: Archive) -> set[Link]:
    with archive.engine.connect() as conn:
        return {(c, d, s) for c, d, s in conn.execute(
            text("SELECT citation_id, target_document_id, score FROM citation_links"))}


def _expected(archive: Archive) -> set[Link]:
    """Every pair scored with `score`: what the links must be, whatever the order of import."""
    with archive.engine.connect() as conn:
        documents = [
            (doc_id, CandidateFacts(date=date, title=title, publisher=publisher, head=head or ""))
            for doc_id, date, title, publisher, head in conn.execute(text(
                f"SELECT id, date, title, publisher, substr(text, 1, {HEAD_CHARS}) FROM documents"))
        ]
        citations = conn.execute(text(
            "SELECT c.id, f.document_id, c.date, c.title, c.publisher, c.author, c.text"
            " FROM citations c JOIN footnotes f ON f.id = c.footnote_id")).all()
    links: set[Link] = set()
    for citation_id, citing, date, title, publisher, author, cited_text in citations:
        facts = CitationFacts(date=date, title=title, publisher=publisher, author=author, text=cited_text)
        for doc_id, candidate in documents:
            if doc_id != citing and date_score(date, candidate.date) > 0:
                value = score(facts, candidate)
                if value >= LINK_THRESHOLD:
                    links.add((citation_id, doc_id, value))
    return links


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("linking") / "corpus"
    write_corpus(folder, 600, seed=11)
    return folder


@pytest.fixture(scope="module")
def imported(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive of the corpus, imported once (closed: copy it to change it)."""
    folder = tmp_path_factory.mktemp("linking") / "archive"
    with Archive.open(folder) as archive:
        assert not run_import(archive, [corpus]).failed
    return folder


def test_links_made_while_importing_are_those_of_score(imported: Path) -> None:
    with Archive.open(imported) as archive:
        expected = _expected(archive)
        assert len(expected) >= 100  # enough links to mean something
        assert _made(archive) == expected


def test_links_after_edits_and_a_changed_file_are_those_of_score(
    imported: Path, corpus: Path, tmp_path: Path
) -> None:
    shutil.copytree(imported, tmp_path / "archive")
    with Archive.open(tmp_path / "archive") as archive:
        with archive.session() as session:  # relinking everything again also fills the linker's cache
            for doc_id in session.scalars(select(Document.id)):
                relink_document(session, doc_id)
        assert _made(archive) == _expected(archive)
        with archive.engine.connect() as conn:
            targets = [row[0] for row in conn.execute(text(
                "SELECT target_document_id FROM citation_links GROUP BY 1 ORDER BY count(*) DESC LIMIT 3"))]
            dated = conn.execute(text(
                "SELECT id, date FROM documents WHERE length(date) = 10 ORDER BY id LIMIT 2")).all()
        # kept candidates must follow the edits
        edit_metadata(archive, targets[0], title="Something else entirely")
        edit_metadata(archive, targets[1], publisher="Nobody at all")
        edit_metadata(archive, targets[2], date=dated[0][1])
        edit_metadata(archive, dated[1][0], date=dated[1][1][:7])
        changed = sorted(corpus.iterdir())[5]
        edited_copy = tmp_path / "changed" / changed.name
        edited_copy.parent.mkdir()
        edited_copy.write_text(changed.read_text(encoding="utf-8").replace("the", "a"), encoding="utf-8")
        run_import(archive, [edited_copy])  # a new document; its opening differs from the original's
        assert _made(archive) == _expected(archive)


def test_prepared_scoring_gives_the_scores_of_score(imported: Path) -> None:
    """Pair by pair, without a threshold too: the fuzzy match's early stop loses nothing."""
    with Archive.open(imported) as archive, archive.engine.connect() as conn:
        documents = [
            CandidateFacts(date=date, title=title, publisher=publisher, head=head or "")
            for date, title, publisher, head in conn.execute(text(
                f"SELECT date, title, publisher, substr(text, 1, {HEAD_CHARS}) FROM documents"))
        ]
        citations = [CitationFacts(*row) for row in conn.execute(text(
            "SELECT date, title, publisher, author, text FROM citations"))]
    pairs = 0
    for facts in citations:
        cited = _Cited(facts)
        for candidate in documents:
            if date_score(facts.date, candidate.date) > 0:
                pairs += 1
                expected = score(facts, candidate)
                assert cited.score_if(candidate, 0.0) == expected
                linked = cited.score_if(candidate, LINK_THRESHOLD)
                assert linked == expected if expected >= LINK_THRESHOLD else linked < LINK_THRESHOLD
    assert pairs > 1000
