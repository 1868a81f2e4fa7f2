"""Tell a document's headline from the letterhead around it.

Real releases and speeches open with lines that are not their title: the
kind of document ("MEDIA RELEASE", OCR'd as "Media ReIease"), the office
("MINISTER FOR FOREIGN AFFAIRS"), a member's name and office, release codes
("MDC 20", "AA 07 03"), web addresses, page numbers, "DRAFT", descriptions of
the occasion ("Address by …", "Paper presented at …"), and OCR debris. Each
header line is classed here; the header reader then takes the first line
that is none of these, preferring one that does not name an event or an
institution.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from rapidfuzz import fuzz, process

from app.parsing.dates import find_dates


class LineClass(Enum):
    CANDIDATE = "candidate"  # may be the title
    WEAK = "weak"  # may be the title, but names an event, venue or institution
    KIND_LABEL = "kind label"  # "Media release", "DRAFT", "Check against delivery"
    OFFICE = "office"  # "Minister for Foreign Affairs", "ROBERT MCCLELLAND MP SHADOW MINISTER …"
    PERSON = "person"  # "The Hon Justice Michael Kirby AC CMG*", "By Dr Penelope Mathew"
    DESCRIPTOR = "descriptor"  # "Address by …", "Paper presented at …", "paper for"
    CODE = "code"  # "MDC 20", "02/304", "No 139/89"
    URL = "url"
    NOISE = "noise"  # page numbers, rules, OCR debris


LETTERHEAD = frozenset(LineClass) - {LineClass.CANDIDATE, LineClass.WEAK}

_LABEL_PHRASES = (
    "media release", "press release", "news release", "joint media release", "media statement",
    "press statement", "for immediate release", "media advisory", "news", "speech", "speeches", "transcript",
    "draft", "embargoed", "check against delivery", "under embargo", "embargo", "statement", "media alert",
    "opinion", "op ed", "communique", "press briefing", "fact sheet",
)  # fmt: skip
_LABEL_START = re.compile(  # a label, then only a code ("News Release No 139/89 …") or a site section
    r"(?i)^(?:joint\s+)?(?:media|press|news)\s+(?:release|statement)\s*(?:no\.?\s*)?\d"
    r"|^check against delivery\b|^(?:under\s+)?embargo(?:ed)?\b|^for immediate release\b"
    r"|^(?:speeches|(?:media|press|news) releases|transcripts|publications)\s"
)
_OFFICE_START = re.compile(
    r"(?i)^(?:the\s+)?(?:shadow\s+|deputy\s+|assistant\s+|acting\s+|parliamentary\s+secretary\s+)?"
    r"(?:minister|secretary|treasurer|attorney[- ]general|prime minister|premier|leader of|member for"
    r"|office of|department of|ministry of|spokesperson|spokesman|senator)\b"
)
_VERB = re.compile(
    r"(?i)\b(?:says?|said|announces?|announced|welcomes?|calls?|urges?|visits?|launches?|opens?|condemns?"
    r"|will|is|are|to)\b"
)
_SMALL_VERBS = frozenset({"is", "are", "to", "will"})
_HONORIFIC = re.compile(  # case-sensitive: in capitals "JUSTICE" or "DR" may be words of a headline
    r"(?:\b(?:Hon|HON|Senator|SENATOR|MP|M\.P|QC|AC|AO|CMG|KC|Dr|Prof|Professor|Mr|Ms|Mrs|Sir|Dame)\b\.?)"
    r"|\bJustice\s+[A-Z][a-z]"
)
_BY_LINE = re.compile(r"^(?:By|BY)\s+[A-Z]")
_DESCRIPTOR = re.compile(
    r"(?i)^(?:an?\s+|the\s+)?(?:opening\s+|closing\s+|keynote\s+|welcoming\s+|inaugural\s+)?"
    r"(?:address|speech|remarks|paper|lecture|presentation|submission|notes|talk|oration|attached is)"
    r"\b.{0,400}?\b(?:by|to|at|for|presented|delivered|given|before)\b"
    r"|^(?:presented|delivered|given|prepared)\s+(?:at|to|by|for)\b"
)
_ENDS_IN_PREPOSITION = re.compile(
    r"(?i)^(?:an?\s+)?(?:paper|address|speech|remarks|lecture|presentation|notes|talk|submission)"
    r"\s+(?:for|to|at|by|presented|delivered)\s*:?$"
)
_EVENT_WORDS = re.compile(
    r"(?i)\b(?:conference|seminar|forum|symposium|summit|ceremony|awards?|dinner|luncheon|function|hotel"
    r"|meeting|workshop|graduation|convention|congress|colloquium)\b"
)
_URL = re.compile(r"(?i)https?://|\bwww\s?\.|\.(?:com|org|gov|edu|net)(?:\.[a-z]{2})?/")
_CODE_TOKEN = re.compile(r"^(?:[A-Z]{1,5}|No\.?|\d[\d/.-]*|[A-Z]{1,4}\d[\w/-]*)$")
_WORD = re.compile(r"[^\W\d_]{3,}")
_ONE_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)  # the header reader asks again about the lines it weighs
def classify(text: str) -> LineClass:
    """What one header line is (text stripped, already known not to be a plain date line)."""
    words = text.split()
    if not words:
        return LineClass.NOISE
    if _noise(text):
        return LineClass.NOISE
    if _URL.search(text) and len(words) <= 14:
        return LineClass.URL
    if _kind_label(text):
        return LineClass.KIND_LABEL
    undated = _without_dates(text)
    if undated.strip() and _code_line(undated):
        return LineClass.CODE
    if _DESCRIPTOR.match(text) or _ENDS_IN_PREPOSITION.match(text):
        return LineClass.DESCRIPTOR
    if _office_line(text):
        return LineClass.OFFICE
    if _person_line(undated):
        return LineClass.PERSON
    if _EVENT_WORDS.search(text):
        return LineClass.WEAK
    return LineClass.CANDIDATE


def strip_trailing_byline(text: str) -> str:
    """'Bouncing the Ball … refugee issues? By Susan Kneebone*' -> the title before the byline."""
    match = re.search(r"\s+(?:By|BY)\s+(?:Dr\.?\s+|Prof(?:essor)?\.?\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
                      r"[\s*†‡â]*$", text)
    if match and match.start() >= 10:
        return text[: match.start()].rstrip()
    return text


def _noise(text: str) -> bool:
    visible = [c for c in text if not c.isspace()]
    letters = sum(c.isalpha() for c in visible)
    if letters < 3 or not _WORD.search(text):
        return True
    if letters < 0.6 * len(visible):
        return True
    words = _ONE_WORD.findall(text)
    short = sum(1 for w in words if len(w) <= 2)
    return len(words) >= 3 and short > 0.6 * len(words)


def _kind_label(text: str) -> bool:
    if _LABEL_START.match(text):
        return True
    simple = " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
    simple = re.sub(r"\b(?:no\s*)?\d[\d\s/]*$", "", simple).strip()  # "news release no 139/89"
    if not simple or len(simple) > 40:
        return False
    return process.extractOne(simple, _LABEL_PHRASES, scorer=fuzz.ratio, score_cutoff=85) is not None


def _without_dates(text: str) -> str:
    for found in reversed(find_dates(text)):
        text = text[: found.start] + " " + text[found.end :]
    return re.sub(r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[.,]?", " ", text)


def _code_line(text: str) -> bool:
    tokens = [t.strip(",;:()") for t in text.split() if t.strip(",;:()")]
    if not tokens or len(tokens) > 5:
        return False
    return all(_CODE_TOKEN.match(t) for t in tokens) and any(c.isdigit() for c in text)


def _office_line(text: str) -> bool:
    if len(text.split()) > 16 or text.rstrip().endswith("."):
        return False
    if _has_verb(text):  # "Minister for Defence visits troops" is a headline
        return False
    if _OFFICE_START.match(text):
        return True
    return bool(_HONORIFIC.search(text)) and bool(re.search(r"(?i)\bminister\b|\bspokes(?:person|man)\b", text))


def _has_verb(text: str) -> bool:
    """A verb makes a line a headline; in capitals only the unambiguous verbs count ("TO", "IS" may be names)."""
    return any(m.group().islower() or m.group().lower() not in _SMALL_VERBS for m in _VERB.finditer(text))


def _person_line(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 12 or (text.rstrip().endswith((".", "?", "!")) and not _HONORIFIC.search(text)):
        return False
    if _BY_LINE.match(text):
        return True
    if _has_verb(text):
        return False
    if _HONORIFIC.search(text):
        return True
    # "Linda Pearson†", "Dr Michael Head*": a short name marked for an author's note
    return len(words) <= 4 and bool(re.search(r"[*†‡]\s*$|â", text)) and all(w[:1].isupper() for w in words)
