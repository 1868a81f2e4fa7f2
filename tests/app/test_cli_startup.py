"""A command loads only what it uses: the grammar and `--help` load no service, `list` no parser or
index, and starting the desktop app through main.py loads no command at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_LOADED = """
import json, sys
sys.argv = ["dossier", *sys.argv[1:]]
import main  # what main.py loads before it runs
from app.cli import main as run
code = run(gui=lambda archive: 0) if len(sys.argv) == 1 else run(sys.argv[1:])
print(json.dumps(sorted(m for m in sys.modules if m.startswith(("app", "ui", "sqlalchemy", "whoosh", "PySide6",
                                                               "alembic", "numpy", "pypdf", "bs4")))))
"""


def _loaded(*args: str, archive: Path) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DOSSIER_ARCHIVE": str(archive)}
    done = subprocess.run([sys.executable, "-c", _LOADED, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, check=False)  # fmt: skip
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_desktop_start_loads_no_command_and_no_service(tmp_path: Path) -> None:
    loaded = _loaded(archive=tmp_path / "archive")
    assert not {"app.archive.folder", "app.importing.importer", "app.search.service", "app.parsing", "sqlalchemy", "whoosh", "numpy"} & loaded


def test_list_loads_neither_the_parser_nor_the_index_nor_the_annotation_services(tmp_path: Path) -> None:
    loaded = _loaded("list", archive=tmp_path / "archive")
    assert "app.library.listing" in loaded and "sqlalchemy" in loaded  # it really listed
    assert not {"app.parsing", "app.importing.importer", "app.annotating.annotations", "app.export.excerpts", "app.export.files", "whoosh", "numpy",
                "pypdf", "bs4", "PySide6"} & loaded  # fmt: skip


def test_search_loads_no_parser_and_no_annotation_writer(tmp_path: Path) -> None:
    loaded = _loaded("search", "mine", archive=tmp_path / "archive")
    assert "app.search.service" in loaded
    assert not {"app.parsing", "app.importing.importer", "app.export.excerpts", "app.export.files", "pypdf", "bs4", "PySide6"} & loaded


def _imported_samples(archive: Path) -> Path:
    import io

    from app.archive.paths import SAMPLES_DIR
    from app.cli import main

    assert main(["--archive", str(archive), "import", str(SAMPLES_DIR)], io.StringIO(), io.StringIO()) == 0
    return archive


def _search_output(archive: Path, query: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "main.py", "--archive", str(archive), "search", "--json", query], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300, check=True)  # fmt: skip
    return done.stdout


def test_search_on_an_up_to_date_archive_answers_without_sqlalchemy(tmp_path: Path) -> None:
    """The fast path: plain sqlite3 and the index, with the answer the usual open gives."""
    from app.annotating.annotations import create
    from app.archive.folder import Archive
    from app.search import service

    archive = _imported_samples(tmp_path / "archive")
    with Archive.open(archive) as opened:  # an annotation whose note matches: the answer names it too
        doc_id = service.search(opened, "mines").hits[0].id
        create(opened, doc_id, 0, 40, note="mines in the north")
        list(service.bring_up_to_date(opened))
    loaded = _loaded("search", "mines", archive=archive)
    assert "app.archive.reading" in loaded and "app.search.answers" in loaded and "whoosh" in loaded
    assert not {"sqlalchemy", "alembic", "app.archive.folder", "app.search.service", "db.models"} & loaded
    quick = json.loads(_search_output(archive, "mines"))
    with Archive.open(archive) as opened:
        usual = service.search(opened, "mines")
    assert quick["total"] == usual.total > 1
    assert [(h["id"], h["snippets"], h["annotations"]) for h in quick["hits"]] == [
        (h.id, h.snippets, h.annotation_ids) for h in usual.hits]  # fmt: skip
    assert any(h["annotations"] for h in quick["hits"])


def test_search_catches_the_index_up_first_when_changes_wait(tmp_path: Path) -> None:
    """Queued changes need the usual open (it indexes them): the command takes that path and finds them."""
    from sqlalchemy import text

    from app.archive.folder import Archive

    archive = _imported_samples(tmp_path / "archive")
    with Archive.open(archive) as opened, opened.session() as s:
        s.execute(text("UPDATE documents SET title = 'Quorlexian survey' WHERE id = (SELECT min(id) FROM documents)"))
        s.execute(text("INSERT INTO index_queue (document_id, queued_at) SELECT min(id), '2026-01-01' FROM documents"))
    loaded = _loaded("search", "quorlexian", archive=archive)
    assert "sqlalchemy" in loaded and "app.search.service" in loaded
    assert json.loads(_search_output(archive, "title:quorlexian"))["total"] == 1


@pytest.mark.parametrize(("argv", "frozen"), [(["list"], True), ([], False)])
def test_a_command_freezes_the_collectors_objects_before_exit_and_the_desktop_app_does_not(
    argv: list[str], frozen: bool, tmp_path: Path
) -> None:
    """A command's process ends at once: its teardown skips the cycle collector. The desktop app's
    objects (Qt wrappers among them) stay collectable, so their finalisers run."""
    code = (
        "import gc, sys\n"
        "import ui.launch as launch\n"
        "launch.run_desktop_app = lambda archive_dir: 0  # the desktop app, without a window\n"
        f"sys.argv = ['main.py', *{argv!r}]\n"
        "launch.main()\n"
        "print(gc.get_freeze_count() > 0)\n"
    )
    env = {**os.environ, "DOSSIER_ARCHIVE": str(tmp_path / "a")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    assert out.stdout.strip().splitlines()[-1] == str(frozen)
