"""The export dialog's background work: counting scopes, building previews, writing the file.

Counting a search scope runs the query and a preview of many excerpts renders
a lot of text, so both happen on a worker thread; every request carries a
serial number and the dialog drops answers that a newer request overtook.
Writing the file is a progress generator driven by `ui.workers.GeneratorWorker`;
it goes only to a name whose extension is the format's (`target_path`), so one
format's bytes never land under another format's extension.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QRunnable, Signal

from app.archive.folder import Archive
from app.errors import DossierError
from app.export import excerpts
from app.export import files as export
from app.export.excerpt_model import COLORS, ExportOptions, ExportWords
from app.export.excerpts import Selection
from ui.annotations.colors import color_name
from ui.search_results_model import readable_date

log = logging.getLogger(__name__)

PREVIEW_LIMIT = 30  # excerpts rendered in the preview; the file always holds them all
ALIASES = {".htm": "html", ".markdown": "md", ".json": "jsonld"}  # other extensions a format is saved under
_FORMAT_OF_SUFFIX = {**{suffix: fmt for fmt, suffix in export.SUFFIXES.items()}, **ALIASES}
# What the format menu shows (app.export.files.LABELS is the CLI's English); translated by `format_label`.
FORMAT_LABELS = {
    "md": "Markdown",  # untranslated: a format name
    "html": QT_TRANSLATE_NOOP("ExportJob", "HTML (one self-contained file)"),
    "pdf": "PDF",  # untranslated: a format name
    "csv": QT_TRANSLATE_NOOP("ExportJob", "CSV (one row per excerpt)"),
    "jsonld": QT_TRANSLATE_NOOP("ExportJob", "W3C Web Annotation (JSON-LD)"),
}


def format_label(fmt: str) -> str:
    """The format's name for the user: `Markdown`, `HTML (one self-contained file)` …, in the app's language."""
    return QCoreApplication.translate("ExportJob", FORMAT_LABELS.get(fmt, fmt))


def format_of(name: str | Path) -> str | None:
    """The export format a file name's extension stands for (case ignored), else None."""
    return _FORMAT_OF_SUFFIX.get(Path(name).suffix.casefold())


def with_format(name: str, fmt: str) -> str:
    """`name` renamed for `fmt` when its extension is another format's or missing; any other is kept."""
    if not name.strip():
        return name
    named = format_of(name)
    if named == fmt:
        return name
    suffix = Path(name).suffix
    if named is not None:
        return name[: len(name) - len(suffix)] + export.SUFFIXES[fmt]
    return name if suffix else name.rstrip(".") + export.SUFFIXES[fmt]


def target_path(path: Path, fmt: str) -> Path:
    """The file a `fmt` export named `path` is written to: `path`, or `path` with the format's extension added."""
    if format_of(path) == fmt:
        return path
    return path.with_name(path.name.rstrip(".") + export.SUFFIXES[fmt])


@dataclass(frozen=True, slots=True)
class PreviewText:
    text: str
    shown: int  # excerpts in the preview
    total: int  # excerpts the export would write


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    """What a write ended with: the file, or the user-readable reason it was not written."""

    path: Path | None
    count: int = 0
    error: str = ""
    warnings: tuple[str, ...] = ()  # written, but not quite as asked (a PDF without a font for some characters)


class ExportJob(QObject):
    """The texts with a count: pyside6-lupdate reads plural forms only from `self.tr` in a QObject (the other
    texts here use `QCoreApplication.translate` in this class's context). Not to be subclassed: `self.tr`
    takes its context from the runtime class."""

    def collecting(self, n: int) -> str:
        return self.tr("Collecting %Ln excerpt(s)…", "", n)

    def words(self) -> ExportWords:
        """What the exported file says around the excerpts, in the app's language (the CLI writes English)."""
        return ExportWords(
            selection=self.tr("Selection: {description}"),
            orphaned=self.tr("Orphaned: text no longer found in the document; the quote is what was marked."),
            note=self.tr("Note"),
            highlight=self.tr("Highlight: {color}"),
            tags=self.tr("Tags: {tags}"),
            endnotes=self.tr("Endnotes"),
            undated=self.tr("undated"),
            colors={key: color_name(key) for key in COLORS},
            summary=self.summary,
            date=readable_date,
        )

    def summary(self, exported: str, n_excerpts: int, n_documents: int) -> str:
        return self.tr("Exported {time} · {excerpts} from {documents}").format(
            time=exported, excerpts=self.tr("%Ln excerpt(s)", "", n_excerpts),
            documents=self.tr("%Ln document(s)", "", n_documents))  # fmt: skip


_TEXTS = ExportJob()


def count_scopes(archive: Archive, selections: Mapping[str, Selection]) -> dict[str, list[int]]:
    """The annotation ids each scope would export, in export order."""
    return {scope: excerpts.select_annotation_ids(archive, selection) for scope, selection in selections.items()}


def make_preview(
    archive: Archive, ids: Sequence[int], fmt: str, options: ExportOptions, title: str, description: str,
    limit: int | None = None,
) -> PreviewText:
    shown = list(ids[: limit or PREVIEW_LIMIT])
    excerpt_set = excerpts.build(archive, shown, options=options, title=title, description=description,
                                 words=_TEXTS.words())
    return PreviewText(export.preview(excerpt_set, fmt), len(shown), len(ids))


def write_steps(
    archive: Archive, ids: Sequence[int], fmt: str, options: ExportOptions, title: str, description: str,
    path: Path, *, force: bool,
) -> Generator[str, None, ExportOutcome]:
    """Build the excerpts and write the file atomically; user errors come back as the outcome's message."""
    if target_path(path, fmt) != path:
        error = QCoreApplication.translate("ExportJob", "Not exported: “{name}” does not end in {suffix}, "
                                                        "the extension of {format}.")  # fmt: skip
        return ExportOutcome(None, error=error.format(name=path.name, suffix=export.SUFFIXES[fmt],
                                                      format=format_label(fmt)))  # fmt: skip
    try:
        yield _TEXTS.collecting(len(ids))
        excerpt_set = excerpts.build(archive, ids, options=options, title=title, description=description,
                                     words=_TEXTS.words())
        yield QCoreApplication.translate("ExportJob", "Writing {name}…").format(name=path.name)
        warnings: list[str] = []
        written = export.write_export(excerpt_set, fmt, path, force=force, warnings=warnings)
    except DossierError as e:
        return ExportOutcome(None, error=str(e))
    return ExportOutcome(written, len(excerpt_set.excerpts), warnings=tuple(warnings))


class CallSignals(QObject):
    done = Signal(int, object)  # serial, the function's result (never None)
    failed = Signal(int, str)  # serial, a one-line message for the user


class BackgroundCall(QRunnable):
    """Runs `function()` on a pool thread and reports its result by serial number."""

    def __init__(self, serial: int, function: Callable[[], Any], is_current: Callable[[int], bool]) -> None:
        super().__init__()
        self.serial = serial
        self._function = function
        self._is_current = is_current
        self.signals = CallSignals()

    def run(self) -> None:
        if not self._is_current(self.serial):
            return
        try:
            result = self._function()
        except DossierError as e:
            self.signals.failed.emit(self.serial, str(e))
            return
        except Exception as e:  # a bug: logged in full, the user sees one line
            log.exception("export dialog background work failed")
            message = QCoreApplication.translate("ExportJob", "Something went wrong: {error}")
            self.signals.failed.emit(self.serial, message.format(error=e or type(e).__name__))
            return
        self.signals.done.emit(self.serial, result)


class Serials:
    """The newest request of each kind, read by pool threads (a plain object, never a widget)."""

    def __init__(self) -> None:
        self.latest: dict[str, int] = {}
        self._next = 0

    def new(self, kind: str) -> int:
        self._next += 1
        self.latest[kind] = self._next
        return self._next

    def checker(self, kind: str) -> Callable[[int], bool]:
        return lambda serial: self.latest.get(kind) == serial
