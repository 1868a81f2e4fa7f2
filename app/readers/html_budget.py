"""What a page's attributes would cost as a tree, known before BeautifulSoup builds it.

bs4 keeps about 95 bytes an attribute however short it is written: in `<p a b c …>` an attribute
takes two characters, so 20 MB of markup can hold ten million of them (a gigabyte, and seconds of
work per megabyte). The tag count that sends huge pages to the stream reader does not see them.

Every attribute after a tag's first follows a blank, a "/" or a quoted value (whose "=" is
counted), so those characters bound their number at C speed; a text with more of them than the
limit (any long page: its words are separated by blanks) is counted exactly by lxml's HTML parser,
the one bs4 uses, reporting each start tag's attributes without building a tree, and stopping as
soon as the count passes the limit.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

_SEPARATORS = ("=", "/", " ", "\t", "\n", "\r", "\f")


class _PastLimit(Exception):
    """Raised from inside the parser to stop it once the count passes the limit."""


class _Counter:
    """An lxml parser target: start tags' attributes only (no tree, no text)."""

    def __init__(self, limit: int) -> None:
        self.count = 0
        self.limit = limit

    def start(self, _tag: str, attrib: Any) -> None:
        self.count += len(attrib)
        if self.count > self.limit:
            raise _PastLimit

    def close(self) -> int:
        return self.count


def attribute_bound(markup: str) -> int:
    """An upper bound on the attributes of `markup`, at C speed."""
    return sum(map(markup.count, _SEPARATORS))


def attribute_count(markup: str, limit: int) -> int:
    """The attributes lxml's HTML parser reads in `markup`, exact up to `limit`, and `limit + 1` past it."""
    counter = _Counter(limit)
    parser = etree.HTMLParser(target=counter, no_network=True)
    try:
        parser.feed(markup)
        parser.close()
    except _PastLimit:
        return limit + 1
    except (etree.LxmlError, ValueError):  # what lxml cannot read, bs4 will not build a tree of either
        pass
    return counter.count


def too_many_attributes(markup: str, limit: int) -> bool:
    """Whether a tree of `markup` would hold more than `limit` attributes."""
    return attribute_bound(markup) > limit and attribute_count(markup, limit) > limit
