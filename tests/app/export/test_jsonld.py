"""JSON-LD export, read back with json and checked against the W3C Web Annotation shape."""

from __future__ import annotations

import json
from typing import Any

from app.export.excerpt_model import ExcerptSet
from app.export.files import render
from tests.app.export.conftest import MAPS_QUOTE, NOTE, PROFILE


def load(excerpts: ExcerptSet) -> dict[str, Any]:
    data = render(excerpts, "jsonld")
    assert "Əliyev".encode() in data  # ensure_ascii=False
    assert data.startswith(b'{\n  "@context"')  # indent 2
    return json.loads(data)


def test_collection_shape(excerpt_set: ExcerptSet) -> None:
    data = load(excerpt_set)
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    assert data["label"] == "Excerpts: Azerbaijan & mine maps"
    assert data["total"] == 3
    assert data["first"]["type"] == "AnnotationPage"
    assert [item["id"] for item in data["first"]["items"]] == [f"urn:dossier:annotation:{n}" for n in (11, 12, 13)]


def test_annotation_bodies_target_and_metadata(excerpt_set: ExcerptSet) -> None:
    first = load(excerpt_set)["first"]["items"][0]
    assert first["type"] == "Annotation"
    assert (first["created"], first["modified"]) == ("2024-05-01T09:30:00Z", "2024-05-02T10:00:00Z")
    bodies = first["body"]
    assert {"type": "TextualBody", "value": NOTE, "format": "text/markdown", "purpose": "commenting"} in bodies
    assert [b["value"] for b in bodies if b["purpose"] == "tagging"] == ["country/Azerbaijan", "topic/mine-maps"]
    endnote = next(b for b in bodies if b["purpose"] == "describing")
    assert (
        endnote["value"].startswith("“Azerbaijan says maps only 25% accurate,” APA") and endnote["schema:position"] == 1
    )
    assert endnote["dcterms:source"] == "footnote 15"
    target = first["target"]
    source = target["source"]
    assert source["id"] == PROFILE.uri and source["type"] == "Text"
    assert source["dcterms:title"] == "Azerbaijan" and source["dcterms:publisher"] == PROFILE.publisher
    assert source["dcterms:date"] == "2013-11-28" and source["dcterms:bibliographicCitation"] == PROFILE.citation
    quote_selector, position_selector = target["selector"]
    assert quote_selector == {
        "type": "TextQuoteSelector",
        "exact": MAPS_QUOTE,
        "prefix": "In June 2021 President ",
        "suffix": " Clearance continued.",
    }
    assert position_selector == {"type": "TextPositionSelector", "start": 120, "end": 120 + len(MAPS_QUOTE)}
    assert target["styleClass"] == "dossier-yellow"
    assert first["stylesheet"]["type"] == "CssStylesheet" and "#fff3a3" in first["stylesheet"]["value"]
    assert first["dossier:orphaned"] is False


def test_ibid_resolved_and_orphan_flagged(excerpt_set: ExcerptSet) -> None:
    second, orphan = load(excerpt_set)["first"]["items"][1:]
    ibid = next(b for b in second["body"] if b["purpose"] == "describing")
    assert ibid["value"] == "Ibid. [= “Azerbaijan says maps only 25% accurate,” APA, 12 June 2021]"
    assert "commenting" not in [b["purpose"] for b in second["body"]]  # empty note: no body for it
    assert orphan["dossier:orphaned"] is True
    assert orphan["target"]["selector"][0]["exact"] == "Кампания призывает все государства присоединиться к Договору."


def test_jsonld_options_turn_parts_off(bare_set: ExcerptSet) -> None:
    items = load(bare_set)["first"]["items"]
    assert all("body" not in item for item in items)
    assert all("dcterms:bibliographicCitation" not in item["target"]["source"] for item in items)
    assert items[0]["target"]["selector"][0]["exact"] == MAPS_QUOTE  # the selector is always exact
