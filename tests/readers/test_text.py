"""Plain text: encodings detected, newlines normalised, never a crash on bytes."""

from __future__ import annotations

import codecs
from collections.abc import Callable

import pytest

from app.model import RawDocument

Reader = Callable[[str, bytes], RawDocument]
SAMPLE = "Nagorno-Karabakh’s “line of contact” — déminage\r\nsecond line\rthird\n\n[1] Note.\n"
EXPECTED = "Nagorno-Karabakh’s “line of contact” — déminage\nsecond line\nthird\n\n[1] Note.\n"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-16-native"],
)
def test_unicode_encodings_decode_to_the_same_text(read_bytes_as: Reader, data: bytes) -> None:
    doc = read_bytes_as("doc.txt", data)
    assert doc.text == EXPECTED
    assert doc.format == "txt"


def test_cp1252_smart_quotes_and_accents() -> None:
    from app.readers.decoding import decode_bytes

    text = "The Minister’s “réponse” – 4 September…".encode("cp1252")
    assert decode_bytes(text) == "The Minister’s “réponse” – 4 September…"


def test_cp1252_file(read_bytes_as: Reader) -> None:
    doc = read_bytes_as("win.txt", "“Ibid,” said the café owner.\r\n".encode("cp1252"))
    assert doc.text == "“Ibid,” said the café owner.\n"


def test_utf8_with_a_stray_byte_stays_utf8(read_bytes_as: Reader) -> None:
    """One invalid byte in a UTF-8 report: read as cp1252, every accent of it came out garbled ("européenne" as
    "europÃ©enne", unsearchable); read as UTF-8, only the stray byte is lost (U+FFFD)."""
    text = "Rapport de la Commission européenne sur la sécurité des déminages à Genève. " * 3
    data = text.encode("utf-8").replace(b"Rapport", b"Rap\xffport", 1)
    doc = read_bytes_as("stray.txt", data)
    assert doc.text.startswith("Rap\ufffdport de la Commission européenne") and "Ã" not in doc.text
    assert doc.text.count("\ufffd") == 1


def test_a_text_whose_accents_are_all_invalid_utf8_is_cp1252(read_bytes_as: Reader) -> None:
    """The other way round: cp1252 accents are each an invalid UTF-8 byte, however few or many."""
    data = "Café crème, déjà vu: “Ibid.” — the Minister’s réponse. ".encode("cp1252") + "naïve".encode()
    assert read_bytes_as("win.txt", data).text.startswith("Café crème, déjà vu: “Ibid.” — the Minister’s")


def test_undefined_cp1252_bytes_fall_back_to_latin1(read_bytes_as: Reader) -> None:
    doc = read_bytes_as("odd.txt", b"caf\xe9 \x81 text with enough letters to pass the control-character check")
    assert doc.text.startswith("café")


def test_bomless_utf16_is_detected(read_bytes_as: Reader) -> None:
    doc = read_bytes_as("le.txt", "Landmine Monitor report\n".encode("utf-16-le"))
    assert doc.text == "Landmine Monitor report\n"


def test_bom_is_stripped_and_unicode_line_separators_normalised(read_bytes_as: Reader) -> None:
    doc = read_bytes_as("bom.txt", codecs.BOM_UTF8 + "a\u2028b\u2029c\x0cd".encode())
    assert doc.text == "a\nb\n\nc\n\nd"


def test_invalid_utf8_after_bom_does_not_crash(read_bytes_as: Reader) -> None:
    doc = read_bytes_as("bad.txt", codecs.BOM_UTF8 + b"text \xff\xfe more text here")
    assert "text" in doc.text
