"""Builds the hostile corpus in a folder: every kind of bad file a user's disk can hold.

Shared by the in-process tests and the subprocess that measures peak memory, so both see the same files.
`EXPECTED` says, per file, what the import must do: the start of its failure reason, or "imported".
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

IMPORTED = "imported"
HUGE_BYTES = 200 * 1024 * 1024
SCRIPT_TEXT = "stealCookies"
HOSTILE_HTML = f"""<!doctype html><html><head><title>Hostile page</title>
<script>{SCRIPT_TEXT}(document.cookie)</script><style>body {{ background: url(https://evil.example/bg.png) }}</style>
<meta http-equiv="refresh" content="0; url=https://evil.example/">
</head><body onload="{SCRIPT_TEXT}()">
<h1>Clearance in the north</h1>
<p>Deminers cleared 40 hectares in 2021.<img src="https://evil.example/track.gif" onerror="{SCRIPT_TEXT}()"></p>
<iframe src="https://evil.example/frame.html">iframe fallback {SCRIPT_TEXT}</iframe>
<p>See <a href="javascript:{SCRIPT_TEXT}()">the map</a>, <a href="file:///etc/passwd">the annex</a>
and <a href="https://www.icbl.org/">the campaign</a>.</p>
<object data="https://evil.example/x.swf">object {SCRIPT_TEXT}</object><noscript>{SCRIPT_TEXT} noscript</noscript>
<svg><script>{SCRIPT_TEXT}()</script></svg>
</body></html>"""

# name -> the start of the failure reason, or IMPORTED
EXPECTED: dict[str, str] = {
    "good.txt": IMPORTED,
    "good.pdf": IMPORTED,
    "truncated.pdf": "broken PDF",
    "encrypted.pdf": "PDF is encrypted",
    "blank-pages.pdf": "PDF has no text layer",
    "many-pages.pdf": IMPORTED,  # read up to MAX_PAGES, the rest left out
    "bomb-inflate.pdf": "PDF content exceeds the safety limits",
    "bomb-operators.pdf": "PDF content exceeds the safety limits",
    "not-a-pdf.pdf": "broken PDF: not a PDF file",
    "hostile.html": IMPORTED,
    "huge.txt": "too large",
    "empty.txt": "empty file",
    "empty.pdf": "empty file",
    "nul.txt": "binary file, not text",
    "nul.html": "binary file, not text",
    "invalid-utf8.txt": IMPORTED,
    "invalid-utf16.txt": IMPORTED,
    "odd-utf16.md": IMPORTED,
    "loop/inside.txt": IMPORTED,
}


def text_pdf(pages: int = 2, text: str = "Mine action report on clearance in the north. ") -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Page {number + 1}. " + text * 20)
    return bytes(pdf.output())


def _single_stream_pdf(content: bytes, pages: int = 1) -> bytes:
    """Pages sharing one Flate content stream with a Helvetica font: tiny files, any decompressed size."""
    writer = PdfWriter()
    stream = StreamObject()
    stream._data = zlib.compress(content, 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    contents = writer._add_object(stream)
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
    }))
    resources = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    for _ in range(pages):
        page = writer.add_blank_page(600, 800)
        page[NameObject("/Contents")] = contents
        page[NameObject("/Resources")] = resources
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(text_pdf(1)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def blank_pages_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(100, 100)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def build_corpus(folder: Path) -> Path:
    """Write every file of EXPECTED under `folder` (plus a symlink loop where the platform allows)."""
    folder.mkdir(parents=True, exist_ok=True)
    good = text_pdf(4)
    files: dict[str, bytes] = {
        "good.txt": b"Good report\n\nDeminers cleared the village.[1]\n\n[1] Ibid.\n",
        "good.pdf": good,
        "truncated.pdf": good[: len(good) // 2],
        "encrypted.pdf": encrypted_pdf(),
        "blank-pages.pdf": blank_pages_pdf(5000),
        "many-pages.pdf": _single_stream_pdf(b"BT /F1 12 Tf 72 700 Td (Mine clearance page.) Tj ET", pages=2500),
        "bomb-inflate.pdf": _single_stream_pdf(b" " * 70_000_000),
        "bomb-operators.pdf": _single_stream_pdf(b"BT /F1 12 Tf 10 10 Td " + b"(m) Tj " * 400_000 + b"ET"),
        "not-a-pdf.pdf": b"<html>this is not a PDF</html>",
        "hostile.html": HOSTILE_HTML.encode(),
        "empty.txt": b"",
        "empty.pdf": b"",
        "nul.txt": b"Report text\x00\x00 with NUL bytes in the middle of a line.\n",
        "nul.html": b"<p>Report\x00 text</p>",
        "invalid-utf8.txt": b"Report \xc3\x28 on \xff\xfe mines \xe2\x82 in 2021.\n",
        "invalid-utf16.txt": "\ufeffReport on mines\n".encode("utf-16-le") + b"\x00\xd8\x41",  # lone surrogate
        "odd-utf16.md": "# Heading\n\nText.".encode("utf-16") + b"\x41",  # BOM, odd length
        "loop/inside.txt": b"A report inside a folder that links to itself.\n",
    }
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(HUGE_BYTES)  # sparse: 200 MB to stat(), nothing on disk
    try:
        (folder / "loop" / "again").symlink_to(folder / "loop", target_is_directory=True)
        (folder / "loop" / "up").symlink_to(folder, target_is_directory=True)
    except (OSError, NotImplementedError):
        pass
    return folder
