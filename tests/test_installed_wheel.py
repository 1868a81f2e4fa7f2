"""Dossier built as a wheel (`python -m build`) and installed in a fresh virtual environment works
from any folder: the commands, the samples, the migrations, the PDF fonts, the desktop entry and
the desktop app itself come from the installed package, never from this source tree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SKIP = shutil.ignore_patterns(".venv", ".git", "tests", "bench", "docs", "build", "dist", "*.egg-info", "__pycache__",
                              ".pytest_cache", ".ruff_cache", ".hypothesis")  # fmt: skip


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding only the wheel; the pinned dependencies are borrowed from the test's own
    environment (a path line, so its editable install of this tree is not loaded)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=SKIP)
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work / "dist"),
                    str(source)], check=True, capture_output=True, timeout=600)  # fmt: skip
    [wheel] = (work / "dist").glob("dossier-*.whl")
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True, timeout=600)  # fmt: skip
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())  # fmt: skip
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return env_dir


def _run(env_dir: Path, *args: str, cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DOSSIER_ARCHIVE")}
    env.update(extra)
    return subprocess.run([str(env_dir / "bin" / args[0]), *args[1:]], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600, check=False)  # fmt: skip


def test_the_wheel_carries_the_package_data(installed: Path) -> None:
    [wheel] = (installed.parent / "dist").glob("dossier-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("resources/fonts/DejaVuSans.ttf", "resources/samples/serevia-country-profile.txt",
                   "resources/desktop/io.github.dossier.Dossier.desktop", "resources/icons/io.github.dossier.Dossier.svg",
                   "db/migrations/env.py", "db/migrations/versions/0001_initial_archive_schema.py", "ui/launch.py",
                   "resources/translations/dossier_fr.qm", "resources/translations/dossier_en.qm"):  # fmt: skip
        assert needed in names
    assert not any(name.startswith(("tests/", "bench/")) for name in names)


def test_the_installed_command_works_from_any_folder(installed: Path, tmp_path: Path) -> None:
    where = _run(installed, "python", "-c", "import app, resources, db; print(app.__file__, resources.__file__)",
                 cwd=tmp_path)  # fmt: skip
    assert str(ROOT) not in where.stdout and str(installed) in where.stdout
    archive = tmp_path / "archive"
    samples = Path(where.stdout.split()[1]).parent / "samples"
    assert _run(installed, "dossier", "--version", cwd=tmp_path).stdout.startswith("Dossier ")
    imported = _run(installed, "dossier", "--archive", str(archive), "import", "--json", str(samples), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    summary = json.loads(imported.stdout)
    assert len(summary["imported"]) == len(list(samples.iterdir())) and not summary["failed"]  # the PDF one too
    found = _run(installed, "dossier", "--archive", str(archive), "search", "--json", "mines", cwd=tmp_path)
    assert found.returncode == 0 and json.loads(found.stdout)["total"] >= 3, found.stderr
    first = json.loads(found.stdout)["hits"][0]["id"]
    noted = _run(installed, "dossier", "--archive", str(archive), "annotate", str(first), "--start", "0", "--end", "20",
                 "--note", "checked", cwd=tmp_path)  # fmt: skip
    assert noted.returncode == 0, noted.stderr
    pdf = tmp_path / "excerpts.pdf"
    exported = _run(installed, "dossier", "--archive", str(archive), "export", "--format", "pdf", "--output", str(pdf),
                    cwd=tmp_path)  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and b"DejaVu" in pdf.read_bytes()  # the shipped fonts


def test_the_installed_desktop_entry_starts_this_installation(installed: Path, tmp_path: Path) -> None:
    data_home = tmp_path / "xdg"
    done = _run(installed, "dossier", "--install-desktop-entry", cwd=tmp_path, XDG_DATA_HOME=str(data_home))
    assert done.returncode == 0, done.stderr
    entry = (data_home / "applications" / "io.github.dossier.Dossier.desktop").read_text(encoding="utf-8")
    assert f"Exec={installed / 'bin' / 'dossier-gui'}\n" in entry
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(data_home / "applications" / "io.github.dossier.Dossier.desktop")],
                                 capture_output=True, text=True, check=False)  # fmt: skip
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout


def test_the_installed_desktop_app_opens_its_window(installed: Path, tmp_path: Path) -> None:
    """dossier-gui paints its main window (the startup probe records it and quits)."""
    probe = tmp_path / "probe.json"
    started = _run(installed, "dossier-gui", "--archive", str(tmp_path / "archive"), cwd=tmp_path,
                   QT_QPA_PLATFORM="offscreen", DOSSIER_STARTUP_PROBE=str(probe), XDG_CONFIG_HOME=str(tmp_path / "config"),
                   XDG_DATA_HOME=str(tmp_path / "data"))  # fmt: skip
    assert started.returncode == 0, started.stderr
    assert "main_painted" in json.loads(probe.read_text(encoding="utf-8"))
