"""PDF reader: the text layer read by layout; a scan without text is refused, not imported empty.

pypdf gives every piece of text with its position and size (`pdf_lines`);
the layout analysis (`pdf_layout`) turns them into the genre's layout:
running heads dropped, paragraphs from gaps and indents, notes from the
page foot, markers from raised digits. This module opens the file and
bounds the work: pages and characters are capped so a hostile or huge PDF
cannot exhaust memory, and each stream's decompressed size and parsing work
are capped (pypdf's own defaults allow 75 MB per stream, which a 3 KB
"bomb" reaches and which takes minutes to extract).
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from pypdf import PageObject, PasswordType, PdfReader, apply_configuration
from pypdf.errors import DependencyError, LimitReachedError
from pypdf.generic import ContentStream

from app.errors import ReadError
from app.model import RawDocument
from app.readers import MAX_TEXT_CHARS
from app.readers.hints import meaningful_title
from app.readers.layout import compose
from app.readers.pdf_layout import PdfText, analyse
from app.readers.pdf_lines import FontCache, Line, Run, page_lines, page_runs, visitor_runs
from app.readers.pdf_pages import declared_page_count, iter_pages

MAX_PAGES = 2000
MAX_STREAM_BYTES = 8_000_000  # decompressed size of one stream; real page contents are far below
MAX_STREAM_WORK = 200_000  # operands and operators parsed per content stream (pypdf's budget)
MAX_CONTENT_BYTES = 32_000_000  # decompressed page contents read in all: bounds the time a PDF can take
# Operators and operands of all pages, and lines of text: a stream just under MAX_STREAM_WORK, shared by
# every page, costs a second a page (95,000 empty shows), or makes 95,000 one-letter lines a page. Real
# reports draw a few thousand operations and fifty lines a page.
MAX_DOCUMENT_WORK = 3_000_000
MAX_LINES = 200_000
_LIMITS = {
    **{f"{name}_maximum_output_length": MAX_STREAM_BYTES for name in ("zlib", "lzw", "run_length", "brotli")},
    "array_based_stream_maximum_output_length": MAX_STREAM_BYTES,
    "stream_decoding_work_maximum_length": 4 * MAX_STREAM_BYTES,
    "stream_parsing_work_maximum_count": MAX_STREAM_WORK,
}
log = logging.getLogger(__name__)
_SHOWS = frozenset((b"Tj", b"TJ", b"'", b'"'))


def read_pdf(data: bytes, max_chars: int = MAX_TEXT_CHARS, max_pages: int = MAX_PAGES) -> RawDocument:
    """Extract the text layer, at most `max_pages` pages and `max_chars` characters."""
    if b"%PDF-" not in data[:1024]:
        raise ReadError("broken PDF: not a PDF file")
    with _quiet_pypdf(), apply_configuration(**_LIMITS):
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            _unlock(reader)
            pages, notices = _page_lines(reader, max_chars, max_pages)
            hints = _hints(reader)
        except ReadError:
            raise
        except DependencyError as exc:  # AES without the cryptography package: an incomplete installation
            raise ReadError("PDF is encrypted with AES, which this installation cannot decrypt") from exc
        except Exception as exc:  # pypdf raises many exception types on damaged files
            raise ReadError(f"broken PDF: {_short(exc)}") from exc
    layout = _layout(pages)
    if layout.title:
        hints["title"] = layout.title
    if layout.filed:
        hints["fallback_date"] = layout.filed  # printed on every page: better than the file's creation date
    return RawDocument(text=compose(layout.paragraphs, layout.notes), format="pdf", hints=hints, notices=notices)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs and warns about every quirk of real-world PDFs; the user needs none of it."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."


def _unlock(reader: PdfReader) -> None:
    """Open PDFs that are encrypted with an empty user password (print/copy restrictions only)."""
    if not reader.is_encrypted:
        return
    try:
        result = reader.decrypt("")
    except (DependencyError, NotImplementedError) as exc:
        raise ReadError("PDF is encrypted") from exc
    if result == PasswordType.NOT_DECRYPTED:
        raise ReadError("PDF is encrypted")


def _page_lines(reader: PdfReader, max_chars: int, max_pages: int) -> tuple[list[list[Line]], list[str]]:
    """Lines of each page, and what a limit left out; a page that fails is skipped, a PDF where all fail is broken."""
    pages: list[list[Line]] = []
    notices: list[str] = []
    total = failures = over_limit = read = 0
    content = work = line_count = 0
    fonts = FontCache()
    for number, page in enumerate(iter_pages(reader, max_pages)):
        read = number + 1
        try:
            contents = page.get_contents()
            content += len(contents.get_data()) if contents is not None else 0
            if content > MAX_CONTENT_BYTES:
                notices.append(f"PDF read up to page {number}: the page contents passed the "
                               f"{MAX_CONTENT_BYTES // 1_000_000} MB limit")  # fmt: skip
                break
            if contents is not None:
                contents.forced_encoding = "bytes"  # before the operations are parsed: each font decodes its strings
                work += len(contents.operations)
            if work > MAX_DOCUMENT_WORK:
                notices.append(_too_much_work(number))
                break
            lines = page_lines(_runs(page, contents, fonts), number)
        except LimitReachedError:  # a decompression or parsing bomb: skip the page, never retry it
            failures += 1
            over_limit += 1
            work += MAX_STREAM_WORK  # what finding out cost
            if work > MAX_DOCUMENT_WORK:
                notices.append(_too_much_work(number))
                break
            continue
        except Exception:  # one damaged page should not lose the others
            failures += 1
            continue
        lines, total = _capped(lines, max_chars - total), total + sum(len(line.text) for line in lines)
        pages.append(lines)
        line_count += len(lines)
        if total >= max_chars:
            notices.append(f"PDF text cut at {max_chars:,} characters (limit), on page {number + 1}")
            break
        if line_count > MAX_LINES:
            notices.append(f"PDF read up to page {number + 1}: more than {MAX_LINES:,} lines of text (limit)")
            break
    if read == 0:
        raise ReadError("broken PDF: no pages")
    declared = declared_page_count(reader)
    if read == max_pages and declared is not None and declared > max_pages:
        notices.append(f"PDF has {declared:,} pages; only the first {max_pages:,} were read (limit)")
    if over_limit:
        notices.append(f"{over_limit} PDF pages skipped: content over the safety limits")
    if not any(line.text.strip() for lines in pages for line in lines):
        if over_limit:
            raise ReadError("PDF content exceeds the safety limits (decompression or parsing); not imported")
        if failures and not pages:
            raise ReadError("broken PDF: no page could be read")
        raise ReadError("PDF has no text layer (scanned image?); not imported")
    return pages, notices


def _too_much_work(pages_read: int) -> str:
    return f"PDF read up to page {pages_read}: its pages draw more than {MAX_DOCUMENT_WORK:,} operations (limit)"


def _runs(page: PageObject, contents: ContentStream | None, fonts: FontCache) -> list[Run]:
    """Runs by layout; pypdf's plain visitor when layout bookkeeping fails on odd operators, or
    finds nothing on a page that shows text (all of it turned sideways, which layout skips)."""
    if contents is None:
        return []
    contents.forced_encoding = "bytes"  # strings stay bytes, decoded by each font
    try:
        ops = contents.operations
        runs = page_runs(page, ops, fonts)
    except LimitReachedError:
        raise  # the visitor would pay the same cost again
    except Exception:
        return visitor_runs(page)
    if not runs and any(operator in _SHOWS for _operands, operator in ops):
        return visitor_runs(page)
    return runs


def _capped(lines: list[Line], room: int) -> list[Line]:
    """The lines that fit in `room` characters, the last one cut."""
    kept: list[Line] = []
    for line in lines:
        if room <= 0:
            break
        if len(line.text) > room:
            line.text = line.text[:room]
            line.raised = [(start, end) for start, end in line.raised if end <= room]
        kept.append(line)
        room -= len(line.text)
    return kept


def _layout(pages: list[list[Line]]) -> PdfText:
    """The layout analysis; should it fail on an odd document, its lines page by page."""
    try:
        return analyse(pages)
    except Exception:  # a bug in the analysis must not lose the document
        log.exception("PDF layout analysis failed; lines kept as they are")
        return PdfText(paragraphs=[line.text for lines in pages for line in lines])


def _hints(reader: PdfReader) -> dict[str, object]:
    """The info dictionary's title, as a fallback only.

    What the first page prints wins: /Title is often a file name or a
    template's. /CreationDate is the day of the scan, the export or the
    upload, not the document's date: a document that prints no date gets
    none rather than a wrong one. /Author is a login name ("localuser").
    """
    try:
        info = reader.metadata or {}
        title = meaningful_title(str(info.get("/Title") or ""))
    except Exception:  # damaged info dictionaries are common and harmless
        return {}
    return {"fallback_title": title} if title else {}
