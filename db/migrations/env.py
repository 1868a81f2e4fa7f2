"""Alembic environment: runs on the connection the archive hands over.

Migrations are applied by `db.migrate.upgrade_to_head` when an archive opens;
`alembic` on the command line is only for writing new revisions.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from db.models import Base

config = context.config
target_metadata = Base.metadata


def _atomic_ddl(connection: Connection) -> None:
    """Open the SQLite transaction now, so the schema's DDL and its version stamp commit together.

    Python's sqlite3 begins a transaction only before INSERT/UPDATE/DELETE: without this, every
    CREATE TABLE commits on its own, and a process killed while creating an archive leaves tables
    without a version that no later open can migrate ("table documents already exists").
    """
    raw = connection.connection.dbapi_connection
    if connection.dialect.name == "sqlite" and raw is not None and not raw.in_transaction:
        connection.exec_driver_sql("BEGIN")  # deferred: a process finding the schema at head takes no write lock


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            _atomic_ddl(connection)
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite3")
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
