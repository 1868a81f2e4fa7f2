"""Plain data handed to the exporters: what one export contains, already resolved.

`app.export.excerpts` builds an `ExcerptSet` from the database (selection, order,
footnotes, endnote numbers, citation lines); `app.export` only formats it. Keeping
the two apart means every format shows the same excerpts, numbers and citations.
"""

from __future__ import annotations

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


@dataclass(slots=True)
class ExcerptSet:
    """Everything one export writes, in order (by document, then position)."""

    title: str
    generated_at: datetime
    excerpts: list[Excerpt]
    options: ExportOptions = field(default_factory=ExportOptions)
    description: str = ""  # how the excerpts were chosen, e.g. "tag: country/Azerbaijan"
