"""Split a footnote into the pieces of text that each name one source.

Sources are separated by ";" outside quotes and parentheses ("...; and X"), or
by sentences ("... Form A. See, ..."), never after an abbreviation or an
initial. Commentary sentences ("Armenia denied these claims ...") name no
source and are left out. Every scan is a single linear pass.
"""

from __future__ import annotations

import re
from functools import cache

from app.parsing.dates import first_date
from app.parsing.ibid import ibid_rest
from app.parsing.urls import find_url

MAX_NOTE_CHARS = 20_000  # a real note is far shorter; beyond this it is noise, not sources

LEAD = re.compile(r"(?i)^\s*(?:(?:and|also|see|see also|cf\.?|e\.g\.|compare|for example)\b[,:]?\s*)+")
QUOTED = re.compile(r"“(?P<curly>[^“”]{1,600})”|\"(?P<straight>[^\"]{1,600})\"")
DOC_LEAD = re.compile(
    r"(?i)^(?:right of reply\s+)?(?:joint\s+)?(?:statements?|letters?|interviews?|telephone interviews?|emails?"
    r"|e-mails?|meetings?|responses?|presentations?|remarks|speech(?:es)?|press releases?|news releases?|reports?"
    r"|correspondence|communications?|notes?|minutes|article 7|forms?|submissions?|briefings?|questionnaires?"
    r"|information provided|skype|whatsapp)\b"
)
_VERBS = re.compile(
    r"\b(?:is|are|was|were|has|have|had|said|says|stated|claimed|claims|denied|denies|noted|indicated|told"
    r"|added|explained|believes|believed|remains|remained|warranted|refers|referred|did|does|could|would"
    r"|should|will|can|may|might|must|confirmed|showed|shows|found|according|appears|seems)\b"
)
_ABBREVIATIONS = frozenset(
    "p pp para paras no nos vol vols mr mrs ms dr st art arts ed eds al jan feb mar apr jun jul aug sep sept oct"
    " nov dec inc ltd co corp vs cf rev gen col lt sgt maj capt prof amb hon ch sec fig figs op loc id ibid"
    " approx est dept govt intl univ assn jr sr".split()
)
_OPEN_QUOTES, _CLOSE_QUOTES = "“", "”"
_SEE_NEXT = re.compile(r"\s+See\b")
_SENTENCE_CHARS = re.compile(r'[“”"().]')  # the characters `_split_sentences` acts on


def strip_lead(text: str) -> str:
    """A source without its connective ("and", "See,", "cf.")."""
    return LEAD.sub("", text.strip()).strip()


def split_top_level(text: str, separator: str, respect_quotes: bool = True) -> list[str]:
    """Split on `separator` outside quotes and parentheses (linear scan)."""
    if separator not in text:
        return [text]
    parts: list[str] = []
    start = 0
    curly = 0
    straight = False
    parens = 0
    for found in _significant(separator).finditer(text):
        char = found.group()
        if respect_quotes and char == _OPEN_QUOTES:
            curly += 1
        elif respect_quotes and char == _CLOSE_QUOTES:
            curly = max(0, curly - 1)
        elif respect_quotes and char == '"':
            straight = not straight
        elif char == "(":
            parens += 1
        elif char == ")":
            parens = max(0, parens - 1)
        elif char == separator and not curly and not straight and not parens:
            index = found.start()
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    if respect_quotes and (curly or straight) and len(parts) == 1:
        return split_top_level(text, separator, respect_quotes=False)
    return parts


@cache
def _significant(separator: str) -> re.Pattern[str]:
    """The characters `split_top_level` acts on: the scan jumps from one to the next."""
    return re.compile("[" + re.escape(_OPEN_QUOTES + _CLOSE_QUOTES + '"()' + separator) + "]")


def _previous_token(text: str, dot: int) -> str:
    start = dot
    while start > 0 and not text[start - 1].isspace() and dot - start < 20:
        start -= 1
    return text[start:dot].lstrip("(“\"'")


def _split_sentences(text: str) -> list[str]:
    """Split at sentence ends outside quotes and parentheses, not after abbreviations or initials."""
    if "." not in text and _CLOSE_QUOTES not in text:
        return [text]  # no full stop, and no closing quote that could end a sentence
    parts: list[str] = []
    start = 0
    curly = 0
    straight = False
    parens = 0
    length = len(text)
    for found in _SENTENCE_CHARS.finditer(text):
        char, index = found.group(), found.start()
        if char == _OPEN_QUOTES:
            curly += 1
        elif char == _CLOSE_QUOTES:
            curly = max(0, curly - 1)
            if not curly and index and text[index - 1] in ".!?" and _SEE_NEXT.match(text, index + 1):
                parts.append(text[start : index + 1])
                start = index + 1
        elif char == '"':
            straight = not straight
        elif char == "(":
            parens += 1
        elif char == ")":
            parens = max(0, parens - 1)
        elif char == "." and not curly and not straight and not parens:
            after = index + 1
            if after >= length or not text[after].isspace():
                continue
            following = text[after : after + 24].lstrip()[:8]
            if not following or not (following[0].isupper() or following[0] in '“"'):
                continue
            token = _previous_token(text, index)
            see = following.lower().startswith(("see ", "see,"))
            abbreviation = token.lower().rstrip(".") in _ABBREVIATIONS or "." in token
            initial = len(token) == 1 and token.isupper()
            if see or not (abbreviation or initial):
                parts.append(text[start : index + 1])
                start = after
    parts.append(text[start:])
    return parts


def _unquoted(text: str) -> str:
    return QUOTED.sub(" ", text)


def _is_commentary(text: str) -> bool:
    """A sentence about the sources rather than a source ("Armenia denied these claims ...").

    It has a finite verb outside quotes, or it reads as a plain sentence: no
    comma, quote, URL or date, and mostly lower-case words ("Names withheld at
    the request of the interviewees."), unlike a bare title ("Mine Ban Treaty
    Article 7 Database").
    """
    if find_url(text) or DOC_LEAD.match(text) or ibid_rest(text) is not None:
        return False
    unquoted = _unquoted(text)
    if _VERBS.search(unquoted):
        return True
    if "," in text or unquoted != text or first_date(text) is not None:
        return False
    words = [word for word in text.split() if word[:1].isalpha()]
    lower = sum(1 for word in words if word[:1].islower())
    return len(words) >= 4 and lower * 2 > len(words)


def split_citations(text: str) -> list[str]:
    """The sources a note cites, as text, commentary left out (all of it kept if nothing else is)."""
    pieces = [
        strip_lead(sentence)
        for part in split_top_level(" ".join(text[:MAX_NOTE_CHARS].split()), ";")
        for sentence in _split_sentences(part)
    ]
    pieces = [piece for piece in pieces if piece.strip(" .,")]
    sources = [piece for piece in pieces if not _is_commentary(piece)]
    return sources or pieces
