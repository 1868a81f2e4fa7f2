"""Cleaning metadata hints declared by a format (front matter, <meta>, PDF info).

Hints are suggestions for the parser, so anything dubious is dropped rather
than guessed: an empty title, a word processor's file name, an unknown kind.
"""

from __future__ import annotations

import datetime as dt
import re

from app.model import KINDS

_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?\s*$")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")
_JUNK_TITLE = re.compile(
    r"^(microsoft (word|powerpoint|excel)\s*-|untitled|document\d*$|doc\d*$|slide\s*\d*$|title$)"
    r"|\.(docx?|rtf|odt|pdf|pptx?|xlsx?|txt|html?|indd|qxd|tmp)$",
    re.IGNORECASE,
)
_JUNK_AUTHOR = re.compile(r"^(user|admin|administrator|owner|author|unknown|pc|windows user)$", re.IGNORECASE)


def iso_date(value: object) -> str | None:
    """ISO `YYYY-MM-DD` (or YYYY-MM / YYYY) from a date, datetime or date-like string.

    Strings that are not ISO-like are returned stripped, as written, for the
    parser's own date recognition.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_DATE.match(value) or _PDF_DATE.match(value.strip())
    if not match:
        return value.strip()
    return "-".join(part for part in match.groups() if part)


def tag_list(value: object) -> list[str]:
    """Tags from a YAML list or a comma/semicolon separated string."""
    if isinstance(value, str):
        items: list[object] = re.split(r"[,;]", value)
    elif isinstance(value, list | tuple | set):
        items = list(value)
    else:
        return []
    tags: list[str] = []
    for item in items:
        if item is None or isinstance(item, dict | list):
            continue
        tag = " ".join(str(item).split())
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def kind_name(value: object) -> str | None:
    """A kind from KINDS, accepting 'Press release', 'press_release', 'country profile'."""
    if not isinstance(value, str):
        return None
    kind = re.sub(r"[\s_]+", "-", value.strip().lower())
    return kind if kind in KINDS else None


def meaningful_title(value: object) -> str | None:
    """The title unless it is empty or an authoring tool's placeholder/file name."""
    if not isinstance(value, str):
        return None
    title = " ".join(value.split())
    if len(re.findall(r"[^\W\d_]", title)) < 3 or _JUNK_TITLE.search(title):
        return None
    return title


def meaningful_name(value: object) -> str | None:
    """A publisher/author name unless it is an account placeholder like 'User'."""
    if not isinstance(value, str):
        return None
    name = " ".join(value.split())
    if len(re.findall(r"[^\W\d_]", name)) < 2 or _JUNK_AUTHOR.match(name) or "\\" in name:
        return None
    return name


def author_list(value: object) -> list[str]:
    """Authors a file declares (a name, a list, `{name: …}` mappings, "A; B"), placeholders and URLs dropped."""
    items = value if isinstance(value, list | tuple) else [value]
    names: list[str] = []
    for item in items[:200]:
        if isinstance(item, dict):
            item = item.get("name")
        for piece in item.split(";") if isinstance(item, str) else []:
            name = meaningful_name(piece)
            if name and not re.match(r"(?i)^(?:https?:|www\.)|@", name) and name not in names:
                names.append(name)
    return names


def person_or_body(value: object) -> list[str]:
    """An authoring tool's creator field (Word's dc:creator) when it reads as a name, not an account:
    two words or more ("Jane Smith", "Mines Advisory Group"); "jsmith" and "User" are login names."""
    names = author_list(value)
    return [name for name in names if len(name.split()) >= 2 and not re.search(r"\d", name)]


def clean_hints(raw: dict[str, object]) -> dict[str, object]:
    """Keep only well-formed hints: str title/date/publisher/kind/language, list[str] tags and authors.

    `fallback_title`/`fallback_date` (weak hints, used only when the text has
    none) are cleaned like title and date; absent keys stay absent.
    """
    hints: dict[str, object] = {}
    for key, fallback in (("title", "fallback_title"), ("date", "fallback_date")):
        clean = meaningful_title if key == "title" else iso_date
        for name in (key, fallback):
            value = clean(raw.get(name))
            if value:
                hints[name] = value
    publisher = meaningful_name(raw.get("publisher"))
    if publisher:
        hints["publisher"] = publisher
    kind = kind_name(raw.get("kind"))
    if kind:
        hints["kind"] = kind
    tags = tag_list(raw.get("tags"))
    if tags:
        hints["tags"] = tags
    authors = author_list(raw.get("authors"))
    if authors:
        hints["authors"] = authors
    language = raw.get("language")
    if isinstance(language, str) and 0 < len(language.strip()) <= 35:
        hints["language"] = language.strip()
    description = raw.get("description")
    if isinstance(description, str) and description.strip():
        hints["description"] = " ".join(description.split())
    return hints
