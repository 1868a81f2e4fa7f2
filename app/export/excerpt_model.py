"""Plain data handed to the exporters: what one export contains, already resolved.

`app.export.excerpts` builds an `ExcerptSet` from the database (selection, order,
footnotes, endnote numbers, citation lines); `app.export` only formats it. Keeping
the two apart means every format shows the same excerpts, numbers and citations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

COLORS = ("yellow", "green", "blue", "pink", "purple", "orange")
COLOR_HEX = {
    "yellow": "#fff3a3",
    "green": "#c8f0c0",
    "blue": "#c4ddff",
    "pink": "#ffcfe3",
    "purple": "#e3d1ff",
    "orange": "#ffd9b0",
}


@dataclass(slots=True)
class SourceDocument:
    """The document an excerpt comes from, with what a citation of it needs."""

    id: int
    title: str
    date: str | None  # ISO YYYY-MM-DD, YYYY-MM or YYYY
    date_label: str | None  # "Last Updated", "Press release", …
    publisher: str | None
    kind: str
    source_path: str | None
    sha256: str
    uri: str  # file URI of the original, else urn:sha256:…
    citation: str  # one line: Authors (else Publisher), "Title", [Publisher,] date label date.[ URL]
    authors: tuple[str, ...] = ()  # in order; Document.authors split
    source_url: str | None = None  # http(s) address it was published at
    language: str | None = None  # BCP 47 tag


@dataclass(slots=True)
class Endnote:
    """A footnote of the source carried by an excerpt, renumbered for the export."""

    number: int  # endnote number in this export (1, 2, 3 … across all excerpts)
    original_number: int  # its number in the source document
    text: str  # as written in the source
    resolved_text: str | None  # for Ibid/Id.: what it refers to, else None
    urls: list[str] = field(default_factory=list)

    @property
    def display_text(self) -> str:
        """The text to print: Ibid shown resolved, keeping what the note itself adds."""
        if self.resolved_text and self.resolved_text != self.text:
            return f"{self.text} [= {self.resolved_text}]"
        return self.text


@dataclass(slots=True)
class Excerpt:
    annotation_id: int
    document: SourceDocument
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    orphaned: bool  # its text is no longer found in the document; the quote is what was marked
    color: str
    note: str  # plain text or Markdown
    tags: list[str]
    created_at: datetime
    modified_at: datetime
    endnotes: list[Endnote] = field(default_factory=list)

    @property
    def link(self) -> str:
        """Where the excerpt lives: the document's URI with a W3C-style text fragment."""
        return f"{self.document.uri}#char={self.start},{self.end}"


@dataclass(slots=True)
class ExportOptions:
    include_notes: bool = True
    include_tags: bool = True
    include_footnotes: bool = True
    include_citation: bool = True


def english_summary(exported: str, excerpts: int, documents: int) -> str:
    """'Exported 2026-12-07 09:59 UTC · 3 excerpts from 2 documents'."""
    return (f"Exported {exported} · {excerpts} excerpt{'s' if excerpts != 1 else ''} from {documents} "
            f"document{'s' if documents != 1 else ''}")  # fmt: skip


@dataclass(frozen=True, slots=True)
class ExportWords:
    """The words an export writes around the excerpts, in the language of whoever exports: English by
    default (the command line), the app's own language from the desktop app, so that a report written
    in French quotes its excerpts in French. Templates keep their {placeholders}; `summary` gets the
    counts, for the language's plurals; `colors` names the palette's colours (the key when absent);
    `date` writes a document's date in its citation line (the date's label, "last updated", is the
    document's own words)."""

    selection: str = "Selection: {description}"
    orphaned: str = "Orphaned: text no longer found in the document; the quote is what was marked."
    note: str = "Note"
    highlight: str = "Highlight: {color}"
    tags: str = "Tags: {tags}"
    endnotes: str = "Endnotes"
    undated: str = "undated"  # in a citation line, for a document without a date
    colors: Mapping[str, str] = field(default_factory=dict)
    summary: Callable[[str, int, int], str] = english_summary
    date: Callable[[str], str] | None = None  # a document's ISO date in a citation line; None: 28 November 2013

    def color(self, key: str) -> str:
        return self.colors.get(key, key)


@dataclass(slots=True)
class ExcerptSet:
    """Everything one export writes, in order (by document, then position)."""

    title: str
    generated_at: datetime
    excerpts: list[Excerpt]
    options: ExportOptions = field(default_factory=ExportOptions)
    description: str = ""  # how the excerpts were chosen, e.g. "tag: country/Azerbaijan"
    words: ExportWords = field(default_factory=ExportWords)
