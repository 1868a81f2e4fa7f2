"""Exporting annotated excerpts: `excerpts` decides what is exported (selection, order, endnote
numbers, citations) into an `ExcerptSet` (`excerpt_model`); `files` renders it in a format and
writes it atomically, one module per format (`markdown`, `html`, `pdf`, `csv_format`, `jsonld`)."""
