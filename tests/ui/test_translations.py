"""Every visible string of the app goes through Qt's translation, and the French translation is complete,
current and compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.ui.untranslated import visible_untranslated
from ui.translation import TRANSLATIONS_DIR

ROOT = Path(__file__).resolve().parents[2]
TS = TRANSLATIONS_DIR / "dossier_fr.ts"
BIN = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    messages: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(name, message.findtext("source") or "")] = message
    return messages


def test_no_visible_string_bypasses_translation() -> None:
    found = [f"{path.relative_to(ROOT)}:{line}: {text!r}"
             for path in sorted((ROOT / "ui").rglob("*.py")) for line, text in visible_untranslated(path)]  # fmt: skip
    assert found == [], "wrap these in self.tr() or QCoreApplication.translate(), or mark them '# untranslated: why'"


def test_the_checker_finds_a_bare_label(tmp_path: Path) -> None:
    module = tmp_path / "widget.py"
    module.write_text('label.setText("Open the archive")\nlabel.setText(self.tr("Open the archive"))\n'
                      'settings.value("view/theme")\nbutton = QPushButton(f"Import {n} files")\n',
                      encoding="utf-8")  # fmt: skip
    assert [line for line, _text in visible_untranslated(module)] == [1, 4]


def test_the_french_translation_is_complete() -> None:
    unfinished = []
    for (context, source), message in _messages(TS).items():
        translation = message.find("translation")
        assert translation is not None
        forms = [form.text for form in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(f and f.strip() for f in forms):
            unfinished.append(f"{context}: {source!r}")
    assert unfinished == []


@pytest.mark.skipif(not (BIN / "pyside6-lupdate").exists(), reason="pyside6-lupdate is not installed")
def test_the_translation_holds_every_string_of_the_sources(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run([str(BIN / "pyside6-lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete",
                    str(ROOT / "ui"), "-ts", str(fresh)], check=True, capture_output=True)  # fmt: skip
    assert set(_messages(fresh)) == set(_messages(TS)), "run `make translations` and translate what is new"


@pytest.mark.skipif(not (BIN / "pyside6-lrelease").exists(), reason="pyside6-lrelease is not installed")
def test_the_compiled_translation_is_the_current_one(tmp_path: Path) -> None:
    qm = tmp_path / "fresh.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run `make translations`"
