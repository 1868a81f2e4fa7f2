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
_PARTIES = re.compile(  # a caption: parties' roles, or "X v. Y" / "In re X" at the top of the first page
    r"\b(?:PLAINTIFFS?|DEFENDANTS?|APPELLANTS?|APPELLEES?|PETITIONERS?|RESPONDENTS?|(?:Plaintiff|Defendant"
    r"|Appellant|Appellee|Petitioner|Respondent)s?(?:[-—–](?:Appellants?|Appellees?|Petitioners?|Respondents?))?[.,](?:\s|$))"
    r"|^.{0,600}?(?:\bv(?:s)?\.\s+[A-Z]|\bIn re:?\s+[A-Z])",
    re.MULTILINE | re.DOTALL,
)
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
    """Points for court-decision, legal-filing, letter, policy-brief and transcript, from a document's lines."""
    opening = "\n".join(texts[:_OPENING_LINES])[:_CUE_CHARS]
    ending = "\n".join(texts[-_CLOSING_LINES:])[-_CUE_CHARS:]
    letter_opening = "\n".join(texts[:_LETTER_OPENING_LINES])[: 2 * _CUE_CHARS]
    letter_ending = "\n".join(texts[-_LETTER_CLOSING_LINES:])[-_CUE_CHARS:]
    court = bool(_COURT.search(opening))
    parties = bool(_PARTIES.search(opening))
    decision = len({m.group().lower() for m in _DECISION.finditer(letter_opening + "\n" + ending)})
    decision += 1 if _JUDGE.search(ending) else 0
    filing = len({m.group().lower() for m in _FILING.finditer(opening + "\n" + ending)})
    letter = (3 if _SALUTATION.search(letter_opening) else 0) + (2 if _VALEDICTION.search(letter_ending) else 0)
    court_points = (2 if court else 0) + (1 if parties else 0)
    return {
        "court-decision": court_points + min(3, 2 * decision) if (court or parties) and decision else 0,
        "legal-filing": court_points + min(4, 2 * filing) if (court or parties) and filing else 0,
        "letter": letter + (1 if court and letter and not filing else 0),
        "policy-brief": 5 if _POLICY_BRIEF.search(opening[:1500]) else 0,
        "transcript": (3 if _TRANSCRIPT_LABEL.search(heading) else 0)
        + (2 if len(_SPEAKER_TURN.findall(opening)) >= 3 else 0),
    }
