"""Commands on the search index: search, reindex."""

from __future__ import annotations

import argparse
import html
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from app.archive.paths import resolve_archive_dir
from app.cli.common import Command, Opener, dump_json, shown
from app.errors import DossierError
from app.text_safety import terminal_safe

if TYPE_CHECKING:
    from app.search.answers import SearchResult
    from app.search.service import IndexProgress


def commands(open_archive: Opener) -> dict[str, Command]:
    """The commands, each opening the archive with `open_archive`."""

    def cmd_search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        if args.limit < 0:
            raise DossierError("--limit must be 0 or more")
        result = _answer_at_once(args)
        if result is None:  # the archive needs work first (upgrade, index catch-up): the usual open does it
            from app.search import service as search

            with open_archive(args, err) as archive:
                _drive_index(search.bring_up_to_date(archive), err)
                if archive.read_only and (waiting := search.not_yet_indexed(archive)):
                    err.write(f"dossier: {waiting} document(s) are not in the search index yet; they become "
                              "searchable when the archive is opened where it can be written\n")  # fmt: skip
                result = search.search(archive, args.query, limit=args.limit, sort=args.sort)
        if args.json:
            payload = {
                "query": result.query,
                "notice": result.notice,
                "suggestion": result.suggestion,
                "total": result.total,
                "hits": [
                    {
                        "id": h.id,
                        "title": h.title,
                        "date": h.date,
                        "score": round(h.score, 3),
                        "snippets": h.snippets,
                        "matched_in": h.matched_in,
                        "annotations": h.annotation_ids,
                    }
                    for h in result.hits
                ],
                "facets": result.facets,
            }
            dump_json(payload, out)
            return 0
        bold = out.isatty()
        if result.notice:
            out.write(f"Note: {terminal_safe(result.notice)}\n")  # it quotes the user's query
        if result.suggestion:
            out.write(f"Did you mean: {terminal_safe(result.suggestion)}\n")
        out.write(f"{result.total} document{'s' if result.total != 1 else ''} found\n")
        for hit in result.hits:
            out.write(f"\n{hit.id:>6}  {hit.date or 'undated':10}  {shown(hit.title)}\n")
            for snippet in hit.snippets:
                out.write(f"        {_plain_snippet(snippet, bold)}\n")
            if hit.annotation_ids:
                out.write(f"        matched in annotation(s) {', '.join(map(str, hit.annotation_ids))}\n")
        return 0

    def cmd_reindex(args: argparse.Namespace, _out: TextIO, err: TextIO) -> int:
        from app.search import service as search

        with open_archive(args) as archive:
            _drive_index(search.rebuild(archive), err, always=True)
        return 0

    return {"search": cmd_search, "reindex": cmd_reindex}


def _answer_at_once(args: argparse.Namespace) -> SearchResult | None:
    """The search answered without loading SQLAlchemy, when the archive needs nothing written first."""
    from app.archive.reading import open_for_search
    from app.search import answers

    quick = open_for_search(resolve_archive_dir(args.archive))
    if quick is None:
        return None
    with quick:
        return answers.search(quick, args.query, limit=args.limit, sort=args.sort)


def _drive_index(gen: Iterator[IndexProgress], err: TextIO, *, always: bool = False) -> None:
    """Run an index generator, showing progress on a terminal (or always, for reindex)."""
    tty = err.isatty()
    last: IndexProgress | None = None
    for progress in gen:
        last = progress
        if tty and progress.total:
            err.write(f"\r\x1b[KIndexing: {progress.done}/{progress.total} documents ({progress.phase})")
            err.flush()
    if tty and last is not None:
        err.write("\r\x1b[K")
    if always and last is not None:
        err.write(f"Indexed {last.total} documents.\n")


def _plain_snippet(snippet: str, bold: bool) -> str:
    """Snippets come as HTML with <b> around matches: terminal bold, or plain text.

    The document's own text is made terminal-safe first, so only our bold codes reach the terminal.
    """
    pieces = re.split(r"(</?b>)", re.sub(r"\s+", " ", snippet))
    codes = {"<b>": "\x1b[1m" if bold else "", "</b>": "\x1b[0m" if bold else ""}
    return "".join(codes.get(p) or terminal_safe(html.unescape(re.sub(r"</?[a-z][^>]*>", "", p))) for p in pieces)
