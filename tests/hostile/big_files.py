"""Generators of the biggest files the size limit admits, in the shapes that cost a reader most."""

from __future__ import annotations

from pathlib import Path

from tests.readers.pdf_files import raw_pdf


def many_paragraphs_html(path: Path, count: int = 1_000_000) -> Path:
    """A page of a million distinct paragraphs (38 MB): a tree of it would take gigabytes."""
    body = "".join(f"<p>Paragraph {n} on clearance.</p>\n" for n in range(count))
    path.write_text(f"<html><head><title>Million paragraphs</title></head><body>{body}</body></html>")
    return path


def many_superscripts_html(path: Path, count: int = 300_000) -> Path:
    path.write_text("<html><body><p>" + "".join(f"text<sup>{n % 9999}</sup> " for n in range(count)) + "</p></body></html>")
    return path


def many_attributes_html(path: Path, tags: int = 2_000, attributes: int = 2_000) -> Path:
    """A page of few tags but four million short attributes (20 MB): bs4 keeps ~95 bytes an attribute."""
    names = " ".join(f"{chr(97 + n // 676 % 26)}{chr(97 + n // 26 % 26)}{chr(97 + n % 26)}" for n in range(attributes))
    body = "".join(f"<p {names}>Attributed paragraph {n}.</p>\n" for n in range(tags))
    path.write_text(f"<html><head><title>Attribute bomb</title></head><body>{body}</body></html>")
    return path


def huge_front_matter(path: Path, keys: int = 400_000) -> Path:
    fields = "".join(f"k{n}: v{n}\n" for n in range(keys))
    path.write_text(f"---\n{fields}title: Not read\n---\n\n# Keys report\n\nThe body is kept.\n")
    return path


def unique_words_text(path: Path, chars: int) -> Path:
    """Text of distinct words (each a new index term): the most an index analysis can cost per character."""
    paragraphs: list[str] = []
    size = n = 0
    while size < chars:
        paragraph = " ".join(f"w{n + k:x}q" for k in range(60))
        n += 60
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    path.write_text("Unique words\n\n" + "\n\n".join(paragraphs))
    return path


def one_line_text(path: Path, words: int = 1_300_000) -> Path:
    """About 10 MB in one line: no paragraph break anywhere."""
    path.write_text("Landmine report " + " ".join(f"word{n % 1000}" for n in range(words)))
    return path


def letters(number: int) -> str:
    """A number spelt in letters ("Bac"): page texts that differ by more than digits are not running heads."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word = chr(ord("a") + digit) + word
        if not number:
            return word.capitalize()


def many_pages_pdf(path: Path, pages: int = 100_000) -> Path:
    """A PDF whose page tree lists `pages` pages, each with its own one-line text."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    first_page = 4
    kids = " ".join(f"{first_page + 2 * n} 0 R" for n in range(pages)).encode()
    objects.append(b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, kids))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for n in range(pages):
        content = b"BT /F1 12 Tf 72 720 Td (Field %s was surveyed.) Tj ET" % letters(n).encode()
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                       b">> /Contents %d 0 R >>" % (first_page + 2 * n + 1))  # fmt: skip
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    path.write_bytes(raw_pdf(objects))
    return path
