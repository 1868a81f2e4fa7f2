"""The archive's tables: the database is the source of truth for everything.

Documents own their sections, markers and footnotes; footnotes own their
citations; a citation may link to other documents of the archive. Deleting a
document cascades to all of that, and to links pointing at it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    date_label: Mapped[str | None] = mapped_column(String(40))
    publisher: Mapped[str | None] = mapped_column(Text, index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True, default="other")
    # People or bodies who wrote it, in order, joined by "; " (app.library.stored_text.AUTHOR_SEPARATOR): one
    # readable text for the table, CSV cells and citation lines, with no escaping, because a name may not hold ";".
    authors: Mapped[str | None] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(Text)  # where it was published: http(s) only
    language: Mapped[str | None] = mapped_column(String(35))  # a BCP 47 tag: "en", "fr", "pt-BR"
    source_path: Mapped[str | None] = mapped_column(Text, unique=True)
    format: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    text_length: Mapped[int] = mapped_column(default=0)
    imported_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    sections: Mapped[list[Section]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Section.start"
    )
    markers: Mapped[list[Marker]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Marker.start"
    )
    footnotes: Mapped[list[Footnote]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Footnote.number"
    )
    annotations: Mapped[list[Annotation]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Annotation.start"
    )
    tags: Mapped[list[Tag]] = relationship(secondary="document_tags", order_by="Tag.name")


class Section(Base):
    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text)
    level: Mapped[int]
    start: Mapped[int]

    document: Mapped[Document] = relationship(back_populates="sections")


class Marker(Base):
    """A footnote reference `[N]` in the text; `start`/`end` index Document.text."""

    __tablename__ = "markers"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]

    document: Mapped[Document] = relationship(back_populates="markers")


class Footnote(Base):
    __tablename__ = "footnotes"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # no index of its own: the unique (document_id, number) index finds a document's footnotes
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    resolved_text: Mapped[str | None] = mapped_column(Text)
    ibid_of: Mapped[int | None]

    document: Mapped[Document] = relationship(back_populates="footnotes")
    citations: Mapped[list[Citation]] = relationship(
        back_populates="footnote", cascade="all, delete-orphan", order_by="Citation.position"
    )


class Citation(Base):
    """One source named by a footnote, split into its parts."""

    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(primary_key=True)
    footnote_id: Mapped[int] = mapped_column(ForeignKey("footnotes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    url: Mapped[str | None] = mapped_column(Text)

    footnote: Mapped[Footnote] = relationship(back_populates="citations")
    links: Mapped[list[CitationLink]] = relationship(
        back_populates="citation", cascade="all, delete-orphan", order_by="CitationLink.score.desc()"
    )


class CitationLink(Base):
    """A citation resolved to a document of the archive, with the matcher's confidence."""

    __tablename__ = "citation_links"
    __table_args__ = (UniqueConstraint("citation_id", "target_document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # no index of its own: the unique (citation_id, target_document_id) index finds a citation's links
    citation_id: Mapped[int] = mapped_column(ForeignKey("citations.id", ondelete="CASCADE"))
    target_document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[float]

    citation: Mapped[Citation] = relationship(back_populates="links")
    target: Mapped[Document] = relationship()


class ImportRun(Base):
    """One import of files or folders: the archive's import history."""

    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    paths: Mapped[str] = mapped_column(Text)  # the paths the user named, one per line
    imported: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    unchanged: Mapped[int] = mapped_column(default=0)
    failed: Mapped[int] = mapped_column(default=0)
    cancelled: Mapped[bool] = mapped_column(default=False)

    failures: Mapped[list[ImportFailure]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="ImportFailure.id"
    )


class ImportFailure(Base):
    __tablename__ = "import_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("import_runs.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)

    run: Mapped[ImportRun] = relationship(back_populates="failures")


Index("ix_documents_title", Document.title)


class IndexQueue(Base):
    """Documents changed since the search index last committed.

    Written in the same transaction as the change, cleared after the index
    commits, so a crash between the two is caught up on the next open. No
    foreign key: a deleted document must still be removed from the index.
    """

    __tablename__ = "index_queue"

    document_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    queued_at: Mapped[datetime]


class Tag(Base):
    """A label for documents and annotations; `/` in the name forms a hierarchy."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text(collation="NOCASE"), unique=True)
    color: Mapped[str | None] = mapped_column(String(20))


document_tags = Table(
    "document_tags",
    Base.metadata,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)

annotation_tags = Table(
    "annotation_tags",
    Base.metadata,
    Column("annotation_id", ForeignKey("annotations.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Annotation(Base):
    """A marked span of a document's text, anchored as the W3C Web Annotation model does.

    `start`/`end` index Document.text; `quote` with `prefix`/`suffix` lets the span
    be found again when the text changes (`text_sha256` is the text it was made on).
    An annotation that cannot be re-anchored is `orphaned`: kept, with its quote.
    """

    __tablename__ = "annotations"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int]
    end: Mapped[int]
    quote: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    text_sha256: Mapped[str] = mapped_column(String(64))
    orphaned: Mapped[bool] = mapped_column(default=False)
    color: Mapped[str] = mapped_column(String(10), default="yellow")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    modified_at: Mapped[datetime]

    document: Mapped[Document] = relationship(back_populates="annotations")
    tags: Mapped[list[Tag]] = relationship(secondary="annotation_tags", order_by="Tag.name")
