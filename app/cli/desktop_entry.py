"""The desktop menu entry: `dossier --install-desktop-entry` writes it for the user, and only for the user.

The entry (`.desktop`), the icon in every size, and the AppStream metainfo are
copied from `resources/` into the user's XDG data folder (`~/.local/share` unless
XDG_DATA_HOME says otherwise); nothing is written anywhere else. The entry's Exec
line names the command of this very installation, so the menu starts the Dossier
that installed it. Only regular files are replaced; a symlink or a folder in the
way is reported, not followed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from app.archive.paths import APP_ID
from app.errors import DossierError
from resources import RESOURCES_DIR

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def entry_files(data_home: Path) -> dict[Path, Path]:
    """Where each shipped file goes under `data_home`: {source: target}."""
    icons = RESOURCES_DIR / "icons"
    hicolor = data_home / "icons" / "hicolor"
    files = {
        RESOURCES_DIR / "desktop" / f"{APP_ID}.desktop": data_home / "applications" / f"{APP_ID}.desktop",
        RESOURCES_DIR / "desktop" / f"{APP_ID}.metainfo.xml": data_home / "metainfo" / f"{APP_ID}.metainfo.xml",
        icons / f"{APP_ID}.svg": hicolor / "scalable" / "apps" / f"{APP_ID}.svg",
    }
    for size in ICON_SIZES:
        files[icons / f"{APP_ID}-{size}.png"] = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    return files


def launch_command() -> list[str]:
    """The command that starts this installation's desktop app: its `dossier-gui` script when it has one
    (pip, pipx), else this Python running the source checkout's main.py."""
    script = Path(sys.executable).parent / "dossier-gui"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    main_py = RESOURCES_DIR.parent / "main.py"
    if main_py.is_file():
        return [sys.executable, str(main_py)]
    return [sys.executable, "-m", "ui.launch"]


def exec_line(command: list[str]) -> str:
    """The Exec value for `command`, quoted as the Desktop Entry Specification says."""
    return " ".join(_exec_argument(argument) for argument in command)


def _exec_argument(argument: str) -> str:
    if argument and not (_RESERVED & set(argument)):
        quoted = argument
    else:
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
        quoted = f'"{escaped}"'
    # the value is a desktop-file string: backslashes are escaped once more; % starts a field code
    return quoted.replace("\\", "\\\\").replace("%", "%%")


def install(data_home: Path) -> list[Path]:
    """Write the entry, icons and metainfo under `data_home`; returns the files written."""
    _check_platform()
    written: list[Path] = []
    for source, target in entry_files(data_home).items():
        data = source.read_bytes()
        if source.suffix == ".desktop":
            data = _with_exec(data.decode("utf-8"), exec_line(launch_command())).encode("utf-8")
        _replace_regular_file(target, data)
        written.append(target)
    _refresh_caches(data_home)
    return written


def remove(data_home: Path) -> list[Path]:
    """Delete what `install` wrote (regular files only); returns the files removed."""
    removed: list[Path] = []
    for target in entry_files(data_home).values():
        with contextlib.suppress(FileNotFoundError):
            if stat.S_ISREG(target.lstat().st_mode):
                target.unlink()
                removed.append(target)
    _refresh_caches(data_home)
    return removed


def _check_platform() -> None:
    if sys.platform in ("win32", "darwin"):
        raise DossierError("the desktop entry is for Linux and other freedesktop.org desktops; "
                           "on this system, start Dossier with the dossier-gui command")  # fmt: skip


def _with_exec(entry: str, line: str) -> str:
    lines = [f"Exec={line}" if raw.startswith("Exec=") else raw for raw in entry.splitlines()]
    return "\n".join(lines) + "\n"


def _replace_regular_file(target: Path, data: bytes) -> None:
    """Write `target` atomically; refuse when something other than a regular file is in the way."""
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise DossierError(f"{target} exists and is not a regular file; it was left as it is")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except OSError as exc:
        raise DossierError(f"cannot write {target}: {exc.strerror or exc}") from exc


def _refresh_caches(data_home: Path) -> None:
    """Tell the desktop about the change where its tools are installed (menus also notice by themselves)."""
    for tool, folder in (("update-desktop-database", data_home / "applications"),
                         ("gtk-update-icon-cache", data_home / "icons" / "hicolor")):  # fmt: skip
        path = shutil.which(tool)
        if path is None or not folder.is_dir():
            continue
        arguments = (
            [path, "-q", str(folder)] if tool == "update-desktop-database" else [path, "-q", "-t", "-f", str(folder)]
        )
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(arguments, check=False, timeout=30, capture_output=True)
