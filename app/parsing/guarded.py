"""Regular expressions tried only where they can match.

Python's `re` tries every alternative of a case-insensitive pattern at every
position of a text, while a substring test is one C loop. Most cues of the
genre (a speech's vocatives, a press release's closing) are absent from most
documents, and every import reads them all, so each such pattern is guarded by
words of which any match must contain one: where none is present the pattern is
not run, and the result is the same. The words are tested on the case-folded
text, which holds every case-insensitive spelling of them (the dotted capital
İ and the dotless ı, which `re` takes for "i" and case folding does not, let
the pattern run).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_UNFOLDED_I = ("\u0130", "\u0131")  # İ and ı: the two letters re matches to "i" that case folding leaves apart


class GuardedPattern:
    """A pattern with the folded words any match contains (or, for `^` patterns, a text's possible first characters)."""

    __slots__ = ("pattern", "starts", "words")

    def __init__(self, pattern: str, words: tuple[str, ...], starts: str = "") -> None:
        self.pattern = re.compile(pattern)
        self.words = words
        self.starts = starts  # a text starting with one of these may match without any of the words

    def may_match(self, text: str, folded: str | None = None) -> bool:
        """False only when no match is possible; `folded` is `text.casefold()` if the caller has it."""
        if (self.starts and text[:1] in self.starts) or any(map(text.__contains__, _UNFOLDED_I)):
            return True
        folded = text.casefold() if folded is None else folded
        return any(map(folded.__contains__, self.words))

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(text, folded) else None

    def finditer(self, text: str, folded: str | None = None) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.may_match(text, folded) else iter(())
