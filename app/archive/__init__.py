"""The archive: one folder holding the database, the search index and the originals (`folder`), where
archives live on this machine (`paths`), backups (`backup`) and the integrity check (`integrity`)."""
