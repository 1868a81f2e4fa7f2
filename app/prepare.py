"""The database-free half of an import: hash, read and parse a file.

It needs no archive, so a large import runs it in worker processes while the
main process writes the database and the index; the two halves overlap and
use both cores. Files whose content the archive already holds are hashed but
not parsed.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from app.errors import ReadError
from app.model import ParsedDocument
from app.parsing import parse
from app.readers import MAX_BYTES, read_file

log = logging.getLogger(__name__)

PARALLEL_MIN = 64  # below this, starting worker processes costs more than it saves
WINDOW = 32  # files in flight per worker: bounds memory however slow the database side is


@dataclass(slots=True)
class Prepared:
    path: Path
    sha: str | None = None
    format: str | None = None
    parsed: ParsedDocument | None = None  # None when failed, or when the content is already known
    error: str | None = None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def prepare(path: Path, known: frozenset[str] = frozenset()) -> Prepared:
    """Hash, read and parse one file; never raises (failures come back as `error`)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Prepared(path, error=f"too large: {size / 1e6:.1f} MB, limit {MAX_BYTES / 1e6:.0f} MB")
        sha = _sha256(path)
    except OSError as e:
        return Prepared(path, error=f"cannot read: {(e.strerror or str(e)).lower()}")
    if sha in known:
        return Prepared(path, sha=sha)
    try:
        raw = read_file(path, max_bytes=MAX_BYTES)
    except ReadError as e:
        return Prepared(path, sha=sha, error=str(e))
    except Exception as e:  # a reader bug must not stop the import of the other files
        log.exception("reading %s failed", path)
        return Prepared(path, sha=sha, error=f"internal error: {type(e).__name__}: {e}")
    return Prepared(path, sha=sha, format=raw.format, parsed=parse(raw))


_known_in_worker: frozenset[str] = frozenset()


def _init_worker(known: frozenset[str]) -> None:
    global _known_in_worker
    _known_in_worker = known


def _prepare_in_worker(path: Path) -> Prepared:
    return prepare(path, _known_in_worker)


def worker_count() -> int:
    return max(0, min(2, (os.cpu_count() or 1) - 1))


def prepared_stream(paths: list[Path], known: frozenset[str], *, workers: int | None = None) -> Iterator[Prepared]:
    """Prepared files in the order of `paths`, from worker processes when the import is large."""
    workers = worker_count() if workers is None else workers
    if workers <= 0 or len(paths) < PARALLEL_MIN:
        for path in paths:
            yield prepare(path, known)
        return
    context = multiprocessing.get_context("spawn")  # safe from any thread, GUI included
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(known,))
    pending: deque[tuple[Path, Future[Prepared]]] = deque()
    remaining: Iterable[Path] = iter(paths)
    try:
        for path in remaining:
            pending.append((path, pool.submit(_prepare_in_worker, path)))
            if len(pending) >= WINDOW * workers:
                break
        while pending:
            path, future = pending.popleft()
            following = next(remaining, None)  # type: ignore[call-overload]
            if following is not None:
                pending.append((following, pool.submit(_prepare_in_worker, following)))
            try:
                yield future.result()
            except Exception as e:  # e.g. a worker killed by the system: report this file, go on
                log.exception("preparing %s failed in a worker", path)
                yield Prepared(path, error=f"internal error: {type(e).__name__}: {e}")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
