"""Errors a user can cause and understand, kept apart from bugs.

Anything derived from DossierError carries a one-line message meant for the
user (CLI stderr, a GUI message box); anything else is a bug and is logged.
"""

from __future__ import annotations


class DossierError(Exception):
    """A problem the user can act on; str(e) is the message shown to them."""


class ReadError(DossierError):
    """A file could not be turned into text (empty, binary, undecodable, too big, broken)."""


class ArchiveError(DossierError):
    """The archive folder cannot be opened or used (missing, locked, not an archive)."""


class NoArchiveError(ArchiveError):
    """A folder that holds no archive, where none was to be made: empty (or missing), or holding other files."""

    def __init__(self, message: str, folder: object, *, has_files: bool) -> None:
        super().__init__(message)
        self.folder = folder
        self.has_files = has_files


class NotFoundError(DossierError):
    """An id or name the user gave does not exist in the archive."""
