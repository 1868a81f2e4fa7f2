"""CSV export: one row per excerpt, for spreadsheets and scripts.

Choices, and why:
- Encoding UTF-8 *with* a byte-order mark (`utf-8-sig`): Excel reads a BOM-less CSV as
  the local ANSI code page and garbles "ə", Cyrillic and curly quotes; other tools
  (Python's `utf-8-sig`, LibreOffice, pandas) skip the BOM. `preview` shows the text
  without it.
- RFC 4180 quoting and CRLF line ends (the csv module's default); multi-line quotes,
  notes and footnotes stay in one quoted cell.
- Columns: annotation_id, document, document_id, date, publisher, quote, note, tags,
  colour, footnotes, link, citation, orphaned, created, modified, authors, url, language
  (the document's, added last so that the earlier columns keep their places for scripts
  written before them; authors joined with "; " as tags are). Columns switched off by
  `ExportOptions` (note, tags, footnotes, citation) are left out rather than left empty.
- `quote` carries the source's footnote markers renumbered as `[N]`, matching the
  `footnotes` cell, which lists the endnotes as "N. text", one per line.
- `tags` are joined with "; " (a tag may contain "/" but not ";"); `orphaned` is yes/no.
- Cells are data, not markup: spreadsheets render no Markdown, so the note is kept as
  written (like JSON-LD); `app.annotating.note_text` reads it for the formats that draw it.
- A cell that starts like a spreadsheet formula (=, +, -, @, a tab or a CR), unless it is a
  plain negative number, gets a leading apostrophe so that Excel shows it instead of running it.
"""

from __future__ import annotations

import csv
import io
import re

from app.export.common import color_name, plain_quote, utc_timestamp
from app.export.excerpt_model import Excerpt, ExcerptSet, ExportOptions
from app.text_safety import without_controls

_FORMULA_START = re.compile(r"^[=+\-@\t\r]")
_NEGATIVE_NUMBER = re.compile(r"-\d+(?:[.,]\d+)*")


def columns(options: ExportOptions) -> list[str]:
    """The header row for these options, in a fixed order."""
    wanted = {
        "note": options.include_notes,
        "tags": options.include_tags,
        "footnotes": options.include_footnotes,
        "citation": options.include_citation,
    }
    all_columns = [
        "annotation_id", "document", "document_id", "date", "publisher", "quote", "note", "tags",
        "colour", "footnotes", "link", "citation", "orphaned", "created", "modified", "authors", "url", "language",
    ]  # fmt: skip
    return [name for name in all_columns if wanted.get(name, True)]


def defuse(cell: str) -> str:
    """A cell a spreadsheet would take for a formula, made inert by a leading apostrophe.

    A spreadsheet reads any cell opening with = + - @ (or a tab or CR before them) as a formula:
    `-1+1+cmd|' /C calc'!A0` runs a command. Only a plain negative number is left as it is.
    """
    cell = without_controls(cell)  # dropped from the file anyway: one opening the cell would hide a formula
    if _FORMULA_START.match(cell) and not _NEGATIVE_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _row(excerpt: Excerpt, options: ExportOptions) -> dict[str, str]:
    document = excerpt.document
    return {
        "annotation_id": str(excerpt.annotation_id),
        "document": document.title,
        "document_id": str(document.id),
        "date": document.date or "",
        "publisher": document.publisher or "",
        "quote": plain_quote(excerpt, options.include_footnotes),
        "note": excerpt.note,
        "tags": "; ".join(excerpt.tags),
        "colour": color_name(excerpt),
        "footnotes": "\n".join(f"{note.number}. {note.display_text}" for note in excerpt.endnotes),
        "link": excerpt.link,
        "citation": document.citation,
        "orphaned": "yes" if excerpt.orphaned else "no",
        "created": utc_timestamp(excerpt.created_at),
        "modified": utc_timestamp(excerpt.modified_at),
        "authors": "; ".join(document.authors),
        "url": document.source_url or "",
        "language": document.language or "",
    }


def render_csv(excerpts: ExcerptSet) -> str:
    """The CSV text, without the BOM that `render` adds to the file's bytes."""
    options = excerpts.options
    header = columns(options)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for excerpt in excerpts.excerpts:
        row = _row(excerpt, options)
        writer.writerow([defuse(row[name]) for name in header])
    return buffer.getvalue()
