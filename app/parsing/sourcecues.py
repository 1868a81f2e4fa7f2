"""Does a footnote cite a source, or only comment? The question "Ibid" depends on.

"Ibid." names the last earlier note that cited a source: a note such as "This
was later repealed." or "That is, s 51(xix) of the Constitution." sits between
a citation and its Ibid without being what the Ibid repeats. The rule:

1. A note with a strong cue cites a source: a URL; a quoted title of two words
   or more; a law report ("(1992) 175 CLR 1", "[2003] HCA 2"); a case name
   ("Smith v Jones"); an Act, Convention or Treaty with its year ("Migration
   Act 1958", "1951 Convention"); a reference to another note ("above n 3",
   "supra note 4", "op. cit."); a page cite ("p. 155", "pp. 133-34").
2. Without one, it is a comment when it opens like a gloss ("That is",
   "i.e.", "This", "Note that", "Although", "Emphasis added", "See the
   discussion above") or reads as a sentence (a finite verb outside quotes).
3. Anything else is taken to cite a source: a short title or a name and a
   year ("Nineteen Eighty-Four, Penguin, 2003.") is how most notes read, and
   skipping a real source would send the Ibid to the wrong one.

Every test is a regular expression without nested repetition: linear on a note.
"""

from __future__ import annotations

import re

from app.parsing.urls import find_url

MAX_NOTE_CHARS = 5_000  # cues are looked for in a note's first characters; beyond is noise

_QUOTED = re.compile(r"“([^“”]{1,600})”|\"([^\"]{1,600})\"|‘([^‘’]{1,600})’")
_STRONG = re.compile(
    r"\([12][0-9]{3}\)\s*[0-9]+\s+[A-Z]"  # (1992) 175 CLR 1
    r"|\[[12][0-9]{3}\]\s*(?:[0-9]+\s+)?[A-Z]{2,}"  # [2003] HCA 2, [1999] 2 AC 629
    r"|\b[A-Z][\w'’.&-]*\s+v\.?\s+[A-Z]"  # Smith v Jones, Ruddock v. Vadarlis
    r"|\b(?:Act|Acts|Bill|Regulations?|Ordinance|Code|Convention|Covenant|Treaty|Protocol|Charter|Statute)"
    r",?\s+(?:\([^()]{1,20}\)\s+)?[12][0-9]{3}\b"  # Migration Act 1958, Acts (Nos 1, 5) 2001
    r"|\b[12][0-9]{3}\s+(?:Convention|Covenant|Treaty|Protocol|Act|Charter|Declaration)\b"  # 1951 Convention
    r"|(?i:\b(?:above|below|supra|infra)\s*,?\s*(?:at\s+)?(?:n|nn|note|notes|fn)\b\.?\s*[0-9])"  # above n 3
    r"|(?i:\bnotes?\s+[0-9]+)"  # Adler note 6
    r"|(?i:\b(?:op|loc)\.?\s*cit\b)"
    r"|\bpp?\.\s*[0-9ivxlc]"  # p. 155, pp. 133-34
)
_GLOSS = re.compile(
    r"(?i)\s*(?:that is\b|i\.\s?e\.|namely\b|in other words\b|this\b|these\b|those\b|it\b|there\b|note that\b"
    r"|although\b|however\b|but\b|emphasis\b|as (?:noted|discussed|explained|mentioned)\b"
    r"|see (?:the )?(?:discussion|text|section|part|chapter|above|below)\b)"
)
_VERBS = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|said|says|stated|claimed|denied|noted|indicated|told|added"
    r"|explained|believes|believed|remains|remained|refers|referred|did|does|could|would|should|will|can|may"
    r"|might|must|confirmed|showed|shows|found|appears|seems|passed|examined|considered|argued|held|decided)\b"
)


def cites_source(text: str) -> bool:
    """Whether a note's text cites a source (see the module's rule), rather than only commenting."""
    text = " ".join(text[:MAX_NOTE_CHARS].split())
    if not text:
        return False
    if has_strong_cue(text):
        return True
    if _GLOSS.match(text):
        return False
    return _VERBS.search(_QUOTED.sub(" ", text)) is None


def has_strong_cue(text: str) -> bool:
    """Whether the text carries a cue that only a citation carries (rule 1 of the module)."""
    if _STRONG.search(text) or find_url(text):
        return True
    return any(" " in quoted.group().strip("“”\"‘’ ") for quoted in _QUOTED.finditer(text))
