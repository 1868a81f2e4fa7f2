"""The app's language: Qt translators for Dossier's own strings and Qt's standard dialogs, and the locale.

The language follows the system unless the user chose one (View › Language), and takes effect when
the app starts: a running app keeps its language, as in Zotero. Dossier's strings are translated
from `resources/translations/dossier_<lang>.qm` (compiled from the `.ts` by `make translations`);
Qt's own buttons and dialogs from the translations Qt ships. `QLocale.setDefault` makes every
`QLocale()` (numbers, month names, dates the app shows) speak the same language. The command line
stays English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import RESOURCES_DIR

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
LANGUAGES = {"en": "English", "fr": "Français"}  # untranslated: each in its own language, as language menus show them
SYSTEM = "system"


def chosen_locale(choice: str) -> QLocale:
    """The locale for a View › Language choice: the system's, or the language chosen (in its main country)."""
    if choice in LANGUAGES:
        return QLocale(choice)
    return QLocale.system()


def install(app: QCoreApplication, choice: str) -> QLocale:
    """Install the translators for `choice` ("system", "en", "fr") on `app`; returns the locale in use.

    A language Dossier has no translation for falls back to English (its source language), with the
    system's number and date formats kept."""
    locale = chosen_locale(choice)
    QLocale.setDefault(locale)
    install_english_plurals(app)  # searched last: English is what a string without a translation shows
    if locale.language() == QLocale.Language.English:
        return locale
    for name, folder in (("dossier", str(TRANSLATIONS_DIR)),
                         ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):  # fmt: skip
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
    return locale


def install_english_plurals(app: QCoreApplication) -> None:
    """English is the source language and needs only its plural forms ("%Ln document(s)" reads "1 document",
    "2 documents"), from `dossier_en.qm`; installed once and first, so another language's translator wins."""
    if app.findChild(QTranslator, _ENGLISH) is not None:
        return
    translator = QTranslator(app)
    translator.setObjectName(_ENGLISH)
    if translator.load(str(TRANSLATIONS_DIR / "dossier_en.qm")):
        app.installTranslator(translator)


_ENGLISH = "dossier-english-plurals"
