"""The one module that uses Whoosh's private names, checked against the Whoosh version they were read in.

Whoosh is pure Python, and its public readers and writers handle one posting, one
column value or one field length at a time; the index is fast because a few places
here read and write whole blocks instead:
- posting blocks are decoded from their stored tuple (`W3LeafMatcher._data`, `_read_values`,
  `_next_block`) and written by filling `W3PostingsWriter`'s block buffer (`write_term`);
- field lengths and the packed meta column are read from their column files in one read
  (`_perdoc._cached_reader`, the column readers' `_offsets`, `_lengths`, `_dbfile`, `_basepos`);
- a merge walks a segment's term table directly (`SegmentReader._terms`);
- the latest TOC generation is found from file names alone (`TOC._latest_generation`).

These names are Whoosh's, not a promise: another release may rename them or change what
they hold. Every function here therefore calls `require_tested_whoosh` first, and with any
Whoosh but `TESTED_WHOOSH` raises `WhooshVersionError` instead of reading or writing
anything, so a Whoosh upgrade can never silently change search results (such as BM25 losing
its length normalisation) or write segments Whoosh cannot read. `SearchIndex.open` and
`checked_open` check before touching the index, so an untested Whoosh is reported at once and
never taken for a damaged index. To move to another Whoosh: re-read the private code paths
named above, run tests/app/search/test_engine.py, then change `TESTED_WHOOSH`.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable
from itertools import accumulate, chain, repeat
from operator import sub
from pickle import dumps
from typing import Any

import whoosh
from whoosh import columns, index
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3LeafMatcher, W3TermInfo
from whoosh.filedb.filestore import FileStorage
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader, SegmentReader
from whoosh.util.numeric import byte_to_length, length_to_byte

TESTED_WHOOSH = "2.7.5"
"""The Whoosh release (distribution whoosh-reloaded, pinned in setup.cfg) whose private code was read."""

BLOCK = 128  # postings per block, as W3Codec's default blocklimit
_PICKLE_PROTOCOL = 4  # posting blocks: bytes pickled natively (see _write_block)
_BYTE_TO_LENGTH = [byte_to_length(b) for b in range(256)]


class WhooshVersionError(RuntimeError):
    """The installed Whoosh is not the release whose private parts this module was checked against."""


_checked = False


def installed_whoosh() -> str:
    """The installed Whoosh version as "major.minor.patch"."""
    return ".".join(map(str, whoosh.__version__))


def require_tested_whoosh() -> None:
    """Raise WhooshVersionError unless the installed Whoosh is `TESTED_WHOOSH` (checked once, then cached)."""
    global _checked
    if _checked:
        return
    installed = installed_whoosh()
    if installed != TESTED_WHOOSH:
        raise WhooshVersionError(
            f"The search index was built against Whoosh {TESTED_WHOOSH} and uses its private internals, "
            f"but Whoosh {installed} is installed. Install whoosh-reloaded=={TESTED_WHOOSH}, or check "
            "app/search/engine/whoosh_internals.py against the new version and update TESTED_WHOOSH."
        )
    _checked = True


# ------------------------------------------------------------------ index files


def latest_generation(path: str, indexname: str) -> int:
    """The latest TOC generation in the folder `path`, from the file names only (nothing is read)."""
    require_tested_whoosh()
    return int(index.TOC._latest_generation(FileStorage(path), indexname))


# ------------------------------------------------------------------ columns


def read_lengths(leaf: IndexReader, fieldname: str) -> list[int]:
    """One segment's per-document lengths of a field (0 where absent), from Whoosh's length column."""
    require_tested_whoosh()
    count = leaf.doc_count_all()
    column = leaf._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
    if column is None:  # no document of the segment has the field
        return [0] * count
    table = _BYTE_TO_LENGTH
    return [table[b] for b in column_bytes(column, count)]


def column_bytes(column: Any, count: int) -> Iterable[int]:
    """A one-byte-per-document numeric column as bytes, read in one go (Whoosh reads each value
    with its own file access, which would make the first search after opening 20,000 documents slow)."""
    require_tested_whoosh()
    if isinstance(column, columns.NumericColumn.Reader) and column._typecode == "B" and column._fixedlen == 1:
        stored = min(column._count, count)
        raw = column._dbfile.get(column._basepos, stored)
        return raw + bytes([column._default]) * (count - stored)
    return column  # another column type: Whoosh's own reader, value by value


def column_values(column: Any) -> Iterable[bytes]:
    """A variable-bytes column's values read as one block and sliced (same reason as `column_bytes`)."""
    require_tested_whoosh()
    if not isinstance(column, columns.VarBytesColumn.Reader):
        return column  # e.g. the empty reader of a segment without the column: Whoosh's own reader
    offsets, lengths = column._offsets, column._lengths
    end = max((o + n for o, n in zip(offsets, lengths, strict=True)), default=0)
    blob = column._dbfile.get(column._basepos, end)
    return [blob[o:o + n] for o, n in zip(offsets, lengths, strict=True)]


# ------------------------------------------------------------------ reading postings


def drain_matcher(matcher: Any, ids: list[int], weights: list[float], vals: list[bytes] | None) -> None:
    """Append all of a posting matcher's docnums, weights and (if `vals`) encoded values, block by block.

    Deleted documents are kept (a FilterMatcher of deletions is unwrapped): callers remove
    them once, with the index's live mask.
    """
    require_tested_whoosh()
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        matcher = matcher.child
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
        while matcher.is_active():
            _read_block(matcher, ids, weights)
            if vals is not None:
                matcher._read_values()
                vals.extend(matcher._values)
            matcher._next_block()
        return
    while matcher.is_active():  # postings inlined in the term table, and other matchers: public API
        ids.append(matcher.id())
        weights.append(matcher.weight())
        if vals is not None:
            vals.append(matcher.value())
        matcher.next()


def _read_block(matcher: Any, ids: list[int], weights: list[float]) -> None:
    """Append the current W3 block's docnums and weights, decoded from the block's tuple as stored
    with C-level tools (Whoosh's _read_ids and _read_weights run a Python generator per posting)."""
    if matcher._data is None:
        matcher._read_data()
    block_ids, block_weights = matcher._data[0], matcher._data[1]
    ids.extend(accumulate(block_ids))  # docnums are delta-encoded
    if block_weights is None:
        weights.extend(repeat(1.0, matcher._blocklength))
    elif isinstance(block_weights, float):
        weights.extend(repeat(block_weights, matcher._blocklength))
    else:
        weights.extend(block_weights)


def segment_terms(reader: SegmentReader) -> list[tuple[tuple[str, bytes], W3TermInfo]]:
    """Every ((field, term), term info) of one segment, sorted (fields in name order)."""
    require_tested_whoosh()
    return sorted(reader._terms.items(), key=lambda item: item[0])


def read_term_postings(reader: SegmentReader, name: str, terminfo: W3TermInfo, ids: list[int],
                       weights: list[float], values: list[bytes]) -> None:  # fmt: skip
    """Append one segment's postings of a term (segment docnums; missing values as b"")."""
    require_tested_whoosh()
    fmt = reader.schema[name].format
    matcher = reader._terms._codec.postings_reader(reader._terms._postfile, terminfo, fmt)
    if hasattr(matcher, "_read_ids") and not matcher._byteids:
        while matcher.is_active():
            _read_block(matcher, ids, weights)
            matcher._read_values()
            block_values = matcher._values
            values.extend(block_values if all(block_values) else [v or b"" for v in block_values])
            matcher._next_block()
    else:  # postings inlined in the term table
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            values.append(matcher.value() or b"")
            matcher.next()


# ------------------------------------------------------------------ writing postings


def write_term(writer: Any, btext: bytes, ids: list[int], weights: list[float], values: list[bytes],
               lengths: list[int] | None) -> None:  # fmt: skip
    """One term's postings as W3 blocks, filling the field writer's postings-block buffer directly."""
    require_tested_whoosh()
    writer.start_term(btext)
    pw = writer._postwriter
    count = len(ids)
    for start in range(0, count, BLOCK):
        end = min(count, start + BLOCK)
        block_ids = ids[start:end]
        pw._ids = array("I", block_ids)
        pw._weights = array("f", weights[start:end])
        pw._values = [v for v in values[start:end] if v]
        pw._maxweight = max(pw._weights)
        if lengths is not None:
            found = [n for n in map(lengths.__getitem__, block_ids) if n]
            pw._minlength = min(found) if found else None
            pw._maxlength = max(found) if found else 0
        else:
            pw._minlength, pw._maxlength = None, 0
        _write_block(pw, last=end == count)
    writer.finish_term()


def _write_block(pw: Any, *, last: bool) -> None:
    """`W3PostingsWriter._write_block` of Whoosh 2.7.5 with two changes that keep the format:
    the ids' deltas and the weights' checks are C-level calls instead of a Python generator
    per posting, and the block is pickled with protocol 4 instead of 2, which pickles each
    position value (bytes) as a call to `_codecs.encode`: ten times slower to write and to
    read, and twice the size. Whoosh's reader unpickles any protocol; a test compares what
    is read back with Whoosh's own writer's segments."""
    if not pw._blockcount:
        pw._postfile.write(WHOOSH3_HEADER_MAGIC)
    pw._terminfo.add_block(pw)
    ids, weights = pw._ids, pw._weights
    count = len(ids)
    deltas = tuple(map(sub, ids, chain((0,), ids)))
    if weights.count(1.0) == count:
        mini_weights: Any = None
    elif weights.count(weights[0]) == count:
        mini_weights = weights[0]
    else:
        mini_weights = tuple(weights)
    databytes = dumps((deltas, mini_weights, pw._mini_values()), _PICKLE_PROTOCOL)
    comp = pw._compression
    if comp:
        databytes = zlib.compress(databytes, comp)
    infobytes = dumps((count, ids[-1], pw._maxweight, comp, length_to_byte(pw._minlength),
                       length_to_byte(pw._maxlength)), 2)  # fmt: skip
    blocklength = len(infobytes) + len(databytes)
    postfile = pw._postfile
    postfile.write_int(-blocklength if last else blocklength)
    postfile.write(infobytes)
    postfile.write(databytes)
    pw._blockcount += 1
    pw._new_block()
