"""Finding user-visible strings in ui/ that bypass Qt's translation (used by test_translations.py).

A string literal in ui/ is taken for visible text when it holds a word (two letters or more) and
either a space or a capital letter, the way labels, titles and messages are written. It is fine
inside `self.tr(…)`, `tr(…)`, `QCoreApplication.translate(…)` or `QT_TRANSLATE_NOOP(…)`, as a
docstring, in a logging call, as a key of QSettings or an object name, in `__all__`, or where the line says
why it is not translated with a `# untranslated: REASON` comment (a format name, an example
query, a markup template).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

_WORD = re.compile(r"[^\W\d_]{2,}")
_TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
_NOT_TEXT_CALLS = {
    "setObjectName", "value", "setValue", "set_value", "getLogger", "debug", "info", "warning", "error",
    "exception", "critical_log", "startswith", "endswith", "split", "replace", "join", "format_map", "strftime",
    "strptime", "fromString", "toString", "QKeySequence", "QRegularExpression", "compile", "search", "match",
    "sub", "findall", "fullmatch", "setStyleSheet", "QFont", "setFamily", "fromTheme", "QColor", "property",
    "setProperty", "environ", "getenv", "get", "pop", "setdefault", "isinstance", "hasattr", "getattr",
    "setattr", "QUrl", "fromLocalFile", "open", "Path", "import_module", "encode", "decode",
}  # fmt: skip
_LOGGERS = {"log", "logger", "logging"}


def visible_untranslated(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of each string literal in `path` that looks visible and is not translated."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_exempt_call(node):
            skipped.update(id(inner) for inner in ast.walk(node) if inner is not node.func)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            skipped.add(id(node.value))  # a docstring, or a bare string statement
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            skipped.update(id(inner) for inner in ast.walk(node.value))  # exported names
        if isinstance(node, ast.Subscript):
            skipped.update(id(inner) for inner in ast.walk(node.slice))  # mapping["key"]
        if isinstance(node, ast.Compare):
            skipped.update(id(inner) for inner in ast.walk(node))  # kind == "press-release"
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(value) for value in node.values)  # judged as a whole below
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        text = _literal_text(node)
        if text is None or not _looks_visible(text):
            continue
        line = lines[node.lineno - 1] if 0 < node.lineno <= len(lines) else ""
        if "# untranslated:" in line:
            continue
        yield node.lineno, text


def _is_exempt_call(node: ast.Call) -> bool:
    name = _call_name(node.func)
    if name in _TRANSLATING or name in _NOT_TEXT_CALLS:
        return True
    target = node.func.value if isinstance(node.func, ast.Attribute) else None
    return isinstance(target, ast.Name) and target.id in _LOGGERS


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literal_text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return None


def _looks_visible(text: str) -> bool:
    stripped = text.strip()
    if not _WORD.search(stripped) or stripped.startswith(("<", "#", "/", ".", "--", "&#", "%", "{")):
        return False  # markup, colours, paths, CSS and format templates are not sentences
    if re.fullmatch(r"[\w./:-]+", stripped) and not re.match(r"[A-Z][a-z]", stripped):
        return False  # identifiers, keys, file names, kinds: "press-release", "view/timeline"
    return " " in stripped or bool(re.match(r"[A-Z&][a-z]", stripped))
