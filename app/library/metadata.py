"""Editing a document's metadata: validated, committed, re-linked and re-indexed at once.

The database commits first (with an index_queue row); the index is updated
right after, so the edit is searchable immediately and survives a crash in
between (the queue is drained on the next open).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from app.archive.folder import Archive
from app.errors import DossierError, NotFoundError
from app.library.linking import relink_document
from app.library.stored_text import AUTHOR_SEPARATOR, MAX_AUTHOR_LENGTH, MAX_AUTHORS, clean_value, language_tag
from app.model import KINDS
from app.parsing.dates import parse_date
from app.search.service import apply_changes
from db.models import Document, IndexQueue

EDITABLE = ("title", "date", "date_label", "publisher", "kind", "authors", "source_url", "language")
MAX_URL_LENGTH = 2000

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _valid_iso(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month and day."""
    match = _ISO_PARTIAL.match(value)
    if match is None:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# A day and a month both 12 or less, in an order the user knows and the archive cannot (01/02/2020): asked,
# never guessed, as they would be silently wrong for half the world
_NUMERIC_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")
_MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _normalise_date(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    if _valid_iso(value):
        return value
    numeric = _NUMERIC_DATE.fullmatch(value)
    first, second = (int(numeric[1]), int(numeric[2])) if numeric else (0, 0)
    if numeric and first != second and 1 <= first <= 12 and 1 <= second <= 12:
        year = numeric[3]
        raise DossierError(f"ambiguous date: {value} could be {first} {_MONTHS[second]} or {second} "
                           f"{_MONTHS[first]} {year}; write {year}-{second:02}-{first:02} for the first, "
                           f"{year}-{first:02}-{second:02} for the second")  # fmt: skip
    parsed = parse_date(value)
    if parsed is None:
        raise DossierError(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM, YYYY or e.g. 28 November 2013)")
    return parsed


def normalise_authors(value: str | Iterable[str] | None) -> str | None:
    """Names as stored: each trimmed and cleaned, in order, duplicates dropped, joined by "; "; None for none.

    A text is split at ";" and line breaks (the dialog's field); a list gives one name per item, which
    then may not hold ";" (it is the separator).
    """
    if value is None:
        return None
    if isinstance(value, str):
        pieces = re.split(r"[;\r\n]", value)
    else:
        pieces = []
        for item in value:
            if ";" in item:
                raise DossierError(f"an author's name cannot contain ';' (it separates names): {item.strip()!r}")
            pieces.append(item)
    names: list[str] = []
    for piece in pieces:
        name = " ".join(clean_value(piece).split())
        if not name or name in names:
            continue
        if len(name) > MAX_AUTHOR_LENGTH:
            raise DossierError(f"an author's name is at most {MAX_AUTHOR_LENGTH} characters: {name[:40]!r}…")
        names.append(name)
    if len(names) > MAX_AUTHORS:
        raise DossierError(f"at most {MAX_AUTHORS} authors")
    return AUTHOR_SEPARATOR.join(names) or None


def normalise_url(value: str | None) -> str | None:
    """An http(s) address with a host, trimmed; None when empty."""
    if value is None or not value.strip():
        return None
    url = value.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port out of range
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise DossierError(f"the source URL must be an http:// or https:// address: {url[:80]!r}")
    if any(ch.isspace() for ch in url) or clean_value(url) != url or len(url) > MAX_URL_LENGTH:
        raise DossierError(
            f"the source URL may hold no spaces and at most {MAX_URL_LENGTH} characters (encode a space as %20)"
        )
    return url


def normalise_language(value: str | None) -> str | None:
    """A BCP 47 tag in its usual case ("pt-BR", "zh-Hant-TW", "en"); None when empty."""
    if value is None or not value.strip():
        return None
    tag = language_tag(value)
    if tag is None:
        raise DossierError(f"the language must be a BCP 47 tag such as en, fr or pt-BR: {value.strip()[:40]!r}")
    return tag


def edit_metadata(archive: Archive, document_id: int, **changes: str | Iterable[str] | None) -> None:
    """Apply `changes` (keys among EDITABLE) to one document; `authors` takes a list of names or one text."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise DossierError(f"cannot edit {', '.join(sorted(unknown))}")
    for key in ("title", "publisher", "date_label"):  # no terminal escapes or bidi overrides stored
        if isinstance(changes.get(key), str):
            changes[key] = clean_value(changes[key] or "")
    if "title" in changes and not (changes["title"] or "").strip():
        raise DossierError("a title cannot be empty")
    if "kind" in changes and changes["kind"] not in KINDS:
        raise DossierError(f"kind must be one of: {', '.join(KINDS)}")
    if "date" in changes:
        changes["date"] = _normalise_date(changes["date"])  # type: ignore[arg-type]
    if "authors" in changes:
        changes["authors"] = normalise_authors(changes["authors"])
    if "source_url" in changes:
        changes["source_url"] = normalise_url(changes["source_url"])  # type: ignore[arg-type]
    if "language" in changes:
        changes["language"] = normalise_language(changes["language"])  # type: ignore[arg-type]
    now = datetime.now(UTC).replace(tzinfo=None)
    with archive.session() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise NotFoundError(f"no document with id {document_id}")
        for key, value in changes.items():
            setattr(doc, key, value.strip() if isinstance(value, str) and key != "date" else value)
        doc.updated_at = now
        s.flush()
        relink_document(s, document_id)
        s.merge(IndexQueue(document_id=document_id, queued_at=now))
    apply_changes(archive, [document_id])
