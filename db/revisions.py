"""The schema revisions, read from the migration files' text: no SQLAlchemy, no alembic.

Whether an archive is up to date is asked on every open, also by the `search`
command's path that never loads SQLAlchemy (`app/archive/reading.py`), so the
answer comes from the files alone. A test checks the head equals alembic's.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"""^revision\s*=\s*['"]([^'"]+)['"]""", re.MULTILINE)
_DOWN = re.compile(r"""^down_revision\s*=\s*(?:['"]([^'"]+)['"]|None)""", re.MULTILINE)


@cache
def known_revisions() -> dict[str, str | None]:
    """Every revision of the migration files, with the one it builds on."""
    revisions: dict[str, str | None] = {}
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        if found is None:
            continue
        down = _DOWN.search(source)
        revisions[found.group(1)] = down.group(1) if down else None
    return revisions


@cache
def head_revision() -> str:
    """The revision no other revision builds on, read from the migration files."""
    revisions = known_revisions()
    parents = {down for down in revisions.values() if down}
    heads = [rev for rev in revisions if rev not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {heads}")
    return heads[0]
