"""The desktop entry, icon and AppStream metainfo: valid files, written only under the user's data folder."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from app.archive.paths import APP_ID
from app.cli import desktop_entry, main
from app.errors import DossierError
from resources import RESOURCES_DIR

DESKTOP = RESOURCES_DIR / "desktop" / f"{APP_ID}.desktop"
METAINFO = RESOURCES_DIR / "desktop" / f"{APP_ID}.metainfo.xml"


def _install(data_home: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(data_home)
    try:
        code = main(["--install-desktop-entry"], out, err)
    finally:
        if old is None:
            del os.environ["XDG_DATA_HOME"]
        else:
            os.environ["XDG_DATA_HOME"] = old
    return code, out.getvalue(), err.getvalue()


def test_install_writes_the_entry_icons_and_metainfo_under_the_data_folder_only(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    code, out, err = _install(data_home)
    assert code == 0 and "desktop's menu" in out, err
    written = sorted(p.relative_to(data_home).as_posix() for p in data_home.rglob("*") if p.is_file())
    assert f"applications/{APP_ID}.desktop" in written and f"metainfo/{APP_ID}.metainfo.xml" in written
    assert f"icons/hicolor/scalable/apps/{APP_ID}.svg" in written
    for size in desktop_entry.ICON_SIZES:
        png = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [p for p in tmp_path.iterdir()] == [data_home]  # nothing beside it
    entry = (data_home / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert entry.count("\nExec=") == 1 and "Exec=dossier-gui" not in entry  # this installation's command


def test_remove_takes_out_what_install_wrote(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    _install(data_home)
    removed = desktop_entry.remove(data_home)
    assert len(removed) == len(desktop_entry.entry_files(data_home))
    assert not [p for p in data_home.rglob(f"{APP_ID}*") if p.is_file()]


def test_something_other_than_a_regular_file_in_the_way_is_left_alone(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    target = data_home / "applications" / f"{APP_ID}.desktop"
    target.parent.mkdir(parents=True)
    elsewhere = tmp_path / "precious.txt"
    elsewhere.write_text("keep me", encoding="utf-8")
    target.symlink_to(elsewhere)
    with pytest.raises(DossierError, match="not a regular file"):
        desktop_entry.install(data_home)
    assert elsewhere.read_text(encoding="utf-8") == "keep me" and target.is_symlink()
    desktop_entry.remove(data_home)
    assert target.is_symlink()  # remove deletes regular files only


@pytest.mark.parametrize(
    ("command", "line"),
    [
        (["/usr/bin/dossier-gui"], "/usr/bin/dossier-gui"),
        (["/home/a b/.venv/bin/python", "/home/a b/main.py"], '"/home/a b/.venv/bin/python" "/home/a b/main.py"'),
        (["/opt/100%/x$y"], '"/opt/100%%/x\\\\$y"'),
    ],
)
def test_the_exec_line_is_quoted_as_the_specification_says(command: list[str], line: str) -> None:
    assert desktop_entry.exec_line(command) == line


def test_the_shipped_entry_names_the_shipped_icon_and_the_metainfo_launches_it() -> None:
    entry = DESKTOP.read_text(encoding="utf-8")
    assert f"\nIcon={APP_ID}\n" in entry and "\nTerminal=false\n" in entry
    metainfo = METAINFO.read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in metainfo and f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in metainfo


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_the_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    _install(tmp_path)
    for path in (DESKTOP, tmp_path / "applications" / f"{APP_ID}.desktop"):
        done = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True, check=False)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_the_metainfo_passes_appstreamcli_validate() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True,
                          check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
