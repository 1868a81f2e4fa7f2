"""Snippets: short HTML fragments of a hit's text with the matched words in <b>.

The matched words come from `spans` (the same matching as the reader's highlights); only
those go to Whoosh's fragmenter, scorer and HTML formatter, instead of re-analysing whole
documents.
"""

from __future__ import annotations

from whoosh import analysis, highlight

from app.search.engine.query import TextMatch
from app.search.engine.spans import matched_tokens


class _BoldFormatter(highlight.HtmlFormatter):
    """Whoosh's HTML formatter with bare <b> tags (no per-term classes)."""

    template = "<%(tag)s>%(t)s</%(tag)s>"


_FORMATTER = _BoldFormatter(tagname="b", between=" … ")
_FRAGMENTER = highlight.PinpointFragmenter(maxchars=240, surround=80, autotrim=False)
_SCORER = highlight.BasicFragmentScorer()
_MAX_MATCHES = 20  # matches considered per text, in document order: enough for 3 fragments, and
# the scan stops there (60 take twice the time on long reports for no better snippets)


def snippets(text: str, wanted: TextMatch, count: int) -> list[str]:
    """Up to `count` HTML fragments of `text` with the wanted words in <b>, in document order."""
    if not text or count <= 0 or not wanted:
        return []
    matches = [analysis.Token(text=term, startchar=start, endchar=end, boost=1.0, matched=True, chars=True)
               for start, end, term in matched_tokens(text, wanted, _MAX_MATCHES)]  # fmt: skip
    if not matches:
        return []
    fragments = highlight.top_fragments(_FRAGMENTER.fragment_matches(text, matches), count, _SCORER,
                                        highlight.SCORE, minscore=1)  # fmt: skip
    fragments.sort(key=lambda f: f.startchar)
    for fragment in fragments:
        _trim_to_words(fragment, text)
    return [" ".join(_FORMATTER.format_fragment(f).split()) for f in fragments]


def _trim_to_words(fragment: highlight.Fragment, text: str) -> None:
    """Start and end a fragment on whole words (Whoosh's autotrim also drops words at the text's edges)."""
    start, end = fragment.startchar, fragment.endchar
    first_match = fragment.matches[0].startchar if fragment.matches else end
    last_match = fragment.matches[-1].endchar if fragment.matches else start
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start, first_match)
        start = space + 1 if space != -1 else start
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", last_match, end)
        end = space if space != -1 else end
    fragment.startchar, fragment.endchar = start, end
