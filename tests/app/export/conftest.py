"""A hand-built ExcerptSet in the genre: two documents, three excerpts, everything the formats must carry."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from app.export.excerpt_model import Endnote, Excerpt, ExcerptSet, ExportOptions, SourceDocument

PROFILE = SourceDocument(
    id=1,
    title="Azerbaijan",
    date="2013-11-28",
    date_label="Last Updated",
    publisher="Landmine and Cluster Munition Monitor",
    kind="country-profile",
    source_path="/archive/originals/azerbaijan.txt",
    sha256="a" * 64,
    uri="file:///archive/originals/azerbaijan.txt",
    citation="Landmine and Cluster Munition Monitor, “Azerbaijan”, Last Updated 28 November 2013",
)
RELEASE = SourceDocument(
    id=2,
    title="Заявление о минах",
    date="2013-09-20",
    date_label="Press release",
    publisher="ICBL",
    kind="press-release",
    source_path=None,
    sha256="b" * 64,
    uri="urn:sha256:" + "b" * 64,
    citation="ICBL, “Заявление о минах”, Press release 20 September 2013",
)

# Long enough to run over a PDF page; ends with the source marker [15].
MAPS_QUOTE = (
    "Ilham Əliyev said the accuracy of the maps provided at the latest stage is only 25 percent.”[15] "
    + "The maps of Ağdam and Füzuli were handed over in June. " * 60
).strip()
PROFILE_ENDNOTES = [
    Endnote(
        number=1,
        original_number=15,
        text="“Azerbaijan says maps only 25% accurate,” APA, 12 June 2021, https://apa.az/en/maps.",
        resolved_text=None,
        urls=["https://apa.az/en/maps"],
    ),
    Endnote(
        number=2,
        original_number=16,
        text="Ibid.",
        resolved_text="“Azerbaijan says maps only 25% accurate,” APA, 12 June 2021",
        urls=[],
    ),
]
NOTE = "Check **mine maps** accuracy & compare with <script>alert('x')</script>:\n\n- first *point*\n- see [the Monitor](https://the-monitor.org/)"


def make_excerpt_set(options: ExportOptions | None = None) -> ExcerptSet:
    created = datetime(2024, 5, 1, 9, 30)
    excerpts = [
        Excerpt(
            annotation_id=11,
            document=PROFILE,
            quote=MAPS_QUOTE,
            prefix="In June 2021 President ",
            suffix=" Clearance continued.",
            start=120,
            end=120 + len(MAPS_QUOTE),
            orphaned=False,
            color="yellow",
            note=NOTE,
            tags=["country/Azerbaijan", "topic/mine-maps"],
            created_at=created,
            modified_at=datetime(2024, 5, 2, 10, 0),
            endnotes=[PROFILE_ENDNOTES[0]],
        ),
        Excerpt(
            annotation_id=12,
            document=PROFILE,
            quote="Mine action was coordinated by ANAMA, which reported clearance of 12 km².",
            prefix="In 2012 ",
            suffix="[16] Casualties",
            start=9000,
            end=9075,
            orphaned=False,
            color="green",
            note="",
            tags=["topic/clearance"],
            created_at=created,
            modified_at=created,
            endnotes=[PROFILE_ENDNOTES[1]],
        ),
        Excerpt(
            annotation_id=13,
            document=RELEASE,
            quote="Кампания призывает все государства присоединиться к Договору.",
            prefix="",
            suffix="",
            start=40,
            end=101,
            orphaned=True,
            color="blue",
            note="Orphaned after re-import.",
            tags=["lang/ru"],
            created_at=created,
            modified_at=created,
        ),
    ]
    return ExcerptSet(
        title="Excerpts: Azerbaijan & mine maps",
        generated_at=datetime(2024, 5, 3, 12, 0),
        excerpts=excerpts,
        options=options or ExportOptions(),
        description="tag: country/Azerbaijan",
    )


@pytest.fixture
def excerpt_set() -> ExcerptSet:
    return make_excerpt_set()


@pytest.fixture
def bare_set() -> ExcerptSet:
    """Notes, tags, footnotes and citations all switched off."""
    return make_excerpt_set(
        ExportOptions(include_notes=False, include_tags=False, include_footnotes=False, include_citation=False)
    )


def with_options(excerpts: ExcerptSet, **changes: bool) -> ExcerptSet:
    return dataclasses.replace(excerpts, options=dataclasses.replace(excerpts.options, **changes))
