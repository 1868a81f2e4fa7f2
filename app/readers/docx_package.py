"""Finding the parts of an Office Open XML package: relationships, the main part, what a zip really holds.

A DOCX names its parts through relationship files (`_rels/.rels`, then
`word/_rels/document.xml.rels`), not through fixed paths, so the reader
follows them and falls back on Word's usual names. Every read goes through
`Package`, which bounds it; a relationship that points outside the package
is ignored.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from lxml import etree

from app.errors import ReadError
from app.readers.package import Package, resolve

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL_FILE_LIMIT = 8 * 1024 * 1024  # a relationship part lists links; thousands fit in a megabyte

# What other packages hold, to tell the user what the file really is.
_MIMETYPES = {
    "application/epub+zip": "an EPUB e-book",
    "application/vnd.oasis.opendocument.text": "an OpenDocument text (.odt)",
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (.ods)",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (.odp)",
}
_OOXML_FOLDERS = {"xl/": "an Excel workbook (.xlsx)", "ppt/": "a PowerPoint presentation (.pptx)"}


@dataclass(slots=True)
class Relationships:
    """One part's relationships: targets by id, and the first target of each type (its last word)."""

    targets: dict[str, str] = field(default_factory=dict)  # id -> part name or external URL
    external: set[str] = field(default_factory=set)  # ids whose target is outside the package
    by_type: dict[str, str] = field(default_factory=dict)  # "footnotes" -> "word/footnotes.xml"

    def url(self, rel_id: str | None) -> str | None:
        """The external target (a hyperlink's URL) of `rel_id`, if it is one."""
        return self.targets.get(rel_id or "") if rel_id in self.external else None


def rels_name(part: str) -> str:
    """Where the relationships of `part` live: `word/document.xml` -> `word/_rels/document.xml.rels`."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def relationships(pkg: Package, part: str) -> Relationships:
    """The relationships of `part` ("" for the package's own); empty when it has none."""
    rels = Relationships()
    root = pkg.xml_optional(rels_name(part) if part else "_rels/.rels", _REL_FILE_LIMIT)
    if root is None:
        return rels
    for rel in root.iter(f"{{{_RELS_NS}}}Relationship", "Relationship"):
        rel_id, target = rel.get("Id") or "", (rel.get("Target") or "").strip()
        kind = (rel.get("Type") or "").rstrip("/").rsplit("/", 1)[-1].casefold()
        if not target:
            continue
        if (rel.get("TargetMode") or "").casefold() == "external":
            rels.targets[rel_id] = target
            rels.external.add(rel_id)
            continue
        name = _part_name(part, target)
        if name is None:
            continue  # climbs out of the package: names nothing
        rels.targets[rel_id] = name
        rels.by_type.setdefault(kind, name)
    return rels


def _part_name(source: str, target: str) -> str | None:
    """A relationship target as an entry name: absolute targets start at the package root."""
    if target.startswith("/"):
        return resolve("", target.lstrip("/"))
    return resolve(source, target)


def main_part(pkg: Package) -> str:
    """The main document part: the officeDocument relationship, else Word's usual name.

    A zip that is some other package (a workbook renamed .docx, an e-book)
    gets a one-line reason saying what it is.
    """
    target = relationships(pkg, "").by_type.get("officedocument")
    if target and pkg.has(target):
        return target
    if pkg.has("word/document.xml"):
        return "word/document.xml"
    raise ReadError(f"not a Word document: {what_it_holds(pkg) or 'the zip holds no word/document.xml'}")


def what_it_holds(pkg: Package, *, word: bool = True) -> str | None:
    """What another kind of zip package is ("it is an EPUB e-book"), from its mimetype or its main part."""
    if pkg.has("mimetype"):
        kind = pkg.read("mimetype", 256).decode("ascii", "replace").strip()
        if kind in _MIMETYPES:
            return f"it is {_MIMETYPES[kind]}"
    for folder, kind in _OOXML_FOLDERS.items():
        if any(entry.startswith(folder) for entry in pkg.names()):
            return f"it is {kind}"
    if word and pkg.has("word/document.xml"):
        return "it is a Word document (.docx)"
    return None


def check_root(root: etree._Element, expected: str, pkg: Package, label: str) -> None:
    """Refuse a main part whose root is not `expected` (a workbook's `workbook` in a .docx)."""
    if etree.QName(root).localname != expected:
        holds = what_it_holds(pkg, word=False) or f"its main part is a <{etree.QName(root).localname}>"
        raise ReadError(f"not a {label} document: {holds}")
