"""Cues for the kinds of legal and policy documents: court decisions, filings, letters, policy briefs, transcripts.

Court papers announce themselves in their first page (the court's name, the
parties "v." each other, "OPINION", "ORDER", "IT IS ORDERED"); a filing is
written by counsel ("Respectfully submitted", "Attorneys for"); a letter has a
salutation and a closing. Scores are on the same scale as app.parsing.kind's.
"""

from __future__ import annotations

import re

_COURT = re.compile(
    r"(?i)\b(?:supreme|district|circuit|appellate|superior|bankruptcy|federal|high|county|family|magistrates?)"
    r"\s+court\b|\bcourt\s+of\s+(?:appeals?|justice|first instance|criminal appeal)\b|\btribunal\b"
    r"|\bin the (?:[a-z]+\s+){0,3}court\b|\breview board\b"
)
_ROLES = re.compile(  # a caption's parties by their roles
    r"\b(?:PLAINTIFFS?|DEFENDANTS?|APPELLANTS?|APPELLEES?|PETITIONERS?|RESPONDENTS?|(?:Plaintiff|Defendant"
    r"|Appellant|Appellee|Petitioner|Respondent)s?(?:[-—–](?:Appellants?|Appellees?|Petitioners?|Respondents?))?[.,](?:\s|$))"
)
_CASE_NAME = re.compile(r"\bv(?:s)?\.\s+[A-Z]|\bIn re:?\s+[A-Z]")  # "X v. Y", "In re X": at the top of the first page
_CASE_NAME_CHARS = 600
_COURT_WORDS = ("court", "tribunal", "review board")
_ROLE_WORDS = ("plaintiff", "defendant", "appellant", "appellee", "petitioner", "respondent")
_VALEDICTION_WORDS = ("sincerely", "yours", "regards")
_DECISION = re.compile(
    r"(?:\bOPINION\b|\bORDERS?\b|\bO R D E R\b|\bJUDGMENT\b|\bJUDGEMENT\b|\bMEMORANDUM\b|\bDECISION\b"
    r"|(?i:\bper curiam\b)|(?i:\bit is (?:so |hereby |further )?ordered\b)|(?i:\bwe (?:affirm|reverse|vacate)\b)"
    r"|(?i:\bdelivered the opinion\b)|(?i:\bopinion of the court\b)|(?i:\bdecided:?\s+[A-Z][a-z]+ \d))"
)
_FILING = re.compile(  # what counsel writes; an opinion also talks of "the complaint" and "the motion"
    r"(?i:\brespectfully submitted\b|\battorneys? for\b|\bcounsel (?:for|of record)\b|\bcomes now\b"
    r"|\brule 28\(j\)|\bcertificate of service\b|\bby (?:his|her|their) (?:attorneys?|counsel)\b)"
    r"|\b(?:BRIEF|COMPLAINT|MOTION|PETITION|DECLARATION|MEMORANDUM OF (?:LAW|POINTS))\b"
)
_JUDGE = re.compile(r"\b(?:United States )?(?:District|Circuit|Magistrate|Bankruptcy)\s+Judge\b|\bJUDGE\b|\bJustice\b")
_SALUTATION = re.compile(
    r"(?m)^\s*Dear\s+[A-Z][^\n]{0,60}[:,]\s*$|^\s*Dear\s+(?:Sir|Madam|Mr|Ms|Dr|Clerk)\b"
    r"|^\s*To (?:All Parties|Whom It May Concern|Counsel)\b"
)
_VALEDICTION = re.compile(
    r"(?i)\b(?:sincerely|yours (?:faithfully|sincerely|truly)|(?:very )?truly yours|kind regards|best regards)\b"
)
_POLICY_BRIEF = re.compile(r"(?i)\bpolicy\s+(?:brief|paper|memo)\b")
_TRANSCRIPT_LABEL = re.compile(r"(?i)\btranscript\b|\bpress conference\b|\bdoorstop\b")
_SPEAKER_TURN = re.compile(r"(?m)^\s*(?:Q|A|JOURNALIST|QUESTION|REPORTER|INTERVIEWER|[A-Z]{3,20})\s*:\s")


_OPENING_LINES = 12
_LETTER_OPENING_LINES = 30  # an address block and a "Re:" line can come before the salutation
_CLOSING_LINES = 6
_LETTER_CLOSING_LINES = 16  # signature, "By:", "cc:" lines follow the valediction
_CUE_CHARS = 3000


def legal_scores(texts: list[str], heading: str = "") -> dict[str, int]:
    """Points for court-decision, legal-filing, letter, policy-brief and transcript, from a document's lines.

    Every cue's regex runs only when a plain substring test says it may match: most documents are
    none of these kinds, and this runs on every import.
    """
    opening = "\n".join(texts[:_OPENING_LINES])[:_CUE_CHARS]
    ending = "\n".join(texts[-_CLOSING_LINES:])[-_CUE_CHARS:]
    letter_opening = "\n".join(texts[:_LETTER_OPENING_LINES])[: 2 * _CUE_CHARS]
    letter_ending = "\n".join(texts[-_LETTER_CLOSING_LINES:])[-_CUE_CHARS:]
    low_opening, low_letter_opening, low_letter_ending = opening.lower(), letter_opening.lower(), letter_ending.lower()
    court = _any_in(low_opening, _COURT_WORDS) and bool(_COURT.search(opening))
    top = opening[:_CASE_NAME_CHARS]
    parties = bool(
        (_any_in(low_opening, _ROLE_WORDS) and _ROLES.search(opening))
        or (_any_in(top.lower(), ("v.", "vs.", "in re")) and _CASE_NAME.search(top))
    )
    decision = filing = 0
    if court or parties:  # the rest is read only for court papers
        decision = len({m.group().lower() for m in _DECISION.finditer(letter_opening + "\n" + ending)})
        decision += 1 if _JUDGE.search(ending) else 0
        filing = len({m.group().lower() for m in _FILING.finditer(opening + "\n" + ending)})
    letter = 3 if _any_in(low_letter_opening, ("dear", "to all", "to whom", "to counsel")) and _SALUTATION.search(
        letter_opening
    ) else 0
    letter += 2 if _any_in(low_letter_ending, _VALEDICTION_WORDS) and _VALEDICTION.search(letter_ending) else 0
    court_points = (2 if court else 0) + (1 if parties else 0)
    turns = opening.count(":") >= 3 and len(_SPEAKER_TURN.findall(opening)) >= 3
    return {
        "court-decision": court_points + min(3, 2 * decision) if (court or parties) and decision else 0,
        "legal-filing": court_points + min(4, 2 * filing) if (court or parties) and filing else 0,
        "letter": letter + (1 if court and letter and not filing else 0),
        "policy-brief": 5 if "policy" in low_opening[:1500] and _POLICY_BRIEF.search(opening[:1500]) else 0,
        "transcript": (3 if _TRANSCRIPT_LABEL.search(heading) else 0) + (2 if turns else 0),
    }


def _any_in(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)
