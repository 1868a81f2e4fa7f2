"""Commands on documents: import, list, show, edit."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from app.cli.common import Command, Opener, archive_words, dump_json, program, shown
from app.library.stored_text import path_text

if TYPE_CHECKING:
    from app.importing.importer import ImportSummary
    from app.importing.workers import Workers


def commands(open_archive: Opener) -> dict[str, Command]:
    """The commands, each opening the archive with `open_archive` and loading only the services it uses."""

    def _import(args: argparse.Namespace, err: TextIO, workers: Workers | None) -> ImportSummary:
        from app.importing import importer

        show_progress = err.isatty() and not args.json
        with open_archive(args) as archive:
            gen = importer.import_paths(archive, [Path(p) for p in args.paths], workers=workers)
            try:
                while True:
                    try:
                        event = next(gen)
                    except StopIteration as stop:
                        summary: ImportSummary = stop.value
                        break
                    if show_progress:
                        err.write(f"\r\x1b[K[{event.done}/{event.total}] {shown(event.path.name)[:60]}")
                        err.flush()
            finally:
                gen.close()  # Ctrl-C between two files: cancelled here, while the archive is open (run recorded)
            if show_progress:
                err.write("\r\x1b[K")
        return summary

    def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        from app.importing.workers import start_workers

        # Started first: the workers load the parser while this process loads the importer and opens the archive.
        workers = start_workers(Path(p) for p in args.paths)
        try:
            summary = _import(args, err, workers)
        finally:
            if workers is not None:
                workers.close()
        if args.json:
            payload = {
                "imported": summary.imported,
                "updated": summary.updated,
                "unchanged": [path_text(p) for p in summary.unchanged],
                "duplicates": [{"path": path_text(p), "same_as": i} for p, i in summary.duplicates],
                "failed": [{"path": path_text(p), "reason": r} for p, r in summary.failed],
                "notices": [{"path": path_text(p), "notice": n} for p, n in summary.notices],
            }
            dump_json(payload, out)
        else:
            out.write(
                f"imported {len(summary.imported)}, updated {len(summary.updated)}, "
                f"unchanged {len(summary.unchanged) + len(summary.duplicates)}, failed {len(summary.failed)}\n"
            )
            for path, same_as in summary.duplicates:
                out.write(f"  duplicate: {shown(path)} (same content as document {same_as})\n")
            for path, reason in summary.failed:
                out.write(f"  failed: {shown(path)}: {shown(reason)}\n")
            for path, notice in summary.notices:
                out.write(f"  in part: {shown(path)}: {shown(notice)}\n")
        return 1 if summary.failed else 0

    def cmd_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        from app.library import listing as library

        with open_archive(args, err) as archive:
            rows = library.list_documents(archive, sort=args.sort)
            folder = archive.folder
        if args.json:
            dump_json([r.to_json() for r in rows], out)
            return 0
        if not rows:
            out.write(f"The archive {shown(folder)} is empty. Import files with: "
                      f"{program()}{archive_words(args)} import PATH...\n")
        for r in rows:
            tagged = f"  [{', '.join(map(shown, r.tags))}]" if r.tags else ""
            publisher = shown(r.publisher or "")[:24]
            out.write(f"{r.id:>6}  {r.date or '':10}  {shown(r.kind):15}  {publisher:24}  {shown(r.title)}{tagged}\n")
        return 0


    def cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        from app.library import listing as library

        with open_archive(args, err) as archive:
            if args.text:
                out.write(library.document_text(archive, args.id))
                return 0
            detail = library.document_detail(archive, args.id)
        if args.json:
            dump_json(detail, out)
            return 0
        _print_detail(detail, out)
        return 0

    def cmd_edit(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        from app.errors import DossierError
        from app.library import listing as library
        from app.library.metadata import edit_metadata

        changes: dict[str, Any] = {
            key: getattr(args, option)
            for key, option in (("title", "title"), ("date", "date"), ("date_label", "date_label"),
                                ("publisher", "publisher"), ("kind", "kind"), ("authors", "author"),
                                ("source_url", "url"), ("language", "language"))
            if getattr(args, option) is not None
        }
        if not changes:
            raise DossierError("nothing to change: give --title, --date, --author, --url, --language, ...")
        for key in ("date_label", "publisher"):
            if changes.get(key) is not None and not changes[key].strip():
                changes[key] = None  # '' clears it
        with open_archive(args, err) as archive:
            edit_metadata(archive, args.id, **changes)
            detail = library.document_detail(archive, args.id)
        if args.json:
            dump_json({key: detail[key] for key in _METADATA_KEYS}, out)
        else:
            out.write(f"updated document {args.id}: {shown(detail['title'])}\n")
        return 0

    return {"import": cmd_import, "list": cmd_list, "show": cmd_show, "edit": cmd_edit}


_METADATA_KEYS = ("id", "title", "date", "date_label", "publisher", "kind", "authors", "source_url", "language")


def _print_detail(d: dict[str, Any], out: TextIO) -> None:
    out.write(f"{shown(d['title'])}\n")
    label = f"{shown(d['date_label'])}: " if d["date_label"] else ""
    publisher = shown(d["publisher"] or "unknown publisher")
    out.write(f"  {shown(d['kind'])} · {publisher} · {label}{shown(d['date'] or 'undated')}\n")
    if d["authors"]:
        out.write(f"  by {shown('; '.join(d['authors']))}\n")
    if d["language"]:
        out.write(f"  language: {shown(d['language'])}\n")
    if d["source_url"]:
        out.write(f"  {shown(d['source_url'])}\n")
    out.write(f"  {shown(d['source']['path'])} ({d['source']['format']}, {d['text_length']} characters)\n")
    if d["sections"]:
        out.write("Sections:\n")
        for s in d["sections"]:
            out.write(f"  {'  ' * (s['level'] - 1)}{shown(s['title'])}\n")
    if d["footnotes"]:
        out.write("Footnotes:\n")
        for f in d["footnotes"]:
            out.write(f"  [{f['number']}] {shown(f['text'])}\n")
            if f["ibid_of"] is not None:
                out.write(f"      = {shown(f['resolved_text'])}\n")
            for link in f["links"]:
                out.write(f"      -> document {link['document_id']}: {shown(link['title'])} ({link['date']})\n")
    if d["missing_footnotes"]:
        out.write(f"Markers without footnote text: {', '.join(map(str, d['missing_footnotes']))}\n")
    if d["unreferenced_footnotes"]:
        out.write(f"Footnotes without a marker: {', '.join(map(str, d['unreferenced_footnotes']))}\n")
