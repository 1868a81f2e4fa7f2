"""The rules of docs/ARCHITECTURE.md, read from the source: layers, the one engine module, small modules."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 600


def _modules(*folders: str) -> Iterator[Path]:
    for folder in folders:
        yield from sorted((ROOT / folder).rglob("*.py"))


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth (lazy imports inside functions count too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _offenders(folders: tuple[str, ...], forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    found = []
    for path in _modules(*folders):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(allowed):
            continue
        bad = sorted(n for n in _imports(path) if n.startswith(forbidden))
        if bad:
            found.append(f"{relative}: {bad[0]}")
    return found


def test_app_and_db_import_no_qt() -> None:
    assert _offenders(("app", "db"), ("PySide6",)) == []


def test_ui_writes_no_sql() -> None:
    assert _offenders(("ui",), ("sqlalchemy", "db.")) == []


def test_only_the_search_engine_imports_whoosh() -> None:
    assert _offenders(("app", "ui", "db"), ("whoosh",), allowed=("app/search/engine/",)) == []


def test_whoosh_private_names_live_in_one_module() -> None:
    """Attribute access to a Whoosh private name (`x._name` on a Whoosh object) is confined to
    whoosh_internals; other engine modules may only name their own private helpers."""
    engine = ROOT / "app" / "search" / "engine"
    own = {node.name for path in engine.glob("*.py") for node in ast.walk(ast.parse(path.read_text()))
           if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))}  # fmt: skip
    own |= {target.id for path in engine.glob("*.py") for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, ast.Assign) for target in node.targets if isinstance(target, ast.Name)}  # fmt: skip
    own |= {target.attr for path in engine.glob("*.py") for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, (ast.Assign, ast.AnnAssign))
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Attribute)}  # fmt: skip
    slots = {name.value for path in engine.glob("*.py") for node in ast.walk(ast.parse(path.read_text()))
             if isinstance(node, ast.Constant) and isinstance(node.value, str)
             for name in [node] if name.value.startswith("_")}  # fmt: skip
    outside = []
    for path in engine.glob("*.py"):
        if path.name == "whoosh_internals.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            private = isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
            if private and node.attr not in own and node.attr not in slots:
                outside.append(f"{path.name}:{node.lineno} .{node.attr}")
    assert outside == []


def test_callers_use_the_search_service_not_the_engine() -> None:
    """ui/ and the rest of app/ reach the index through app/search/ (service, updates, read_only);
    the archive (`folder`, and `reading` for the search command) opens the engine it owns, and the import's index process writes it."""
    allowed = ("app/search/", "app/archive/folder.py", "app/archive/reading.py", "app/importing/index_process.py")
    assert _offenders(("app", "ui"), ("app.search.engine",), allowed=allowed) == []


@pytest.mark.parametrize("folder", ["app", "db", "ui", "bench"])
def test_no_module_is_over_600_lines(folder: str) -> None:
    long = [f"{p.relative_to(ROOT)}: {n}" for p in _modules(folder)
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]  # fmt: skip
    assert long == []


def test_the_query_has_one_lexer() -> None:
    """Only the query model reads query syntax: no other module names the query operators."""
    readers = []
    for path in _modules("app", "ui"):
        text = path.read_text(encoding="utf-8")
        if '"ANDNOT"' in text or "'ANDNOT'" in text:
            readers.append(path.relative_to(ROOT).as_posix())
    assert readers == ["app/search/engine/query.py"]
