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
_PARTIES = re.compile(
    r"(?i)\b(?:plaintiffs?|defendants?|appellants?|appellees?|petitioners?|respondents?|applicants?)\b"
    r"|\bv(?:s)?\.\s+[A-Z]|\bin re:?\s+[A-Z]"
)
_DECISION = re.compile(
    r"(?:\bOPINION\b|\bORDER\b|\bJUDGMENT\b|\bJUDGEMENT\b|\bMEMORANDUM\b|\bDECISION\b|\bPER CURIAM\b"
    r"|(?i:\bit is (?:so |hereby |further )?ordered\b)|(?i:\bwe (?:affirm|reverse|vacate)\b)"
    r"|(?i:\bdelivered the opinion\b)|(?i:\bopinion of the court\b)|(?i:\bdecided:?\s+[A-Z][a-z]+ \d))"
)
_FILING = re.compile(
    r"(?i)\brespectfully submitted\b|\battorneys? for\b|\bcounsel for\b|\bbrief (?:of|for)\b"
    r"|\b(?:complaint|motion|petition) (?:for|to)\b|\bcomplaint\b|\bcomes now\b|\bdeclaration of\b"
    r"|\brule 28\(j\)|\bcertificate of service\b"
)
_SALUTATION = re.compile(r"(?m)^\s*Dear\s+[A-Z][^\n]{0,60}[:,]\s*$|^\s*Dear\s+(?:Sir|Madam|Mr|Ms|Dr|Clerk)\b")
_VALEDICTION = re.compile(r"(?i)\b(?:sincerely|yours (?:faithfully|sincerely|truly)|kind regards|best regards)\b")
_POLICY_BRIEF = re.compile(r"(?i)\bpolicy\s+(?:brief|paper|memo)\b")
_TRANSCRIPT = re.compile(
    r"(?im)\btranscript\b|\bpress conference\b|\binterview (?:with|by)\b|^\s*(?:Q|A|JOURNALIST|QUESTION|REPORTER)\s*:"
)


def legal_scores(opening: str, closing: list[str]) -> dict[str, int]:
    """Points for court-decision, legal-filing, letter, policy-brief and transcript."""
    ending = "\n".join(closing)
    court = bool(_COURT.search(opening))
    parties = bool(_PARTIES.search(opening))
    decision = len({m.group().lower() for m in _DECISION.finditer(opening + "\n" + ending)})
    filing = len({m.group().lower() for m in _FILING.finditer(opening + "\n" + ending)})
    letter = (3 if _SALUTATION.search(opening) else 0) + (2 if _VALEDICTION.search(ending) else 0)
    court_points = (2 if court else 0) + (1 if parties else 0)
    return {
        "court-decision": court_points + min(3, 2 * decision) if court or parties else 0,
        "legal-filing": court_points + min(4, 2 * filing) if (court or parties) and filing else 0,
        "letter": letter + (1 if court and letter and not filing else 0),
        "policy-brief": 5 if _POLICY_BRIEF.search(opening[:1500]) else 0,
        "transcript": 4 if _TRANSCRIPT.search(opening[:2000]) else 0,
    }
