"""Alembic environment: runs on the connection the archive hands over.

Migrations are applied by `db.migrate.upgrade` when an archive opens;
`alembic` on the command line is only for writing new revisions.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from db.migrate import atomic_ddl
from db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            atomic_ddl(connection)
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite3")
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
