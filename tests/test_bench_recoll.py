"""The side-by-side benchmark with Recoll: its import without an index, its ratios, and a whole run where
Recoll is installed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generator import write_corpus
from bench.recoll import ROOT, main, recoll_missing, report


def test_the_import_without_index_stores_everything_and_leaves_it_queued(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 6)
    archive = tmp_path / "archive"
    subprocess.run([sys.executable, "-m", "bench.recoll", "--import-without-index", str(archive), str(corpus)],
                   cwd=ROOT, check=True, stdin=subprocess.DEVNULL)  # fmt: skip
    with sqlite3.connect(archive / "archive.sqlite3") as db:
        documents = {row[0] for row in db.execute("SELECT id FROM documents")}
        queued = {row[0] for row in db.execute("SELECT document_id FROM index_queue")}
    assert len(documents) == 6 and queued == documents  # the next open indexes them, as after a crash


def test_ratios_are_throughput_for_imports_and_time_for_searches() -> None:
    result = report(
        {"recoll": [(4.0, 6.0), (5.0, 6.5), (4.5, 6.2)], "dossier": [(9.0, 12.0), (8.0, 11.0), (10.0, 13.0)]},
        {"mines": {"recoll": 0.08, "dossier": 0.2}},
    )
    assert result["import"] == {
        "recoll": {"wall_s": 4.5, "cpu_s": 6.2, "throughput_vs_recoll": 1.0},
        "dossier": {"wall_s": 9.0, "cpu_s": 12.0, "throughput_vs_recoll": 0.5},
    }
    assert result["search"] == {"mines": {"recollq_s": 0.08, "dossier_s": 0.2, "times_recollq": 2.5}}


def test_without_recoll_it_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    monkeypatch.setenv("PATH", str(tmp_path))
    assert recoll_missing() is not None
    assert main([str(tmp_path)]) == 2
    assert "recollcmd" in capsys.readouterr().err


@pytest.mark.skipif(recoll_missing() is not None, reason="Recoll's command-line tools are not installed")
def test_a_whole_run_against_recoll(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 20)
    out = tmp_path / "figures.json"
    assert main([str(corpus), "--runs", "1", "--searches", "1", "--query", "mines", "--json", str(out)]) == 0
    figures = out.read_text(encoding="utf-8")
    assert '"dossier_without_index"' in figures and '"times_recollq"' in figures
