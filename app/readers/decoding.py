"""Bytes to str for text-like files: encoding detection that never fails on bytes.

Order: BOM (UTF-8, UTF-16, UTF-32), BOM-less UTF-16 by its NUL pattern,
strict UTF-8, UTF-8 with a few stray bytes (shown as U+FFFD), strict cp1252
(Windows "smart quotes"), latin-1 as last resort. Binary content is rejected
rather than imported as garbage.
"""

from __future__ import annotations

import codecs
import re

from app.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0/C1 controls other than tab, newline, vertical tab, form feed, carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SAMPLE = 65536
_MAX_CONTROL_RATIO = 0.05
_MOSTLY = 8  # valid non-ASCII characters for each invalid byte, at least, for a text to be UTF-8 gone astray
# Other line breaks and what they become; replaced one by one, because `str.translate`
# with a table is slow on non-ASCII text and these characters are rare.
_LINE_BREAKS = (("\x0b", "\n"), ("\x85", "\n"), ("\u2028", "\n"), ("\u2029", "\n\n"), ("\x0c", "\n\n"))


def sniff_bom(data: bytes) -> tuple[str | None, int]:
    """Encoding named by a byte-order mark, and the mark's length."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None, 0


def _bomless_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without BOM from NULs in every other byte (ASCII-heavy text)."""
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.4 * half and even.count(0) < 0.01 * half:
        return "utf-16-le"
    if even.count(0) > 0.4 * half and odd.count(0) < 0.01 * half:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> tuple[str, int]:
    """Best encoding for `data` and how many leading BOM bytes to skip."""
    encoding, skip = sniff_bom(data)
    if encoding:
        return encoding, skip
    utf16 = _bomless_utf16(data)
    if utf16:
        return utf16, 0
    for candidate in ("utf-8", "cp1252"):
        try:
            data.decode(candidate)
        except UnicodeDecodeError:
            if candidate == "utf-8" and _mostly_utf8(data):
                return "utf-8", 0  # decoded with replacement: the stray bytes alone are lost
            continue
        return candidate, 0
    return "latin-1", 0


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few invalid bytes (a file saved by two programs, a character cut in two): its valid
    multi-byte characters far outnumber the invalid bytes, which a cp1252 text, whose accented letters are
    each an invalid byte, never shows. Read as cp1252, one stray byte garbled every accent of a report."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return non_ascii - invalid >= _MOSTLY * max(invalid, 1)


def normalise_newlines(text: str) -> str:
    """Unix newlines only, so every later offset means the same thing."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for char, replacement in _LINE_BREAKS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def check_not_binary(text: str) -> None:
    """Reject text that is really binary data (NULs or many control characters)."""
    if "\x00" in text:
        raise ReadError("binary file, not text")
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL_RATIO * len(sample):
        raise ReadError("binary file, not text")


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Decode with `encoding` (or a detected one); BOM stripped, newlines normalised.

    Raises ReadError for empty, whitespace-only or binary content.
    """
    if not data:
        raise ReadError("empty file")
    skip = 0
    if encoding is None or sniff_bom(data)[0] or not _decodes(data, encoding):
        encoding, skip = detect_encoding(data)
    if b"\x00" in data and not encoding.startswith(("utf-16", "utf-32")):
        raise ReadError("binary file, not text")
    text = data[skip:].decode(encoding, errors="replace")
    text = normalise_newlines(text.lstrip("\ufeff"))
    check_not_binary(text)
    if not text.strip():
        raise ReadError("empty file")
    return text


def _decodes(data: bytes, encoding: str) -> bool:
    """Whether a declared encoding really fits the bytes (declarations are often wrong)."""
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
