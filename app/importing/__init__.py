"""Importing files: the import generator the GUI and CLI drive (`importer`), the database-free half run
in worker processes (`prepare`; when and how they start: `workers`, `child_process`), batched storage
with per-file retry (`batches`, `storage`), the index process of large imports (`index_process`) and
Ctrl-C across a commit (`interrupts`)."""
