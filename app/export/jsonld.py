"""JSON-LD export: the excerpts as a W3C Web Annotation `AnnotationCollection`.

Mapping (https://www.w3.org/TR/annotation-model/), with the single context
`http://www.w3.org/ns/anno.jsonld`, so every key is either defined there or a compact
IRI under a prefix it defines (`dcterms:`, `schema:`), or, for what the model has no
term for, an IRI in Dossier's own `dossier:` scheme:

- Collection: `id` `urn:dossier:export:<UTC time>`, `label` (the export title),
  `total`, `generated`, `generator`, optional `dcterms:description` (how the excerpts
  were chosen), and one embedded `AnnotationPage` (`first`) holding all `items`.
- Annotation: `id` `urn:dossier:annotation:<id>`, `motivation` "highlighting",
  `created`/`modified` (UTC), `body` list:
  the note as `TextualBody` (`format` text/markdown, `purpose` "commenting"); each tag
  as `TextualBody` with `purpose` "tagging"; each endnote as `TextualBody` with
  `purpose` "describing", `format` text/plain, `value` the footnote (Ibid resolved),
  `schema:position` its endnote number in this export and `dcterms:source` the
  footnote's number in the source document.
- Target: a SpecificResource whose `source` is the document as an External Web
  Resource (`id` its URI, `type` "Text", `dcterms:title`, `dcterms:creator` (the
  authors, a list in their order), `dcterms:publisher`, `dcterms:date`,
  `dcterms:language` (BCP 47), `schema:url` (the http(s) address it was published at;
  not `dcterms:source`, which the endnote bodies use for a footnote's number),
  `dcterms:bibliographicCitation` (the citation line),
  `dcterms:identifier` the archive id), a `TextQuoteSelector` (exact, prefix, suffix)
  and a `TextPositionSelector` (start, end) and `styleClass` `dossier-<colour>`; the
  colour itself is the annotation's `stylesheet` (inline CSS) plus `dossier:color`.
- Orphaned excerpts (their text is no longer in the document) carry
  `"dossier:orphaned": true`; their TextPositionSelector still records where the text
  was, the TextQuoteSelector what was marked. Others carry `false`.
"""

from __future__ import annotations

import json
from typing import Any

from app.export.common import color_name, utc_timestamp
from app.export.excerpt_model import COLOR_HEX, Excerpt, ExcerptSet, ExportOptions

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def _source(excerpt: Excerpt, options: ExportOptions) -> dict[str, Any]:
    document = excerpt.document
    source: dict[str, Any] = {"id": document.uri, "type": "Text", "dcterms:title": document.title}
    if document.authors:
        source["dcterms:creator"] = list(document.authors)
    if document.publisher:
        source["dcterms:publisher"] = document.publisher
    if document.date:
        source["dcterms:date"] = document.date
    if document.language:
        source["dcterms:language"] = document.language
    if document.source_url:
        source["schema:url"] = document.source_url
    if options.include_citation:
        source["dcterms:bibliographicCitation"] = document.citation
    source["dcterms:identifier"] = f"urn:dossier:document:{document.id}"
    return source


def _bodies(excerpt: Excerpt, options: ExportOptions) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = []
    if options.include_notes and excerpt.note.strip():
        bodies.append(
            {"type": "TextualBody", "value": excerpt.note, "format": "text/markdown", "purpose": "commenting"}
        )
    if options.include_tags:
        bodies.extend({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in excerpt.tags)
    if options.include_footnotes:
        bodies.extend(
            {
                "type": "TextualBody",
                "value": note.display_text,
                "format": "text/plain",
                "purpose": "describing",
                "schema:position": note.number,
                "dcterms:source": f"footnote {note.original_number}",
            }
            for note in excerpt.endnotes
        )
    return bodies


def annotation(excerpt: Excerpt, options: ExportOptions) -> dict[str, Any]:
    """One excerpt as a Web Annotation (without @context: it sits in a collection)."""
    color = color_name(excerpt)
    item: dict[str, Any] = {
        "id": f"urn:dossier:annotation:{excerpt.annotation_id}",
        "type": "Annotation",
        "motivation": "highlighting",
        "created": utc_timestamp(excerpt.created_at),
        "modified": utc_timestamp(excerpt.modified_at),
    }
    bodies = _bodies(excerpt, options)
    if bodies:
        item["body"] = bodies
    item["target"] = {
        "type": "SpecificResource",
        "source": _source(excerpt, options),
        "styleClass": f"dossier-{color}",
        "selector": [
            {"type": "TextQuoteSelector", "exact": excerpt.quote, "prefix": excerpt.prefix, "suffix": excerpt.suffix},
            {"type": "TextPositionSelector", "start": excerpt.start, "end": excerpt.end},
        ],
    }
    item["stylesheet"] = {
        "type": "CssStylesheet",
        "value": f".dossier-{color} {{ background-color: {COLOR_HEX[color]}; }}",
    }
    item["dossier:color"] = color
    item["dossier:orphaned"] = excerpt.orphaned
    return item


def collection(excerpts: ExcerptSet) -> dict[str, Any]:
    """The whole export as an AnnotationCollection with one embedded page."""
    stamp = utc_timestamp(excerpts.generated_at)
    collection_id = f"urn:dossier:export:{stamp}"
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": excerpts.title,
        "total": len(excerpts.excerpts),
        "generated": stamp,
        "generator": {"id": "urn:dossier:app", "type": "Software", "name": "Dossier"},
    }
    if excerpts.description:
        data["dcterms:description"] = excerpts.description
    data["first"] = {
        "id": f"{collection_id}:page:1",
        "type": "AnnotationPage",
        "startIndex": 0,
        "items": [annotation(excerpt, excerpts.options) for excerpt in excerpts.excerpts],
    }
    return data


def render_jsonld(excerpts: ExcerptSet) -> str:
    """Pretty JSON (indent 2), non-ASCII kept as written."""
    return json.dumps(collection(excerpts), ensure_ascii=False, indent=2) + "\n"
