"""Commands for tags, annotations, export and removal.

Kept apart from `app.cli` so each file stays about one thing: these commands
are the researcher's output side (marking, labelling, exporting excerpts).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app.annotating import annotations
from app.cli.common import Command, Opener, archive_words, dump_json, program
from app.errors import DossierError
from app.export import excerpts
from app.export.excerpt_model import ExportOptions
from app.library import removal, tags
from app.library.stored_text import path_text
from app.text_safety import terminal_safe


def _print_annotation(a: annotations.AnnotationInfo, out: TextIO) -> None:
    quote = " ".join(a.quote.split())
    quote = terminal_safe(quote if len(quote) <= 100 else quote[:99] + "…")
    state = " ORPHANED" if a.orphaned else ""
    out.write(f"{a.id:>5}  doc {a.document_id:<5} {a.start}-{a.end} {a.color}{state}  “{quote}”\n")
    if a.note:
        out.write(f"       note: {terminal_safe(' '.join(a.note.split())[:200])}\n")
    if a.tags:
        out.write(f"       tags: {terminal_safe(', '.join(a.tags))}\n")


def commands(open_archive: Opener) -> dict[str, Command]:
    """The command functions, bound to the caller's way of opening the archive."""

    def cmd_tag(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
        with open_archive(args) as archive:
            added = tags.tag_documents(archive, [args.id], args.tags)
        out.write(f"tagged document {args.id} ({added} new)\n")
        return 0

    def cmd_untag(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
        with open_archive(args) as archive:
            removed = tags.untag_documents(archive, [args.id], args.tags)
        out.write(f"removed {removed} tag(s) from document {args.id}\n")
        return 0

    def cmd_tags(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
        with open_archive(args) as archive:
            found = tags.list_tags(archive)
        if args.json:
            dump_json([t.to_json() for t in found], out)
            return 0
        if not found:
            out.write(f"No tags yet. Add one with: {program()}{archive_words(args)} tag ID TAG\n")
        for t in found:
            out.write(f"{terminal_safe(t.name)}  ({t.documents} document(s), {t.annotations} annotation(s))\n")
        return 0

    def cmd_tag_rename(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
        with open_archive(args) as archive:
            change = tags.rename(archive, args.old, args.new)
        out.write(f"renamed {terminal_safe(change.name)} ({change.renamed} tag(s); {change.documents} document(s), "
                  f"{change.annotations} annotation(s))\n")
        return 0

    def cmd_tag_merge(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
        with open_archive(args) as archive:
            change = tags.merge(archive, args.source, args.into)
        out.write(f"merged {terminal_safe(change.name)} ({change.documents} document(s), "
                  f"{change.annotations} annotation(s))\n")
        return 0

    def cmd_tag_delete(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
        with open_archive(args) as archive:
            change = tags.delete_tag(archive, args.tag)
        out.write(f"deleted tag {terminal_safe(change.name)}: {change.documents} document(s) and {change.annotations} "
                  f"annotation(s) lost it\n")
        return 0

    def cmd_annotate(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
        fields = {"note": args.note, "color": args.color, "tag_names": args.tag}
        by_offsets = args.start is not None or args.end is not None
        if by_offsets == (args.quote is not None):
            raise DossierError("give either --quote TEXT or both --start and --end")
        with open_archive(args) as archive:
            if args.quote is not None:
                made = annotations.create_from_quote(archive, args.doc, args.quote, occurrence=args.occurrence,
                                                     **fields)
            else:
                if args.start is None or args.end is None:
                    raise DossierError("give both --start and --end")
                made = annotations.create(archive, args.doc, args.start, args.end, **fields)  # type: ignore[arg-type]
        if args.json:
            dump_json(made.to_json(), out)
        else:
            out.write(f"annotation {made.id} on document {made.document_id} ({made.start}-{made.end})\n")
        return 0

    def cmd_annotations(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
        flt = annotations.AnnotationFilter(document_ids=args.doc, tag=args.tag, color=args.color,
                                           orphaned=True if args.orphaned else None)
        with open_archive(args) as archive:
            found = annotations.list_annotations(archive, flt)
        if args.json:
            dump_json([a.to_json() for a in found], out)
            return 0
        if not found:
            out.write("No annotations match.\n")
        for a in found:
            _print_annotation(a, out)
        return 0

    def cmd_annotation_edit(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
        with open_archive(args) as archive:
            changed = annotations.edit(archive, args.id, note=args.note, color=args.color, tag_names=args.tag,
                                       add_tags=args.add_tag, remove_tags=args.remove_tag)
        if args.json:
            dump_json(changed.to_json(), out)
        else:
            _print_annotation(changed, out)
        return 0

    def cmd_annotation_delete(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
        with open_archive(args) as archive:
            gone = annotations.delete(archive, args.id)
        out.write(f"deleted annotation {gone.id} from document {gone.document_id}\n")
        return 0

    def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        selection = excerpts.Selection(document_ids=args.doc, annotation_ids=args.annotation, tag=args.tag,
                                       query=args.query, notes_only=args.notes_only)
        if args.notes_only and not args.query:
            raise DossierError("--notes-only needs --query")
        options = ExportOptions(include_notes=not args.no_notes, include_tags=not args.no_tags,
                                include_footnotes=not args.no_footnotes, include_citation=not args.no_citation)
        with open_archive(args) as archive:
            ids = excerpts.select_annotation_ids(archive, selection)
            if not ids:
                raise DossierError(f"no annotations to export ({terminal_safe(selection.describe())})")
            chosen = excerpts.build(archive, ids, options=options, title=args.title,
                                    description=selection.describe())
        from app.export import files as export  # the exporters load only when exporting

        warnings: list[str] = []  # written, but not quite as asked: said on stderr, the exit stays 0
        if args.output == "-":  # standard output; the summary goes to stderr, out of the export's way
            export.write_stream(chosen, args.format, out, warnings)
            err.write(f"exported {len(chosen.excerpts)} excerpt(s) to standard output\n")
        else:
            path = export.write_export(chosen, args.format, Path(args.output), force=args.force, warnings=warnings)
            out.write(f"exported {len(chosen.excerpts)} excerpt(s) to {terminal_safe(path_text(path))}\n")
        for warning in warnings:
            err.write(f"dossier: warning: {terminal_safe(warning)}\n")
        return 0

    def cmd_remove(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
        with open_archive(args) as archive:
            report = removal.remove_documents(archive, args.ids, with_annotations=args.force)
        extra = f" and {report.annotations} annotation(s)" if report.annotations else ""
        out.write(f"removed {report.documents} document(s){extra}\n")
        return 0

    return {
        "tag": cmd_tag, "untag": cmd_untag, "tags": cmd_tags, "tag-rename": cmd_tag_rename,
        "tag-merge": cmd_tag_merge, "tag-delete": cmd_tag_delete, "annotate": cmd_annotate,
        "annotations": cmd_annotations, "annotation-edit": cmd_annotation_edit,
        "annotation-delete": cmd_annotation_delete, "export": cmd_export, "remove": cmd_remove,
    }
