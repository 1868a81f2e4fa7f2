"""Helpers shared by the parser tests."""

from __future__ import annotations

from pathlib import Path

from app.model import Footnote, ParsedDocument, RawDocument
from app.parsing import _parse, parse

GENRE_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "genre"


def parse_text(text: str, **kwargs: object) -> ParsedDocument:
    return parse(RawDocument(text=text, format="txt", **kwargs))  # type: ignore[arg-type]


def parse_strictly(text: str) -> ParsedDocument:
    """The parser without its safety net, so a test sees any bug instead of the fallback document."""
    return _parse(RawDocument(text=text, format="txt"))


def parse_fixture(name: str) -> ParsedDocument:
    return parse_text((GENRE_DIR / name).read_text(encoding="utf-8"))


def marker_numbers(doc: ParsedDocument) -> list[int]:
    return [marker.number for marker in doc.markers]


def footnote(doc: ParsedDocument, number: int) -> Footnote:
    for note in doc.footnotes:
        if note.number == number:
            return note
    raise AssertionError(f"no footnote {number} in {[n.number for n in doc.footnotes]}")
