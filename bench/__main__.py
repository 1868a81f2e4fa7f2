"""`python -m bench [--docs N] [--corpus DIR] [--json FILE]`: Dossier against SQLite FTS5.

Builds a fresh archive through the real import pipeline (read, parse,
database, index), then measures search latency over a fixed query mix with
snippets, the time to open the archive and answer a first search in a new
process, the cost of one metadata edit until it is searchable, and peak
memory of a process that opens and searches the archive. The same texts go
through a plain FTS5 table in the same run; every figure is printed with the
baseline's and the ratio, because the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.baseline import Fts5Baseline
from bench.generator import write_corpus
from bench.queries import QUERY_MIX
from bench.startup import measure_startup

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 2

PROBE = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from pathlib import Path
from app.archive.folder import Archive
from app.search import service as search
from bench.queries import QUERY_MIX
archive = Archive.open(Path(sys.argv[1]), create=False)
list(search.bring_up_to_date(archive))
first = search.search(archive, "mines", limit=20)
t_first = time.perf_counter() - t0
for _ in range(2):
    for _cat, q, _fts in QUERY_MIX:
        search.search(archive, q, limit=20)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
try:  # this process's own peak: ru_maxrss also counts the parent's memory when the child was vforked
    with open("/proc/self/status") as status:
        rss = next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    pass
print(json.dumps({"open_first_search_s": t_first, "peak_rss_mb": rss, "first_total": first.total}))
"""


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _corpus_files(folder: Path) -> list[Path]:
    from app.readers import iter_candidate_files

    return list(iter_candidate_files([folder]))


def measure(files: list[Path], work: Path, *, no_gui: bool = False) -> dict[str, Any]:
    from app.archive.folder import Archive
    from app.importing.importer import import_paths
    from app.library.metadata import edit_metadata
    from app.search import service as search

    megabytes = sum(f.stat().st_size for f in files) / 1e6
    results: dict[str, Any] = {"docs": len(files), "corpus_mb": round(megabytes, 1)}

    # --- Dossier import, end to end
    archive_dir = work / "archive"
    archive = Archive.open(archive_dir)
    start = time.perf_counter()
    gen = import_paths(archive, files)
    failed = 0
    for event in gen:
        failed += event.outcome == "failed"
        if event.done % 1000 == 0:
            print(f"  imported {event.done}/{event.total}", file=sys.stderr, flush=True)
    import_s = time.perf_counter() - start
    results.update(
        import_s=round(import_s, 2), import_docs_per_s=round(len(files) / import_s, 1),
        import_mb_per_s=round(megabytes / import_s, 2), import_failed=failed,
        index_mb=round(_dir_size(archive.index_dir) / 1e6, 1),
        database_mb=round((archive_dir / "archive.sqlite3").stat().st_size / 1e6, 1),
    )

    # --- search latency over the mix, snippets for the top 20; the index is warmed first, as the
    # desktop app does in the background when it opens an archive (columns, lengths, numpy loaded)
    archive.index.warm()
    latencies: list[float] = []
    per_query: dict[str, float] = {}
    for _ in range(ROUNDS):
        for _cat, q, _fts in QUERY_MIX:
            t = time.perf_counter()
            search.search(archive, q, limit=20)
            elapsed = (time.perf_counter() - t) * 1000
            latencies.append(elapsed)
            per_query[q] = max(per_query.get(q, 0.0), elapsed)
    results.update(
        search_p50_ms=round(statistics.median(latencies), 1), search_p95_ms=round(_percentile(latencies, 95), 1),
        search_max_ms=round(max(latencies), 1), slowest_queries=sorted(per_query.items(), key=lambda kv: -kv[1])[:5],
        # each query's first run alone (no posting list of its terms read yet): the cold figure
        search_first_round_p50_ms=round(statistics.median(latencies[:len(QUERY_MIX)]), 1),
        search_first_round_p95_ms=round(_percentile(latencies[:len(QUERY_MIX)], 95), 1),
    )

    # --- one metadata edit until searchable
    target = 1
    t = time.perf_counter()
    edit_metadata(archive, target, title="Zzyzxbenchmarkedit report")
    found = search.search(archive, "title:Zzyzxbenchmarkedit", limit=1)
    results["update_searchable_s"] = round(time.perf_counter() - t, 3)
    results["update_found"] = found.total == 1
    archive.close()

    # --- open + first search, and peak memory, in a fresh process
    probe = subprocess.run(
        [sys.executable, "-c", PROBE, str(archive_dir)], capture_output=True, text=True, cwd=ROOT, check=True,
    )
    results.update(json.loads(probe.stdout.strip().splitlines()[-1]))

    # --- the desktop app: `python main.py --archive DIR` to the first painted window and first search shown
    if not no_gui:
        startup = measure_startup(archive_dir, query="antipersonnel mines")
        results.update(app_first_paint_s=round(startup["startup_paint_s"], 3),
                       app_bare_window_paint_s=round(startup["bare_window_paint_s"], 3),
                       app_main_window_paint_s=round(startup["main_window_paint_s"], 3),
                       app_first_search_shown_s=round(startup["first_search_shown_s"], 3))

    # --- FTS5 baseline on the same files
    baseline = Fts5Baseline(work / "fts5.sqlite3")
    count, seconds = baseline.import_files(files)
    base_lat: list[float] = []
    for _ in range(ROUNDS):
        for _cat, _q, fts in QUERY_MIX:
            t = time.perf_counter()
            baseline.search(fts, limit=20)
            base_lat.append((time.perf_counter() - t) * 1000)
    baseline.close()
    results.update(
        baseline_import_docs_per_s=round(count / seconds, 1),
        baseline_search_p50_ms=round(statistics.median(base_lat), 2),
        baseline_search_p95_ms=round(_percentile(base_lat, 95), 2),
        baseline_search_max_ms=round(max(base_lat), 2),
        baseline_db_mb=round((work / "fts5.sqlite3").stat().st_size / 1e6, 1),
    )
    return results


def report(r: dict[str, Any]) -> str:
    def row(name: str, ours: float, base: float | None, unit: str) -> str:
        ratio = f"{ours / base:8.2f}x" if base else "         "
        base_text = f"{base:10.2f}" if base is not None else " " * 10
        return f"{name:28} {ours:10.2f} {base_text} {ratio}  {unit}"

    lines = [
        f"Dossier benchmark: {r['docs']} documents, {r['corpus_mb']} MB",
        f"{'':28} {'dossier':>10} {'fts5':>10} {'ratio':>9}",
        row("import throughput", r["import_docs_per_s"], r["baseline_import_docs_per_s"], "docs/s (end to end)"),
        row("import throughput", r["import_mb_per_s"], None, "MB/s"),
        row("search p50", r["search_p50_ms"], r["baseline_search_p50_ms"], "ms (snippets, top 20)"),
        row("search p95", r["search_p95_ms"], r["baseline_search_p95_ms"], "ms"),
        row("search max", r["search_max_ms"], r["baseline_search_max_ms"], "ms"),
        row("search p50, first runs", r["search_first_round_p50_ms"], None, "ms (each query's first run)"),
        row("search p95, first runs", r["search_first_round_p95_ms"], None, "ms"),
        row("index size", r["index_mb"], r["baseline_db_mb"], "MB (fts5: whole db)"),
        row("open + first search", r["open_first_search_s"], None, "s (new process)"),
        row("edit searchable after", r["update_searchable_s"], None, "s"),
        row("peak memory, open+search", r["peak_rss_mb"], None, "MB"),
        *([row("app: first paint", r["app_first_paint_s"], r["app_bare_window_paint_s"],
               "s (python main.py --archive DIR; baseline: a bare PySide6 window)"),
           row("app: main window painted", r["app_main_window_paint_s"], None, "s (archive open, every widget)"),
           row("app: first search shown", r["app_first_search_shown_s"], None,
               "s (typed once the main window has painted)")]
          if "app_first_paint_s" in r else []),
        "slowest queries: " + ", ".join(f"{q} {ms:.0f} ms" for q, ms in r["slowest_queries"]),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="generated documents (default 2000)")
    parser.add_argument("--corpus", type=Path, help="use this folder of documents instead of generating")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep the archive")
    parser.add_argument("--no-gui", action="store_true", help="skip the desktop app's startup figures")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.corpus:
            files = _corpus_files(args.corpus)
        else:
            print(f"generating {args.docs} documents…", file=sys.stderr)
            files = write_corpus(work / "corpus", args.docs)
        results = measure(files, work, no_gui=args.no_gui)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
