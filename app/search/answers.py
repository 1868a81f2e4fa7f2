"""Answering a query: the index's ranked hits, their snippet texts and the annotations that matched.

The rows a page of hits needs are read with plain SQL on the archive's SQLite
connection, without SQLAlchemy's ORM: the same code serves the desktop app
and the `search` command, which answers from a process that never loads the
ORM (`app/archive/reading.py`) and so starts several times faster.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from app.search.engine import SearchIndex, SearchResult, footnotes_text, parse_query
from app.search.engine.annotation_match import AnnotationMatcher

_CHUNK = 500  # ids per statement: far below SQLite's limit on bound parameters


class Searchable(Protocol):
    """What a search needs of an archive: its index and a read connection to its database."""

    @property
    def index(self) -> SearchIndex: ...

    def rows(self) -> AbstractContextManager[sqlite3.Connection]: ...


def search(archive: Searchable, query: str, *, limit: int = 20, sort: str = "relevance") -> SearchResult:
    """Ranked hits with snippets; each hit also names the annotations whose note or tags matched."""
    parsed = parse_query(query)
    with archive.rows() as rows:
        result = archive.index.search(
            parsed, limit=limit, sort="date" if sort == "date" else "relevance",
            texts_for=lambda doc_ids: documents_texts(rows, doc_ids),
        )  # fmt: skip
        matcher = AnnotationMatcher(parsed)
        if matcher.relevant and result.hits:
            candidates = annotations_of(rows, [h.id for h in result.hits])
            for hit in result.hits:
                hit.annotation_ids = [
                    a for a, note, tags in candidates.get(hit.id, []) if matcher.satisfied(note, tags)
                ]
    return result


def documents_texts(rows: sqlite3.Connection, doc_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """(body, footnotes) of each document: the texts the snippets of a page of hits come from."""
    bodies: dict[int, str] = {}
    for chunk in _chunks(doc_ids):
        bodies.update(rows.execute(f"SELECT id, text FROM documents WHERE id IN ({_marks(chunk)})", chunk))
    notes = footnote_texts(rows, list(bodies))
    return {doc_id: (body or "", notes.get(doc_id, "")) for doc_id, body in bodies.items()}


def footnote_texts(rows: sqlite3.Connection, doc_ids: Sequence[int]) -> dict[int, str]:
    """Each document's footnotes as the index's `footnotes` field holds them; documents without notes are absent.

    The one reading of it, for the snippets here and for what the index is given (`app.search.service`)."""
    notes: dict[int, list[tuple[int, str]]] = {}
    for chunk in _chunks(doc_ids):
        for doc_id, number, text in rows.execute(
            f"SELECT document_id, number, text FROM footnotes WHERE document_id IN ({_marks(chunk)}) "
            "ORDER BY document_id, number", chunk,
        ):  # fmt: skip
            notes.setdefault(doc_id, []).append((number, text))
    return {doc_id: footnotes_text(pairs) for doc_id, pairs in notes.items()}


def annotations_of(rows: sqlite3.Connection, doc_ids: Sequence[int]) -> dict[int, list[tuple[int, str, list[str]]]]:
    """Each document's annotations in reading order, as (id, note, tag names by name)."""
    found: list[tuple[int, int, str]] = []
    for chunk in _chunks(doc_ids):
        found.extend(rows.execute(
            f"SELECT id, document_id, note FROM annotations WHERE document_id IN ({_marks(chunk)}) "
            "ORDER BY start, id", chunk,
        ))  # fmt: skip
    tags: dict[int, list[str]] = {}
    for chunk in _chunks([annotation_id for annotation_id, _doc, _note in found]):
        for annotation_id, name in rows.execute(
            "SELECT annotation_tags.annotation_id, tags.name FROM annotation_tags "
            f"JOIN tags ON tags.id = annotation_tags.tag_id WHERE annotation_tags.annotation_id IN ({_marks(chunk)}) "
            "ORDER BY tags.name", chunk,
        ):  # fmt: skip
            tags.setdefault(annotation_id, []).append(name)
    out: dict[int, list[tuple[int, str, list[str]]]] = {}
    for annotation_id, doc_id, note in found:
        out.setdefault(doc_id, []).append((annotation_id, note or "", tags.get(annotation_id, [])))
    return out


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    ids = list(ids)
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _marks(chunk: Sequence[int]) -> str:
    return ",".join("?" * len(chunk))
