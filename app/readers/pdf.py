"""PDF reader: the text layer via pypdf; a scan without text is refused, not imported empty.

PDF lines are hard-wrapped, so lines are re-joined into paragraphs: a
vertical gap (a blank line in pypdf's layout mode), a short line or a `[N]`
note start ends a paragraph. Pages and
characters are capped so a hostile or huge PDF cannot exhaust memory, and
each stream's decompressed size and parsing work are capped (pypdf's own
defaults allow 75 MB per stream, which a 3 KB "bomb" reaches and which takes
minutes to extract).
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from pypdf import PageObject, PasswordType, PdfReader, apply_configuration
from pypdf.errors import DependencyError, LimitReachedError

from app.errors import ReadError
from app.model import RawDocument
from app.readers.decoding import normalise_newlines
from app.readers.hints import clean_hints, meaningful_name
from app.readers.layout import compose

MAX_PAGES = 2000
MAX_CHARS = 10_000_000  # extracted characters kept; about 5,000 dense pages
MAX_STREAM_BYTES = 8_000_000  # decompressed size of one stream; real page contents are far below
MAX_STREAM_WORK = 200_000  # operands and operators parsed per content stream (pypdf's budget)
MAX_CONTENT_BYTES = 32_000_000  # decompressed page contents read in all: bounds the time a PDF can take
_LIMITS = {
    **{f"{name}_maximum_output_length": MAX_STREAM_BYTES for name in ("zlib", "lzw", "run_length", "brotli")},
    "array_based_stream_maximum_output_length": MAX_STREAM_BYTES,
    "stream_decoding_work_maximum_length": 4 * MAX_STREAM_BYTES,
    "stream_parsing_work_maximum_count": MAX_STREAM_WORK,
}
log = logging.getLogger(__name__)
_NOTE_START = re.compile(r"^\[\d{1,4}\]")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_SHORT_LINE = 0.7  # of the typical line length: shorter lines end a paragraph


def read_pdf(data: bytes, max_chars: int = MAX_CHARS, max_pages: int = MAX_PAGES) -> RawDocument:
    """Extract the text layer, at most `max_pages` pages and `max_chars` characters."""
    if b"%PDF-" not in data[:1024]:
        raise ReadError("broken PDF: not a PDF file")
    with _quiet_pypdf(), apply_configuration(**_LIMITS):
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            _unlock(reader)
            pages = _page_texts(reader, max_chars, max_pages)
            hints = _hints(reader)
        except ReadError:
            raise
        except Exception as exc:  # pypdf raises many exception types on damaged files
            raise ReadError(f"broken PDF: {_short(exc)}") from exc
    return RawDocument(text=compose(paragraphs(pages), {}), format="pdf", hints=hints)


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


def _page_texts(reader: PdfReader, max_chars: int, max_pages: int) -> list[str]:
    """Text of each page; a page that fails is skipped, a PDF where all fail is broken."""
    texts: list[str] = []
    total = failures = over_limit = 0
    count = len(reader.pages)
    if count == 0:
        raise ReadError("broken PDF: no pages")
    content = 0
    for number in range(min(count, max_pages)):
        try:
            page = reader.pages[number]
            content += _content_size(page)
            if content > MAX_CONTENT_BYTES:
                log.warning("PDF read up to page %d: page contents over %d bytes (limit)", number, MAX_CONTENT_BYTES)
                break
            text = _extract(page)
        except LimitReachedError:  # a decompression or parsing bomb: skip the page, never retry it
            failures += 1
            over_limit += 1
            continue
        except Exception:  # one damaged page should not lose the others
            failures += 1
            continue
        texts.append(normalise_newlines(text)[: max_chars - total])
        total += len(texts[-1])
        if total >= max_chars:
            log.warning("PDF text cut at %d characters (limit)", max_chars)
            break
    if count > max_pages:
        log.warning("PDF has %d pages; only the first %d were read (limit)", count, max_pages)
    if over_limit:
        log.warning("%d PDF pages skipped: content over the safety limits", over_limit)
    if not any(text.strip() for text in texts):
        if over_limit:
            raise ReadError("PDF content exceeds the safety limits (decompression or parsing); not imported")
        if failures and not texts:
            raise ReadError("broken PDF: no page could be read")
        raise ReadError("PDF has no text layer (scanned image?); not imported")
    return texts


def _content_size(page: PageObject) -> int:
    """Decompressed size of a page's content streams (decoding is cheap; parsing them is what costs)."""
    contents = page.get_contents()
    return len(contents.get_data()) if contents is not None else 0


def _extract(page: PageObject) -> str:
    """Layout mode keeps vertical gaps as blank lines (paragraph breaks); plain mode is the fallback."""
    try:
        return page.extract_text(extraction_mode="layout") or ""
    except LimitReachedError:
        raise  # plain mode would pay the same cost again
    except Exception:  # layout mode is stricter about odd fonts and operators
        return page.extract_text() or ""


def paragraphs(pages: list[str]) -> list[str]:
    """Re-join hard-wrapped lines into paragraphs, across page breaks when a sentence continues."""
    pages_lines = [_strip_page_numbers([line.strip() for line in page.split("\n")]) for page in pages]
    lengths = sorted(len(line) for lines in pages_lines for line in lines if line)
    typical = lengths[int(len(lengths) * 0.8)] if lengths else 0
    result: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            result.append(_join(current))
            current.clear()

    for lines in pages_lines:
        if current and lines and lines[0] and not lines[0][0].islower():
            flush()  # a new page continues the paragraph only mid-sentence
        for line in lines:
            if not line or (current and _NOTE_START.match(line)):
                flush()
            if line:
                current.append(line)
                if len(line) < _SHORT_LINE * typical and not line.endswith((",", ";", "-", "–", "(")):
                    flush()
    flush()
    return result


def _strip_page_numbers(lines: list[str]) -> list[str]:
    while lines and (not lines[-1] or _PAGE_NUMBER.match(lines[-1])):
        lines.pop()
    while lines and (not lines[0] or _PAGE_NUMBER.match(lines[0])):
        lines.pop(0)
    return lines


def _join(lines: list[str]) -> str:
    """Join wrapped lines with spaces; a line ending in a hyphen joins without one."""
    text = lines[0]
    for line in lines[1:]:
        text += line if re.search(r"\w-$", text) else " " + line
    return text


def _hints(reader: PdfReader) -> dict[str, object]:
    """Title, author (as publisher) and creation date, when they look meaningful."""
    try:
        info = reader.metadata or {}
        raw = {key: str(info.get(key) or "") for key in ("/Title", "/Author", "/CreationDate")}
    except Exception:  # damaged info dictionaries are common and harmless
        return {}
    return clean_hints({"title": raw["/Title"], "publisher": meaningful_name(raw["/Author"]),
                        "date": raw["/CreationDate"] or None})
