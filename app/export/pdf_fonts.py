"""Finding fonts on this machine for characters the bundled DejaVu Sans cannot draw.

DejaVu covers Latin, Greek, Cyrillic, Arabic, Hebrew and more, but no CJK, Hangul, kana,
Thai or Indic script; bundling fonts for all of those would add tens of megabytes. So the
PDF export asks here, only when its text holds such characters, for fonts the system has.
The standard font folders (and DOSSIER_FONT_PATH's, first) are listed once per process,
within bounds (depth, entries, files, size; regular files only, opened non-blocking), and
a font's character map is read with fontTools only when a character is still wanted, then
kept per process as compact ranges, so a second export reads nothing again.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from fontTools.ttLib import TTFont

from app.readers.source import open_regular

log = logging.getLogger(__name__)

FONT_PATH_ENV = "DOSSIER_FONT_PATH"
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")  # fpdf2 embeds these (a collection by face number)
MAX_FONT_BYTES = 64 * 1024 * 1024  # the largest CJK collections are about 30 MB
MAX_FONT_FILES = 3000  # candidates listed per process
MAX_DIR_ENTRIES = 50_000  # entries looked at while listing, so a DOSSIER_FONT_PATH of "/" cannot stall an export
MAX_DEPTH = 8
# Style words that make a face a poorer match for body text; such files are tried after the rest.
_STYLED = ("bold", "italic", "oblique", "light", "thin", "black", "heavy", "medium", "semibold", "extra", "condensed")
_NEEDED_TABLES = ("cmap", "head", "hhea", "hmtx", "OS/2", "post")
_RESTRICTED_EMBEDDING = 0x0002  # OS/2 fsType: the licence forbids embedding


def extra_font_dirs() -> list[Path]:
    """The folders in DOSSIER_FONT_PATH (os.pathsep-separated): the one place that reads it."""
    value = os.environ.get(FONT_PATH_ENV, "")
    return [Path(part).expanduser() for part in value.split(os.pathsep) if part.strip()]


def system_font_dirs() -> list[Path]:
    """The standard font folders of Linux, macOS and Windows (those that do not exist are skipped later)."""
    home = Path.home()
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts", home / ".fonts",
            Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library/Fonts"]  # fmt: skip
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def font_dirs() -> list[Path]:
    return extra_font_dirs() + system_font_dirs()


@dataclass(frozen=True, slots=True)
class FontChoice:
    """A font file (a collection's first face) chosen for the characters it covers."""

    path: Path
    covers: frozenset[str]


class _Coverage:
    """A character map as sorted code point ranges: a CJK font's 40,000 entries in a few hundred pairs."""

    __slots__ = ("ends", "starts")

    def __init__(self, codepoints: Iterable[int]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for cp in sorted(codepoints):
            if self.ends and cp == self.ends[-1] + 1:
                self.ends[-1] = cp
            else:
                self.starts.append(cp)
                self.ends.append(cp)

    def __contains__(self, cp: int) -> bool:
        i = bisect_right(self.starts, cp) - 1
        return i >= 0 and cp <= self.ends[i]


_lock = threading.Lock()  # the GUI exports on a worker thread
_listed: dict[tuple[Path, ...], list[Path]] = {}
_coverage: dict[tuple[str, int, int], _Coverage | None] = {}  # (path, size, mtime_ns) -> map, None if unusable


def _walk(root: Path, budget: list[int], seen: set[tuple[int, int]]) -> Iterator[Path]:
    """Font files under `root`, depth-first, within the entry budget; folder links followed once."""
    stack = [(root, 0)]
    while stack and budget[0] > 0:
        folder, depth = stack.pop()
        try:
            info = os.stat(folder)
            if not stat.S_ISDIR(info.st_mode) or (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as entries:  # a folder of a million files is read only up to the budget
                listed = sorted(islice(entries, budget[0]), key=lambda entry: entry.name)
        except OSError:
            continue
        budget[0] -= len(listed)
        subfolders = []
        for entry in listed:
            try:
                if entry.is_dir():  # follows links; loops are stopped by `seen`
                    if depth < MAX_DEPTH:
                        subfolders.append((Path(entry.path), depth + 1))
                elif entry.name.lower().endswith(FONT_SUFFIXES):
                    yield Path(entry.path)
            except OSError:
                continue
        stack.extend(reversed(subfolders))


def _candidates(dirs: list[Path]) -> list[Path]:
    """Font files in `dirs`, listed once per process: DOSSIER_FONT_PATH first, plain styles before bold and italic."""
    key = tuple(dirs)
    with _lock:
        if key in _listed:
            return _listed[key]
    budget, found = [MAX_DIR_ENTRIES], []
    seen: set[tuple[int, int]] = set()
    for rank, root in enumerate(dirs):
        for path in _walk(root, budget, seen):
            styled = any(word in path.stem.lower() for word in _STYLED)
            found.append((rank, styled, path))
            if len(found) >= MAX_FONT_FILES:
                break
        if len(found) >= MAX_FONT_FILES:
            break
    found.sort(key=lambda item: (item[0], item[1]))  # stable: folder order and names kept otherwise
    paths = [path for _, _, path in found]
    with _lock:
        _listed[key] = paths
    return paths


def _read_coverage(path: Path) -> _Coverage | None:
    """The character map of the file's first face, or None for a file fpdf2 could not use or may not embed."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= MAX_FONT_BYTES:
        return None  # a FIFO or device named .ttf, an empty file, or one too large to be a font
    key = (str(path), info.st_size, info.st_mtime_ns)
    with _lock:
        if key in _coverage:
            return _coverage[key]
    coverage = None
    try:
        with open_regular(path) as handle:
            font = TTFont(handle, lazy=True, fontNumber=0)
            try:
                usable = all(tag in font for tag in _NEEDED_TABLES) and ("glyf" in font or "CFF " in font)
                if usable and (font["OS/2"].fsType & 0x000F) != _RESTRICTED_EMBEDDING:
                    coverage = _Coverage(font.getBestCmap() or {})
            finally:
                font.close()
    except Exception as e:  # any broken font file: fontTools raises many kinds; it is skipped, never fatal
        log.info("font %s skipped: %s: %s", path, type(e).__name__, e)
    with _lock:
        _coverage[key] = coverage
    return coverage


def find_fonts(chars: Iterable[str], dirs: list[Path] | None = None) -> list[FontChoice]:
    """Fonts that together cover as many of `chars` as the machine can, in search order.

    The first font that covers any character still wanted is taken for all it covers,
    and the search stops once nothing is wanted; a character no font covers costs one
    pass over the (cached) maps.
    """
    wanted = {char for char in chars if len(char) == 1}
    choices: list[FontChoice] = []
    if not wanted:
        return choices
    for path in _candidates(font_dirs() if dirs is None else dirs):
        coverage = _read_coverage(path)
        if coverage is None:
            continue
        covered = frozenset(char for char in wanted if ord(char) in coverage)
        if covered:
            choices.append(FontChoice(path, covered))
            wanted -= covered
            if not wanted:
                break
    return choices


def font_hint(char: str) -> str:
    """What to install for a character: Noto Sans CJK for Chinese, Japanese and Korean, else the script's Noto."""
    name = unicodedata.name(char, "")
    first = name.split(" ")[0]
    if first in ("CJK", "HANGUL", "HIRAGANA", "KATAKANA", "BOPOMOFO", "IDEOGRAPHIC", "HALFWIDTH", "KANGXI"):
        return "a font such as Noto Sans CJK"
    if first.isalpha() and any(word in name for word in (" LETTER ", " CHARACTER ", " SYLLABLE ", " VOWEL ")):
        return f"a font such as Noto Sans {first.title()}"
    return "a font that has them (the Noto fonts cover most scripts, Noto Emoji the emoji)"
