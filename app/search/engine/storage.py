"""The index on disk: opening and checking it, recreating it, batch writes and commits, the write lock.

The index is derived data: one that is missing, damaged, half-rebuilt or of an older
schema is recreated empty and refilled from the database by the caller. A JSON record
beside it (`META_FILE`) holds the schema version, the state ("ok", or a rebuild not
finished), and the generation and file sizes of the last commit, so cheap checks catch most
damage before anything is read. Writes bypass Whoosh's posting pool: a batch's documents
become one segment written by `segments.SegmentBuilder`, committed with deletions and a
tiered merge in one new TOC (`_commit`). Whoosh's file lock guards writers; a lock left by
a dead process is cleared using the writer's pid recorded beside it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
import time
from collections.abc import Callable
from itertools import chain, islice
from pathlib import Path
from typing import Any, Literal

from whoosh import index
from whoosh.codec.base import Segment
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from app.errors import ArchiveError
from app.search.engine.schema import INDEX_NAME, INDEX_SCHEMA_VERSION, IndexDoc, _fields_of, _schema
from app.search.engine.segments import SegmentBuilder, merge, plan_merge
from app.search.engine.whoosh_internals import WhooshVersionError, latest_generation, require_tested_whoosh

META_FILE = "dossier-index.json"
PID_FILE = "dossier-writer.pid"
WRITELOCK_FILE = f"{INDEX_NAME}_WRITELOCK"


class IndexUnusableError(ArchiveError):
    """The index must be rebuilt, and the caller may not do it (see `SearchIndex.open`)."""


class IndexLockedError(ArchiveError):
    """Another live process is writing to the index."""


# ----------------------------------------------------------------- batches


class IndexWriter:
    """Collects upserts and deletes for one batch; applied together before the single commit."""

    def __init__(self, raw: SegmentWriter, indexed: Callable[[], set[int]] | None = None) -> None:
        self._raw = raw
        self._indexed = indexed  # ids present in the index (deleted ones may be included), if known
        self._upserts: dict[int, IndexDoc] = {}
        self._deletes: set[int] = set()
        self._fresh = False  # True during a rebuild into an empty index: nothing to delete
        self._builder = SegmentBuilder(raw.schema)

    def upsert(self, doc: IndexDoc) -> None:
        """Add the document, replacing any indexed version with the same id."""
        self._deletes.discard(doc.id)
        self._upserts[doc.id] = doc

    def delete(self, doc_id: int) -> None:
        self._upserts.pop(doc_id, None)
        self._deletes.add(doc_id)

    def _flush(self) -> None:
        raw = self._raw
        stale = [] if self._fresh else list(chain(self._upserts, self._deletes))
        if stale and self._indexed is not None:  # an import's new documents have nothing to delete
            present = self._indexed()
            stale = [doc_id for doc_id in stale if doc_id in present]
        if stale:
            searcher = raw.searcher()
            try:
                for doc_id in stale:
                    raw.delete_by_term("id", str(doc_id), searcher=searcher)
            finally:
                searcher.close()
        for doc in self._upserts.values():
            self._builder.add(_fields_of(doc), doc.analysis)


def _commit(raw: SegmentWriter, builder: SegmentBuilder | None, how: Literal["small", "all"] | None) -> None:
    """Commit the writer's deletions, the builder's new segment and a merge, in one new TOC.

    Nothing is added through `raw` itself (its posting pool and merges would cost more than
    the rest of an import): the segment list is computed here, handed to Whoosh's commit as
    its merge policy, and Whoosh writes the TOC, deletes unused files and releases the lock.
    """

    def segments_after(writer: SegmentWriter, segments: list[Segment]) -> list[Segment]:
        segments = list(segments)
        codec = writer.codec
        chosen = plan_merge(segments) if how == "small" else segments if how == "all" else []
        if how == "all" and len(chosen) == 1 and not chosen[0].has_deletions():
            chosen = []
        if chosen:
            gone = {s.segment_id() for s in chosen}
            merged = merge(writer.schema, codec, writer.storage, INDEX_NAME, chosen)
            segments = [s for s in segments if s.segment_id() not in gone] + ([merged] if merged else [])
        if builder is not None and len(builder):
            segments.append(builder.write(codec, writer.storage, INDEX_NAME))
        return segments

    raw.commit(mergetype=segments_after)


# --------------------------------------------------------- files, meta, locks


def _index_files(path: Path) -> dict[str, int]:
    """The index's own files and their sizes (not the record, the lock, or a record being written)."""
    skip = {META_FILE, PID_FILE, WRITELOCK_FILE}
    files: dict[str, int] = {}
    for entry in path.iterdir():
        if entry.name in skip or (entry.name.startswith(META_FILE) and entry.name.endswith(".tmp")):
            continue
        with contextlib.suppress(FileNotFoundError):  # another process's merge may remove a segment meanwhile
            if entry.is_file():
                files[entry.name] = entry.stat().st_size
    return files


def _read_meta(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((path / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_meta(path: Path, ix: index.Index, *, state: str) -> None:
    """Record schema version, generation and file sizes, atomically, after every commit."""
    data = {
        "schema_version": INDEX_SCHEMA_VERSION,
        "state": state,
        "generation": ix.latest_generation(),
        "files": _index_files(path),
        "written": time.time(),
    }
    # a temporary of its own: an app's process and an import's may both commit (Whoosh's lock ends with the
    # commit), and one's replace took the other's shared temporary away ("No such file")
    tmp = path / f"{META_FILE}.{os.getpid()}.{threading.get_ident()}.tmp"
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path / META_FILE)


def checked_open(path: Path) -> tuple[str | None, Any]:
    """(why the index cannot be trusted, or None; the opened Whoosh index if it can).

    Checked again while another process commits meanwhile (an import's index process
    merges segments and deletes their files): what looked missing or changed was then
    only replaced, and taking it for damage would empty a sound index.
    An untested Whoosh raises WhooshVersionError first: it must not be taken for damage either.
    """
    require_tested_whoosh()
    reason: str | None = None
    ix: Any = None
    for _attempt in range(_OPEN_ATTEMPTS):
        before = _generation(path)
        try:
            reason = _problem_with(path)
            if reason is None:
                ix = index.open_dir(str(path), indexname=INDEX_NAME, schema=_schema())
                _check_readable(ix)
        except FileNotFoundError as exc:  # a TOC or segment file gone between listing and reading it
            reason = f"index file missing ({exc.filename})"
        except Exception as exc:  # any failure to read the derived data means: rebuild it
            reason = f"index unreadable ({type(exc).__name__}: {exc})"
        if reason is None or _generation(path) == before:
            return reason, (ix if reason is None else None)
        time.sleep(0.05)
    return reason, None


_OPEN_ATTEMPTS = 10


def _generation(path: Path) -> int | None:
    """The latest TOC generation in `path` (from the file names: nothing is read)."""
    try:
        return latest_generation(str(path), INDEX_NAME)
    except WhooshVersionError:
        raise
    except Exception:  # unreadable or changing: compared only, never trusted
        return None


def _problem_with(path: Path) -> str | None:
    """Why the index in `path` cannot be trusted, or None; cheap checks only (no reads)."""
    if not index.exists_in(str(path), indexname=INDEX_NAME):
        return "index missing"
    meta = _read_meta(path)
    if meta is None:
        return "index has no version record"
    if meta.get("schema_version") != INDEX_SCHEMA_VERSION:
        return f"index schema version {meta.get('schema_version')} is not {INDEX_SCHEMA_VERSION}"
    if meta.get("state") != "ok":
        return "an earlier rebuild did not finish"
    if meta.get("generation") == _generation(path):  # recorded after this commit: the files must match
        files = meta.get("files") or {}
        for name, size in files.items():
            try:
                actual = (path / name).stat().st_size
            except OSError:
                return f"index file {name} is missing"
            if actual != size:
                return f"index file {name} has changed size"
    return None


def _check_readable(ix: index.Index) -> None:
    """Touch every segment's files (TOC, columns, stored fields, terms, postings) so damage shows now."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        if reader.doc_count_all() == 0:
            return
        for leaf, _offset in reader.leaf_readers():
            list(leaf.column_reader("meta", translate=False))
            if leaf.doc_count_all():
                leaf.stored_fields(leaf.doc_count_all() - 1)
            for name in ("id", "body"):  # the first term and its postings: the files' sizes are checked already
                for term in islice(leaf.lexicon(name), 1):
                    list(leaf.postings(name, term).all_ids())


def _recreate(path: Path, keep: set[str] | None = None) -> index.Index:
    """Empty `path` (the index folder belongs to the index; `keep` names files to leave,
    such as the lock the caller holds) and create a fresh index in it."""
    for entry in path.iterdir():
        if keep and entry.name in keep:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                entry.unlink()
    ix = FileStorage(str(path)).create_index(_schema(), indexname=INDEX_NAME)
    _write_meta(path, ix, state="needs-rebuild")
    return ix


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _clear_stale_lock(path: Path) -> bool:
    """Remove a write lock whose recorded owner is gone; False if a live process holds it."""
    try:
        pid = int((path / PID_FILE).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        pid = 0
    if pid == os.getpid() or _pid_alive(pid):
        return False
    for name in (WRITELOCK_FILE, PID_FILE):
        with contextlib.suppress(FileNotFoundError):
            (path / name).unlink()
    return True


def _release_pid(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (path / PID_FILE).unlink()
