"""Read the caption of a court paper: the case name, the court, and the firm that filed it.

Court papers are cited by their case name ("McCrimmon v. Johnson, et al.", "In re: Richard P.
Liebowitz"), not by the banner over them ("UNITED STATES DISTRICT COURT", "OPINION"). The
caption names the parties in a column, often beside a column of case numbers set off by ")",
"]" or ":"; each side is followed by its role ("Plaintiff-Appellant,"). A letter to or from a
court is known by its "Re:" line.
"""

from __future__ import annotations

import re

from app.parsing.dates import find_dates
from app.parsing.normalise import Line

SCAN_LINES = 45
_RIGHT_COLUMN = re.compile(r"\s+[\])§:]\s.*$|\s*[\])§:]\s*$|\s+[\])]\s*\S.*$")
_RULE = re.compile(r"_{3,}|-{5,}|\*{3,}")
_ROLE = (
    r"(?:Plaintiffs?|Defendants?|Appellants?|Appellees?|Petitioners?|Respondents?|Debtors?|Movants?|Claimants?"
    r"|Intervenors?|Cross-Appellants?|Third-Party Defendants?)"
)
_ROLE_TAIL = re.compile(
    rf"(?i),?\s*{_ROLE}(?:\s*[-—–/]\s*{_ROLE})*\s*[.,:;]?(?:\s+(?:v|vs|versus)\.?)?(?:\s+(?:Case|Civil|Civ\.?|No\.).*)?$"
)
_VERSUS_LINE = re.compile(r"(?i)^(?:v|vs|versus)\.?$")
_VERSUS_END = re.compile(r"(?i)\s+(?:v|vs|versus)\.?$")
_IN_RE = re.compile(r"(?i)^(?:in\s+re|in\s+the\s+matter\s+of)\s*:?\s*(?P<rest>.*)$")
_RE_LINE = re.compile(r"^(?:Re|RE|Subject|SUBJECT)\s*:\s*(?P<subject>\S.{3,200})$")
_STOP = re.compile(
    r"(?i)^(?:no\.|case|civil|civ\.|docket|\d|filed|dated|decided|argued|submitted|entered|before|on appeal"
    r"|appeal from|for the|(?:(?:northern|southern|eastern|western|central|middle)\s+)?district of)"
)
_PARTY_LINES = 3
_ROLE_START = re.compile(rf"(?i)^{_ROLE}(?:\s*[-—–/]\s*{_ROLE})*(?![\w'’])")
_CORPORATE = (
    r"(?:LLC|L\.L\.C\.|LLP|L\.L\.P\.|Inc\.?|INC\.?|Ltd\.?|LTD\.?|L\.P\.|Co\.|CO\.|Corp\.?|CORP\.?|N\.A\.|P\.C\."
    r"|PLLC|P\.A\.)"
)
_FIRST_PARTY_CUT = re.compile(rf"(?i);|,\s+and\s+|,\s+(?!{_CORPORATE}|et\s+al)")
_ET_AL = re.compile(r"(?i),?\s+et\s+al\.?,?")
_DISTRICT = r"(?:(?:northern|southern|eastern|western|central|middle)\s+)?district\s+of\s+"
_COURT = re.compile(
    r"(?i)^(?:filed\s+)?(?:in\s+the\s+)?(?P<court>(?:united\s+states\s+)?(?:(?:supreme|district|circuit|bankruptcy"
    r"|superior|appellate|federal|county|high|family)\s+)?court"
    r"(?:\s+of\s+(?:appeals?|criminal appeals|[a-z][a-z .']+?))?)"
    rf"(?:\s+(?P<rest>(?:for|of)\s+the\s+.+|{_DISTRICT}.+))?$"
)
_COURT_MORE = re.compile(rf"(?i)^(?P<more>(?:for\s+the\s+)?{_DISTRICT}[a-z .]+|(?:for\s+the\s+)?[a-z]+\s+circuit)\b")
_FIRM = re.compile(
    rf"(?P<firm>(?:[A-Z][\w'’.-]*,?\s+(?:&\s+)?){{1,5}}{_CORPORATE})(?![\w.])"
)
_FIRM_CUE = re.compile(r"(?i)\battorneys?\b|\bcounsel\b|respectfully submitted")
_SMALL = frozenset("of the for and in on at to a an ex rel. dba v. et al.".split())
# corporate suffixes, Roman numerals, initials and vowel-less acronyms keep their capitals
_KEEP_CAPS = re.compile(rf"^(?:{_CORPORATE}|[IVX]+|(?:[A-Z]\.)+|[B-DF-HJ-NP-TV-Z]{{2,4}})[,.;]?$")


def case_title(lines: list[Line]) -> str | None:
    """'In re: X' or 'First plaintiff v. first defendant' from the caption, else a 'Re:' subject."""
    column = [_left_column(line.stripped) for line in lines[:SCAN_LINES]]
    return _in_re(column) or _parties(column) or _subject(column)


def court_name(lines: list[Line]) -> str | None:
    """The court a paper comes from, as it names itself ("United States District Court, District of Arizona")."""
    column = [_left_column(line.stripped) for line in lines[:SCAN_LINES]]
    for index, text in enumerate(column[:25]):
        text = _drop_codes(text)
        match = _COURT.match(text)
        if not match or len(text) > 120:
            continue
        court = _drop_codes(match.group("court"))
        rest = match.group("rest")
        if rest is None and index + 1 < len(column):
            more = _COURT_MORE.match(column[index + 1])
            rest = more.group("more") if more else None
        if rest:
            rest = _drop_codes(re.split(r"(?i)(?<=circuit)\b|\s{2,}", rest)[0])
            joiner = " " if rest.lower().startswith(("for ", "of ")) else ", "
            court = f"{court}{joiner}{rest}"
        court = soften_capitals(court.strip(" ,."))
        return re.sub(r"(?<=\s)(For|Of|The)(?=\s)", lambda m: m.group().lower(), court)
    return None


def filing_firm(lines: list[Line]) -> str | None:
    """The law firm that signs a filing ("… through its attorneys … of Gordon Rees Scully Mansukhani, LLP")."""
    candidates = [line.stripped for line in lines[:SCAN_LINES] if _FIRM_CUE.search(line.stripped)]
    tail = [line.stripped for line in lines[-30:]]
    if any(_FIRM_CUE.search(text) for text in tail):
        candidates.extend(tail)
    for text in candidates:
        match = _FIRM.search(text)
        if match:
            return match.group("firm").strip()
    return None


def soften_capitals(text: str) -> str:
    """'RASOOL McCRIMMON' -> 'Rasool McCrimmon': capitals set for a caption, in the case a reader writes."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.7 * len(letters):
        return text
    words = []
    for index, word in enumerate(text.split()):
        upper = [c for c in word if c.isalpha()]
        if _KEEP_CAPS.match(word) or sum(c.isupper() for c in upper) < 0.7 * max(len(upper), 1):
            words.append(word)
        elif index and word.lower() in _SMALL:
            words.append(word.lower())
        elif word.startswith(("Mc", "MC")) and len(word) > 3:
            words.append("Mc" + word[2:].capitalize())
        else:
            words.append(word[:1] + word[1:].lower())
    return " ".join(words)


def _left_column(text: str) -> str:
    """The caption's left column of a line. Blanks are collapsed first: the column patterns (and the role
    patterns run on the result) then meet single spaces only, and a line of countless blanks stays linear."""
    text = " ".join(_RULE.sub(" ", text).split())
    return " ".join(_RIGHT_COLUMN.sub("", text).split())


def _drop_codes(text: str) -> str:
    return " ".join(word for word in text.split() if not any(c.isdigit() for c in word))


def _in_re(column: list[str]) -> str | None:
    for index, text in enumerate(column):
        match = _IN_RE.match(text)
        if not match:
            continue
        parts = [match.group("rest")] if match.group("rest") else []
        following = index + 1
        while following < len(column) and len(parts) < 4:
            nxt = column[following]
            joined = " ".join(parts)
            if not nxt or _STOP.match(nxt) or _ROLE_TAIL.fullmatch(nxt) or (parts and not _continues(joined, nxt)):
                break
            parts.append(nxt)
            following += 1
        name = re.split(r"(?i)\s+no\.", " ".join(parts))[0].strip(" ,;")
        if len(name) >= 3:
            return "In re: " + soften_capitals(name)
    return None


def _continues(joined: str, following: str) -> bool:
    """A caption name wraps onto the next line while it ends in a comma or runs on in capitals."""
    if joined.endswith(","):
        return True
    return (joined.split()[-1][:1].isupper() and following[:1].isupper()
            and not following.endswith((".", ":")) and len(joined) < 80)


def _parties(column: list[str]) -> str | None:
    for index, text in enumerate(column):
        glued = _VERSUS_END.search(text)
        if not (_VERSUS_LINE.match(text) or glued):
            continue
        before = column[:index] + ([_VERSUS_END.sub("", text)] if glued else [])
        first = _party(reversed(before), backwards=True)
        second = _party(column[index + 1 :], backwards=False)
        if first and second:
            return f"{first} v. {second}"
    return None


def _party(texts: object, *, backwards: bool) -> str | None:
    """The nearest party block on one side of the 'v.', its role removed, cut to the first-named party."""
    collected: list[str] = []
    closed = backwards  # going down, a role line closes the block; going up, the block ends where it ends
    for text in texts:  # type: ignore[attr-defined]
        if not text:
            if collected:
                break
            continue
        if not backwards and _ROLE_START.match(text):
            closed = True
            break
        role = _ROLE_TAIL.search(text)
        if role:
            text = text[: role.start()]
            if not backwards:
                collected.append(text)
                closed = True
                break
            if not collected and not text.strip(" ,"):
                continue
            if collected:
                break
        if _STOP.match(text) or _COURT.match(text) or find_dates(text) or len(collected) >= _PARTY_LINES:
            break
        collected.append(text)
    if not closed:  # no role closed the block: the party is its first line
        del collected[1:]
    if backwards:
        collected.reverse()
    name = " ".join(part.strip() for part in collected).strip(" ,.;:")
    if not name:
        return None
    et_al = _ET_AL.search(name)
    first = _FIRST_PARTY_CUT.split(_ET_AL.sub("", name), maxsplit=1)[0].strip(" ,.;")
    if not first or len(first) > 120:
        return None
    return soften_capitals(first) + (", et al." if et_al and et_al.start() <= len(first) + 2 else "")


def _subject(column: list[str]) -> str | None:
    for text in column:
        match = _RE_LINE.match(text)
        if match:
            return text.strip()
    return None
