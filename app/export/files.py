"""An `ExcerptSet` in, a file (or preview text) out: the format modules behind one entry point, and
atomic writing.
The CLI and the GUI call `render`, `preview` and `write_export` (the CLI's `-o -`: `write_stream`);
errors a user can act on are `ExportError` (a `DossierError`). An export that is written but not
quite as asked (a PDF without a font for some characters) says so by adding lines to the
`warnings` list the caller passes; the CLI prints them, the GUI shows them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from app.export.atomic import already_exists, existing_target, write_atomically
from app.export.common import ExportError
from app.export.csv_format import render_csv
from app.export.excerpt_model import ExcerptSet
from app.export.html import render_html
from app.export.jsonld import render_jsonld
from app.export.markdown import render_markdown
from app.text_safety import terminal_safe, without_controls

__all__ = ["FORMATS", "SUFFIXES", "ExportError", "preview", "render", "write_export", "write_stream"]

FORMATS = ("md", "html", "pdf", "csv", "jsonld")
SUFFIXES = {"md": ".md", "html": ".html", "pdf": ".pdf", "csv": ".csv", "jsonld": ".jsonld"}
LABELS = {
    "md": "Markdown",
    "html": "HTML (one self-contained file)",
    "pdf": "PDF",
    "csv": "CSV (one row per excerpt)",
    "jsonld": "W3C Web Annotation (JSON-LD)",
}

_TEXT_RENDERERS: dict[str, Callable[[ExcerptSet], str]] = {
    "md": render_markdown,
    "html": render_html,
    "csv": render_csv,
    "jsonld": render_jsonld,
}


_JSON_CONTROLS = re.compile("[\x7f-\x9f]")  # json.dumps escapes C0 itself; C1 can stand only inside its strings


def _text(excerpts: ExcerptSet, fmt: str) -> str:
    """A text format's output with no character a terminal or a browser would act on: dropped, or in JSON escaped."""
    text = _TEXT_RENDERERS[fmt](excerpts)
    if fmt == "jsonld":
        return _JSON_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return without_controls(text)


def _render_pdf(excerpts: ExcerptSet, warnings: list[str] | None) -> bytes:
    from app.export.pdf import render_pdf  # fpdf2 and fontTools load only for a PDF (a third of a second)

    return render_pdf(excerpts, warnings)


def _check(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ExportError(f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    return fmt


def render(excerpts: ExcerptSet, fmt: str, warnings: list[str] | None = None) -> bytes:
    """The export file's bytes in `fmt` (CSV with a UTF-8 BOM, see csv_format); shortfalls go to `warnings`."""
    if _check(fmt) == "pdf":
        return _render_pdf(excerpts, warnings)
    return _text(excerpts, fmt).encode("utf-8-sig" if fmt == "csv" else "utf-8")


def preview(excerpts: ExcerptSet, fmt: str) -> str:
    """Text a GUI shows while the user picks options: the file's text, or for PDF the HTML look-alike."""
    return _text(excerpts, "html" if _check(fmt) == "pdf" else fmt)


def write_export(
    excerpts: ExcerptSet,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    warnings: list[str] | None = None,
) -> Path:
    """Render and write the export atomically; an existing file is replaced only with `force`."""
    target = Path(path)
    # Say so before the (possibly slow) rendering; write_atomically checks again when it writes.
    if existing_target(target) is not None and not force:
        raise already_exists(target)
    return write_atomically(render(excerpts, fmt, warnings), target, force=force)


def write_stream(excerpts: ExcerptSet, fmt: str, stream: TextIO, warnings: list[str] | None = None) -> None:
    """`-o -`: the export on standard output, for pipes and redirections.

    Text formats are written as UTF-8 (CSV without the BOM, which would land inside
    whatever reads the pipe); on a terminal, control characters are shown escaped so the
    export cannot act on it. A PDF is binary: it goes to the stream's byte buffer, and is
    refused on a terminal or a stream without one.
    """
    binary = getattr(stream, "buffer", None)
    if _check(fmt) == "pdf":
        if binary is None or stream.isatty():
            raise ExportError("A PDF is binary: redirect standard output to a file or pipe, or give -o FILE.")
        data = _render_pdf(excerpts, warnings)
    else:
        text = _text(excerpts, fmt)
        if stream.isatty():
            text = "\n".join(terminal_safe(line) for line in text.split("\n"))
        if binary is None:
            stream.write(text)
            stream.flush()
            return
        data = text.encode("utf-8")
    stream.flush()
    binary.write(data)
    binary.flush()
