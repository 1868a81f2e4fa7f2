"""Search: the service callers use (`service`), the index engine behind it (`engine`, the only code
that imports Whoosh), keeping the index in step after edits (`updates`), searching an archive
opened read-only (`read_only`), and what a search tells about its query (`notices`)."""
