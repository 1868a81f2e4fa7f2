"""Text that came from a document or a user, made safe for where it is shown.

Metadata (titles, publishers, tags, notes) is stored without control characters
and bidi overrides: they carry no meaning in a title, and on a terminal they
retitle the window (`ESC]0;…BEL`), clear it (`ESC[2J`) or reverse what is read
(U+202E turns "Invoice \u202egpj.exe" into "Invoice exe.jpg"). Human-readable
output escapes whatever is left, so nothing stored earlier can act either.
"""

from __future__ import annotations

import re

# C0 and C1 controls (tab and newline excepted), DEL, and the bidi embedding/override/isolate marks.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]+")
# What a file of text may not hold: C0 controls but tab and line ends, DEL and C1 (invalid in HTML, invisible in
# Markdown and spreadsheets, and what makes a terminal that prints the file act: ESC ]0;… retitles it).
_FILE_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_metadata(text: str) -> str:
    """A metadata value as stored: control characters and bidi controls dropped, spacing collapsed to one line."""
    return " ".join(_LINE_BREAKS.sub(" ", _CONTROLS.sub("", text)).split())


def without_controls(text: str) -> str:
    """`text` for a file of text: control characters dropped, tabs and line ends kept."""
    return _FILE_CONTROLS.sub("", text)


def terminal_safe(text: str) -> str:
    """`text` for a terminal: every control or bidi character shown as a visible escape (`\\x1b`, `\\u202e`).

    Newlines and tabs are escaped too, so one value stays on its line of a listing.
    """
    return _LINE_BREAKS.sub(" ", text) if not _needs_escape(text) else "".join(_escape(ch) for ch in text)


def _needs_escape(text: str) -> bool:
    return _CONTROLS.search(text) is not None or "\r" in text


def _escape(char: str) -> str:
    if char in "\t\n\r\u2028\u2029":
        return " "
    if _CONTROLS.match(char):
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return char

