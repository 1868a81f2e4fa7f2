"""A command loads only what it uses: the grammar and `--help` load no service, `list` no parser or
index, and starting the desktop app through main.py loads no command at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_LOADED = """
import json, sys
sys.argv = ["dossier", *sys.argv[1:]]
import main
code = main.main(gui=lambda archive: 0) if len(sys.argv) == 1 else main.main(sys.argv[1:])
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
