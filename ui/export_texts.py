"""What the export dialog says and shows about files and text: save-dialog filters, file names from the
title, notes about the extension written, and small text helpers. Qt only for the preview browser and
the options grid."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from app.export.files import SUFFIXES
from ui.export_job import ALIASES, format_of, target_path
from ui.export_scope import ALL, ANNOTATIONS, CURRENT, DOCUMENTS, QUERY, TAG
from ui.reader.safe_browser import SafeTextBrowser

DEFAULT_TITLE = QT_TRANSLATE_NOOP("ExportDialog", "Annotated excerpts")  # translated by `default_title`
OPTIONS = (("include_notes", QT_TRANSLATE_NOOP("ExportDialog", "Notes")),
           ("include_tags", QT_TRANSLATE_NOOP("ExportDialog", "Tags")),
           ("include_footnotes", QT_TRANSLATE_NOOP("ExportDialog", "Footnotes as endnotes")),
           ("include_citation", QT_TRANSLATE_NOOP("ExportDialog", "Citation line")))  # fmt: skip


def default_title() -> str:
    """The export's title when the user gives none, in the app's language."""
    return QCoreApplication.translate("ExportDialog", DEFAULT_TITLE)


# The save dialog's name of each format's files (before the patterns); translated by `file_filter`.
FILTER_NAMES = {
    "md": "Markdown",  # untranslated: a format name
    "html": "HTML",
    "pdf": "PDF",
    "csv": "CSV",
    "jsonld": QT_TRANSLATE_NOOP("ExportTexts", "W3C Web Annotation"),
}


def file_filter(fmt: str) -> str:
    """The save dialog's filter for a format: `HTML (*.html *.htm)`."""
    patterns = [SUFFIXES[fmt], *(suffix for suffix, alias_of in ALIASES.items() if alias_of == fmt)]
    name = QCoreApplication.translate("ExportTexts", FILTER_NAMES.get(fmt, fmt))
    return f"{name} ({' '.join('*' + p for p in patterns)})"


def all_files_filter() -> str:
    """The save dialog's last filter, for a name with another extension."""
    return QCoreApplication.translate("ExportTexts", "All files (*)")


def file_stem(title: str) -> str:
    """A file name from the title: `Annotated excerpts` → `annotated-excerpts`."""
    stem = re.sub(r"[^\w]+", "-", title.casefold()).strip("-")
    return stem[:80] or QCoreApplication.translate("ExportTexts", "excerpts")  # a file name


def as_bool(value: object, default: bool) -> bool:
    """QSettings gives back "true"/"false" strings from INI files."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return default


def target_note(name: str, fmt: str) -> str:
    """Before writing: the file `name` becomes when the format's extension is added, or ""."""
    if not name or format_of(name) == fmt:
        return ""
    written = target_path(Path(name), fmt).name
    suffix = Path(name).suffix
    if suffix:
        return QCoreApplication.translate("ExportTexts", "Will be saved as “{name}”: “{suffix}” is not an export "
                                                         "extension.").format(name=written, suffix=suffix)  # fmt: skip
    return QCoreApplication.translate("ExportTexts", "Will be saved as “{name}”.").format(name=written)


def added_note(name: str, fmt: str) -> str:
    """After writing: why the file's extension is not the one typed, or ""."""
    suffix = Path(name).suffix
    if not suffix or format_of(name) is not None:
        return ""
    return QCoreApplication.translate("ExportTexts", "“{suffix}” is not an export extension, so “{added}” was "
                                                     "added.").format(suffix=suffix, added=SUFFIXES[fmt])  # fmt: skip


class PreviewBrowser(SafeTextBrowser):
    """The rich preview: the reader's safe browser (no remote resources, no navigation)."""


def options_grid(checks: list[QCheckBox]) -> QWidget:
    """The option checkboxes, two per row."""
    widget = QWidget()
    grid = QGridLayout(widget)
    grid.setContentsMargins(0, 0, 0, 0)
    for i, check in enumerate(checks):
        grid.addWidget(check, i // 2, i % 2)
    return widget


def elide(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def scope_reasons(document_open: bool, documents_selected: bool, searched: bool,
                  annotations_selected: bool) -> dict[str, str]:  # fmt: skip
    """"" for a scope that applies, else why it does not (shown as its tooltip)."""
    reasons = {
        CURRENT: QCoreApplication.translate("ExportTexts", "No document is open in the reader."),
        DOCUMENTS: QCoreApplication.translate("ExportTexts", "No documents are selected in the library."),
        QUERY: QCoreApplication.translate("ExportTexts", "There is no current search."),
        ANNOTATIONS: QCoreApplication.translate("ExportTexts", "No annotations are selected."),
    }
    applies = {CURRENT: document_open, DOCUMENTS: documents_selected, TAG: True, QUERY: searched,
               ANNOTATIONS: annotations_selected, ALL: True}  # fmt: skip
    return {scope: "" if ok else reasons[scope] for scope, ok in applies.items()}
