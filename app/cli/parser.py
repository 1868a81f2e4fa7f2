"""The command line's grammar, built without loading any command's modules (so `--help` and every
command start fast). Choices that mirror a service's constants are checked against them by tests."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from app import __version__
from app.cli.args import count, record_id
from app.export.excerpt_model import COLORS

LIST_SORTS = ("annotations", "date", "id", "imported", "kind", "publisher", "tags", "title")  # listing.SORT_COLUMNS
SEARCH_SORTS = ("relevance", "date")  # app.search.service.SORTS
EXPORT_FORMATS = ("md", "html", "pdf", "csv", "jsonld")  # app.export.files.FORMATS


def archive_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--archive",
        metavar="DIR",
        default=None if top else argparse.SUPPRESS,
        help="archive folder (default: $DOSSIER_ARCHIVE, else the archive the desktop app opened last, else the "
        "per-user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier", description="Dossier: an archive browser for reports. Without a command, opens the app."
    )
    archive_option(parser, top=True)
    parser.add_argument("--version", action="version", version=f"Dossier {__version__}")
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add Dossier to the desktop's menu, for this user only (files under ~/.local/share)",
    )
    desktop.add_argument("--remove-desktop-entry", action="store_true", help="take it out of the menu again")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import files and folders (.txt .md .html .htm .pdf .docx .odt .epub)")
    archive_option(p, top=False)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")

    p = sub.add_parser("list", help="list the archive's documents")
    archive_option(p, top=False)
    p.add_argument("--json", action="store_true")
    p.add_argument("--sort", choices=LIST_SORTS, default="id")

    p = sub.add_parser("show", help="show one document's metadata, structure and footnotes")
    archive_option(p, top=False)
    p.add_argument("id", type=record_id, metavar="ID")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true")
    group.add_argument("--text", action="store_true", help="print exactly the normalised text")

    p = sub.add_parser(
        "edit",
        help="edit one document's metadata",
        description="Edit one document's metadata; an empty value "
        "('') clears a field. --author replaces the authors (repeat it for each, in order; --author '' clears them).",
    )
    archive_option(p, top=False)
    p.add_argument("id", type=record_id, metavar="ID")
    p.add_argument("--title", metavar="TEXT")
    p.add_argument("--date", metavar="DATE", help="e.g. 2013-11-28, 2013-11, 2013 or 28 November 2013")
    p.add_argument("--date-label", metavar="TEXT", help="e.g. 'last updated', 'published'")
    p.add_argument("--publisher", metavar="TEXT")
    p.add_argument("--kind", metavar="KIND", help="country-profile, press-release, statement, report, ...")
    p.add_argument("--author", action="append", metavar="NAME", help="an author, person or body (repeatable)")
    p.add_argument("--url", metavar="URL", help="where it was published (http or https)")
    p.add_argument("--language", metavar="TAG", help="BCP 47 language tag: en, fr, pt-BR")
    p.add_argument("--json", action="store_true", help="print the document's metadata afterwards as JSON")

    p = sub.add_parser("search", help="full-text search (see README: query syntax)")
    archive_option(p, top=False)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="hits to show (default 20)")
    p.add_argument("--sort", choices=SEARCH_SORTS, default="relevance")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("reindex", help="rebuild the search index from the database")
    archive_option(p, top=False)
    _annotation_parsers(sub, lambda p: archive_option(p, top=False))
    _maintenance_parsers(sub, lambda p: archive_option(p, top=False))
    return parser


def _annotation_parsers(sub: Any, archive_option: Callable[[argparse.ArgumentParser], None]) -> None:
    def parser(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        archive_option(p)
        return p

    p = parser("tag", "add tags to a document")
    p.add_argument("id", type=record_id, metavar="ID")
    p.add_argument("tags", nargs="+", metavar="TAG", help="tag names; '/' makes a hierarchy: country/Azerbaijan")
    p = parser("untag", "remove tags from a document")
    p.add_argument("id", type=record_id, metavar="ID")
    p.add_argument("tags", nargs="+", metavar="TAG")
    p = parser("tags", "list tags with their document and annotation counts")
    p.add_argument("--json", action="store_true")
    p = parser("tag-rename", "rename a tag (and the tags below it)")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p = parser("tag-merge", "merge tag FROM into tag INTO (FROM is deleted)")
    p.add_argument("source", metavar="FROM")
    p.add_argument("into", metavar="INTO")
    p = parser("tag-delete", "delete a tag from every document and annotation")
    p.add_argument("tag", metavar="TAG")

    p = parser("annotate", "mark a passage of a document, with a note, tags and a colour")
    p.add_argument("doc", type=record_id, metavar="DOC_ID")
    p.add_argument("--quote", metavar="TEXT", help="the exact text to mark")
    p.add_argument("--occurrence", type=count, default=1, metavar="N", help="which occurrence of the quote (from 1)")
    p.add_argument("--start", type=count, metavar="S", help="span start offset in the text (see show --text)")
    p.add_argument("--end", type=count, metavar="E", help="span end offset")
    _annotation_fields(p)
    p.add_argument("--json", action="store_true")

    p = parser("annotations", "list annotations")
    p.add_argument("--doc", type=record_id, action="append", default=[], metavar="ID")
    p.add_argument("--tag", metavar="TAG")
    p.add_argument("--color", choices=COLORS)
    p.add_argument("--orphaned", action="store_true", help="only annotations whose text was lost on re-import")
    p.add_argument("--json", action="store_true")

    p = parser("annotation-edit", "change an annotation's note, colour or tags")
    p.add_argument("id", type=record_id, metavar="ID")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--color", choices=COLORS)
    p.add_argument("--tag", action="append", metavar="TAG", help="replaces all its tags (repeatable)")
    p.add_argument("--add-tag", action="append", default=[], metavar="TAG")
    p.add_argument("--remove-tag", action="append", default=[], metavar="TAG")
    p.add_argument("--json", action="store_true")

    p = parser("annotation-delete", "delete an annotation")
    p.add_argument("id", type=record_id, metavar="ID")

    p = parser("export", "export annotated excerpts with their citations and footnotes")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("--doc", type=record_id, action="append", default=[], metavar="ID")
    p.add_argument("--tag", metavar="TAG")
    p.add_argument("--query", metavar="Q", help="annotations of the documents this search matches")
    p.add_argument("--notes-only", action="store_true", help="with --query: only annotations whose note matches")
    p.add_argument("--annotation", type=record_id, action="append", default=[], metavar="ID")
    p.add_argument("--title", default="Annotated excerpts")
    for part in ("notes", "tags", "footnotes", "citation"):
        p.add_argument(f"--no-{part}", action="store_true", help=f"leave out the {part}")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="a regular file, or - for standard output")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    p = parser("remove", "remove documents from the archive")
    p.add_argument("ids", type=record_id, nargs="+", metavar="ID")
    p.add_argument("--force", action="store_true", help="also delete the documents' annotations")


def _annotation_fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--tag", action="append", default=[], metavar="TAG")
    p.add_argument("--color", choices=COLORS, default="yellow")


def _maintenance_parsers(sub: Any, archive_option: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("check", help="check the archive's consistency (database, search index, annotations, links)",
                       description="Check the archive; exit 0 when consistent, 1 when problems remain.")  # fmt: skip
    archive_option(p)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--repair", action="store_true", help="fix what can be fixed, then check again")
    p = sub.add_parser("backup", help="back up the archive (database and originals) into a new or empty folder")
    archive_option(p)
    p.add_argument("dest", metavar="DEST")
    p = sub.add_parser("restore", help="restore a backup into a new or empty folder (the index is rebuilt)")
    p.add_argument("backup", metavar="BACKUP")
    p.add_argument("target", metavar="TARGET")
