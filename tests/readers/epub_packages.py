"""Building small EPUB 2 and 3 packages with zipfile, as the tests need them.

A book is a list of chapters (file name under OEBPS/, body markup); the builder
writes the mimetype first (stored), container.xml, an OPF with manifest and
spine, a navigation document (EPUB 3) or an NCX (EPUB 2), and the chapters.
Every part can be replaced or left out to build broken and hostile books.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="{opf}" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""

XHTML3 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>{title}</title></head>
<body>{body}</body>
</html>"""

XHTML2 = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>{title}</title><link rel="stylesheet" type="text/css" href="stylesheet.css"/></head>
<body>{body}</body>
</html>"""

METADATA = """<dc:title>Ruritania: Mine Action Review</dc:title>
<dc:creator>Landmine Monitor</dc:creator>
<dc:publisher>International Campaign to Ban Landmines</dc:publisher>
<dc:date>2023-11-14</dc:date>
<dc:language>en</dc:language>
<dc:identifier id="bookid">urn:uuid:0d6b1b2e-7c1a-4a55-9d0c-3f9d1b7a0001</dc:identifier>"""


@dataclass
class Book:
    """What to put in the package; `build` turns it into bytes."""

    chapters: list[tuple[str, str]]
    version: int = 3
    metadata: str = METADATA
    spine: list[str] | None = None  # chapter file names in reading order (default: as listed)
    non_linear: set[str] = field(default_factory=set)
    toc: list[tuple[str, str]] | None = None  # (href, title); default: none
    extra: dict[str, bytes | str] = field(default_factory=dict)  # more entries, by full name
    container: str | None = CONTAINER
    opf_name: str = "OEBPS/content.opf"
    opf: str | None = None  # the whole OPF, replacing the built one
    manifest_extra: str = ""
    raw_chapters: bool = False  # chapters are whole documents, not bodies

    def build(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
            if self.container is not None:
                archive.writestr("META-INF/container.xml", self.container.format(opf=self.opf_name))
            archive.writestr(self.opf_name, self.opf if self.opf is not None else self._opf())
            if self.toc is not None:
                name, part = ("nav.xhtml", self._nav()) if self.version == 3 else ("toc.ncx", self._ncx())
                archive.writestr(f"OEBPS/{name}", part)
            wrapper = XHTML3 if self.version == 3 else XHTML2
            for name, body in self.chapters:
                text = body if self.raw_chapters else wrapper.format(title=name, body=body)
                archive.writestr(f"OEBPS/{name}", text)
            for name, data in self.extra.items():
                archive.writestr(name, data)
        return buffer.getvalue()

    def _opf(self) -> str:
        ids = {name: f"item{number}" for number, name in enumerate(n for n, _ in self.chapters)}
        items = [f'<item id="{ids[name]}" href="{name}" media-type="application/xhtml+xml"/>' for name in ids]
        if self.toc is not None and self.version == 3:
            items.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
        if self.toc is not None and self.version == 2:
            items.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
        order = self.spine if self.spine is not None else list(ids)
        linear = {name: ' linear="no"' if name in self.non_linear else "" for name in order}
        refs = [f'<itemref idref="{ids.get(name, name)}"{linear[name]}/>' for name in order]
        toc = ' toc="ncx"' if self.toc is not None and self.version == 2 else ""
        return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="{self.version}.0" unique-identifier="bookid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
{self.metadata}
</metadata>
<manifest>{"".join(items)}{self.manifest_extra}</manifest>
<spine{toc}>{"".join(refs)}</spine>
</package>"""

    def _nav(self) -> str:
        links = "".join(f'<li><a href="{href}">{title}</a></li>' for href, title in self.toc or [])
        return XHTML3.format(title="Contents", body=f'<nav epub:type="toc"><h1>Contents</h1><ol>{links}</ol></nav>')

    def _ncx(self) -> str:
        points = "".join(
            f'<navPoint id="p{n}" playOrder="{n}"><navLabel><text>{title}</text></navLabel>'
            f'<content src="{href}"/></navPoint>'
            for n, (href, title) in enumerate(self.toc or [], start=1)
        )
        return f"""<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
<head/><docTitle><text>Book</text></docTitle><navMap>{points}</navMap></ncx>"""


def epub(chapters: list[tuple[str, str]], **options: object) -> bytes:
    """The bytes of a book with these chapters; options as in Book."""
    return Book(chapters, **options).build()  # type: ignore[arg-type]
