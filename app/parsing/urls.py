"""Find the URL a citation gives, written bare or in full, as an absolute URL.

The genre writes `asbarez.com/112014/...` and `www.icbl.org/...` without a
scheme and ends them with the sentence's full stop; a reader must get a link
that opens. Tokens are checked one by one, so a huge note stays linear.
"""

from __future__ import annotations

import re

MAX_TOKEN_CHARS = 2048

_URL_START = re.compile(r"(?i)(?:https?://|ftp://|www\.)\S")
_BARE_DOMAIN = re.compile(r"(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}/")
_BARE_HOST = re.compile(r"(?i)(?:[a-z0-9-]+\.)+(?:org|com|net|int|gov|edu|info)")
_SCHEME = re.compile(r"(?i)[a-z][a-z0-9+.-]*://")
# Tokens (runs of non-space) holding a ".": a URL always has one, and skipping the
# other tokens in the regex engine saves three pattern tests on each word of a note.
_DOTTED_TOKEN = re.compile(r"(?<!\S)[^\s.]*\.\S*")


def find_url(text: str) -> tuple[str, int, int] | None:
    """The first URL in `text` as an absolute URL, with the span of the text it came from.

    Bare `asbarez.com/...` and `www.icbl.org/...` get `https://`; trailing
    punctuation and unbalanced closing brackets are not part of a URL.
    """
    for token in _DOTTED_TOKEN.finditer(text):
        raw = token.group()
        if len(raw) > MAX_TOKEN_CHARS:
            continue
        lead = len(raw) - len(raw.lstrip("(<[“\"'‘"))
        core = raw[lead:]
        if not (_URL_START.match(core) or _BARE_DOMAIN.match(core) or _BARE_HOST.fullmatch(core.rstrip(".,;:"))):
            continue
        core = core.rstrip(".,;:!?”\"'’>")
        while core.endswith((")", "]")) and core.count(core[-1]) > core.count("(" if core[-1] == ")" else "["):
            core = core[:-1].rstrip(".,;:!?”\"'’>")
        if not core or "." not in core:
            continue
        url = core if _SCHEME.match(core) else "https://" + core
        start = token.start() + lead
        return url, start, start + len(core)
    return None
