"""Folder expansion: recursive, sorted, hidden entries skipped, symlink loops cut."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.readers import SUPPORTED_SUFFIXES, iter_candidate_files


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x")
    return path


def test_supported_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".odt", ".fodt",
                                       ".epub"}


def test_nested_folders_sorted_and_filtered(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    for name in ["b.txt", "a/z.md", "a/deep/y.HTML", "C.pdf", "notes.docx", ".hidden.txt", "logo.png", "style.css",
                 ".git/config.txt", "a/.cache/x.txt", "d.htm", "e.markdown"]:
        _touch(root / name)
    found = [p.relative_to(root).as_posix() for p in iter_candidate_files([root])]
    # a Word file is found, to be named in the summary with its reason; images and style sheets are not documents
    assert found == ["a/deep/y.HTML", "a/z.md", "b.txt", "C.pdf", "d.htm", "e.markdown", "notes.docx"]


def test_explicit_files_of_any_suffix_are_yielded(tmp_path: Path) -> None:
    docx = _touch(tmp_path / "report.docx")
    hidden = _touch(tmp_path / ".hidden.txt")
    missing = tmp_path / "missing.txt"
    assert list(iter_candidate_files([docx, hidden, missing])) == [docx, hidden, missing]


def test_no_duplicates(tmp_path: Path) -> None:
    doc = _touch(tmp_path / "f" / "doc.txt")
    assert list(iter_candidate_files([tmp_path / "f", doc, tmp_path / "f"])) == [doc]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_is_not_followed_forever(tmp_path: Path) -> None:
    root = tmp_path / "root"
    _touch(root / "sub" / "doc.txt")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    found = list(iter_candidate_files([root]))
    assert found == [root / "sub" / "doc.txt"]


def test_symlinked_folder_elsewhere_is_followed(tmp_path: Path) -> None:
    outside = _touch(tmp_path / "outside" / "o.md")
    root = tmp_path / "root"
    root.mkdir()
    (root / "link").symlink_to(outside.parent, target_is_directory=True)
    assert list(iter_candidate_files([root])) == [root / "link" / "o.md"]


def test_deep_folder_tree(tmp_path: Path) -> None:
    folder = tmp_path
    for _ in range(60):
        folder = folder / "d"
    doc = _touch(folder / "deep.txt")
    assert list(iter_candidate_files([tmp_path])) == [doc]
