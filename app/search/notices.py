"""What a search tells its user about the query it ran, in English, with a key the desktop app translates by.

A `Notice` is the English text itself (a `str`: the command line, JSON and tests read it as one), and
carries what made it: its `key`, the `values` it quotes and the `parts` it joins, so that the app can
say it in the user's language (`ui/search_notices.py`). The texts are marked for Qt's `lupdate`, which
reads this file too (`make translations`); app/ itself loads no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:
    """Marks `text` for Qt's translation tools, which read the call; returns it unchanged."""
    return text


ENGLISH: dict[str, str] = {
    "rebuilding": QT_TRANSLATE_NOOP(
        "SearchNotice", "The search index is being rebuilt; results are incomplete until it finishes"),
    "long-words": QT_TRANSLATE_NOOP("SearchNotice", "Words over {0} characters left out"),
    "deep-parentheses": QT_TRANSLATE_NOOP("SearchNotice", "Parentheses nested deeper than {0} ignored"),
    "query-cut": QT_TRANSLATE_NOOP("SearchNotice", "Query cut to its first {0} characters"),
    "many-terms": QT_TRANSLATE_NOOP("SearchNotice", "Only the first {0} terms searched"),
    "short-prefix": QT_TRANSLATE_NOOP(
        "SearchNotice", "Prefix '{0}' too short: at least {1} characters before *; searched without it"),
    "plain-words": QT_TRANSLATE_NOOP("SearchNotice", "{parts}: searched as plain words"),
    "unbalanced-quote": QT_TRANSLATE_NOOP("SearchNotice", "Unbalanced quote"),
    "unbalanced-bracket": QT_TRANSLATE_NOOP("SearchNotice", "Unbalanced bracket"),
    "unbalanced-parenthesis": QT_TRANSLATE_NOOP("SearchNotice", "Unbalanced parenthesis"),
    "unknown-field": QT_TRANSLATE_NOOP("SearchNotice", "Unknown field '{0}'"),
    "empty-field": QT_TRANSLATE_NOOP("SearchNotice", "Field '{0}:' has no value"),
    "bad-date": QT_TRANSLATE_NOOP(
        "SearchNotice", "Date '{0}' not understood (use date:2013, date:2013-09 or date:[2020 to 2022])"),
    "range-field": QT_TRANSLATE_NOOP("SearchNotice", "Ranges work on date: only, not on '{0}:'"),
    "range-alone": QT_TRANSLATE_NOOP("SearchNotice", "Ranges work on date: only"),
    "dangling-operator": QT_TRANSLATE_NOOP("SearchNotice", "Dangling operator '{0}'"),
    "unknown-kind": QT_TRANSLATE_NOOP("SearchNotice", "No kind is called {0}; the kinds are {1}"),
    "several": QT_TRANSLATE_NOOP("SearchNotice", "{parts}"),
}


class Notice(str):
    """One message: its English text, with the key, quoted values and joined parts it was made from."""

    key: str
    values: tuple[str, ...]
    parts: tuple[Notice, ...]

    def __new__(cls, key: str, *values: object, parts: Iterable[Notice] = ()) -> Notice:
        joined = tuple(parts)
        shown = tuple(value if isinstance(value, str) else f"{value:,}" for value in values)
        notice = super().__new__(cls, ENGLISH[key].format(*shown, parts="; ".join(joined)))
        notice.key, notice.values, notice.parts = key, shown, joined
        return notice

    def __reduce__(self) -> tuple[Any, ...]:  # a str's own would rebuild it from its text alone
        return (_rebuilt, (self.key, self.values, self.parts))


def _rebuilt(key: str, values: tuple[str, ...], parts: tuple[Notice, ...]) -> Notice:
    return Notice(key, *values, parts=parts)


def joined(notices: Iterable[Notice]) -> Notice | None:
    """The notices as the one line a result shows (None for none)."""
    found = tuple(dict.fromkeys(notices))
    if not found:
        return None
    return found[0] if len(found) == 1 else Notice("several", parts=found)
