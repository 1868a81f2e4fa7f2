"""The worker processes that read and parse an import's files: when they are worth starting, and starting them.

Kept light (no parser, no database) so that the command line can start the
workers first thing: they load the readers and the parser while the importing
process loads its own modules and opens the archive, instead of after it. A
worker waits for the import's settings (the content hashes it may skip, whether
to analyse texts for the index) before its first file; what it does with a file
is `app.importing.prepare`.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.queues import Queue
from pathlib import Path

from app.importing.child_process import spawn_pool
from app.readers import iter_candidate_files

PARALLEL_MIN = 64  # files: below this, starting worker processes costs more than it saves…
PARALLEL_MIN_BYTES = 2_000_000  # …unless the files are big: a few PDFs take seconds to lay out
PARALLEL_MIN_FILES = 4  # and never for fewer files than this (two workers, two chunks each)
WORKER_NICENESS = 5  # how much lower a worker's scheduling priority is than the importing process's

Settings = tuple[frozenset[str], bool]
"""What a worker needs from the import: the content hashes the archive holds, and whether to analyse texts."""


def worker_count() -> int:
    """As many workers as cores (at most 2): reading, parsing and analysing cost more than the
    main process's database, links and index writes, so one worker left a core half idle."""
    return max(0, min(2, os.cpu_count() or 1))


def parallel(count: int, workers: int | None = None, size: int = 0) -> bool:
    """Whether `count` files of `size` bytes in all are read in worker processes.

    Starting the workers costs about a second of CPU (each imports the readers and the parser),
    so they are worth it for many files, or for a few big ones: 63 real reports, mostly PDFs
    (7 MB), import in two thirds of the time with them."""
    if (worker_count() if workers is None else workers) <= 0 or count < PARALLEL_MIN_FILES:
        return False
    return count >= PARALLEL_MIN or size >= PARALLEL_MIN_BYTES


def total_size(paths: list[Path], enough: int) -> int:
    """The files' sizes added up, stopping once `enough` is reached (unreadable ones count nothing)."""
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):
            total += os.stat(path).st_size
        if total >= enough:
            break
    return total


def worth_workers(paths: list[Path], workers: int | None = None) -> bool:
    """Whether an import of these files (already listed) reads them in worker processes."""
    size = total_size(paths, PARALLEL_MIN_BYTES) if len(paths) < PARALLEL_MIN else 0
    return parallel(len(paths), workers, size)


class Workers:
    """Worker processes, started now and given the import's settings once it knows them (`configure`).

    The settings travel through a queue whose writes never wait for a reader: a worker killed before
    it read them (by the system, say) must not leave the import waiting on a full pipe; the pool then
    reports it broken, and the import reports those files.
    """

    def __init__(self, count: int | None = None) -> None:
        self.count = worker_count() if count is None else count
        self._settings: Queue[Settings] = multiprocessing.get_context("spawn").Queue()
        self._settings.cancel_join_thread()  # what a dead worker never read is dropped at exit, not waited for
        self._configured = False
        self._closed = False
        self.pool: ProcessPoolExecutor = spawn_pool(self.count, _start_worker, (self._settings,))
        try:
            for _ in range(self.count):
                self.pool.submit(_started)  # each submission starts one process now
        except BaseException:  # interrupted while starting: no worker may be left waiting for settings
            self.close()
            raise

    def configure(self, known: frozenset[str], analyse: bool) -> None:
        """Let the workers go: each takes the settings once, before its first file. Never waits."""
        if not self._configured:
            self._configured = True
            for _ in range(self.count):
                self._settings.put((known, analyse))

    def close(self) -> None:
        """Stop the workers (again is harmless); ones still waiting for settings are let go first."""
        if self._closed:
            return
        self._closed = True
        self.configure(frozenset(), False)
        self.pool.shutdown(wait=True, cancel_futures=True)


def start_workers(paths: Iterable[Path]) -> Workers | None:
    """Workers for an import of the files under `paths`, started now, or None when the import is too
    small for them (it then reads its files itself)."""
    if worker_count() <= 0:
        return None
    named = [Path(p).expanduser() for p in paths]
    found = iter_candidate_files([path for path in named if path.exists()])
    files = list(itertools.islice(found, PARALLEL_MIN))  # enough to decide: a large tree is listed once, later
    return Workers() if worth_workers(files) else None


def _started() -> None:
    """Nothing: submitted so that the pool starts its processes at once."""


def _start_worker(settings: Queue[Settings]) -> None:
    """In a worker: lower its priority, load the parser, then wait for the import's settings."""
    _yield_the_cpu()
    from app.importing import prepare  # the readers and the parser: loaded while the import opens its archive

    prepare.configure_worker(*settings.get())


def _yield_the_cpu() -> None:
    """Give the worker a lower priority than the importing process (the GUI's, or the command's) and
    the index process. Parsing always has files waiting, so at equal priority the workers took as much
    CPU as the others and the index process fell behind: the import's end then waited for its backlog
    on one core. Where priorities cannot be lowered (not POSIX), the workers run as they are."""
    with contextlib.suppress(AttributeError, OSError):
        os.nice(WORKER_NICENESS)
