"""Decide what kind of document this is from cues of the genre.

Each kind collects points from its cues (a "Last Updated" line and the
Monitor's section names for a country profile; "Press release" or a ministry
number "No:493/22" for a press release; vocatives for a speech; a "Statement
by/of" title for a statement); the best kind above a threshold wins, ties going
to the more specific kind. Otherwise running prose is an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.parsing.guarded import GuardedPattern
from app.parsing.header import Header, is_prose, strip_dateline
from app.parsing.headline import LineClass
from app.parsing.kind_legal import legal_scores
from app.parsing.normalise import Line
from app.parsing.organisations import subject_organisation

THRESHOLD = 3
_CUE_CHARS = 3000  # openings and closings are read this far: cues sit at the edges

PROFILE_HEADINGS = frozenset(
    """
    mine ban policy|cluster munition ban policy|mine action|support for mine action|casualties
    |victim assistance|casualties and victim assistance|contamination|impact|policy|use|production
    |transfer|stockpiling|production, transfer, and stockpiling|production, transfer and stockpiling
    |use, production, transfer, and stockpiling|use, production, transfer and stockpiling
    |stockpile destruction|mines retained for research and training|mines retained for training and research
    |transparency reporting|article 7 reporting|treaty status|program management|land release|clearance
    |risk education|explosive ordnance risk education|mine/erw risk education|mine risk education
    |international cooperation and assistance|program performance|management and coordination
    |strategic planning|legislation and standards|quality management|information management
    |landmine monitor|cluster munition monitor|convention on conventional weapons|mine action program
    """.replace("\n", "").split("|")
)

_PRESS_WORDS = re.compile(
    r"(?i)\b(?:press release|news release|media release|press statement|for immediate release|communiqu[ée]"
    r"|media advisory)\b"
)
_PRESS_CLOSING = GuardedPattern(
    r"(?i)(?:for (?:more|further) information|further information:|media contacts?|press contacts?|^contacts?:"
    r"|media enquiries|for interview|notes to editors|^#{3}$"
    r"|^-+\s*ends?\s*-+$|^[–—]\s*ends?\s*[–—]$)",
    ("information", "contact", "enquiries", "interview", "editors"),
    starts="#-–—",
)
_NUMBERED = re.compile(r"(?i)^No\.?\s*:?\s*[0-9]+\s*/\s*[0-9]+")
_STATEMENT_TITLE = re.compile(
    r"(?i)^(?:joint\s+|closing\s+|opening\s+)?statement\b|\bstatement\s+(?:of|by|on|from|to)\b"
)
_SPEECH_TITLE = re.compile(
    r"(?i)\b(?:speech|remarks|address(?:ed)? (?:by|to)|keynote|lecture|as delivered|check against delivery)\b"
)
_VOCATIVES = GuardedPattern(
    r"(?i)\b(?:ladies and gentlemen|mr\.? president|madam president|mr\.? chair(?:man|person)?|madam chair"
    r"|excellenc(?:y|ies)|distinguished (?:delegates|guests|colleagues|participants)|dear (?:colleagues|friends)"
    r"|i thank you|thank you,? (?:mr|madam|madame|chair)|check against delivery|honou?rable (?:minister|members))\b",
    ("ladies", "president", "chair", "excellenc", "distinguished", "dear", "thank you", "delivery", "rable"),
)
_RELEASE_LABEL = re.compile(r"(?i)\b(?:media|press|news)\s+r\w{4,6}\b")  # OCR: "Media ReIease"
_ANNOUNCES = GuardedPattern(
    r"(?i)\bI\s+am\s+(?:pleased|delighted|proud)\s+to\s+announce\b|\b(?:said|announced)\s+today\b",
    ("announce", "today"),
)
_SPOKEN = re.compile(
    r"(?i)^(?:an?\s+|the\s+)?(?:(?:opening|closing|keynote|welcoming|inaugural)\s+)?(?:address|speech|remarks"
    r"|lecture|oration|talk)\b"
)
_PAPER = re.compile(r"(?i)^(?:a\s+)?(?:(?:conference|discussion|working)\s+)?(?:paper|presentation|submission)\b")
_REPORT_TITLE = re.compile(
    r"(?i)\b(?:report|annual report|monitor 20[0-9]{2}|fact ?sheet|briefing paper|survey|assessment|review)\b"
)
_REPORT_HEADINGS = frozenset(
    {
        "executive summary",
        "table of contents",
        "contents",
        "introduction",
        "conclusion",
        "conclusions",
        "recommendations",
        "methodology",
        "summary",
        "key findings",
        "findings",
        "annex",
        "annexes",
    }
)
_WIKI_TAGS = re.compile(r"(?i)\[(?:citation|clarification|verification|according to whom\?|when|who|which) needed\]")
_PRESS_VERBS = frozenset(
    "is|are|calls|called|welcomes|welcomed|condemns|condemned|urges|urged|expresses|announces|announced"
    "|applauds|deplores|congratulates|regrets|notes|has|have|today|strongly|reiterates|demands|appeals"
    "|launches|launched|releases|released|reports|warns|said|says".split("|")
)


@dataclass(slots=True)
class KindCues:
    """What the kind decision looks at, gathered once by the caller."""

    lines: list[Line]
    header: Header
    has_note_list: bool
    marker_count: int
    alone: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.alone = standalone_lines(self.lines)


def standalone_lines(lines: list[Line]) -> list[str]:
    """Lines that are a block of their own: where headings live."""
    counts: dict[int, int] = {}
    for line in lines:
        counts[line.block] = counts.get(line.block, 0) + 1
    return [line.stripped for line in lines if counts[line.block] == 1]


def _scores(cues: KindCues) -> dict[str, int]:
    header, lines = cues.header, cues.lines
    title = lines[header.title_line].stripped if header.title_line is not None else ""
    head_texts = [lines[i].stripped for i in sorted(header.header_lines)]
    alone = {" ".join(text.lower().rstrip(":").split()) for text in cues.alone if len(text) <= 100}
    prose = any(is_prose(line.stripped) for line in lines)
    opening = " ".join(line.stripped[:_CUE_CHARS] for line in lines[:12])[:_CUE_CHARS]
    closing = [line.stripped[-_CUE_CHARS:] for line in lines[-6:]]
    folded_opening, folded_closing = opening.casefold(), [text.casefold() for text in closing]

    profile = 2 if header.date_label == "last updated" else 0
    profile += min(3, len(alone & PROFILE_HEADINGS))

    classes = set(header.classes.values())
    descriptions = [lines[i].stripped for i, c in header.classes.items() if c is LineClass.DESCRIPTOR]
    labels = " ".join(header.kind_labels)
    press = 3 if any(_PRESS_WORDS.search(t) for t in head_texts) or _RELEASE_LABEL.search(labels) else 0
    press += 2 if LineClass.OFFICE in classes and not descriptions else 0
    press += 1 if LineClass.CODE in classes else 0
    press += 2 if _ANNOUNCES.search(opening, folded_opening) else 0
    press += 3 if _NUMBERED.match(title) else 0
    press += 1 if header.date_first or header.dateline else 0
    if prose and header.first_prose is not None:
        organisation = subject_organisation(strip_dateline(lines[header.first_prose].stripped))
        press += 2 if organisation and organisation.verb.lower() in _PRESS_VERBS else 0
    press += 1 if any(_PRESS_CLOSING.search(t, f) for t, f in zip(closing, folded_closing, strict=True)) else 0

    statement = 6 if _STATEMENT_TITLE.search(title) else 0
    statement += 3 if "statement" in header.kind_labels or "joint statement" in header.kind_labels else 0

    speech = 3 if _SPEECH_TITLE.search(title) else 0
    speech += 3 if any(label in ("speech", "remarks") for label in header.kind_labels) else 0
    vocatives = {m.group().lower() for m in _VOCATIVES.finditer(opening, folded_opening)}
    for text, folded in zip(closing, folded_closing, strict=True):
        vocatives |= {m.group().lower() for m in _VOCATIVES.finditer(text, folded)}
    speech += min(4, 2 * len(vocatives))
    speech += 4 if any(_SPOKEN.match(t) for t in descriptions) or "speeches" in labels else 0

    report = 3 if _REPORT_TITLE.search(title) else 0
    report += min(3, len(alone & _REPORT_HEADINGS))
    report += 4 if any(_PAPER.match(t) for t in descriptions) else 0
    report += 2 if "abstract" in alone else 0
    report += 1 if cues.has_note_list and LineClass.PERSON in classes else 0

    return {
        "country-profile": profile,
        "press-release": press,
        "statement": statement,
        "speech": speech,
        "report": report,
        **legal_scores([line.stripped for line in lines], " ".join([title, *header.kind_labels])),
    }


def detect_kind(cues: KindCues, declared: str | None = None) -> str:
    """One of app.model.KINDS; `declared` (a page's own weak claim, e.g. og:type) stands in for the guess
    from the shape of the prose when no cue reaches the threshold."""
    scores = _scores(cues)
    best = max(scores.values())
    if best >= THRESHOLD:
        return next(kind for kind, score in scores.items() if score == best)
    if declared:
        return declared
    prose_count = sum(1 for line in cues.lines if is_prose(line.stripped))
    wiki = any(_WIKI_TAGS.search(line.text) for line in cues.lines)
    if wiki or (cues.marker_count and not cues.has_note_list and prose_count >= 2):
        return "article"
    if cues.has_note_list and len(cues.alone) >= 4:
        return "report"
    return "article" if prose_count >= 2 else "other"
