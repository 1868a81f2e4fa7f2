"""Plain data passed between the readers, the parser and the archive.

These dataclasses are the contract between `app.readers` (bytes -> RawDocument),
`app.parsing` (RawDocument -> ParsedDocument) and `app.importing.importer` (which stores a
ParsedDocument through `db`). They carry no Qt and no SQLAlchemy so every stage
can be tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# A closed vocabulary, documented in docs/PARSING.md ("Kinds"); the search's `kind:` field uses these names.
KINDS = (
    "country-profile",
    "press-release",
    "statement",
    "speech",
    "transcript",
    "article",
    "report",
    "policy-brief",
    "court-decision",
    "legal-filing",
    "letter",
    "other",
)
FORMATS = ("txt", "md", "html", "pdf", "docx", "odt", "epub")


@dataclass(slots=True)
class RawDocument:
    """What a reader extracted from one file, before any genre parsing.

    `text` is plain text in the genre's layout: paragraphs separated by blank
    lines, footnote markers as `[N]`, the note list as lines `[N] text`.
    `headings` lists heading lines the format marked explicitly (HTML <h1>..<h6>,
    Markdown `#`), as (level, text); the parser also detects headings itself.
    `hints` holds metadata the format declared (front matter, <title>, <meta>):
    keys among title, date, publisher, kind, tags (list[str]), authors (list[str]), language. These win over
    what the parser finds in the text. `fallback_title` and `fallback_date`
    (a PDF's info dictionary, a file name's date) are weaker: used only when
    the text itself gives no title or date; `fallback_kind` (a page's og:type) only when
    no cue of the text decides the kind.
    """

    text: str
    format: str
    headings: list[tuple[int, str]] = field(default_factory=list)
    hints: dict[str, object] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)  # what a size limit left out, told in the import summary


@dataclass(slots=True)
class Section:
    title: str
    level: int
    start: int  # offset of the heading in ParsedDocument.text


@dataclass(slots=True)
class Marker:
    number: int
    start: int  # offsets of the whole "[N]" in ParsedDocument.text
    end: int


@dataclass(slots=True)
class Citation:
    """One source named in a footnote (a footnote may hold several)."""

    text: str
    author: str | None = None
    title: str | None = None
    publisher: str | None = None
    place: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, YYYY-MM or YYYY
    url: str | None = None


@dataclass(slots=True)
class Footnote:
    number: int
    text: str  # the footnote as written, unwrapped onto one line
    resolved_text: str | None = None  # for Ibid/Id.: the source it refers to, spelled out
    ibid_of: int | None = None  # number of the footnote whose source "Ibid" names
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class ParsedDocument:
    """A document understood in its genre; every offset indexes `text`."""

    text: str  # normalised body text: boilerplate and the note list removed, markers kept
    title: str
    date: str | None = None  # ISO YYYY-MM-DD (or YYYY-MM / YYYY when that is all we know)
    date_label: str | None = None  # "published", "last updated", ...
    publisher: str | None = None
    kind: str = "other"
    sections: list[Section] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    missing_footnotes: list[int] = field(default_factory=list)  # markers with no note text
    unreferenced_footnotes: list[int] = field(default_factory=list)  # notes with no marker
    tags: list[str] = field(default_factory=list)  # from front matter; stored by the tags issue
    authors: list[str] = field(default_factory=list)  # as the file declares them (e-book creators, <meta author>)
    language: str | None = None  # the file's declared language, a BCP 47 tag once stored
    notices: list[str] = field(default_factory=list)  # the reader's notices, carried to the import summary
