"""Text of a PDF line as a reader expects it: right-to-left script stored in visual order turned
into reading order, and bracketed citations in Arabic-Indic digits made `[N]` markers.

Older Arabic and Persian PDFs store each line as it is drawn, left to right,
in pre-shaped "presentation form" letters; their text reads backwards and
does not match what a user types. Such lines (recognised by those letters)
are reversed, numbers and Latin words kept left to right, brackets mirrored
and the letters unshaped. Lines in logical order are left alone.
"""

from __future__ import annotations

import re
import unicodedata

_PRESENTATION = re.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]+")
_DIGIT_OR_LATIN = r"0-9A-Za-z\u0660-\u0669\u06f0-\u06f9"
_LEFT_TO_RIGHT = re.compile(rf"[{_DIGIT_OR_LATIN}](?:[{_DIGIT_OR_LATIN}.,:/%\u066b\-]*[{_DIGIT_OR_LATIN}])?")
_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_INDIC_MARKER = re.compile(r"\[([\u0660-\u0669\u06f0-\u06f9]{1,4})\]")


def logical(text: str) -> str:
    """The line's text in reading order, spaces collapsed."""
    text = " ".join(text.split())
    if _PRESENTATION.search(text):
        text = _LEFT_TO_RIGHT.sub(lambda match: match.group(0)[::-1], text[::-1]).translate(_MIRROR)
        text = _PRESENTATION.sub(lambda match: unicodedata.normalize("NFKC", match.group(0)), text)
    if "[" in text:
        text = _INDIC_MARKER.sub(lambda match: f"[{int(match.group(1))}]", text)
    return text
