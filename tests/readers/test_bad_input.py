"""Every bad input becomes a ReadError with a one-line reason, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.errors import ReadError
from app.readers import read_file


def _read_error(path: Path, **kwargs: int) -> str:
    with pytest.raises(ReadError) as caught:
        read_file(path, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".pdf"])
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert _read_error(path) == "empty file"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_whitespace_only(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"blank{suffix}"
    path.write_bytes(b" \r\n\t\n  \n")
    assert _read_error(path) == "empty file"


def test_bom_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf\n")
    assert _read_error(path) == "empty file"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_nul_bytes_mean_binary(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"nul{suffix}"
    path.write_bytes(b"Some text\x00 with a NUL in the middle of a long enough line.")
    assert _read_error(path) == "binary file, not text"


def test_binary_png_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert _read_error(path) == "binary file, not text"


def test_control_characters_mean_binary(tmp_path: Path) -> None:
    path = tmp_path / "ctl.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 14, 15, 16, 65]) * 50)
    assert _read_error(path) == "binary file, not text"


def test_over_size_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"mine action " * 200)
    assert _read_error(path, max_bytes=1000) == "too large: 2.3 KB, limit 1000 bytes"


def test_size_message_in_megabytes() -> None:
    from app.readers.source import human_size

    assert human_size(int(73.2 * 1024 * 1024)) == "73.2 MB"
    assert human_size(50 * 1024 * 1024) == "50 MB"


def test_size_limit_is_inclusive(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_bytes(b"x" * 100)
    assert read_file(path, max_bytes=100).text == "x" * 100


def test_missing_file(tmp_path: Path) -> None:
    assert _read_error(tmp_path / "nope.txt") == "cannot read: file not found"


def test_directory_named_like_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert _read_error(folder) == "cannot read: is a directory"


@pytest.mark.skipif(os.name != "posix", reason="needs a FIFO")
def test_fifo_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert _read_error(fifo) == "cannot read: not a regular file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret")
    path.chmod(0)
    try:
        assert _read_error(path) == "cannot read: permission denied"
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("name, reason", [
    ("report.doc", ".doc is not read: a legacy Word file (Word 97-2003): save it as .docx and import that"),
    ("letter.rtf", ".rtf is not read: a Rich Text file: save it as .docx or .odt and import that"),
    ("REPORT.XYZ", "unsupported file type .xyz"),
    ("README", "unsupported file type (no extension)"),
])
def test_unsupported_suffix(tmp_path: Path, name: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text("text")
    assert _read_error(path) == reason


@pytest.mark.parametrize("name", ["A.TXT", "b.Md", "c.HTM", "d.markdown"])
def test_suffix_is_case_insensitive(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Mine Ban Policy\n")
    assert "Mine Ban Policy" in read_file(path).text


def test_html_without_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>T</title><script>x()</script></head><body> </body></html>")
    assert _read_error(path) == "HTML page has no visible text"
