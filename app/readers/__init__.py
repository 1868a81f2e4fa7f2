"""File readers: one module per format, each turning bytes into a RawDocument.

`read_file` picks the reader by suffix and turns every problem a user can
cause (missing, unreadable, empty, binary, huge, broken) into a ReadError
with a one-line reason, so an import can report the file and go on.
A PDF is recognised by its bytes, not only by its name. The format readers
(pypdf, BeautifulSoup, lxml) load on first use, which keeps the desktop app's
start fast.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import ReadError
from app.model import RawDocument
from app.readers.discover import SUPPORTED_SUFFIXES, iter_candidate_files
from app.readers.source import read_bytes

__all__ = ["MAX_BYTES", "SUPPORTED_SUFFIXES", "iter_candidate_files", "read_file"]

MAX_BYTES = 50 * 1024 * 1024


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> RawDocument:
    """Read one file into a RawDocument; raises ReadError with a user-facing reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)")
    data = read_bytes(path, max_bytes)
    if not data:
        raise ReadError("empty file")
    if suffix == ".pdf" or _looks_like_pdf(data):  # a PDF saved as .html or .txt is still a PDF
        from app.readers.pdf import MAX_CHARS, read_pdf

        return read_pdf(data, max_chars=min(max_bytes, MAX_CHARS))
    if suffix in (".md", ".markdown"):
        from app.readers.markdown import read_markdown

        return read_markdown(data, name=path.name)
    if suffix in (".html", ".htm"):
        from app.readers.html import read_html

        return read_html(data)
    from app.readers.text import read_text

    return read_text(data)


_PDF_MAGIC = b"%PDF-"
_SNIFF_BYTES = 1024  # PDF readers accept the header this far into the file


def _looks_like_pdf(data: bytes) -> bool:
    """Whether the bytes are a PDF, whatever the file is called (browsers save PDFs as .html)."""
    head = data[:_SNIFF_BYTES]
    return head.lstrip().startswith(_PDF_MAGIC) or (_PDF_MAGIC in head and b"<html" not in head.lower())
