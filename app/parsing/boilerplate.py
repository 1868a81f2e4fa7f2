"""Drop web-page furniture that readers carry over into the text.

Only whole lines that are plainly navigation, sharing, copyright, cookie or
banner text are dropped: losing a real paragraph is worse than keeping a stray
"Print". Image captions ("Location of Nagorno-Karabakh") are kept: they describe
what the page shows and researchers search them. Dropped lines are returned
too, because a copyright line still tells who published the page.
"""

from __future__ import annotations

import re

from app.parsing.normalise import Block

# Navigation and sharing items; a line made only of these (alone or joined by
# separators such as "|") is furniture.
_NAV_ITEMS = frozenset(
    """
    share|share this|share this page|share this article|share this story|share this post|share on facebook
    |share on twitter|share on linkedin|share via email|tweet|email|e-mail|email this page|print|print this page
    |print page|print version|printer-friendly version|printer friendly version|back to top|top|go to top
    |top of page|skip to content|skip to main content|skip navigation|read more|see more|more news
    |related news|related articles|related posts|related stories|privacy|privacy policy|privacy notice
    |privacy statement|cookie policy|cookies policy|cookies|cookie settings|cookie preferences|manage cookies
    |accept cookies|accept all cookies|accept all|reject all|decline|got it|terms of use|terms and conditions
    |terms of service|legal notice|disclaimer|imprint|sitemap|site map|accessibility|contact us|follow us
    |subscribe|newsletter|facebook|twitter|x|linkedin|whatsapp|telegram|instagram|youtube|flickr|rss
    |copy link|download pdf|print pdf|back|menu
    """.replace("\n", "").split("|")
)
_NAV_SEPARATORS = re.compile(r"\s*[|•·»›]\s*|\s{2,}")
_FURNITURE_PATTERNS = [
    r".{0,60}\bbanner image\b.{0,100}",
    r"(?:©|copyright\s*(?:©|\(c\)|[0-9]{4})|\(c\)\s*[0-9]{4}).{0,250}",
    r".{0,250}\ball rights reserved\b.{0,250}",
    r"(?:this|our) (?:web)?site uses cookies.{0,400}",
    r"we use cookies.{0,400}",
    r"by (?:continuing|using) (?:to (?:browse|use) )?(?:this|our) (?:web)?site.{0,300}",
    r"(?:share|follow us|find us|connect with us) on .{1,60}",
    r"(?:subscribe|sign up) (?:to|for) (?:our|the) (?:newsletter|mailing list|updates).{0,100}",
    r"(?:home|main page)(?:\s*[>»›/|]\s*[^>»›/|]{1,80}){1,8}",
    r"page [0-9]{1,4} of [0-9]{1,4}",
    r"(?:photo|image|picture)\s*(?:credit|courtesy)?\s*:\s*.{1,120}",
    r"(?:you are here|jump to navigation|jump to search|from wikipedia, the free encyclopedia)\s*:?",
]
# One alternation, tried only on lines holding a cue word, keeps long documents fast.
_FURNITURE = re.compile("|".join(f"(?:{pattern})" for pattern in _FURNITURE_PATTERNS), re.IGNORECASE)
# Words one of which every furniture line holds (lower-cased): the patterns run only on lines holding one.
# Substring tests, each a C loop, cost a third of one regex alternation over the same line.
_FURNITURE_CUES = (
    "banner", "©", "copyright", "(c)", "rights reserved", "cookie", "site", "share", "follow", "find us",
    "connect with", "subscribe", "sign up", "home", "main page", "page", "photo", "image", "picture", "you are here",
    "jump to", "wikipedia",
)  # fmt: skip
_SEPARATOR_CHARS = "|•·»›"  # or two spaces
_DOUBLE_SPACE = re.compile(r"\s\s")
_MAX_FURNITURE_LINE = 400


def is_furniture(line: str) -> bool:
    """True when a whole line is navigation, sharing, cookie, banner or copyright text."""
    text = line.strip()
    if not text or len(text) > _MAX_FURNITURE_LINE:
        return False
    lowered = text.lower()
    if lowered.strip(" :.") in _NAV_ITEMS:
        return True
    if any(map(lowered.__contains__, _SEPARATOR_CHARS)) or _double_space(lowered):
        items = [item.strip(" :.") for item in _NAV_SEPARATORS.split(lowered)]
        items = [item for item in items if item]
        if len(items) > 1 and all(item in _NAV_ITEMS for item in items):
            return True
    return any(map(lowered.__contains__, _FURNITURE_CUES)) and _FURNITURE.fullmatch(text) is not None


def _double_space(text: str) -> bool:
    """Two whitespace characters in a row. In a printable text the only whitespace is the ASCII space
    (every other one is a control or separator character), so a substring test says it."""
    return "  " in text if text.isprintable() else _DOUBLE_SPACE.search(text) is not None


EDGE_BLOCKS = 12  # paragraphs at each end of a document where its own furniture stands


def strip_furniture(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """Blocks without furniture lines (empty blocks dropped), and the lines dropped at the document's edges.

    Only the edges' furniture is returned (it is where a page's own copyright and "Published by" sit);
    a copyright line quoted in the middle of the text is dropped too, but says nothing of the publisher.
    """
    kept: list[Block] = []
    dropped: list[str] = []
    last = len(blocks) - EDGE_BLOCKS
    for index, block in enumerate(blocks):
        lines = []
        for line in block:
            if not is_furniture(line):
                lines.append(line)
            elif index < EDGE_BLOCKS or index >= last:
                dropped.append(line.strip())
        if lines:
            kept.append(lines)
    return kept, dropped
