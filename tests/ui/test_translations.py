"""Every visible string of the app goes through Qt's translation, and the French translation is complete,
current and compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.ui.untranslated import visible_untranslated
from ui.translation import TRANSLATIONS_DIR

ROOT = Path(__file__).resolve().parents[2]
TS = TRANSLATIONS_DIR / "dossier_fr.ts"
ENGLISH = TRANSLATIONS_DIR / "dossier_en.ts"  # the source language's plural forms only
LUPDATE_OPTIONS = {TS: ["-target-language", "fr_FR"], ENGLISH: ["-pluralonly", "-target-language", "en_US"]}
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


@pytest.mark.parametrize("ts", [TS, ENGLISH], ids=["fr", "en"])
def test_the_translations_are_complete(ts: Path) -> None:
    unfinished = []
    for (context, source), message in _messages(ts).items():
        translation = message.find("translation")
        assert translation is not None
        forms = [form.text for form in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(f and f.strip() for f in forms):
            unfinished.append(f"{context}: {source!r}")
    assert unfinished == []


@pytest.mark.skipif(not (BIN / "pyside6-lupdate").exists(), reason="pyside6-lupdate is not installed")
@pytest.mark.parametrize("ts", [TS, ENGLISH], ids=["fr", "en"])
def test_the_translations_hold_every_string_of_the_sources(ts: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(ts, fresh)
    subprocess.run([str(BIN / "pyside6-lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete",
                    *LUPDATE_OPTIONS[ts], str(ROOT / "ui"), str(ROOT / "app/search/notices.py"), "-ts", str(fresh)], check=True, capture_output=True)  # fmt: skip
    assert set(_messages(fresh)) == set(_messages(ts)), "run `make translations` and translate what is new"


@pytest.mark.skipif(not (BIN / "pyside6-lrelease").exists(), reason="pyside6-lrelease is not installed")
@pytest.mark.parametrize("ts", [TS, ENGLISH], ids=["fr", "en"])
def test_the_compiled_translations_are_the_current_ones(ts: Path, tmp_path: Path) -> None:
    qm = tmp_path / "fresh.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run `make translations`"


@contextmanager
def _speaking(qapp, language: str) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The app in `language`: Dossier's and Qt's translators and the locale, removed afterwards."""
    from PySide6.QtCore import QLocale, QTranslator

    from ui import translation

    before = set(qapp.findChildren(QTranslator))
    translation.install(qapp, language)
    try:
        yield
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(QLocale("en_US"))


@pytest.fixture
def french(qapp):  # type: ignore[no-untyped-def]
    """The app in French for one test."""
    with _speaking(qapp, "fr"):
        yield


def test_the_main_window_speaks_french_with_its_plurals_and_numbers(french, archive, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from app.archive.paths import SAMPLES_DIR
    from app.importing.importer import run_import
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    run_import(archive, [SAMPLES_DIR])
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(archive, settings)
    qtbot.addWidget(window)
    window.show()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:3] == ["&Fichier", "É&dition", "&Affichage"]
    qtbot.waitUntil(lambda: window.count_label.text() == "6 documents", timeout=20_000)
    assert window.tabs.tabText(0) == "Bibliothèque"
    many = window.tr("%Ln document(s)", "", 1234)
    assert window.tr("%Ln document(s)", "", 1) == "1 document" and many.replace("\u202f", " ") == "1 234 documents"
    window.grab().save(str(tmp_path / "fr.png"))


def test_an_export_from_the_french_app_speaks_french_around_the_excerpts(french, archive) -> None:  # type: ignore[no-untyped-def]
    from app.annotating import annotations
    from app.archive.paths import SAMPLES_DIR
    from app.export import excerpts
    from app.export.markdown import render_markdown
    from app.importing.importer import run_import
    from app.library import listing as library
    from ui.export_job import ExportJob

    run_import(archive, [SAMPLES_DIR])
    profile = next(row.id for row in library.list_documents(archive) if row.title == "Serevia")
    note = annotations.create_from_quote(archive, profile, "mostly PMA-2, PMR-2A and PROM-1 mines.", tag_names=["stock"])
    french_set = excerpts.build(archive, [note.id], description="Étiquette : stock", words=ExportJob().words())
    text = render_markdown(french_set)
    assert "Sélection : Étiquette : stock" in text and "Surlignage : jaune · Étiquettes : stock" in text
    assert "· 1 extrait de 1 document" in text and "Exporté le" in text
    assert "14 novembre 2022." in text  # the citation's date as the app writes dates; its label is the document's
    english = render_markdown(excerpts.build(archive, [note.id]))  # the command line's export
    assert "Highlight: yellow · Tags: stock" in english and "1 excerpt from 1 document" in english
    assert "14 November 2022." in english


@pytest.mark.parametrize("language", ["fr", "en"])
def test_at_1280_pixels_the_whole_toolbar_and_the_kind_names_show(language, qapp, archive, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """French labels run longer: the toolbar's own shorter labels keep every button out of the overflow menu,
    and the library's Kind column is never cut ("communiqué de presse", not "communiq…")."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QToolButton

    from app.archive.paths import SAMPLES_DIR
    from app.importing.importer import run_import
    from ui.document_table_model import COLUMNS
    from ui.kind_colors import kind_label
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    with _speaking(qapp, language):
        run_import(archive, [SAMPLES_DIR])
        settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(archive, settings)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitUntil(lambda: window.model.rowCount() == 6, timeout=20_000)
        bar = window.actions_.toolbar
        buttons = [bar.widgetForAction(action) for action in bar.actions() if not action.isSeparator()]
        assert all(button is not None and button.isVisible() for button in buttons)
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert extension is None or not extension.isVisible()
        kind = [key for _, key in COLUMNS].index("kind")
        longest = max((kind_label(k) for k in ("press-release", "country-profile")), key=len)
        assert window.table.columnWidth(kind) >= window.table.fontMetrics().horizontalAdvance(longest)


def test_a_search_notice_speaks_the_users_language(french) -> None:  # type: ignore[no-untyped-def]
    """The query model says what it repaired in English (the command line); the app says it in French, with
    the user's own words quoted as typed, each joined part translated too."""
    from app.search.engine import parse_query
    from app.search.notices import ENGLISH, Notice, joined
    from ui.search_notices import translated

    notice = joined(parse_query('year:2013 "x').notices)
    assert notice == "Unknown field 'year'; Unbalanced quote: searched as plain words"
    assert translated(notice) == "Champ inconnu « year »; Guillemet non fermé : recherche faite sur les mots seuls"
    both = joined([Notice("rebuilding"), Notice("short-prefix", "ab*", 3)])
    assert translated(both).startswith("L’index de recherche est en reconstruction ; les résultats")
    assert "; Préfixe « ab* » trop court" in translated(both)
    assert translated("a plain message") == "a plain message" and translated(None) == ""
    for key in ENGLISH:  # every notice has its French
        assert translated(Notice(key, "v0", "v1")) != str(Notice(key, "v0", "v1")) or key == "several", key
