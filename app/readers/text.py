"""Plain-text reader: the genre's native layout, so only decoding is needed."""

from __future__ import annotations

from app.model import RawDocument
from app.readers.decoding import decode_bytes


def read_text(data: bytes) -> RawDocument:
    """Decode a .txt file; its text is already in the layout the parser expects."""
    return RawDocument(text=decode_bytes(data), format="txt")
