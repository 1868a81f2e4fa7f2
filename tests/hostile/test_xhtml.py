"""XHTML with an internal DTD subset: no `]>` in the text, no warning on the terminal, no entity expanded."""

from __future__ import annotations

import warnings

from app.readers.html import read_html

XHTML = b"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [
<!ENTITY boom "&#x41;&#x41;&#x41;&#x41;">
<!ELEMENT x ANY>
]>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>XHTML Doc</title></head>
<body><h1>XHTML Doc</h1><p>Body text about mines &boom;.</p></body></html>
"""


def test_internal_subset_leaves_nothing_behind(capfd) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning bs4 raised would fail here
        raw = read_html(XHTML)
    assert "]>" not in raw.text and "ENTITY" not in raw.text
    assert "Body text about mines" in raw.text
    assert "AAAA" not in raw.text  # a declared entity is never expanded
    assert raw.hints.get("title") == "XHTML Doc"
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_an_unclosed_subset_is_harmless() -> None:
    raw = read_html(b"<!DOCTYPE html [ <!ENTITY a 'b'>" + b" filler" * 50_000 + b"<p>Text after.</p>")
    assert "Text after." in raw.text
