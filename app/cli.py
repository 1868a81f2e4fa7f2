"""The command line: `python main.py COMMAND …`; no command starts the desktop app.

Every command goes through the same `app/` services as the GUI. User errors
print one line to stderr and exit 1; usage errors exit 2; bugs are logged to
a file and reported in one line, never as a traceback.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from app import cli_annotations, cli_maintenance, library, search
from app.archive import Archive, storage_problem
from app.cli_args import record_id
from app.errors import DossierError
from app.importer import import_paths
from app.paths import ARCHIVE_ENV, log_file, resolve_archive_dir
from app.stored_text import path_text
from app.text_safety import terminal_safe

log = logging.getLogger(__name__)


def _archive_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--archive",
        metavar="DIR",
        default=None if top else argparse.SUPPRESS,
        help="archive folder (default: $DOSSIER_ARCHIVE, else the per-user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier", description="Dossier: an archive browser for reports. Without a command, opens the app."
    )
    _archive_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import files and folders (.txt .md .html .htm .pdf)")
    _archive_option(p, top=False)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")

    p = sub.add_parser("list", help="list the archive's documents")
    _archive_option(p, top=False)
    p.add_argument("--json", action="store_true")
    p.add_argument("--sort", choices=sorted(library.SORT_COLUMNS), default="id")

    p = sub.add_parser("show", help="show one document's metadata, structure and footnotes")
    _archive_option(p, top=False)
    p.add_argument("id", type=record_id, metavar="ID")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true")
    group.add_argument("--text", action="store_true", help="print exactly the normalised text")

    p = sub.add_parser("search", help="full-text search (see README: query syntax)")
    _archive_option(p, top=False)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="hits to show (default 20)")
    p.add_argument("--sort", choices=search.SORTS, default="relevance")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("reindex", help="rebuild the search index from the database")
    _archive_option(p, top=False)
    cli_annotations.add_parsers(sub, lambda p: _archive_option(p, top=False))
    cli_maintenance.add_parsers(sub, lambda p: _archive_option(p, top=False))
    return parser


def _open(args: argparse.Namespace, err: TextIO | None = None) -> Archive:
    """The archive the command names; a read-only one is said so once on `err` (commands that
    say it themselves, like `backup`, pass none)."""
    archive = Archive.open(resolve_archive_dir(args.archive))
    if err is not None and archive.read_only_note:
        err.write(f"dossier: {terminal_safe(archive.read_only_note)}\n")
    return archive


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    show_progress = err.isatty() and not args.json
    with _open(args) as archive:
        gen = import_paths(archive, [Path(p) for p in args.paths])
        try:
            while True:
                try:
                    event = next(gen)
                except StopIteration as stop:
                    summary = stop.value
                    break
                if show_progress:
                    err.write(f"\r\x1b[K[{event.done}/{event.total}] {_shown(event.path.name)[:60]}")
                    err.flush()
        finally:
            gen.close()  # Ctrl-C between two files: cancelled here, while the archive is open (run recorded)
        if show_progress:
            err.write("\r\x1b[K")
    if args.json:
        payload = {
            "imported": summary.imported,
            "updated": summary.updated,
            "unchanged": [path_text(p) for p in summary.unchanged],
            "duplicates": [{"path": path_text(p), "same_as": i} for p, i in summary.duplicates],
            "failed": [{"path": path_text(p), "reason": r} for p, r in summary.failed],
            "notices": [{"path": path_text(p), "notice": n} for p, n in summary.notices],
        }
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(
            f"imported {len(summary.imported)}, updated {len(summary.updated)}, "
            f"unchanged {len(summary.unchanged) + len(summary.duplicates)}, failed {len(summary.failed)}\n"
        )
        for path, same_as in summary.duplicates:
            out.write(f"  duplicate: {_shown(path)} (same content as document {same_as})\n")
        for path, reason in summary.failed:
            out.write(f"  failed: {_shown(path)}: {_shown(reason)}\n")
        for path, notice in summary.notices:
            out.write(f"  in part: {_shown(path)}: {_shown(notice)}\n")
    return 1 if summary.failed else 0


def cmd_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with _open(args, err) as archive:
        rows = library.list_documents(archive, sort=args.sort)
    if args.json:
        json.dump([r.to_json() for r in rows], out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    if not rows:
        out.write("The archive is empty. Import files with: python main.py import PATH...\n")
    for r in rows:
        tagged = f"  [{', '.join(map(_shown, r.tags))}]" if r.tags else ""
        publisher = _shown(r.publisher or "")[:24]
        out.write(f"{r.id:>6}  {r.date or '':10}  {_shown(r.kind):15}  {publisher:24}  {_shown(r.title)}{tagged}\n")
    return 0


def cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with _open(args, err) as archive:
        if args.text:
            out.write(library.document_text(archive, args.id))
            return 0
        detail = library.document_detail(archive, args.id)
    if args.json:
        json.dump(detail, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    _print_detail(detail, out)
    return 0


def _shown(value: object) -> str:
    """A document's or user's string for a terminal: escapes and bidi overrides made visible, never acted on."""
    return terminal_safe(path_text(value) if isinstance(value, Path) else str(value))


def _print_detail(d: dict[str, Any], out: TextIO) -> None:
    out.write(f"{_shown(d['title'])}\n")
    label = f"{_shown(d['date_label'])}: " if d["date_label"] else ""
    publisher = _shown(d["publisher"] or "unknown publisher")
    out.write(f"  {_shown(d['kind'])} · {publisher} · {label}{_shown(d['date'] or 'undated')}\n")
    out.write(f"  {_shown(d['source']['path'])} ({d['source']['format']}, {d['text_length']} characters)\n")
    if d["sections"]:
        out.write("Sections:\n")
        for s in d["sections"]:
            out.write(f"  {'  ' * (s['level'] - 1)}{_shown(s['title'])}\n")
    if d["footnotes"]:
        out.write("Footnotes:\n")
        for f in d["footnotes"]:
            out.write(f"  [{f['number']}] {_shown(f['text'])}\n")
            if f["ibid_of"] is not None:
                out.write(f"      = {_shown(f['resolved_text'])}\n")
            for link in f["links"]:
                out.write(f"      -> document {link['document_id']}: {_shown(link['title'])} ({link['date']})\n")
    if d["missing_footnotes"]:
        out.write(f"Markers without footnote text: {', '.join(map(str, d['missing_footnotes']))}\n")
    if d["unreferenced_footnotes"]:
        out.write(f"Footnotes without a marker: {', '.join(map(str, d['unreferenced_footnotes']))}\n")


def _drive_index(gen: Iterator[search.IndexProgress], err: TextIO, *, always: bool = False) -> None:
    """Run an index generator, showing progress on a terminal (or always, for reindex)."""
    tty = err.isatty()
    last: search.IndexProgress | None = None
    for progress in gen:
        last = progress
        if tty and progress.total:
            err.write(f"\r\x1b[KIndexing: {progress.done}/{progress.total} documents ({progress.phase})")
            err.flush()
    if tty and last is not None:
        err.write("\r\x1b[K")
    if always and last is not None:
        err.write(f"Indexed {last.total} documents.\n")


def cmd_search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.limit < 0:
        raise DossierError("--limit must be 0 or more")
    with _open(args, err) as archive:
        _drive_index(search.bring_up_to_date(archive, archive.index), err)
        result = search.search(archive, archive.index, args.query, limit=args.limit, sort=args.sort)
    if args.json:
        payload = {
            "query": result.query,
            "notice": result.notice,
            "suggestion": result.suggestion,
            "total": result.total,
            "hits": [
                {"id": h.id, "title": h.title, "date": h.date, "score": round(h.score, 3), "snippets": h.snippets,
                 "matched_in": h.matched_in, "annotations": h.annotation_ids}
                for h in result.hits
            ],
            "facets": result.facets,
        }
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    bold = out.isatty()
    if result.notice:
        out.write(f"Note: {result.notice}\n")
    if result.suggestion:
        out.write(f"Did you mean: {result.suggestion}\n")
    out.write(f"{result.total} document{'s' if result.total != 1 else ''} found\n")
    for hit in result.hits:
        out.write(f"\n{hit.id:>6}  {hit.date or 'undated':10}  {_shown(hit.title)}\n")
        for snippet in hit.snippets:
            out.write(f"        {_plain_snippet(snippet, bold)}\n")
        if hit.annotation_ids:
            out.write(f"        matched in annotation(s) {', '.join(map(str, hit.annotation_ids))}\n")
    return 0


def _plain_snippet(snippet: str, bold: bool) -> str:
    """Snippets come as HTML with <b> around matches: terminal bold, or plain text.

    The document's own text is made terminal-safe first, so only our bold codes reach the terminal.
    """
    pieces = re.split(r"(</?b>)", re.sub(r"\s+", " ", snippet))
    codes = {"<b>": "\x1b[1m" if bold else "", "</b>": "\x1b[0m" if bold else ""}
    return "".join(codes.get(p) or terminal_safe(html.unescape(re.sub(r"</?[a-z][^>]*>", "", p))) for p in pieces)


def cmd_reindex(args: argparse.Namespace, _out: TextIO, err: TextIO) -> int:
    with _open(args) as archive:
        _drive_index(search.rebuild(archive, archive.index), err, always=True)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "reindex": cmd_reindex,
    **cli_annotations.commands(_open),
    **cli_maintenance.commands(_open),
}


def _setup_file_logging() -> Path | None:
    try:
        path = log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8", errors="backslashreplace")  # odd file names
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return path


def main(
    argv: Sequence[str] | None = None,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
    *,
    gui: Callable[[Path | None], int] | None = None,
) -> int:
    """Run a command; with none, start `gui` (main.py passes the desktop app) with the archive named
    by --archive or DOSSIER_ARCHIVE, or None to let the app reopen the last one."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if gui is None:
            parser.print_help(err)
            return 2
        named = args.archive or os.environ.get(ARCHIVE_ENV)
        return gui(resolve_archive_dir(named) if named else None)
    log_path = _setup_file_logging()
    try:
        return COMMANDS[args.command](args, out, err)
    except DossierError as e:  # messages may quote a title, a tag or a file name: shown with escapes visible
        err.write(f"dossier: {terminal_safe(str(e))}\n")
        return 1
    except KeyboardInterrupt:
        err.write("dossier: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug: log the details, show one line
        problem = storage_problem(e)  # …unless it is the disk or a lock: the user's to act on
        if problem is not None:
            log.warning("command %s failed: %s", args.command, e)
            err.write(f"dossier: {problem}\n")
            return 1
        log.exception("command %s failed", args.command)
        where = f" (details in {log_path})" if log_path else ""
        err.write(f"dossier: internal error: {type(e).__name__}: {e}{where}\n")
        return 1
