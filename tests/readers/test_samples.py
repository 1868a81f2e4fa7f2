"""The bundled samples all read cleanly and carry the features the README promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.readers import iter_candidate_files, read_file

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
SAMPLE_FILES = [p for p in iter_candidate_files([SAMPLES]) if p.name != "README.md"]


def test_there_are_samples_in_every_format() -> None:
    suffixes = sorted(p.suffix for p in SAMPLE_FILES)
    assert len(SAMPLE_FILES) >= 6
    assert {".txt", ".md", ".html", ".pdf"} <= set(suffixes) and suffixes.count(".txt") >= 2


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_reads(path: Path) -> None:
    doc = read_file(path)
    assert doc.text.strip()
    assert "\r" not in doc.text and "\ufeff" not in doc.text


def _notes(text: str) -> dict[int, str]:
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\[(\d+)\] (.+)$", text, re.M)}


def test_profile_has_missing_notes_and_cites_the_press_release() -> None:
    profile = read_file(SAMPLES / "serevia-country-profile.txt").text
    notes = _notes(profile)
    markers = {int(n) for n in re.findall(r"(?<!^)\[(\d{1,2})\]", profile, re.M)}
    assert markers - set(notes) == {4, 11}
    assert notes[6] == "Ibid." and notes[7].startswith("Ibid;")
    release = read_file(SAMPLES / "coalition-press-release.md")
    assert f"“{release.hints['title']},” {release.hints['publisher']} (Tarvos), 12 September 2022" in notes[8]
    assert release.hints["date"] == "2022-09-12"


def test_html_sample_footnotes_and_boilerplate() -> None:
    doc = read_file(SAMPLES / "serevia-mfa-press-release.html")
    assert set(_notes(doc.text)) == {1, 2, 3}
    assert "analytics" not in doc.text and "Search" not in doc.text
    assert (1, "No:112/22, Press release on reports of mines near Dolna Reka") in doc.headings


def test_pdf_sample_matches_its_script(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_sample_pdf", SAMPLES.parents[1] / "scripts" / "make_sample_pdf.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "regenerated.pdf"
    assert module.main(["make_sample_pdf.py", str(out)]) == 0
    assert read_file(out).text == read_file(SAMPLES / "northern-belt-clearance-report.pdf").text
