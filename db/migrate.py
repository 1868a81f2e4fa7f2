"""Bring an archive's schema to the newest alembic revision on open.

Opening an up-to-date archive is the common case and must be cheap (it is on
the desktop app's start path), so the current revision is read with one SQL
query and the head revision from the migration files' text; alembic itself
(with mako and its dialects, a quarter of a second to import) loads only when
an upgrade is needed. A test checks the cheap head equals alembic's.

A revision this Dossier does not know was written by a newer Dossier: alembic would
fail with a bare CommandError, so it is refused before anything is written.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"""^revision\s*=\s*['"]([^'"]+)['"]""", re.MULTILINE)
_DOWN = re.compile(r"""^down_revision\s*=\s*(?:['"]([^'"]+)['"]|None)""", re.MULTILINE)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


class UnknownRevisionError(Exception):
    """The archive's schema revision is not one of ours: a newer Dossier made or upgraded it."""

    def __init__(self, revision: str) -> None:
        super().__init__(f"unknown schema revision {revision!r} (newest known: {head_revision()!r})")
        self.revision = revision


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


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_revision(engine: Engine) -> str | None:
    """The archive's revision (None for a new database); UnknownRevisionError if a newer Dossier wrote it."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise UnknownRevisionError(current)
    return current


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to `revision` (tests also use it to build old archives)."""
    current = check_revision(engine)  # before alembic, which would write (or fail obscurely) on an unknown one
    if revision == "head" and current == head_revision():
        return
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
