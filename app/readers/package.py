"""Zip packages (DOCX, ODT, EPUB) opened as hostile input: bounded reads, safe XML, one-line errors.

Office files and e-books are zip archives of XML parts. Every package is
treated as an attack until read: entries are only ever read into memory by
their name inside the zip (nothing is extracted, so an entry called
`../../etc/passwd` names nothing on disk), each read is capped at its
decompressed size whatever the entry declares (a zip bomb stops at the cap),
the whole package has a decompression budget, an XML part's elements are
counted before it becomes a tree (memory grows with them, not with bytes), and XML is parsed without
DTDs, entity expansion or network access (no billion laughs, no XXE).
Every failure becomes a ReadError naming the format.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from typing import Any
from urllib.parse import unquote

from lxml import etree

from app.errors import ReadError

MAX_ENTRIES = 10_000  # a real package holds tens of parts; a thousand chapters is already a big e-book
MAX_PART_BYTES = 64 * 1024 * 1024  # one decompressed XML part
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # everything read from one package
# Elements and attributes of a package's XML, counted before each part is parsed: a tree costs ~130 bytes an
# element and ~120 an attribute, whatever their size in bytes, and a 90 KB zip of empty paragraphs unpacks to
# 10 million elements (1.3 GB), a 340 KB one of empty attributes to 20 million. Each element holds one "<"
# and each attribute one "=" (XML's only way to write one), so the counts are upper bounds. A book-length
# report is a few hundred thousand of each; this bounds the trees of one package near 300 MB.
MAX_XML_NODES = 2_500_000
_CHUNK = 1024 * 1024

_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,  # libxml2's own limits on depth and text node size stay on
    "remove_comments": True,
    "remove_pis": True,
    "recover": False,
}


class Package:
    """One zip package read from bytes; `label` ("DOCX", "EPUB") names the format in messages."""

    def __init__(self, data: bytes, label: str) -> None:
        self.label = label
        self._budget = MAX_TOTAL_BYTES
        self._nodes = MAX_XML_NODES  # elements and attributes left to the package's parts
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise ReadError(f"broken {label} file: not a zip package ({_short(exc)})") from exc
        if len(infos) > MAX_ENTRIES:
            raise ReadError(f"broken {label} file: {len(infos):,} entries (limit {MAX_ENTRIES:,})")
        self._infos = {info.filename: info for info in infos if not info.is_dir()}
        self._folded = {name.casefold(): name for name in self._infos}

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return self._lookup(name) is not None

    def read(self, name: str, limit: int = MAX_PART_BYTES) -> bytes:
        """The decompressed bytes of entry `name` (exact, else case-insensitive); ReadError when
        it is missing, encrypted, damaged or larger than `limit` or the package's remaining budget."""
        real = self._lookup(name)
        if real is None:
            raise ReadError(f"broken {self.label} file: the part {name!r} is missing")
        cap = min(limit, self._budget)
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(self._infos[real]) as handle:
                while chunk := handle.read(min(_CHUNK, cap + 1 - size)):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > cap:
                        raise ReadError(f"{self.label} file too large: the part {real!r} unpacks to more "
                                        f"than {cap // (1024 * 1024)} MB")  # fmt: skip
        except ReadError:
            raise
        except RuntimeError as exc:  # zipfile raises RuntimeError for encrypted entries
            raise ReadError(f"cannot read {self.label} file: it is encrypted or password-protected") from exc
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, ValueError) as exc:
            raise ReadError(f"broken {self.label} file: the part {real!r} is damaged ({_short(exc)})") from exc
        self._budget -= size
        return b"".join(chunks)

    def read_optional(self, name: str, limit: int = MAX_PART_BYTES) -> bytes | None:
        """Like read, but None when the part is absent (a damaged or oversized part still raises)."""
        return self.read(name, limit) if self.has(name) else None

    def xml(self, name: str, limit: int = MAX_PART_BYTES) -> etree._Element:
        """The part parsed as XML, safely; ReadError when it is missing, not well-formed, or would take the
        package past `MAX_XML_NODES` elements and attributes."""
        data = self.read(name, limit)
        nodes = xml_nodes(data)
        if nodes > self._nodes:
            raise ReadError(f"{self.label} file too large: its XML holds more than {MAX_XML_NODES:,} elements "
                            f"and attributes (the part {name!r} alone {nodes:,})")  # fmt: skip
        self._nodes -= nodes
        return parse_xml(data, f"{self.label} file", name)

    def xml_optional(self, name: str, limit: int = MAX_PART_BYTES) -> etree._Element | None:
        return self.xml(name, limit) if self.has(name) else None

    def _lookup(self, name: str) -> str | None:
        if name in self._infos:
            return name
        return self._folded.get(name.casefold())


def xml_nodes(data: bytes) -> int:
    """An upper bound on the elements and attributes of an XML text, at C speed."""
    return data.count(b"<") + data.count(b"=")


def parse_xml(data: bytes, what: str, name: str) -> etree._Element:
    """XML without DTDs, entities or network: a declared DOCTYPE with entities is refused outright."""
    if xml_nodes(data) > MAX_XML_NODES:
        raise ReadError(f"{what} too large: the part {name!r} holds more than {MAX_XML_NODES:,} XML elements "
                        "and attributes")  # fmt: skip
    head = data[:4096].lstrip()
    if b"<!ENTITY" in data[:65536] and b"<!DOCTYPE" in head:
        raise ReadError(f"broken {what}: the part {name!r} declares XML entities, which are not read")
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"broken {what}: the part {name!r} is not well-formed XML ({_short(exc)})") from exc
    if root is None:
        raise ReadError(f"broken {what}: the part {name!r} is empty")
    return root


def resolve(base: str, href: str) -> str | None:
    """An href inside the package relative to the part `base` ("OEBPS/content.opf"), as an entry
    name; None for a URL, an absolute path or one that climbs out of the package."""
    href = href.split("#", 1)[0].strip()
    if not href or "://" in href or href.startswith(("/", "\\")) or ":" in href.split("/", 1)[0]:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(href)))
    if joined.startswith("../") or joined == ".." or joined.startswith("/"):
        return None
    return joined


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "…"
