"""The biggest documents the size limit admits: imported within the memory bound, with what a limit
left out said in the import summary, never silently."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.archive.folder import Archive
from app.cli import main as cli_main
from app.importing.importer import run_import
from app.library.listing import document_text
from app.readers import MAX_SOURCE_BYTES, MAX_TEXT_CHARS, markdown, read_file
from app.readers.html import MAX_TREE_TAGS
from app.readers.markdown_meta import MAX_FRONT_MATTER_CHARS
from app.readers.pdf import MAX_PAGES

from . import big_files

ROOT = Path(__file__).resolve().parents[2]
PEAK_RSS_LIMIT_MB = 400


def test_a_page_with_more_tags_than_a_tree_should_hold_is_read_as_a_stream(tmp_path: Path) -> None:
    paragraphs = MAX_TREE_TAGS // 2 + 1_000  # two tags each
    raw = read_file(big_files.many_paragraphs_html(tmp_path / "page.html", paragraphs))
    assert raw.text.startswith("Paragraph 0 on clearance.\n\nParagraph 1 on clearance.")
    assert raw.text.rstrip().endswith(f"Paragraph {paragraphs - 1} on clearance."), "nothing lost under the limit"
    assert raw.hints.get("fallback_title") == "Million paragraphs"
    assert any("read as plain text" in notice for notice in raw.notices)


def test_superscript_numbers_stay_markers_in_a_streamed_page(tmp_path: Path) -> None:
    raw = read_file(big_files.many_superscripts_html(tmp_path / "sups.html", MAX_TREE_TAGS))
    assert raw.text.startswith("text[0] text[1] text[2]")


def test_text_over_the_limit_is_cut_at_a_paragraph_and_says_so(tmp_path: Path) -> None:
    path = big_files.unique_words_text(tmp_path / "long.txt", MAX_TEXT_CHARS + 100_000)
    raw = read_file(path)
    assert MAX_TEXT_CHARS // 2 < len(raw.text) <= MAX_TEXT_CHARS
    assert path.read_text().startswith(raw.text) and path.read_text()[len(raw.text):].startswith("\n\n")
    assert [notice for notice in raw.notices if notice.startswith("text cut at")]


def test_a_file_far_over_the_limit_is_read_only_as_far_as_it_can_be_kept(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    converted: list[int] = []
    original = markdown.read_markdown

    def spy(data: bytes, name: str | None = None) -> object:
        converted.append(len(data))
        return original(data, name=name)

    monkeypatch.setattr(markdown, "read_markdown", spy)  # read_file imports it on use, so it finds the spy
    path = big_files.unique_words_text(tmp_path / "long.md", MAX_SOURCE_BYTES + 1_000_000)
    raw = read_file(path)
    assert converted and converted[0] <= MAX_SOURCE_BYTES
    assert any("were read (limit)" in notice for notice in raw.notices)
    assert any(notice.startswith("text cut at") for notice in raw.notices)


def test_huge_front_matter_is_not_parsed_and_the_body_is_kept(tmp_path: Path) -> None:
    raw = read_file(big_files.huge_front_matter(tmp_path / "keys.md", 20_000))
    assert len((tmp_path / "keys.md").read_text()) > MAX_FRONT_MATTER_CHARS
    assert "The body is kept." in raw.text and "k19999" not in raw.text
    assert raw.hints.get("title") != "Not read"
    assert any("front matter" in notice and "not read" in notice for notice in raw.notices)


def test_a_pdf_over_the_page_limit_is_walked_only_as_far_as_it_is_read(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_flattening(self: PdfReader) -> None:
        raise AssertionError("the whole page list was built")

    monkeypatch.setattr(PdfReader, "pages", property(no_flattening))
    raw = read_file(big_files.many_pages_pdf(tmp_path / "pages.pdf", MAX_PAGES + 500))
    assert f"Field {big_files.letters(0)} was surveyed" in raw.text
    assert f"Field {big_files.letters(MAX_PAGES - 1)} was surveyed" in raw.text
    assert f"Field {big_files.letters(MAX_PAGES)} was surveyed" not in raw.text
    assert [notice for notice in raw.notices if f"has {MAX_PAGES + 500:,} pages" in notice]


def test_the_import_summary_tells_what_was_left_out(tmp_path: Path) -> None:
    path = big_files.huge_front_matter(tmp_path / "keys.md", 20_000)
    out = io.StringIO()
    with Archive.open(tmp_path / "archive") as archive:
        summary = run_import(archive, [path])
        assert len(summary.imported) == 1
        assert "The body is kept." in document_text(archive, summary.imported[0])
    assert [(p.name, "front matter" in n) for p, n in summary.notices] == [("keys.md", True)]
    again = tmp_path / "again.md"
    again.write_text(path.read_text().replace("The body is kept.", "Another body."))
    assert cli_main(["--archive", str(tmp_path / "archive"), "import", str(again)], out, io.StringIO()) == 0
    assert "in part: " in out.getvalue() and "again.md" in out.getvalue() and "front matter" in out.getvalue()
    again.write_text(path.read_text().replace("The body is kept.", "A third body."))
    out = io.StringIO()
    assert cli_main(["--archive", str(tmp_path / "archive"), "import", "--json", str(again)], out, io.StringIO()) == 0
    notices = json.loads(out.getvalue())["notices"]
    assert len(notices) == 1 and "front matter" in notices[0]["notice"]


_MEASURE = """
import json, sys
from pathlib import Path
from app.archive.folder import Archive
from app.importing.importer import run_import
results = {}
with Archive.open(Path(sys.argv[1])) as archive:
    for name in sys.argv[2:]:
        summary = run_import(archive, [Path(name)])
        results[Path(name).name] = [len(summary.imported), [n for _, n in summary.notices], summary.failed]
status = Path("/proc/self/status").read_text()
results["peak_mb"] = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps(results, default=str))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak RSS is read from /proc")
def test_the_biggest_shapes_import_under_the_memory_bound(tmp_path: Path) -> None:
    """One file at a time in one fresh process (a single file is read in the importing process)."""
    files = [
        big_files.many_paragraphs_html(tmp_path / "million.html"),
        big_files.many_superscripts_html(tmp_path / "sups.html"),
        big_files.many_attributes_html(tmp_path / "attributes.html"),
        big_files.huge_front_matter(tmp_path / "keys.md"),
        big_files.many_pages_pdf(tmp_path / "pages.pdf"),
        big_files.unique_words_text(tmp_path / "unique.txt", MAX_TEXT_CHARS + 500_000),
        big_files.one_line_text(tmp_path / "oneline.txt"),
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(tmp_path / "archive"), *map(str, files)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=900, check=True)  # fmt: skip
    result = json.loads(done.stdout.strip().splitlines()[-1])
    for path in files:
        imported, notices, failed = result[path.name]
        assert imported == 1 and not failed, (path.name, failed)
        if path.name != "oneline.txt":
            assert notices, f"{path.name}: a limit applied, and the summary must say so"
    assert result["peak_mb"] < PEAK_RSS_LIMIT_MB, result
