"""The command line, run in-process with captured streams and as a real subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.archive.folder import Archive
from app.cli import main
from tests.conftest import ROOT


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_import_list_show(archive_dir: Path, corpus: Path) -> None:
    code, out, _ = run("import", str(corpus), "--archive", str(archive_dir), "--json")
    assert code == 0
    summary = json.loads(out)
    assert len(summary["imported"]) == 2 and summary["failed"] == []

    code, out, _ = run("--archive", str(archive_dir), "list", "--json")
    rows = json.loads(out)
    assert code == 0 and {r["title"] for r in rows} >= {"Freedonia"}
    assert all({"id", "title", "date", "publisher", "kind"} <= set(r) for r in rows)

    profile_id = next(r["id"] for r in rows if r["title"] == "Freedonia")
    code, out, _ = run("show", str(profile_id), "--archive", str(archive_dir), "--json")
    detail = json.loads(out)
    assert code == 0
    for key in ("id", "title", "date", "date_label", "publisher", "kind", "source", "text_length", "sections",
                "markers", "footnotes", "missing_footnotes", "unreferenced_footnotes"):
        assert key in detail
    assert set(detail["source"]) == {"path", "format", "sha256"}
    assert detail["date"] == "2021-03-12" and detail["date_label"] == "last updated"
    assert detail["footnotes"][2]["ibid_of"] == 2

    code, text, _ = run("show", str(profile_id), "--archive", str(archive_dir), "--text")
    assert code == 0 and len(text) == detail["text_length"]
    for marker in detail["markers"]:
        assert text[marker["start"]:marker["end"]] == f"[{marker['number']}]"


def test_import_summary_and_exit_code_on_failure(archive_dir: Path, corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    code, out, err = run("--archive", str(archive_dir), "import", str(corpus))
    assert code == 1
    assert out.startswith("imported 2, updated 0, unchanged 0, failed 1")
    assert "empty.txt" in out and "Traceback" not in out + err


def test_errors_are_one_line(archive_dir: Path) -> None:
    Archive.open(archive_dir).close()
    code, _, err = run("--archive", str(archive_dir), "show", "999")
    assert code == 1 and err == "dossier: no document with id 999\n"


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as exc:
        run("show", "not-a-number")
    assert exc.value.code == 2


def test_environment_selects_archive(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_ARCHIVE", str(tmp_path / "from-env"))
    assert run("import", str(corpus))[0] == 0
    assert (tmp_path / "from-env" / "archive.sqlite3").is_file()


def test_real_process_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "not-empty"
    bad.mkdir()
    (bad / "x").write_text("x")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--archive", str(bad), "list"],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("dossier: ") and proc.stderr.count("\n") == 1


def test_plain_snippets_drop_markup() -> None:
    from app.cli.searching import _plain_snippet

    assert _plain_snippet("eight <b>PMN-2</b>\n mines &amp; <i>more</i>", bold=False) == "eight PMN-2 mines & more"
    assert _plain_snippet("<b>PMN-2</b>", bold=True) == "\x1b[1mPMN-2\x1b[0m"


def test_edit_sets_authors_url_and_language_and_show_reports_them(archive_dir: Path, corpus: Path) -> None:
    run("import", str(corpus), "--archive", str(archive_dir))
    _, out, _ = run("--archive", str(archive_dir), "list", "--json")
    doc_id = str(json.loads(out)[0]["id"])
    code, out, err = run("--archive", str(archive_dir), "edit", doc_id, "--author", "Human Rights Watch",
                         "--author", "J. Smith", "--url", "https://www.hrw.org/report", "--language", "en-gb",
                         "--json")
    assert (code, err) == (0, "")
    edited = json.loads(out)
    assert edited["authors"] == ["Human Rights Watch", "J. Smith"]
    assert (edited["source_url"], edited["language"]) == ("https://www.hrw.org/report", "en-GB")

    _, out, _ = run("--archive", str(archive_dir), "show", doc_id, "--json")
    detail = json.loads(out)
    assert (detail["authors"], detail["source_url"], detail["language"]) == (
        ["Human Rights Watch", "J. Smith"], "https://www.hrw.org/report", "en-GB")
    _, text, _ = run("--archive", str(archive_dir), "show", doc_id)
    assert "by Human Rights Watch; J. Smith" in text and "language: en-GB" in text

    code, out, _ = run("--archive", str(archive_dir), "edit", doc_id, "--author", "", "--url", "", "--json")
    assert code == 0 and (json.loads(out)["authors"], json.loads(out)["source_url"]) == ([], None)


@pytest.mark.parametrize(
    ("options", "message"),
    [(("--url", "ftp://x.org/a"), "http:// or https://"), (("--language", "English"), "BCP 47"), ((), "nothing")],
)
def test_edit_refuses_bad_values_in_one_line(
    archive_dir: Path, corpus: Path, options: tuple[str, ...], message: str
) -> None:
    run("import", str(corpus), "--archive", str(archive_dir))
    code, out, err = run("--archive", str(archive_dir), "edit", "1", *options)
    assert code == 1 and out == "" and message in err and err.count("\n") == 1


def test_a_large_import_starts_its_workers_before_opening_the_archive_and_stops_them(
    archive_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.importing import workers as worker_module
    from tests.app.importing.test_importer import PROFILE, RELEASE

    monkeypatch.setattr(worker_module, "PARALLEL_MIN", 4)
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(6):
        (folder / f"r{i}.txt").write_text((PROFILE if i % 2 else RELEASE).replace("mines", f"mines zorblat{i}", 1),
                                          encoding="utf-8")  # fmt: skip
    started: list[worker_module.Workers] = []
    init = worker_module.Workers.__init__

    def counted(self: worker_module.Workers, count: int | None = None) -> None:
        init(self, count)
        started.append(self)

    monkeypatch.setattr(worker_module.Workers, "__init__", counted)
    code, out, _ = run("--archive", str(archive_dir), "import", str(folder), "--json")
    assert code == 0 and len(json.loads(out)["imported"]) == 6
    assert len(started) == 1  # the import used the workers the command started
    assert started[0]._closed and not started[0].pool._processes  # type: ignore[attr-defined]


def test_workers_that_never_got_their_settings_still_stop() -> None:
    from app.importing.workers import Workers

    workers = Workers(2)
    workers.close()  # e.g. the archive could not be opened: the workers were waiting for the import's settings
    workers.close()
    assert not workers.pool._processes  # type: ignore[attr-defined]


def test_a_mistyped_archive_is_reported_not_made(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A named folder becomes an archive only through import; the message names it and the command that would."""
    typo = tmp_path / "archvie"
    for argv in (["list"], ["search", "mines"], ["tags"], ["show", "1"]):
        code, out, err = run("--archive", str(typo), *argv)
        assert code == 1 and out == "" and "no archive in" in err and "internal error" not in err, (argv, err)
        assert f"--archive {typo} import PATH" in err
    assert not typo.exists()
    monkeypatch.setenv("DOSSIER_ARCHIVE", str(typo))
    assert run("list")[0] == 1 and not typo.exists()
    assert run("import", str(corpus))[0] == 0 and (typo / "archive.sqlite3").is_file()


def test_the_default_archive_is_made_by_any_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOSSIER_ARCHIVE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    code, out, _ = run("list")
    assert code == 0 and "is empty. Import files with:" in out and "--archive" not in out


def test_an_empty_archive_says_which_and_how_to_fill_it(tmp_path: Path) -> None:
    folder = tmp_path / "reports archive"
    Archive.open(folder).close()
    code, out, _ = run("--archive", str(folder), "list")
    assert code == 0 and str(folder) in out and f"--archive '{folder}' import PATH..." in out


def test_commands_work_on_the_archive_the_desktop_app_opened_last(tmp_path: Path, corpus: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """As calibredb uses the library the calibre window shows: without --archive, the last archive opened."""
    from app.archive import paths

    monkeypatch.delenv("DOSSIER_ARCHIVE", raising=False)
    shown = tmp_path / "shown in the app"
    assert run("--archive", str(shown), "import", str(corpus))[0] == 0
    paths.remember_last_archive(shown)  # what the desktop app does when it opens an archive
    assert paths.last_archive() == shown.resolve()
    code, out, _ = run("list")
    assert code == 0 and "Freedonia" in out
    monkeypatch.setenv("DOSSIER_ARCHIVE", str(tmp_path / "other"))  # the variable still wins
    assert paths.resolve_archive_dir(None) == tmp_path / "other"
    monkeypatch.delenv("DOSSIER_ARCHIVE")
    for record in (b"relative/path", b"/no/such/archive", b"/tmp\0x", b"x" * 20_000):
        paths._last_archive_file().write_bytes(record)
        assert paths.last_archive() is None and paths.resolve_archive_dir(None) == paths.default_archive_dir()
