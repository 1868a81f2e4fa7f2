"""The archive's full-text index: the only package that imports Whoosh.

The index is derived data. The database is the source of truth, so this package
never touches it: callers hand in plain `IndexDoc` values and, for snippets, a
`text_for(doc_id)` callback. An index that is missing, corrupt, half-rebuilt or
of an older schema is recreated empty on `SearchIndex.open` and reported with
`needs_rebuild`, so the caller refills it from the database (with progress).

This module only re-exports what callers use. The parts, by concern:
- `analysis`: tokens, stop words, stems, the compact positions format, analysis in workers;
- `schema`: the fields and their version, `IndexDoc` and how it becomes field values;
- `terms`: the one analysis of words (tokens, folding, stop words, stems);
- `query`: the query model: bounds, checks and the typed tree every reader of a query uses;
- `spans`, `annotation_match`: where a query's words stand in a text; which annotations it matches;
- `evaluation`: matching and BM25 scoring over numpy vectors, phrases;
- `meta`: the per-document column as vectors, ranking and facet counts;
- `snippets`, `suggestions`: result fragments and "did you mean";
- `storage`, `segments`: files, checks, batch writes, merges, locks;
- `index`: `SearchIndex`, which composes them;
- `whoosh_internals`: every use of Whoosh's private names, checked against the tested Whoosh;
- `whoosh_loading`: Whoosh imported without the standard-library modules it loads but never uses.
"""

from app.search.engine.whoosh_loading import load_whoosh

load_whoosh()  # before any module below imports Whoosh: hence the imports after a statement
# ruff: noqa: E402

from app.search.engine.analysis import AnalysedText, Analysis, DocumentAnalysis, analyse_fields
from app.search.engine.index import Hit, SearchIndex, SearchResult
from app.search.engine.query import MIN_PREFIX, Query, parse_query
from app.search.engine.schema import INDEX_SCHEMA_VERSION, IndexDoc, footnotes_text
from app.search.engine.storage import (
    META_FILE,
    PID_FILE,
    WRITELOCK_FILE,
    IndexLockedError,
    IndexUnusableError,
    checked_open,
)
from app.search.engine.terms import TOKEN_PATTERN, analyse

__all__ = [
    "INDEX_SCHEMA_VERSION",
    "META_FILE",
    "MIN_PREFIX",
    "PID_FILE",
    "TOKEN_PATTERN",
    "WRITELOCK_FILE",
    "AnalysedText",
    "Analysis",
    "DocumentAnalysis",
    "Hit",
    "IndexDoc",
    "IndexLockedError",
    "IndexUnusableError",
    "Query",
    "SearchIndex",
    "SearchResult",
    "analyse",
    "analyse_fields",
    "checked_open",
    "footnotes_text",
    "parse_query",
]
