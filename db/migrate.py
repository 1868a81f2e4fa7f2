"""Bring an archive's schema to the newest alembic revision on open.

Opening an up-to-date archive is the common case and must be cheap (it is on
the desktop app's start path), so the current revision is read with one SQL
query and the head revision from the migration files' text (`db/revisions.py`); alembic itself
(with mako and its dialects, a quarter of a second to import) loads only when
an upgrade is needed. A test checks the cheap head equals alembic's.

A revision this Dossier does not know was written by a newer Dossier: alembic would
fail with a bare CommandError, so it is refused before anything is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from db.revisions import MIGRATIONS_DIR, head_revision, known_revisions

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


class UnknownRevisionError(Exception):
    """The archive's schema revision is not one of ours: a newer Dossier made or upgraded it."""

    def __init__(self, revision: str, written_by: str | None = None) -> None:
        super().__init__(f"unknown schema revision {revision!r} (newest known: {head_revision()!r})")
        self.revision = revision
        self.written_by = written_by  # the release that last opened it for writing, when it said so


class ForeignDatabaseError(Exception):
    """The database holds tables but no schema revision: another program's file, never written to."""

    def __init__(self, tables: list[str]) -> None:
        shown = ", ".join(tables[:4]) + (", …" if len(tables) > 4 else "")
        super().__init__(f"it holds tables ({shown}) but no Dossier schema revision")
        self.tables = tables


def _encoded(version: str) -> int:
    """ "1.12.3" as 1_012_003 (SQLite's user_version holds one integer); 0 when not a plain release number."""
    parts = version.split(".")
    if len(parts) != 3 or not all(part.isdigit() and len(part) <= 3 for part in parts):
        return 0
    major, minor, patch = map(int, parts)
    return major * 1_000_000 + minor * 1_000 + patch


def written_by(engine: Engine) -> str | None:
    """The Dossier release that last opened the archive for writing (`record_release`), if any did."""
    with engine.connect() as conn:
        value = conn.execute(text("PRAGMA user_version")).scalar() or 0
    if value <= 0:
        return None
    return f"{value // 1_000_000}.{value // 1_000 % 1_000}.{value % 1_000}"


def record_release(engine: Engine, version: str) -> None:
    """Note in the database header which release writes it, so an older Dossier can name it when it refuses."""
    encoded = _encoded(version)
    with engine.connect() as conn:
        if encoded and conn.execute(text("PRAGMA user_version")).scalar() != encoded:
            conn.execute(text(f"PRAGMA user_version = {encoded}"))  # an int we built: no user text here
            conn.commit()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_revision(engine: Engine) -> str | None:
    """The archive's revision (None for a new database); UnknownRevisionError if a newer Dossier wrote it."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise UnknownRevisionError(current, written_by(engine))
    return current


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to `revision` (tests also use it to build old archives).

    A database with tables but no revision is refused (ForeignDatabaseError) before anything is written:
    another program's SQLite file, named archive.sqlite3 or chosen by mistake, is left as it was.
    """
    current = check_revision(engine)  # before alembic, which would write (or fail obscurely) on an unknown one
    if revision == "head" and current == head_revision():
        return
    if current is None:
        tables = _tables(engine)
        if tables:  # every archive is stamped in the transaction that creates it: this is not one
            raise ForeignDatabaseError(tables)
        if revision == "head":
            create(engine)
            return
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def atomic_ddl(connection: Connection) -> None:
    """Open the SQLite transaction now, so the schema's DDL and its version stamp commit together.

    Python's sqlite3 begins a transaction only before INSERT/UPDATE/DELETE: without this, every
    CREATE TABLE commits on its own, and a process killed while creating an archive leaves tables
    without a version that no later open can migrate ("table documents already exists").
    """
    raw = connection.connection.dbapi_connection
    if connection.dialect.name == "sqlite" and raw is not None and not raw.in_transaction:
        connection.exec_driver_sql("BEGIN")  # deferred: a process finding the schema at head takes no write lock


def _tables(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return sorted(inspect(conn).get_table_names())


def create(engine: Engine) -> None:
    """A new, empty database's schema built from the models and stamped with the head revision, as the
    migrations would leave it (a test compares the two): alembic and its dialects take a quarter of
    a second to load, which every new archive, the first start's included, would otherwise wait for."""
    from db.models import Base

    with engine.begin() as conn:
        atomic_ddl(conn)
        Base.metadata.create_all(conn)
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                          "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"))  # as alembic writes it
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:head)"), {"head": head_revision()})
