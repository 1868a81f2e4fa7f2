"""Terminal escapes and bidi overrides: dropped from metadata at import and edit, never printed raw by
`list`, `show` or `search`; JSON stays faithful to what is stored. Ids past SQLite's range are usage errors."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from app.archive.folder import Archive
from app.cli import main
from app.library.metadata import edit_metadata
from db.models import Document, IndexQueue

ACTIVE = ("\x1b", "\x07", "\u202e", "\x9b")  # ESC, BEL, right-to-left override, CSI

FRONT_MATTER = (
    '---\ntitle: "Zero \\e]0;pwned\\a report \\u202egpj.exe"\npublisher: "ICBL\\e[2J"\n'
    'tags: ["mi\\e[31mnes", "ok"]\n---\n\nSurvey teams cleared the fields near the border in 2013.\n'
)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _imported(tmp_path: Path) -> Path:
    (tmp_path / "hostile.md").write_text(FRONT_MATTER, encoding="utf-8")
    archive = tmp_path / "archive"
    assert run("--archive", str(archive), "import", str(tmp_path / "hostile.md"))[0] == 0
    return archive


def test_import_drops_controls_from_title_publisher_and_tags(tmp_path: Path) -> None:
    archive = _imported(tmp_path)
    code, out, _ = run("--archive", str(archive), "show", "1", "--json")
    detail = json.loads(out)
    assert code == 0
    assert detail["title"] == "Zero ]0;pwned report gpj.exe" and detail["publisher"] == "ICBL[2J"
    code, out, _ = run("--archive", str(archive), "list", "--json")
    assert json.loads(out)[0]["tags"] == ["mi[31mnes", "ok"]


def test_list_show_and_search_escape_what_an_older_archive_stored(tmp_path: Path) -> None:
    archive = _imported(tmp_path)
    with Archive.open(archive) as opened, opened.session() as s:  # as stored before the cleaning existed
        s.execute(update(Document).values(title="Bad \x1b]0;x\x07 \u202eexe.jpg clearance", publisher="P\x9b2J"))
        s.merge(IndexQueue(document_id=1, queued_at=datetime(2026, 1, 1)))  # `search` reindexes it first
    for argv in (("list",), ("show", "1"), ("search", "survey")):
        code, out, _ = run("--archive", str(archive), *argv)
        assert code == 0 and not any(ch in out for ch in ACTIVE), (argv, out)
        assert "\\x1b]0;x\\x07" in out and "\\u202e" in out, (argv, out)  # visible, not acted on
    code, out, _ = run("--archive", str(archive), "show", "1", "--json")
    assert json.loads(out)["title"] == "Bad \x1b]0;x\x07 \u202eexe.jpg clearance"  # JSON: faithful, escaped


def test_metadata_edit_drops_controls(tmp_path: Path) -> None:
    archive = _imported(tmp_path)
    with Archive.open(archive) as opened:
        edit_metadata(opened, 1, title="New\x1b[2J \u202etitle", publisher="Pub\x07lisher")
        with opened.session() as s:
            doc = s.get(Document, 1)
            assert doc is not None and (doc.title, doc.publisher) == ("New[2J title", "Publisher")


def test_show_id_beyond_sqlite_range_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = _imported(tmp_path)
    for too_big in (str(2**63), str(2**64 + 5)):
        try:
            code, _, _ = run("--archive", str(archive), "show", too_big)
        except SystemExit as stop:  # argparse: one usage line on stderr, exit 2
            code = stop.code
        assert code == 2
    err = capsys.readouterr().err
    assert "OverflowError" not in err and "Traceback" not in err and "an id must be from 1" in err


def test_tag_names_are_stored_without_controls() -> None:
    from app.library.tags import normalise_name

    assert normalise_name("survey\x1b[2J/\u202eclearance") == "survey[2J/clearance"


def test_every_json_output_escapes_what_a_terminal_acts_on(tmp_path: Path) -> None:
    """C1 controls and bidi marks in a file name and a title: raw in none of the --json outputs, and the JSON
    still decodes to the stored text."""
    source = tmp_path / "c1\x9b2J\u202etxt.exe.txt"
    source.write_text("Deminers cleared the northern belt in 2014.\n", encoding="utf-8")
    archive = tmp_path / "archive"
    outputs = []
    for argv in (("import", "--json", str(source)), ("list", "--json"), ("show", "1", "--json"),
                 ("search", "--json", "deminers"), ("check", "--json")):  # fmt: skip
        code, out, err = run("--archive", str(archive), *argv)
        assert code == 0, (argv, err)
        assert not any(ch in out for ch in ACTIVE), (argv, out)
        outputs.append(json.loads(out))
    assert outputs[2]["source"]["path"].endswith("c1\x9b2J\u202etxt.exe.txt")


def test_a_search_notice_shows_the_query_escaped(tmp_path: Path) -> None:
    archive = _imported(tmp_path)
    code, out, _ = run("--archive", str(archive), "search", "date:\x9d0;PWNED\x9c \u202eok")
    assert code == 0 and "Note:" in out
    assert not any(ch in out for ch in (*ACTIVE, "\x9d", "\x9c")), out
