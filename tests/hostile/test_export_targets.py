"""Export targets a careless or hostile command line names: devices, FIFOs, links, `-`, modes.

An export replaces only a regular file (never a device, FIFO or socket, which a rename
would swap for a file: as root `-o /dev/null --force` used to leave a file at /dev/null),
keeps a replaced file's permission bits, and `-o -` writes to standard output.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import stat
from pathlib import Path

import pytest

from app.annotating import annotations
from app.archive.folder import Archive
from app.export.excerpt_model import ExcerptSet
from app.export.files import ExportError, render, write_export, write_stream
from tests.app.export.conftest import make_excerpt_set
from tests.app.importing.test_importer import PROFILE
from tests.app.test_cli import run


@pytest.fixture
def excerpts() -> ExcerptSet:
    return make_excerpt_set()


@pytest.mark.parametrize("force", [False, True])
def test_a_fifo_is_refused_and_stays_a_fifo(excerpts: ExcerptSet, tmp_path: Path, force: bool) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="not a regular file"):
        write_export(excerpts, "md", fifo, force=force)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.listdir(tmp_path) == ["pipe"]  # no temporary file left behind


@pytest.mark.parametrize("target", ["/dev/null", "link"])
def test_a_device_is_refused_even_through_a_link(excerpts: ExcerptSet, tmp_path: Path, target: str) -> None:
    path = Path(target) if target.startswith("/") else tmp_path / target
    if not path.is_absolute() or not path.exists():
        path.symlink_to("/dev/null")
    before = os.stat("/dev/null")
    with pytest.raises(ExportError, match="not a regular file") as caught:
        write_export(excerpts, "md", path, force=True)
    assert "\n" not in str(caught.value)
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_dangling_link_is_refused(excerpts: ExcerptSet, tmp_path: Path) -> None:
    link = tmp_path / "report.md"
    link.symlink_to(tmp_path / "missing" / "elsewhere.md")
    with pytest.raises(ExportError, match="link to a missing file"):
        write_export(excerpts, "md", link, force=True)
    assert link.is_symlink() and not (tmp_path / "missing").exists()


def test_a_link_to_a_file_is_followed_and_kept(excerpts: ExcerptSet, tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.md"
    link.symlink_to(real)
    with pytest.raises(ExportError, match="already exists"):
        write_export(excerpts, "md", link)
    write_export(excerpts, "md", link, force=True)
    assert link.is_symlink() and real.read_bytes() == render(excerpts, "md")


@pytest.mark.parametrize("mode", [0o444, 0o640, 0o600, 0o664])
def test_a_replaced_file_keeps_its_mode(excerpts: ExcerptSet, tmp_path: Path, mode: int) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(mode)
    write_export(excerpts, "html", target, force=True)
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_bytes() == render(excerpts, "html")


def test_set_id_bits_are_not_carried_over(excerpts: ExcerptSet, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o4755)
    write_export(excerpts, "md", target, force=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_stream_writes_text_and_escapes_controls_on_a_terminal(excerpts: ExcerptSet) -> None:
    hostile = dataclasses.replace(excerpts, title="Report \x1b]0;owned\x07 \u202egpj.exe")
    piped = io.StringIO()
    write_stream(hostile, "md", piped)
    assert piped.getvalue() == render(hostile, "md").decode("utf-8")  # a pipe gets the faithful bytes
    shown = _Terminal()
    write_stream(hostile, "md", shown)
    assert "\x1b" not in shown.getvalue() and "\u202e" not in shown.getvalue()
    assert "]0;owned" in shown.getvalue() and "\\u202egpj.exe" in shown.getvalue()  # ESC dropped; the override shown


def test_stream_csv_has_no_bom_and_pdf_needs_a_byte_stream(excerpts: ExcerptSet) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8")
    write_stream(excerpts, "csv", stream)
    assert raw.getvalue() == render(excerpts, "csv").removeprefix(b"\xef\xbb\xbf")
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8")
    write_stream(excerpts, "pdf", stream)
    assert raw.getvalue().startswith(b"%PDF-")
    for refused in (io.StringIO(), _Terminal()):
        with pytest.raises(ExportError, match="PDF is binary"):
            write_stream(excerpts, "pdf", refused)


@pytest.fixture
def annotated(tmp_path: Path) -> str:
    """An archive with one annotation whose note and tag carry terminal escapes and a bidi override."""
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "profile.txt").write_text(PROFILE, encoding="utf-8")
    arch = str(tmp_path / "archive")
    assert run("import", str(src), "--archive", arch)[0] == 0
    code, _, err = run(
        "annotate",
        "1",
        "--quote",
        "Freedonia",
        "--note",
        "see \x1b[2J\x1b]0;owned\x07 \u202eevil",
        "--tag",
        "evil\x1b[31m",
        "--archive",
        arch,
    )
    assert code == 0, err
    return arch


def test_export_to_dash_writes_standard_output(annotated: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("export", "--format", "md", "--doc", "1", "-o", "-", "--archive", annotated)
    assert code == 0, err
    assert out.startswith("# Annotated excerpts") and "to standard output" in err
    assert not (tmp_path / "-").exists()
    code, out, err = run("export", "--format", "pdf", "--doc", "1", "-o", "-", "--archive", annotated)
    assert code == 1 and err.count("\n") == 1 and "PDF is binary" in err and not (tmp_path / "-").exists()


def test_cli_export_onto_a_device_is_one_line(annotated: str) -> None:
    code, _, err = run("export", "--format", "md", "--doc", "1", "-o", "/dev/null", "--force", "--archive", annotated)
    assert code == 1 and err.count("\n") == 1 and "not a regular file" in err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_human_output_never_prints_escapes_raw(annotated: str, tmp_path: Path) -> None:
    outputs = [run("annotations", "--archive", annotated)[1], run("tags", "--archive", annotated)[1]]
    outputs.append(run("tag-rename", "evil\x1b[31m", "evil\x1b[32m", "--archive", annotated)[1])
    outputs.append(
        run("export", "--format", "md", "--doc", "1", "-o", str(tmp_path / "x\x1b[2J.md"), "--archive", annotated)[1]
    )
    for shown in outputs:
        assert shown and "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown, shown


def test_json_output_stays_faithful(annotated: str) -> None:
    """JSON decodes to the stored values exactly, yet holds no raw escape or bidi character."""
    for argv in (["annotations", "--json"], ["tags", "--json"]):
        out = run(*argv, "--archive", annotated)[1]
        assert not any(ch in out for ch in "\x1b\x07\u202e"), out
    shown = json.loads(run("annotations", "--json", "--archive", annotated)[1])
    with Archive.open(Path(annotated)) as archive:
        stored = [a.to_json() for a in annotations.list_annotations(archive, annotations.AnnotationFilter())]
    assert shown == stored and "\u202e" in stored[0]["note"]


TOO_BIG = str(2**63)


@pytest.mark.parametrize(
    "argv",
    [
        ["remove", TOO_BIG],
        ["tag", TOO_BIG, "x"],
        ["untag", TOO_BIG, "x"],
        ["annotation-edit", TOO_BIG, "--note", "x"],
        ["annotation-delete", TOO_BIG],
        ["annotations", "--doc", TOO_BIG],
        ["export", "--format", "md", "--doc", TOO_BIG, "-o", "x.md"],
        ["export", "--format", "md", "--annotation", "99" * 20, "-o", "x.md"],
        ["annotate", TOO_BIG, "--quote", "x"],
        ["annotate", "1", "--start", "0", "--end", TOO_BIG],
        ["remove", "0"],
        ["tag", "-5", "x"],
    ],
)
def test_ids_out_of_range_are_usage_errors(argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run(*argv, "--archive", str(tmp_path / "archive"))
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "internal error" not in err and "Overflow" not in err
    assert f"must be from {0 if '--start' in argv else 1} to {2**63 - 1}" in err.strip().splitlines()[-1]
    assert not (tmp_path / "archive").exists()
