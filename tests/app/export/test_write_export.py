"""write_export: atomic, no silent overwrite, clear errors, no leftovers."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from app.errors import DossierError
from app.export.excerpt_model import ExcerptSet
from app.export.files import FORMATS, SUFFIXES, ExportError, render, write_export


@pytest.mark.parametrize("fmt", FORMATS)
def test_writes_each_format(excerpt_set: ExcerptSet, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"excerpts{SUFFIXES[fmt]}"
    assert write_export(excerpt_set, fmt, target) == target
    data = target.read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF-")
    else:
        assert data == render(excerpt_set, fmt)
    assert os.listdir(tmp_path) == [target.name]


def test_existing_file_is_kept_without_force(excerpt_set: ExcerptSet, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("my own report", encoding="utf-8")
    with pytest.raises(ExportError, match=r"already exists.*--force") as caught:
        write_export(excerpt_set, "md", target)
    assert isinstance(caught.value, DossierError)
    assert target.read_text(encoding="utf-8") == "my own report"
    assert os.listdir(tmp_path) == ["report.md"]


def test_force_replaces(excerpt_set: ExcerptSet, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    write_export(excerpt_set, "md", target, force=True)
    assert target.read_text(encoding="utf-8").startswith("# Excerpts: Azerbaijan & mine maps")
    assert os.listdir(tmp_path) == ["report.md"]


def test_name_taken_at_the_last_moment_is_not_overwritten(
    excerpt_set: ExcerptSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The final check is the hard link itself, so a file that appears after the first check survives."""
    target = tmp_path / "report.csv"
    real_fsync = os.fsync

    def fsync_then_someone_writes(fd: int) -> None:
        real_fsync(fd)
        if not target.exists():
            target.write_text("written meanwhile", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", fsync_then_someone_writes)
    with pytest.raises(ExportError, match="already exists"):
        write_export(excerpt_set, "csv", target)
    assert target.read_text(encoding="utf-8") == "written meanwhile"
    assert os.listdir(tmp_path) == ["report.csv"]


def test_disk_full_on_replace_keeps_old_file_and_no_temporary(
    excerpt_set: ExcerptSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_text("previous export", encoding="utf-8")

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(ExportError) as caught:
        write_export(excerpt_set, "html", target, force=True)
    assert str(caught.value) == f"Could not write the export to {target}: the disk is full."
    assert target.read_text(encoding="utf-8") == "previous export"
    assert os.listdir(tmp_path) == ["report.html"]


def test_disk_full_while_writing_leaves_nothing(
    excerpt_set: ExcerptSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(ExportError, match="the disk is full"):
        write_export(excerpt_set, "pdf", target)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert os.listdir(tmp_path) == []


def test_permission_denied_is_explained(
    excerpt_set: ExcerptSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ExportError, match="permission denied"):
        write_export(excerpt_set, "md", tmp_path / "report.md")
    assert os.listdir(tmp_path) == []


def test_missing_folder_and_folder_target(excerpt_set: ExcerptSet, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_export(excerpt_set, "md", tmp_path / "nowhere" / "report.md")
    with pytest.raises(ExportError, match="is a folder"):
        write_export(excerpt_set, "md", tmp_path, force=True)


def test_written_file_is_readable_by_others_like_any_new_file(excerpt_set: ExcerptSet, tmp_path: Path) -> None:
    target = write_export(excerpt_set, "md", tmp_path / "report.md")
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")
    assert target.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777


_ACTING = "\x1b]0;PWNED\x07\x1b[2J\x9b2J\x00\x7f"


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "jsonld"])
def test_no_control_character_reaches_a_text_export(excerpt_set: ExcerptSet, fmt: str) -> None:
    """A note or title holding terminal escapes: `cat report.html` must not retitle or clear the terminal, and
    HTML forbids them anyway. They are dropped, except in JSON-LD, where they stay, escaped, in the data."""
    import dataclasses
    import json
    import re

    first = dataclasses.replace(excerpt_set.excerpts[0], note=f"bad {_ACTING} end")
    hostile = dataclasses.replace(excerpt_set, title=f"Title {_ACTING}", excerpts=[first, *excerpt_set.excerpts[1:]])
    text = render(hostile, fmt).decode("utf-8-sig")
    assert re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text) is None, fmt
    if fmt == "jsonld":
        def strings(node: object) -> list[str]:
            if isinstance(node, dict):
                return [s for value in node.values() for s in strings(value)]
            if isinstance(node, list):
                return [s for value in node for s in strings(value)]
            return [node] if isinstance(node, str) else []

        found = strings(json.loads(text))
        assert f"bad {_ACTING} end" in found and f"Title {_ACTING}" in found  # the data, unchanged
    else:
        assert "PWNED" in text and " end" in text
