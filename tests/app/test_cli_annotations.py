"""The CLI for tags, annotations, export and removal, end to end on a real archive."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli.parser import EXPORT_FORMATS
from app.export import files as export
from tests.app.test_cli import run


@pytest.fixture
def arch(archive_dir: Path, corpus: Path) -> str:
    code, _out, _ = run("import", str(corpus), "--archive", str(archive_dir), "--json")
    assert code == 0
    return str(archive_dir)


def _doc_id(arch: str, title: str) -> int:
    _, out, _ = run("list", "--json", "--archive", arch)
    return next(d["id"] for d in json.loads(out) if d["title"] == title)


def test_formats_match_the_exporters() -> None:
    assert EXPORT_FORMATS == export.FORMATS


def test_annotate_list_edit_delete(arch: str) -> None:
    doc = _doc_id(arch, "Freedonia")
    code, out, _ = run("annotate", str(doc), "--quote", "PMN-2 mines near the border", "--note", "denied",
                       "--tag", "country/Freedonia", "--color", "pink", "--json", "--archive", arch)
    assert code == 0
    made = json.loads(out)
    assert made["quote"] == "PMN-2 mines near the border" and made["tags"] == ["country/Freedonia"]
    code, _, err = run("annotate", str(doc), "--quote", "not in the text", "--archive", arch)
    assert code == 1 and "does not occur" in err
    code, _, err = run("annotate", str(doc), "--quote", "mines", "--occurrence", "9", "--archive", arch)
    assert code == 1 and "--occurrence must be" in err
    code, out, _ = run("annotate", str(doc), "--start", "0", "--end", "9", "--json", "--archive", arch)
    assert code == 0 and json.loads(out)["quote"] == "Freedonia"
    code, _, err = run("annotate", str(doc), "--start", "3", "--archive", arch)
    assert code == 1 and "--start and --end" in err

    _, out, _ = run("annotations", "--tag", "country", "--json", "--archive", arch)
    assert [a["id"] for a in json.loads(out)] == [made["id"]]
    code, out, _ = run("annotation-edit", str(made["id"]), "--note", "denied twice", "--add-tag", "topic/denial",
                       "--json", "--archive", arch)
    assert json.loads(out)["tags"] == ["country/Freedonia", "topic/denial"]
    _, out, _ = run("search", "twice", "--json", "--archive", arch)
    hits = json.loads(out)["hits"]
    assert [h["id"] for h in hits] == [doc] and hits[0]["annotations"] == [made["id"]]
    code, out, _ = run("annotation-delete", str(made["id"]), "--archive", arch)
    assert code == 0
    _, out, _ = run("annotations", "--json", "--archive", arch)
    assert [a["quote"] for a in json.loads(out)] == ["Freedonia"]


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "csv", "jsonld"])
def test_undecodable_bytes_in_a_note_or_a_title_become_replacement_characters(arch: str, tmp_path: Path,
                                                                               fmt: str) -> None:  # fmt: skip
    """`--note=$'caf\\xe9'` in a UTF-8 locale: Python keeps the byte as a lone surrogate, which neither SQLite
    nor an exporter can encode (it was an internal error); it is stored and written as U+FFFD."""
    doc = _doc_id(arch, "Freedonia")
    code, out, err = run("annotate", str(doc), "--quote", "Freedonia", "--note", "caf\udce9", "--json", "--archive", arch)
    assert code == 0, err
    made = json.loads(out)
    assert made["note"] == "caf\ufffd"
    code, out, err = run("annotation-edit", str(made["id"]), "--note", "th\udce9", "--json", "--archive", arch)
    assert code == 0 and json.loads(out)["note"] == "th\ufffd", err
    target = tmp_path / f"out.{fmt}"
    code, _out, err = run("export", "--format", fmt, "--doc", str(doc), "--title", "R\udce9sum\udce9", "-o",
                          str(target), "--archive", arch)  # fmt: skip
    assert code == 0 and "internal error" not in err, err
    assert target.stat().st_size > 0


def test_tag_commands(arch: str) -> None:
    doc = _doc_id(arch, "Freedonia")
    assert run("tag", str(doc), "maps", "country/Freedonia", "--archive", arch)[0] == 0
    run("annotate", str(doc), "--quote", "PMN-2", "--tag", "mine-maps", "--tag", "maps", "--archive", arch)
    _, out, _ = run("tags", "--json", "--archive", arch)
    assert {t["name"]: (t["documents"], t["annotations"]) for t in json.loads(out)} == {
        "country/Freedonia": (1, 0), "maps": (1, 1), "mine-maps": (0, 1)}
    code, out, _ = run("tag-merge", "maps", "mine-maps", "--archive", arch)
    assert code == 0 and "1 document(s), 1 annotation(s)" in out
    code, out, _ = run("tag-rename", "country", "region", "--archive", arch)
    assert code == 0
    _, out, _ = run("search", "tag:region/Freedonia", "--json", "--archive", arch)
    assert json.loads(out)["total"] == 1
    code, out, _ = run("tag-delete", "mine-maps", "--archive", arch)
    assert "1 document(s) and 1 annotation(s) lost it" in out
    code, out, err = run("tag-delete", "mine-maps", "--archive", arch)
    assert code == 1 and "no tag named" in err
    assert run("untag", str(doc), "region/Freedonia", "--archive", arch)[0] == 0
    _, out, _ = run("tags", "--archive", arch)
    assert "region/Freedonia  (0 document(s), 0 annotation(s))" in out


def test_remove_needs_force_when_annotated(arch: str) -> None:
    doc = _doc_id(arch, "Freedonia")
    run("annotate", str(doc), "--quote", "PMN-2", "--archive", arch)
    code, _, err = run("remove", str(doc), "--archive", arch)
    assert code == 1 and "1 annotation(s)" in err and "--force" in err
    code, out, _ = run("remove", str(doc), "--force", "--archive", arch)
    assert code == 0 and "and 1 annotation(s)" in out
    code, _, err = run("remove", str(doc), "--archive", arch)
    assert code == 1 and "no document" in err


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_each_format_carries_quote_note_tags_citation_and_footnote(
    arch: str, tmp_path: Path, fmt: str
) -> None:
    doc = _doc_id(arch, "Freedonia")
    quote = "The ministry confirmed new use of mines in 2020."
    run("annotate", str(doc), "--quote", quote, "--note", "Key admission", "--tag", "evidence/official",
        "--archive", arch)
    target = tmp_path / f"out.{fmt}"
    code, _out, err = run("export", "--format", fmt, "--tag", "evidence", "-o", str(target), "--archive", arch)
    assert code == 0, err
    if fmt == "pdf":
        text = " ".join(page.extract_text() for page in PdfReader(target).pages)
        text = " ".join(text.split())
    elif fmt == "csv":
        rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
        assert len(rows) == 1
        text = " ".join(rows[0].values())
    else:
        text = target.read_text(encoding="utf-8")
    if fmt == "jsonld":
        data = json.loads(text)
        item = data["first"]["items"][0]
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        assert selectors["TextQuoteSelector"]["exact"] == quote
        purposes = {b.get("purpose"): b["value"] for b in item["body"] if b.get("purpose") != "describing"}
        assert purposes["commenting"] == "Key admission" and purposes["tagging"] == "evidence/official"
    for needed in ("ministry confirmed new use of mines", "Key admission", "evidence/official", "Freedonia",
                   "Freedonia admits laying new mines"):
        assert needed in text, (fmt, needed)
    code, _, err = run("export", "--format", fmt, "--tag", "evidence", "-o", str(target), "--archive", arch)
    assert code == 1 and "--force" in err
    assert run("export", "--format", fmt, "--tag", "evidence", "-o", str(target), "--force", "--archive", arch)[0] == 0


def test_export_with_nothing_selected_is_a_clear_error(arch: str, tmp_path: Path) -> None:
    code, _, err = run("export", "--format", "md", "--tag", "nothing", "-o", str(tmp_path / "x.md"), "--archive", arch)
    assert code == 1 and "no annotations to export" in err
    assert not (tmp_path / "x.md").exists()


def test_sort_choices_match_the_services() -> None:
    from app.cli.parser import LIST_SORTS, SEARCH_SORTS
    from app.library import listing as library
    from app.search import service as search

    assert tuple(sorted(library.SORT_COLUMNS)) == LIST_SORTS and SEARCH_SORTS == search.SORTS


def test_every_command_is_dispatched_to_its_module() -> None:
    from app.cli import COMMAND_MODULES, command
    from app.cli.parser import build_parser

    names = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert names == set(COMMAND_MODULES)
    assert all(callable(command(name)) for name in names)
