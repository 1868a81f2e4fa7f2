"""The first pages of a PDF, found without building the whole page list.

`PdfReader.pages` flattens the entire page tree on first use: a 100,000-page
file costs hundreds of megabytes before one page is read. Import reads at most
`MAX_PAGES`, so this walks the tree lazily and stops there. Attributes a page
inherits from its ancestors (resources, boxes, rotation) are copied into it as
the PDF specification says; cycles, absurd depths and trees far bigger than their
pages end the walk.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pypdf import PageObject, PdfReader
from pypdf.generic import DictionaryObject, IndirectObject, NameObject

_INHERITED = tuple(NameObject(name) for name in ("/Resources", "/MediaBox", "/CropBox", "/Rotate"))
MAX_DEPTH = 64  # real page trees are a few levels deep
# Nodes visited (pages and the nodes above them) per page wanted: a real tree has fewer nodes than
# pages. Direct dictionaries in a /Kids array shared by every level are not cycles a reference could
# show, and such a tree of a few hundred bytes would hold 2^64 nodes.
NODES_PER_PAGE = 8


@dataclass(slots=True)
class _Frame:
    kids: list[Any]
    inherit: dict[str, Any]
    depth: int
    next: int = 0


def declared_page_count(reader: PdfReader) -> int | None:
    """The page count the file declares (`/Count` of the page tree), if it is a sane number."""
    try:
        count = reader.root_object["/Pages"].get_object().get("/Count")
    except Exception:  # a damaged catalogue: the walk finds what there is
        return None
    return int(count) if isinstance(count, int) and 0 <= count < 10**9 else None


def iter_pages(reader: PdfReader, limit: int) -> Iterator[PageObject]:
    """Up to `limit` pages in reading order; stops at cycles, absurd depths, damaged nodes, and after
    visiting NODES_PER_PAGE nodes a page wanted."""
    root = reader.root_object["/Pages"].get_object()
    if not isinstance(root, DictionaryObject):
        return
    seen: set[tuple[int, int]] = set()
    stack = [_Frame(list(_kids(root)), _inherited({}, root), 1)]
    produced = 0
    budget = NODES_PER_PAGE * limit + 1_000
    while stack and produced < limit and budget > 0:
        frame = stack[-1]
        if frame.next >= len(frame.kids):
            stack.pop()
            continue
        reference = frame.kids[frame.next]
        frame.next += 1
        budget -= 1
        if isinstance(reference, IndirectObject):
            key = (reference.idnum, reference.generation)
            if key in seen:
                continue  # a node reached twice is a cycle or a shared leaf: read once
            seen.add(key)
        try:
            node = reference.get_object()
        except Exception:  # a dangling or damaged reference costs only itself
            continue
        if not isinstance(node, DictionaryObject):
            continue
        if node.get("/Type") == "/Pages" or ("/Kids" in node and node.get("/Type") != "/Page"):
            if frame.depth < MAX_DEPTH:
                stack.append(_Frame(list(_kids(node)), _inherited(frame.inherit, node), frame.depth + 1))
            continue
        yield _page(reader, node, reference, frame.inherit)
        produced += 1


def _kids(node: DictionaryObject) -> list[Any]:
    kids = node.get("/Kids")
    try:
        kids = kids.get_object() if kids is not None else []
    except Exception:
        return []
    return list(kids) if isinstance(kids, list) else []


def _inherited(parent: dict[str, Any], node: DictionaryObject) -> dict[str, Any]:
    found = {name: node[name] for name in _INHERITED if name in node}
    return {**parent, **found} if found else parent


def _page(reader: PdfReader, node: DictionaryObject, reference: Any, inherit: dict[str, Any]) -> PageObject:
    page = PageObject(reader, reference if isinstance(reference, IndirectObject) else None)
    page.update(node)
    for name, value in inherit.items():
        if name not in page:
            page[name] = value
    return page
