"""The database-free half of an import: hash, read and parse a file.

It needs no archive, so a large import runs it in worker processes while the
main process writes the database; the halves overlap and use both cores.
Workers also compute the search index terms of the texts (`index_analysis`),
which travel with the document to the index, so that the main process does not
analyse them again while writing the index; an import that writes its index in
a process of its own (`app.importing.index_process`) leaves them to that process. Files
whose content the archive already holds are hashed but not parsed.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import stat
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from app.errors import ReadError
from app.importing.workers import Workers, worker_count, worth_workers
from app.model import ParsedDocument
from app.parsing import parse
from app.readers import MAX_BYTES, read_file
from app.readers.source import NOT_REGULAR, open_regular
from app.search.indexing import DocumentAnalysis, analyse_fields, footnotes_text

log = logging.getLogger(__name__)

CHUNK = 8  # files per task: fewer round trips between the processes…
CHUNK_BYTES = 256_000  # …but a task holding this much already goes alone: a few big PDFs then share the workers
WINDOW = 4  # tasks in flight per worker: bounds memory however slow the database side is


@dataclass(slots=True)
class Prepared:
    path: Path
    sha: str | None = None
    format: str | None = None
    parsed: ParsedDocument | None = None  # None when failed, or when the content is already known
    error: str | None = None
    analysis: DocumentAnalysis | None = None  # index terms of its texts, from a worker


def _sha256(path: Path) -> str:
    """Hash a regular file; a FIFO or device (which would block or never end) raises ReadError."""
    digest = hashlib.sha256()
    with open_regular(path) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def index_analysis(parsed: ParsedDocument) -> DocumentAnalysis:
    """The index terms of the texts the index will be given for this document once it is stored."""
    notes = footnotes_text((f.number, f.text) for f in parsed.footnotes)
    return analyse_fields(title=parsed.title, body=parsed.text, footnotes=notes)


def prepare(path: Path, known: frozenset[str] = frozenset(), *, analyse: bool = False) -> Prepared:
    """Hash, read and parse one file; never raises (failures come back as `error`).

    `analyse` also computes the index terms of its texts: worth it in a worker process only.
    """
    try:
        info = os.stat(path)  # through symlinks: what would be opened
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):  # a FIFO blocks, /dev/zero never ends
            return Prepared(path, error=NOT_REGULAR)
        size = info.st_size
        if size > MAX_BYTES:
            return Prepared(path, error=f"too large: {size / 1e6:.1f} MB, limit {MAX_BYTES / 1e6:.0f} MB")
        sha = _sha256(path)
    except ReadError as e:
        return Prepared(path, error=str(e))
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
    parsed = parse(raw)
    analysis = index_analysis(parsed) if analyse else None
    return Prepared(path, sha=sha, format=raw.format, parsed=parsed, analysis=analysis)


_known_in_worker: frozenset[str] = frozenset()
_analyse_in_worker = True


def configure_worker(known: frozenset[str], analyse: bool) -> None:
    """In a worker process (`app.importing.workers`): the import's settings, before its first file."""
    global _known_in_worker, _analyse_in_worker
    _known_in_worker = known
    _analyse_in_worker = analyse


def _prepare_in_worker(paths: list[Path]) -> list[Prepared]:
    return [prepare(path, _known_in_worker, analyse=_analyse_in_worker) for path in paths]


def _chunks(paths: list[Path]) -> Iterator[list[Path]]:
    """The files in order, in tasks of up to CHUNK files and about CHUNK_BYTES: small reports travel
    eight at a time, while big files (a PDF takes up to a second to lay out) are spread over the
    workers instead of landing in one task together."""
    chunk: list[Path] = []
    size = 0
    for path in paths:
        with contextlib.suppress(OSError):
            size += os.stat(path).st_size
        chunk.append(path)
        if len(chunk) >= CHUNK or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def prepared_stream(paths: list[Path], known: frozenset[str], *, workers: Workers | int | None = None,
                    analyse: bool = True) -> Iterator[Prepared]:  # fmt: skip
    """Prepared files in the order of `paths`, from worker processes when the import is large.

    `workers`: processes already started for this import (`start_workers`, which this stream closes
    at its end), or how many to start; by default one per core. The workers also compute the index
    terms (`analyse`) unless the index is written in a process of its own, which then analyses the
    texts itself.
    """
    if isinstance(workers, Workers):
        started, count = workers, workers.count
    else:
        started, count = None, worker_count() if workers is None else workers
    if not worth_workers(paths, count):
        if started is not None:
            started.close()
        for path in paths:
            yield prepare(path, known)
        return
    running = started if started is not None else Workers(count)
    running.configure(known, analyse)
    pool = running.pool
    chunks = _chunks(paths)
    pending: deque[tuple[list[Path], Future[list[Prepared]]]] = deque()
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(_prepare_in_worker, chunk)))
            if len(pending) >= WINDOW * count:
                break
        while pending:
            chunk, future = pending.popleft()
            following = next(chunks, None)
            if following is not None:
                pending.append((following, pool.submit(_prepare_in_worker, following)))
            try:
                results = future.result()
            except Exception as e:  # e.g. a worker killed by the system: report these files, go on
                log.exception("preparing %s… failed in a worker", chunk[0])
                results = [Prepared(path, error=f"internal error: {type(e).__name__}: {e}") for path in chunk]
            yield from results
    finally:
        running.close()
