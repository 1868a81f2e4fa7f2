"""The one module that uses Whoosh's private names, checked against the Whoosh version they were read in.

Whoosh is pure Python, and its public readers and writers handle one posting, one
column value or one field length at a time; the index is fast because a few places
here read and write whole blocks instead:
- posting blocks are decoded from their stored tuple (`W3LeafMatcher._data`, `_read_values`,
  `_next_block`), and a term's blocks and term info are written straight to the field writer's
  postings file and term table (`write_term`: `W3FieldWriter._postwriter._postfile`, `_format`,
  `_fieldid`, `_tindex`, and `W3TermInfo._struct`);
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
named above and `whoosh_loading`'s, run tests/app/search/test_engine.py, then change `TESTED_WHOOSH`
(in `whoosh_loading`).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from itertools import accumulate, chain, repeat
from operator import sub
from pickle import dumps
from typing import Any

from whoosh import columns, index
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3LeafMatcher, W3TermInfo
from whoosh.filedb.filestore import FileStorage
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader, SegmentReader
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from app.search.engine.whoosh_loading import TESTED_WHOOSH, installed_whoosh

BLOCK = 128  # postings per block, as W3Codec's default blocklimit
_PICKLE_PROTOCOL = 4  # posting blocks: bytes pickled natively (see _write_block)
_BYTE_TO_LENGTH = [byte_to_length(b) for b in range(256)]


class WhooshVersionError(RuntimeError):
    """The installed Whoosh is not the release whose private parts this module was checked against."""


_checked = False


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


_TERM_INFO = W3TermInfo._struct  # flags (0: postings not inlined), weight, doc frequency, min and max length
# as bytes, max weight, first and last docnum; then the postings' offset (long) and length (int)


def write_term(writer: Any, btext: bytes, ids: list[int], weights: list[float], values: list[bytes],
               lengths: list[int] | None) -> None:  # fmt: skip
    """One term's postings as W3 blocks in the postings file, and its term info in the term table.

    The bytes are those `W3FieldWriter.start_term`/`finish_term` and `W3PostingsWriter` write
    (a test compares term infos and postings with Whoosh's own writer), computed here per block
    instead of through their per-posting and per-block method calls: a segment of a thousand reports
    holds ten thousand terms.
    """
    require_tested_whoosh()
    postwriter = writer._postwriter
    if postwriter is None:
        raise RuntimeError("write_term called outside a field")
    postfile = postwriter._postfile
    fixed_size = writer._format.fixed_value_size()
    start = postfile.tell()
    blocks = [WHOOSH3_HEADER_MAGIC]  # written once before a term's first block
    total_weight = 0.0
    min_length: int | None = None
    max_length = max_weight = 0
    count = len(ids)
    for begin in range(0, count, BLOCK):
        end = min(count, begin + BLOCK)
        block_ids = ids[begin:end]
        block_weights = array("f", weights[begin:end])
        block_max_weight = max(block_weights)
        if lengths is not None:
            found = [n for n in map(lengths.__getitem__, block_ids) if n]
            block_min, block_max = (min(found), max(found)) if found else (None, 0)
        else:
            block_min, block_max = None, 0
        blocks.append(_block_bytes(block_ids, block_weights, _mini_values(values[begin:end], fixed_size),
                                   (block_max_weight, block_min, block_max), last=end == count))  # fmt: skip
        # the term info's statistics, as W3TermInfo.add_block gathers them block by block
        total_weight += sum(block_weights)
        if block_min is not None:
            min_length = block_min if min_length is None else min(min_length, block_min)
        max_length = max(max_length, block_max)
        max_weight = max(max_weight, block_max_weight)
    data = b"".join(blocks)
    postfile.write(data)
    info = _TERM_INFO.pack(0, total_weight, count, 0 if min_length is None else length_to_byte(min_length),
                           length_to_byte(max_length), max_weight, ids[0], ids[-1])  # fmt: skip
    writer._tindex.add(pack_ushort(writer._fieldid) + btext, info + pack_long(start) + pack_int(len(data)))


def _mini_values(values: list[bytes], fixed_size: int | None) -> Any:
    """`W3PostingsWriter._mini_values` of a block's values (empty ones are never buffered)."""
    if fixed_size is None or fixed_size < 0:
        return tuple(filter(None, values))
    if fixed_size == 0:
        return None
    return b"".join(values)


def _block_bytes(ids: list[int], weights: array, values: Any, stats: tuple[float, int | None, int], *,
                 last: bool) -> bytes:  # fmt: skip
    """One block as `W3PostingsWriter._write_block` of Whoosh 2.7.5 writes it, with two changes that
    keep the format: the ids' deltas and the weights' checks are C-level calls instead of a Python
    generator per posting, and the block is pickled with protocol 4 instead of 2, which pickles each
    position value (bytes) as a call to `_codecs.encode`: ten times slower to write and to read,
    and twice the size. Whoosh's reader unpickles any protocol. Uncompressed: the index's codec has
    compression 0. `stats`: the block's max weight, and min and max field length."""
    count = len(ids)
    deltas = tuple(map(sub, ids, chain((0,), ids)))
    if weights.count(1.0) == count:
        mini_weights: Any = None
    elif weights.count(weights[0]) == count:
        mini_weights = weights[0]
    else:
        mini_weights = tuple(weights)
    databytes = dumps((deltas, mini_weights, values), _PICKLE_PROTOCOL)
    max_weight, min_length, max_length = stats
    infobytes = dumps((count, ids[-1], max_weight, 0, length_to_byte(min_length), length_to_byte(max_length)), 2)
    blocklength = len(infobytes) + len(databytes)
    return pack_int(-blocklength if last else blocklength) + infobytes + databytes
