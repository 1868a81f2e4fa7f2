"""The fixed query mix of the benchmark, in Dossier's syntax and in FTS5's.

Each pair asks the same question of both engines, so latencies compare like
with like. FTS5 has no stemming of its own beyond the porter tokenizer, no
facets and no date fields; where our query uses a field FTS5 lacks, the FTS5
side asks the closest column query.
"""

from __future__ import annotations

QUERY_MIX: list[tuple[str, str, str]] = [
    # (category, dossier query, fts5 query)
    ("common", "mines", "mines"),
    ("common", "landmine", "landmine"),
    ("common", "clearance", "clearance"),
    ("common", "antipersonnel", "antipersonnel"),
    ("common", "ministry", "ministry"),
    ("common", "victims", "victims"),
    ("rare", "PMN-2", '"PMN-2"'),
    ("rare", "OZM-72", '"OZM-72"'),
    ("rare", "E-001", '"E-001"'),
    ("rare", "Zangilan", "Zangilan"),
    ("rare", "harvests", "harvests"),
    ("and", "mines AND clearance", "mines AND clearance"),
    ("and", "antipersonnel stockpile destruction", "antipersonnel AND stockpile AND destruction"),
    ("and", "HALO Trust survey", "HALO AND Trust AND survey"),
    ("and", "treaty AND ratification AND parliament", "treaty AND ratification AND parliament"),
    ("phrase", '"line of contact"', '"line of contact"'),
    ("phrase", '"Mine Ban Treaty"', '"Mine Ban Treaty"'),
    ("phrase", '"humanitarian demining"', '"humanitarian demining"'),
    ("phrase", '"victim assistance"', '"victim assistance"'),
    ("prefix", "demin*", "demin*"),
    ("prefix", "contam*", "contam*"),
    ("prefix", "explos*", "explos*"),
    ("field", "title:Azerbaijan", "title:Azerbaijan"),
    ("field", "kind:press-release mines", "mines"),
    ("field", "publisher:ICBL", "ICBL"),
    ("date", "date:2021", "2021"),
    ("date", "date:[2019 to 2021] clearance", "clearance"),
    ("date", "date:2022-09 mines", "mines"),
    ("ornot", "Armenia OR Azerbaijan", "Armenia OR Azerbaijan"),
    ("ornot", "mines NOT cluster", "mines NOT cluster"),
    ("ornot", "(survey OR clearance) AND NOT Cambodia", "(survey OR clearance) NOT Cambodia"),
    ("ornot", "treaty OR convention OR protocol", "treaty OR convention OR protocol"),
]
