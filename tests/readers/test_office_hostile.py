"""DOCX and ODT packages as attacks: each is a one-line ReadError or a safe read, never a traceback.

Zip bombs, entries that climb out of the archive, entity bombs, external
entities, missing parts, encrypted entries, too many entries and nesting
too deep for the parser, all read through `read_file` as an import would.
"""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from collections.abc import Callable

import pytest

from app.errors import ReadError
from app.model import RawDocument
from tests.readers.office_packages import SEPARATORS, docx, note, odt, odt_content, para, ref, zip_bytes

ReadAs = Callable[[str, bytes], RawDocument]


def _error(read_bytes_as: ReadAs, name: str, data: bytes) -> str:
    with pytest.raises(ReadError) as caught:
        read_bytes_as(name, data)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def _with_part(data: bytes, part: str, content: bytes) -> bytes:
    """The package with `part` replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    parts: dict[str, bytes | str] = {name: source.read(name) for name in source.namelist() if name != part}
    parts[part] = content
    return zip_bytes(parts)


def _bomb(name: str, size: int, base: dict[str, bytes | str]) -> bytes:
    """A package whose part `name` unpacks to `size` bytes of zeros; written in chunks, so building it stays cheap."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for part, data in base.items():
            package.writestr(part, data)
        with package.open(name, "w", force_zip64=True) as handle:
            handle.write(b"<w:document>")
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                handle.write(chunk)
    return buffer.getvalue()


_ENTITY_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><w:document xmlns:w="http://schemas.openxmlformats.org/'
    b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>'
)
_EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    b"<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
_EXTERNAL_DTD = (b'<?xml version="1.0"?><!DOCTYPE d SYSTEM "http://127.0.0.1:9/evil.dtd">'
                 b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                 b"<w:p><w:r><w:t>Safe &undefined; text</w:t></w:r></w:p></w:body></w:document>")  # fmt: skip


def test_not_a_zip(read_bytes_as: ReadAs) -> None:
    assert _error(read_bytes_as, "a.docx", b"Mine Ban Policy, plain text").startswith(
        "broken DOCX file: not a zip package"
    )
    assert _error(read_bytes_as, "a.odt", b"PK\x03\x04garbage").startswith("broken ODT file: not a zip package")


def test_truncated_zip(read_bytes_as: ReadAs) -> None:
    data = docx(para("Text " * 2000))
    assert _error(read_bytes_as, "a.docx", data[: len(data) // 2]).startswith("broken DOCX file")
    assert _error(read_bytes_as, "a.odt", odt("<text:p>x</text:p>")[:300]).startswith("broken ODT file")


def test_a_password_protected_word_file(read_bytes_as: ReadAs) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    assert _error(read_bytes_as, "a.docx", ole).startswith("cannot read DOCX file: it is password-protected")
    manifest = b"<manifest><file-entry><encryption-data/></file-entry></manifest>"
    data = _with_part(odt("<text:p>x</text:p>"), "META-INF/manifest.xml", manifest)
    assert _error(read_bytes_as, "a.odt", data).startswith("cannot read ODT file: it is password-protected")


def test_an_encrypted_zip_entry(read_bytes_as: ReadAs) -> None:
    data = bytearray(docx(para("Secret")))
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set the "encrypted" bit everywhere
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + flag_at] |= 0x01
            start += 4
    assert _error(read_bytes_as, "a.docx", bytes(data)) == (
        "cannot read DOCX file: it is encrypted or password-protected"
    )


@pytest.mark.parametrize("name, part, base", [
    ("bomb.docx", "word/document.xml", {"_rels/.rels": "<Relationships/>"}),
    ("bomb.odt", "content.xml", {"mimetype": "application/vnd.oasis.opendocument.text"}),
])  # fmt: skip
def test_a_zip_bomb_stops_at_the_part_limit(read_bytes_as: ReadAs, name: str, part: str, base: dict) -> None:
    data = _bomb(part, 80 * 1024 * 1024, base)
    assert len(data) < 1024 * 1024  # 80 MB of zeros packed into less than 1 MB
    tracemalloc.start()
    try:
        message = _error(read_bytes_as, name, data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "too large" in message and "64 MB" in message
    assert peak < 100 * 1024 * 1024


@pytest.mark.parametrize("xml", [_ENTITY_BOMB, _EXTERNAL_ENTITY])
def test_entity_declarations_are_refused(read_bytes_as: ReadAs, xml: bytes) -> None:
    data = _with_part(docx(para("x")), "word/document.xml", xml)
    assert _error(read_bytes_as, "a.docx", data) == (
        "broken DOCX file: the part 'word/document.xml' declares XML entities, which are not read"
    )
    content = xml.replace(b"w:document", b"office:document-content")
    assert "declares XML entities" in _error(read_bytes_as, "a.odt", _with_part(odt(""), "content.xml", content))


def test_an_external_dtd_is_never_loaded(read_bytes_as: ReadAs) -> None:
    data = _with_part(docx(para("x")), "word/document.xml", _EXTERNAL_DTD)
    doc = read_bytes_as("a.docx", data)
    assert "Safe" in doc.text and "root:" not in doc.text


def test_missing_parts(read_bytes_as: ReadAs) -> None:
    assert _error(read_bytes_as, "a.docx", zip_bytes({"_rels/.rels": "<Relationships/>"})) == (
        "not a Word document: the zip holds no word/document.xml"
    )
    assert _error(read_bytes_as, "a.odt", zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text"})) == (
        "broken ODT file: the part 'content.xml' is missing"
    )
    # optional parts (styles, notes, core properties) may be missing: the text is still read
    doc = read_bytes_as("a.docx", docx(para("Alone", ref("footnote", 1)), styles=None))
    assert doc.text == "Alone\n"


def test_entries_and_relationships_that_climb_out_of_the_package(read_bytes_as: ReadAs) -> None:
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="../../../etc/passwd"/></Relationships>')  # fmt: skip
    note_rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rIdf" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 'footnotes" Target="../../outside.xml"/></Relationships>')  # fmt: skip
    data = docx(para("Inside", ref("footnote", 1)), footnotes=SEPARATORS + note("footnote", 1, "Own note."))
    data = _with_part(data, "_rels/.rels", rels.encode())
    data = _with_part(data, "word/_rels/document.xml.rels", note_rels.encode())
    data = _with_part(data, "../../etc/passwd", b"root:x:0:0")
    data = _with_part(data, "../../outside.xml", b"<w:footnotes/>")
    doc = read_bytes_as("a.docx", data)
    assert doc.text == "Inside[1]\n\n[1] Own note.\n"  # Word's usual part names, never the escaping entries


def test_too_many_entries(read_bytes_as: ReadAs) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as package:
        for index in range(10_001):
            package.writestr(f"word/media/{index}.bin", b"")
    assert _error(read_bytes_as, "a.docx", buffer.getvalue()) == ("broken DOCX file: 10,001 entries (limit 10,000)")


def test_nesting_too_deep_is_refused_and_deep_nesting_is_read(read_bytes_as: ReadAs) -> None:
    deep = "<w:ins>" * 100_000 + "<w:r><w:t>x</w:t></w:r>" + "</w:ins>" * 100_000
    message = _error(read_bytes_as, "a.docx", docx(f"<w:p>{deep}</w:p>"))
    assert message.startswith("broken DOCX file: the part 'word/document.xml' is not well-formed XML")
    nested = "<w:ins>" * 240 + "<w:r><w:t>Deep text</w:t></w:r>" + "</w:ins>" * 240
    assert read_bytes_as("a.docx", docx(f"<w:p>{nested}</w:p>")).text == "Deep text\n"
    spans = "<text:span>" * 240 + "Deep span" + "</text:span>" * 240
    assert read_bytes_as("a.odt", odt(f"<text:p>{spans}</text:p>")).text == "Deep span\n"


def test_nested_tables_within_the_depth_limit() -> None:
    from app.readers.docx import read_docx

    table = "x"
    for _ in range(40):
        table = f"<w:tbl><w:tr><w:tc>{para(table) if table == 'x' else table}</w:tc></w:tr></w:tbl>"
    assert read_docx(docx(table)).text == "x\n"


@pytest.mark.parametrize("name", ["attrs.docx", "attrs.odt", "attrs.fodt"])
def test_millions_of_attributes_are_refused_before_they_become_a_tree(
        read_bytes_as: ReadAs, name: str, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """Attributes cost a tree's memory as elements do (a 340 KB zip of empty ones took 2.6 GB): they are
    counted too, over every part of a package (the cap lowered here to keep it cheap)."""
    monkeypatch.setattr("app.readers.package.MAX_XML_NODES", 5_000)
    names = " ".join(f"a{i}=''" for i in range(300))
    builds: dict[str, Callable[[str], bytes]] = {
        "attrs.docx": docx, "attrs.odt": odt, "attrs.fodt": lambda body: odt_content(body).encode()}
    tag = "w:p" if name.endswith(".docx") else "text:p"
    data = builds[name](f"<{tag} {names}/>" * 20)
    small = builds[name](para("Fine.") * 100 if name.endswith(".docx") else "<text:p>Fine.</text:p>" * 100)
    assert "attributes" in _error(read_bytes_as, name, data)
    assert "Fine." in read_bytes_as(name, small).text


def test_the_count_covers_every_part_of_a_package(read_bytes_as: ReadAs, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts that are each under the cap but together over it: their trees would be held at once."""
    monkeypatch.setattr("app.readers.package.MAX_XML_NODES", 5_000)
    names = " ".join(f"a{i}=''" for i in range(100))
    half = f"<w:p {names}/>" * 20  # about 2,100 elements and attributes
    assert "Fine." in read_bytes_as("one.docx", docx(para("Fine.") + half)).text
    assert "attributes" in _error(read_bytes_as, "two.docx", docx(para("Fine.") + half, footnotes=half, endnotes=half))


def test_a_flat_odt_with_entities_is_refused(read_bytes_as: ReadAs) -> None:
    flat = odt_content("<text:p>&lol3;</text:p>").replace(
        "<office:document-content", '<!DOCTYPE x [<!ENTITY lol3 "boom">]><office:document-content', 1
    )
    assert "declares XML entities" in _error(read_bytes_as, "a.fodt", flat.encode())


@pytest.mark.parametrize("name", ["bomb.docx", "bomb.odt"])
def test_a_part_of_millions_of_tiny_elements_is_refused_before_it_becomes_a_tree(
        read_bytes_as: ReadAs, name: str, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """A tree's memory grows with its elements, not its bytes: 90 KB of zipped empty paragraphs would be
    10 million of them (1.3 GB), so the elements are counted first (the cap lowered here to keep it cheap)."""
    monkeypatch.setattr("app.readers.package.MAX_XML_NODES", 5_000)
    body = "<w:p/>" * 6_000 if name.endswith(".docx") else "<text:p/>" * 6_000
    data = docx(body) if name.endswith(".docx") else odt(body)
    assert "elements" in _error(read_bytes_as, name, data)
    small = docx(para("Fine.") * 100) if name.endswith(".docx") else odt("<text:p>Fine.</text:p>" * 100)
    assert "Fine." in read_bytes_as(name, small).text
