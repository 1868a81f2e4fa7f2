"""Hostile font folders for the PDF export's fallback search: garbage, truncated, empty, oversized and
non-regular "fonts", folder loops and huge folders are skipped without an error or a hang."""

from __future__ import annotations

import io
import os
import re
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.export import pdf_fonts
from app.export.pdf import render_pdf
from tests.app.export.font_files import CJK, HANGUL, build_font, only_these_font_dirs
from tests.app.export.test_pdf_scripts import cjk_set

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs FIFOs, /dev/zero and symlinks")


def _export_within(seconds: float) -> tuple[list[str], str]:
    """Render the CJK excerpts on a thread, so a font file that blocks fails the test instead of hanging it."""
    result: list[object] = []
    warnings: list[str] = []
    worker = threading.Thread(target=lambda: result.append(render_pdf(cjk_set(), warnings)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, "the export did not finish: a font file was waited on"
    reader = PdfReader(io.BytesIO(result[0]))  # type: ignore[arg-type]
    return warnings, re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@posix_only
def test_bad_font_files_are_skipped_and_a_good_one_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fonts = tmp_path / "fonts"
    good = build_font(tmp_path / "good" / "Good.ttf", CJK + HANGUL)
    fonts.mkdir()
    (fonts / "a-garbage.ttf").write_bytes(os.urandom(4096))
    (fonts / "b-empty.otf").write_bytes(b"")
    (fonts / "c-truncated.ttf").write_bytes(good.read_bytes()[:300])
    (fonts / "d-collection.ttc").write_bytes(b"ttcf" + os.urandom(200))
    with open(fonts / "e-huge.ttf", "wb") as huge:  # sparse: no disk used, never read
        huge.truncate(pdf_fonts.MAX_FONT_BYTES + 1)
    os.mkfifo(fonts / "f-pipe.ttf")  # opening it would block until a writer came
    (fonts / "g-zero.ttf").symlink_to("/dev/zero")
    (fonts / "h-folder.ttf").mkdir()
    (fonts / "i-loop").symlink_to(fonts, target_is_directory=True)
    (fonts / "j-dangling.ttf").symlink_to(tmp_path / "nowhere.ttf")
    (fonts / "z-good.ttf").write_bytes(good.read_bytes())  # met last
    only_these_font_dirs(monkeypatch, fonts)

    warnings, text = _export_within(60)
    assert warnings == []
    assert f"The ministry said {CJK} and {HANGUL} in its note." in text


@posix_only
def test_only_bad_font_files_leave_the_characters_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "garbage.ttf").write_bytes(b"\x00\x01\x00\x00" + os.urandom(2048))  # a TrueType header, then noise
    os.mkfifo(fonts / "pipe.otf")
    only_these_font_dirs(monkeypatch, fonts)

    warnings, text = _export_within(60)
    assert len(warnings) == 1 and "6 characters in 2 excerpts and the title have no font" in warnings[0]
    assert "\ufffd" * 3 in text


def test_listing_a_huge_folder_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    many, more = tmp_path / "many", tmp_path / "more"
    for folder in (many, more):
        folder.mkdir()
        for i in range(40):
            (folder / f"font{i:02}.ttf").write_bytes(b"")
    monkeypatch.setattr(pdf_fonts, "MAX_DIR_ENTRIES", 10)
    assert len(pdf_fonts._candidates([many])) == 10  # entries looked at, of 40
    monkeypatch.setattr(pdf_fonts, "MAX_DIR_ENTRIES", 1000)
    monkeypatch.setattr(pdf_fonts, "MAX_FONT_FILES", 5)
    assert len(pdf_fonts._candidates([more])) == 5  # font files kept


def test_font_path_variable_lists_folders_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    build_font(first / "Hangul.ttf", HANGUL, family="First")
    build_font(second / "Both.ttf", CJK + HANGUL, family="Second")
    only_these_font_dirs(monkeypatch, first, second)
    monkeypatch.setenv("DOSSIER_FONT_PATH", os.pathsep.join(["", str(first), " ", str(second)]))  # blanks skipped
    assert pdf_fonts.extra_font_dirs() == [first, second]
    choices = pdf_fonts.find_fonts(set(CJK + HANGUL))
    assert [(c.path.name, "".join(sorted(c.covers))) for c in choices] == [
        ("Hangul.ttf", "".join(sorted(HANGUL))),
        ("Both.ttf", "".join(sorted(CJK))),
    ]
