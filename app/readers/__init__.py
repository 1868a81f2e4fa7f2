"""File readers: one module per format, each turning bytes into a RawDocument.

`read_file` picks the reader by suffix and turns every problem a user can
cause (missing, unreadable, empty, binary, huge, broken) into a ReadError
with a one-line reason, so an import can report the file and go on.
A PDF is recognised by its bytes, not only by its name. Word, OpenDocument
and EPUB files are zip packages read as hostile input (`package.py`). The
format readers (pypdf, BeautifulSoup, lxml) load on first use, which keeps
the desktop app's start fast.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import ReadError
from app.model import RawDocument
from app.readers.discover import NOT_READ, SUPPORTED_SUFFIXES, iter_candidate_files
from app.readers.source import read_bytes

__all__ = ["MAX_BYTES", "MAX_TEXT_CHARS", "SUPPORTED_SUFFIXES", "iter_candidate_files", "read_file"]

MAX_BYTES = 50 * 1024 * 1024
# Text kept per document: about 1,500 dense pages, more than any report of the genre. Parsing and
# indexing cost memory in proportion to the text, so this is what keeps an import under 400 MB.
MAX_TEXT_CHARS = 2_500_000
# Plain text and Markdown are read at most this far: more could never fit in MAX_TEXT_CHARS.
MAX_SOURCE_BYTES = 4 * MAX_TEXT_CHARS


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> RawDocument:
    """Read one file into a RawDocument; raises ReadError with a user-facing reason."""
    return _bounded(_read(Path(path), max_bytes))


def _bounded(doc: RawDocument, limit: int = MAX_TEXT_CHARS) -> RawDocument:
    """The document cut to `limit` characters at a paragraph (or word) break, saying so in its notices."""
    if len(doc.text) <= limit:
        return doc
    cut = doc.text.rfind("\n\n", 0, limit)
    if cut < limit // 2:
        cut = doc.text.rfind(" ", 0, limit)
    if cut < limit // 2:
        cut = limit
    doc.text = doc.text[:cut]
    doc.notices.append(f"text cut at {cut:,} characters (limit {limit:,}): the rest is not in the archive; "
                       "split the file to keep all of it")  # fmt: skip
    return doc


def _read(path: Path, max_bytes: int) -> RawDocument:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        if suffix in NOT_READ:
            raise ReadError(f"{suffix} is not read: {NOT_READ[suffix]}")
        raise ReadError(f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)")
    data = read_bytes(path, max_bytes)
    if not data:
        raise ReadError("empty file")
    if suffix == ".pdf" or _looks_like_pdf(data):  # a PDF saved as .html or .txt is still a PDF
        from app.readers.pdf import read_pdf

        return read_pdf(data, max_chars=min(max_bytes, MAX_TEXT_CHARS))
    if suffix in (".html", ".htm"):
        from app.readers.html import read_html

        return read_html(data)
    if suffix == ".docx":
        from app.readers.docx import read_docx

        return read_docx(data)
    if suffix in (".odt", ".fodt"):
        from app.readers.odt import read_odt

        return read_odt(data)
    if suffix == ".epub":
        from app.readers.epub import read_epub

        return read_epub(data)
    data, notices = _source_cut(data)
    if suffix in (".md", ".markdown"):
        from app.readers.markdown import read_markdown

        doc = read_markdown(data, name=path.name)
    else:
        from app.readers.text import read_text

        doc = read_text(data)
    doc.notices[:0] = notices
    return doc


def _source_cut(data: bytes) -> tuple[bytes, list[str]]:
    """Text or Markdown cut at a line break near MAX_SOURCE_BYTES: converting more would only be thrown away."""
    if len(data) <= MAX_SOURCE_BYTES or data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 is cut after decoding
        return data, []
    cut = data.rfind(b"\n", 0, MAX_SOURCE_BYTES)
    cut = cut if cut > MAX_SOURCE_BYTES // 2 else MAX_SOURCE_BYTES
    return data[:cut], [f"only the first {cut / 1e6:.1f} MB of {len(data) / 1e6:.1f} MB were read (limit)"]


_PDF_MAGIC = b"%PDF-"
_SNIFF_BYTES = 1024  # PDF readers accept the header this far into the file


def _looks_like_pdf(data: bytes) -> bool:
    """Whether the bytes are a PDF, whatever the file is called (browsers save PDFs as .html)."""
    head = data[:_SNIFF_BYTES]
    return head.lstrip().startswith(_PDF_MAGIC) or (_PDF_MAGIC in head and b"<html" not in head.lower())
