"""The schema is built and upgraded by alembic, and the models agree with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from app.archive.folder import DB_NAME, Archive
from db import migrate
from db.engine import make_engine
from db.models import Base


def test_first_revision_upgrades_to_head(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    engine = make_engine(folder / DB_NAME)
    migrate.upgrade(engine, "0001")
    assert migrate.current_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO documents (title, kind, format, sha256, text, text_length, imported_at, updated_at)"
                " VALUES ('Old report', 'report', 'txt', 'abc', 'body', 4, '2020-01-01', '2020-01-01')"
            )
        )
    engine.dispose()

    with Archive.open(folder) as archive:
        assert migrate.current_revision(archive.engine) == migrate.head_revision()
        with archive.engine.connect() as conn:
            assert conn.execute(text("SELECT title FROM documents")).scalar_one() == "Old report"


def test_models_match_migrations(archive: Archive) -> None:
    with archive.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_every_model_table_exists(archive: Archive) -> None:
    tables = set(inspect(archive.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_cheap_head_revision_matches_alembic() -> None:
    from alembic.script import ScriptDirectory

    assert migrate.head_revision() == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()


def test_opening_a_current_archive_does_not_load_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    Archive.open(tmp_path / "a").close()
    code = (
        "import sys; from pathlib import Path; from app.archive.folder import Archive; "
        f"Archive.open(Path({str(tmp_path / 'a')!r})).close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"



def test_an_archive_of_revision_0004_gains_authors_url_and_language(tmp_path: Path) -> None:
    """A real import into the previous schema (0004, as the last Dossier wrote it) opens upgraded, data kept."""
    from app.importing.importer import run_import
    from app.library.listing import document_detail
    from app.library.metadata import edit_metadata
    from tests.app.importing.test_importer import RELEASE

    source = tmp_path / "release.txt"
    source.write_text(RELEASE, encoding="utf-8")
    folder = tmp_path / "old"
    with Archive.open(folder) as archive:
        doc_id = run_import(archive, [source]).imported[0]
    engine = make_engine(folder / DB_NAME)
    _downgrade(engine, "0004")  # the tables exactly as revision 0004 made them, with the import's rows
    assert migrate.current_revision(engine) == "0004"
    assert not {"authors", "source_url", "language"} & {c["name"] for c in inspect(engine).get_columns("documents")}
    engine.dispose()

    with Archive.open(folder) as archive:
        assert migrate.current_revision(archive.engine) == "0005" == migrate.head_revision()
        detail = document_detail(archive, doc_id)
        assert detail["title"] and detail["footnotes"] is not None
        assert (detail["authors"], detail["source_url"], detail["language"]) == ([], None, None)
        edit_metadata(archive, doc_id, authors=["Human Rights Watch", "J. Smith"], language="pt-br")
        detail = document_detail(archive, doc_id)
        assert (detail["authors"], detail["language"]) == (["Human Rights Watch", "J. Smith"], "pt-BR")


def _downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def _schema_of(engine: Engine) -> dict[str, object]:
    """Each table's columns, indexes and foreign keys as SQLite reports them (column order aside)."""
    schema: dict[str, object] = {}
    with engine.connect() as conn:
        tables = [row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))]
        for table in tables:
            columns = {tuple(row)[1:] for row in conn.execute(text(f"PRAGMA table_info('{table}')"))}
            indexes = set()
            for row in conn.execute(text(f"PRAGMA index_list('{table}')")):
                _seq, name, unique, origin, partial = tuple(row)
                cols = tuple(r[2] for r in conn.execute(text(f"PRAGMA index_info('{name}')")))
                indexes.add((name if origin == "c" else origin, unique, cols, partial))
            keys = {tuple(row)[2:] for row in conn.execute(text(f"PRAGMA foreign_key_list('{table}')"))}
            schema[table] = (columns, indexes, keys)
        schema["alembic_version"] = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    return schema


def test_a_new_archive_built_from_the_models_has_the_migrations_schema(tmp_path: Path) -> None:
    by_models = make_engine(tmp_path / "models.sqlite3")
    migrate.upgrade(by_models)  # a new, empty database: built from the models, without alembic
    by_migrations = make_engine(tmp_path / "migrations.sqlite3")
    migrate.upgrade(by_migrations, migrate.head_revision())  # the head by name: alembic runs every migration
    try:
        built = _schema_of(by_models)
        assert {"documents", "footnotes", "citations", "annotations", "index_queue"} <= set(built)
        assert built == _schema_of(by_migrations)
        with by_models.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        by_models.dispose()
        by_migrations.dispose()


def test_creating_a_new_archive_does_not_load_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from app.archive.folder import Archive; "
        f"Archive.open(Path({str(tmp_path / 'new')!r})).close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])  # fmt: skip
    assert out.stdout.strip() == "False"


def test_a_database_with_foreign_tables_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    """Every archive is stamped in the transaction that creates it, so tables without a revision are
    another program's: neither the short way nor alembic writes beside them."""
    engine = make_engine(tmp_path / "odd.sqlite3")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY)"))
    try:
        with pytest.raises(migrate.ForeignDatabaseError, match="notes"):
            migrate.upgrade(engine)
        with engine.connect() as conn:
            assert [r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))] == ["notes"]
    finally:
        engine.dispose()


def _interrupted() -> str:
    raise KeyboardInterrupt  # as a kill between the tables and the version stamp


def test_a_creation_interrupted_before_its_version_stamp_leaves_no_tables(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The tables and the version stamp commit together: a process killed in between (here, an error
    at the stamp) leaves an empty database, which the next open builds, not tables no open can read."""
    folder = tmp_path / "new"
    folder.mkdir()
    engine = make_engine(folder / DB_NAME)
    monkeypatch.setattr(migrate, "head_revision", _interrupted)
    try:
        with pytest.raises(KeyboardInterrupt):
            migrate.create(engine)
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == []
    finally:
        engine.dispose()
    monkeypatch.undo()
    archive = Archive.open(folder)
    try:
        assert migrate.current_revision(archive.engine) == migrate.head_revision()
    finally:
        archive.close()
