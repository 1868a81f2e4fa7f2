"""The search index of an archive opened read-only (a read-only medium): searched, never written."""

from __future__ import annotations

from pathlib import Path

from app.errors import ArchiveError
from app.search.engine import SearchIndex, checked_open


class ReadOnlyIndex(SearchIndex):
    """The search index of a read-only archive: searched as it is, never written."""

    refusal = "the archive is read-only"

    @classmethod
    def open_read_only(cls, path: Path, refusal: str) -> ReadOnlyIndex:
        reason, ix = checked_open(path) if path.is_dir() else ("the index folder is missing", None)
        if reason is not None:
            raise ArchiveError(f"cannot search: the search index needs a rebuild ({reason}); {refusal}")
        index = cls(path, ix, needs_rebuild=False, reason=None, lock_timeout=0.0)
        index.refusal = refusal
        return index

    def _acquire_writer(self):  # type: ignore[no-untyped-def]
        raise ArchiveError(f"cannot update the search index: {self.refusal}")
