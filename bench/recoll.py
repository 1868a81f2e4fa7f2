"""Dossier side by side with Recoll on the same folder: import time and `search` as a whole process.

    python -m bench.recoll CORPUS [--runs 3] [--searches 20] [--json FILE]

Needs Recoll's command-line tools (`recollindex`, `recollq`; Debian package `recollcmd`).
Each run starts from nothing, and the programs take turns (Recoll, Dossier, Dossier
without its index), because the machines are shared and noisy: the ratios of the
medians are the figures to compare. A third program, Dossier's import with the search
index left out (the documents stay queued, as after a crash), shows what the index
writing costs within an import. `search` runs as a user runs it, a new process per
query, against `recollq` on the same words.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ("mines", "landmine clearance", "treaty")


def recoll_missing() -> str | None:
    """Why this benchmark cannot run here, or None."""
    missing = [tool for tool in ("recollindex", "recollq") if shutil.which(tool) is None]
    return f"{' and '.join(missing)} not found (Debian package recollcmd)" if missing else None


def write_recoll_config(folder: Path, corpus: Path) -> Path:
    """A Recoll configuration that indexes `corpus` into `folder`, logging there too."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "recoll.conf").write_text(
        f"topdirs = {corpus}\nindexallfilenames = 0\nloglevel = 3\nlogfilename = {folder / 'recollindex.log'}\n",
        encoding="utf-8",
    )
    return folder


def _timed(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children) of one command, which must succeed.

    Python writes its bytecode cache, as on a user's machine, whatever the caller's environment says.
    """
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    before = os.times()
    started = time.perf_counter()
    subprocess.run(argv, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE, check=True)  # fmt: skip
    wall = time.perf_counter() - started
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def _dossier(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), *args]


def _without_index(archive: Path, corpus: Path) -> list[str]:
    return [sys.executable, "-m", "bench.recoll", "--import-without-index", str(archive), str(corpus)]


def import_without_index(archive_dir: Path, corpus: Path) -> int:
    """The import as `main.py import` runs it, but no index is written: documents stay queued.

    Measurement only: the import's index process and its batches are replaced by nothing,
    and the workers do not analyse the texts for it. The workers start first, as the command's do.
    """
    from app.importing.workers import start_workers

    workers = start_workers([corpus])
    try:
        from app.archive.folder import Archive
        from app.importing import importer

        streamed = importer.prepared_stream
        importer.prepared_stream = lambda paths, known, **how: streamed(  # type: ignore[assignment]
            paths, known, workers=how.get("workers"), analyse=False)
        importer._background_indexer = lambda _archive, _count: None  # type: ignore[assignment]
        importer._index = lambda _archive, unindexed, *_args, **_how: unindexed.clear()  # type: ignore[assignment]
        with Archive.open(archive_dir) as archive:
            summary = importer.run_import(archive, [corpus], workers=workers)
    finally:
        if workers is not None:
            workers.close()
    return 1 if summary.failed and not summary.imported else 0


def measure_imports(corpus: Path, work: Path, runs: int) -> dict[str, list[tuple[float, float]]]:
    """Each program's (wall, CPU) for `runs` imports of `corpus` from nothing, taking turns."""
    config = write_recoll_config(work / "recoll", corpus)
    archive = work / "archive"
    found: dict[str, list[tuple[float, float]]] = {"recoll": [], "dossier": [], "dossier_without_index": []}
    for _ in range(runs):
        shutil.rmtree(config / "xapiandb", ignore_errors=True)
        found["recoll"].append(_timed(["recollindex", "-c", str(config)]))
        shutil.rmtree(archive, ignore_errors=True)
        found["dossier"].append(_timed(_dossier("--archive", str(archive), "import", str(corpus))))
        shutil.rmtree(archive, ignore_errors=True)
        found["dossier_without_index"].append(_timed(_without_index(archive, corpus)))
    shutil.rmtree(archive, ignore_errors=True)
    _timed(_dossier("--archive", str(archive), "import", str(corpus)))  # the archive the searches read, not counted
    return found


def measure_searches(work: Path, queries: tuple[str, ...], count: int) -> dict[str, dict[str, float]]:
    """Median wall seconds of `recollq` and of Dossier's `search` command per query, a new process each time."""
    config, archive = work / "recoll", work / "archive"
    result: dict[str, dict[str, float]] = {}
    for query in queries:
        commands = {"recoll": ["recollq", "-c", str(config), query],
                    "dossier": _dossier("--archive", str(archive), "search", query)}  # fmt: skip
        times: dict[str, list[float]] = {name: [] for name in commands}
        for argv in commands.values():  # warm: bytecode and the page cache, as on a user's machine
            for _ in range(3):
                _timed(argv)
        for _ in range(count):
            for name, argv in commands.items():
                times[name].append(_timed(argv)[0])
        result[query] = {name: statistics.median(values) for name, values in times.items()}
    return result


def report(imports: dict[str, list[tuple[float, float]]], searches: dict[str, dict[str, float]]) -> dict[str, object]:
    """The medians and the ratios against Recoll: throughput for imports (higher is better), time for searches."""
    medians = {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
               for name, runs in imports.items()}  # fmt: skip
    recoll_wall = medians["recoll"][0]
    imported = {
        name: {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "throughput_vs_recoll": round(recoll_wall / wall, 2)}
        for name, (wall, cpu) in medians.items()
    }
    searched = {
        query: {"recollq_s": round(t["recoll"], 3), "dossier_s": round(t["dossier"], 3),
                "times_recollq": round(t["dossier"] / t["recoll"], 2)}
        for query, t in searches.items()
    }  # fmt: skip
    return {"import": imported, "search": searched}


def _print(result: dict[str, object]) -> None:
    imports = result["import"]
    searches = result["search"]
    assert isinstance(imports, dict) and isinstance(searches, dict)
    print("import (median of the runs)          wall     CPU   throughput vs Recoll")
    for name, row in imports.items():
        print(f"  {name:30} {row['wall_s']:7.2f} s {row['cpu_s']:6.2f} s   {row['throughput_vs_recoll']:.2f}x")
    print("search as a whole process (median)   recollq   dossier   dossier / recollq")
    for query, row in searches.items():
        print(f"  {query[:30]:30} {row['recollq_s']:7.3f} s {row['dossier_s']:7.3f} s   {row['times_recollq']:.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.recoll", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", help="the folder both programs import")
    parser.add_argument("--runs", type=int, default=3, help="imports from nothing per program (default 3)")
    parser.add_argument("--searches", type=int, default=20, help="runs of each search per program (default 20)")
    parser.add_argument("--query", action="append", help=f"a query (repeatable; default {', '.join(QUERIES)})")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--import-without-index", nargs=2, type=Path, metavar=("ARCHIVE", "CORPUS"),
                        help=argparse.SUPPRESS)  # fmt: skip
    args = parser.parse_args(argv)
    if args.import_without_index:
        return import_without_index(*args.import_without_index)
    if args.corpus is None or not args.corpus.is_dir():
        parser.error("name the folder to import")
    why = recoll_missing()
    if why:
        print(f"bench.recoll: {why}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="dossier-recoll-") as work:
        imports = measure_imports(args.corpus.resolve(), Path(work), args.runs)
        searches = measure_searches(Path(work), tuple(args.query or QUERIES), args.searches)
    result = report(imports, searches)
    _print(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
