"""The benchmark's yardstick: the same texts in a plain SQLite FTS5 table.

Porter/unicode61 tokenizer, bm25 ranking, snippet() for highlights: what a
careful developer would get from SQLite alone. Dossier's figures are printed
as ratios against this, measured in the same run on the same machine.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path


class Fts5Baseline:
    def __init__(self, db_path: Path) -> None:
        self.db = sqlite3.connect(db_path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(title, body, tokenize='porter unicode61')"
        )

    def import_files(self, paths: Iterable[Path], batch: int = 500) -> tuple[int, float]:
        """Read and index every file, committing per batch; returns (docs, seconds)."""
        start = time.perf_counter()
        count = 0
        rows: list[tuple[str, str]] = []
        for path in paths:
            text = path.read_text(encoding="utf-8", errors="replace")
            title = text.lstrip().split("\n", 1)[0][:200]
            rows.append((title, text))
            count += 1
            if len(rows) >= batch:
                self._flush(rows)
        self._flush(rows)
        return count, time.perf_counter() - start

    def _flush(self, rows: list[tuple[str, str]]) -> None:
        if rows:
            with self.db:
                self.db.executemany("INSERT INTO docs(title, body) VALUES (?, ?)", rows)
            rows.clear()

    def search(self, query: str, limit: int = 20) -> tuple[int, list[tuple[int, str]]]:
        """Total matches and the top hits with a snippet, as a search screen needs them."""
        try:
            total = self.db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (query,)).fetchone()[0]
            hits = self.db.execute(
                "SELECT rowid, snippet(docs, 1, '<b>', '</b>', ' … ', 24) FROM docs WHERE docs MATCH ? "
                "ORDER BY bm25(docs, 3.0, 1.0) LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError:
            return 0, []
        return total, hits

    def close(self) -> None:
        self.db.close()
