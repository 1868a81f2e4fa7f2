"""Importing on the thread pool, with progress and Cancel in the status bar and a summary at the end.

The window stays usable while files are imported (thousands can take
minutes); only one import runs at a time. The summary lists what was skipped
and why, so nothing fails silently.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.archive.folder import Archive
from ui import plain_text
from ui.workers import GeneratorWorker, start

if TYPE_CHECKING:
    from app.importing.importer import ImportEvent, ImportSummary


class ProgressStrip(QWidget):
    """A label, a progress bar and a Cancel button: background work shown in the status bar."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = plain_text.plain(QLabel())
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the import; files already imported stay"))
        self.cancel_button.clicked.connect(self.cancelRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def begin(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.show()

    def step(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.label.setText(text)

    def end(self) -> None:
        self.hide()


class ImportTask(QObject):
    """One import at a time; emits `finished` with the summary, or `cancelled`."""

    finished = Signal(object)  # ImportSummary
    cancelled = Signal(int)  # files handled before the cancel took effect
    failed = Signal(str)
    progressed = Signal(int, int)

    def __init__(self, strip: ProgressStrip, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.strip = strip
        self.worker: GeneratorWorker | None = None
        self.done = 0
        self.summary: ImportSummary | None = None  # the running import's, filled by the worker thread
        self._cancelling = False
        strip.cancelRequested.connect(self.cancel)

    @property
    def running(self) -> bool:
        return self.worker is not None

    def start(self, archive: Archive, paths: list[Path], pool: QThreadPool | None = None) -> bool:
        if self.worker is not None:
            return False
        from app.importing.importer import (  # the parser and readers load with the first import
            ImportSummary,
            import_paths,
        )

        self.done = 0
        self._cancelling = False
        self.summary = summary = ImportSummary()  # read here only once the worker has ended
        self.strip.begin(self.tr("Importing %Ln item(s)…", "", len(paths)))
        worker = GeneratorWorker(lambda: import_paths(archive, paths, summary=summary))
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        worker.signals.cancelled.connect(self._on_cancelled)
        self.worker = start(worker, pool)
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self._cancelling = True
            self.strip.cancel_button.setEnabled(False)
            self.strip.label.setText(self.tr("Cancelling…"))
            self.worker.cancel()

    def _on_progress(self, event: ImportEvent) -> None:
        self.done = event.done
        locale = QLocale()
        name = event.path.name if len(event.path.name) <= 40 else event.path.name[:39] + "…"
        text = self.tr("Importing {done}/{total}: {name}").format(
            done=locale.toString(event.done), total=locale.toString(event.total), name=name)
        # after Cancel, the files of the batch under way still arrive: the label keeps saying it is stopping
        self.strip.step(event.done, event.total, self.tr("Cancelling…") if self._cancelling else text)
        self.progressed.emit(event.done, event.total)

    def _finish(self) -> None:
        self.worker = None
        self.strip.end()

    def _on_finished(self, summary: ImportSummary) -> None:
        self._finish()
        self.finished.emit(summary)

    def _on_cancelled(self) -> None:
        """The files handled before the cancel took effect: the batch under way when the user
        cancelled is kept too, so this can be more than the progress bar showed."""
        self._finish()
        self.cancelled.emit(self.summary.handled if self.summary is not None else self.done)

    def _on_failed(self, message: str) -> None:
        self._finish()
        self.failed.emit(message)

    @staticmethod
    def summary_line(summary: ImportSummary) -> str:
        """What an import did, in one line (see summary_text)."""
        imported, updated, skipped, in_part = (len(summary.imported), len(summary.updated), len(summary.failed),
                                               len(summary.notices))  # fmt: skip
        parts = [ImportTask.tr("%Ln imported", "", imported), ImportTask.tr("%Ln updated", "", updated)]
        same = len(summary.unchanged) + len(summary.duplicates)
        if same:
            parts.append(ImportTask.tr("%Ln already in the archive", "", same))
        if skipped:
            parts.append(ImportTask.tr("%Ln skipped", "", skipped))
        if in_part:
            parts.append(ImportTask.tr("%Ln only in part", "", in_part))
        return ", ".join(parts) + "."


def summary_text(summary: ImportSummary) -> str:
    """One line, e.g. "3 imported, 0 updated, 1 skipped." (each count worded in the app's language)."""
    return ImportTask.summary_line(summary)


class ImportSummaryDialog(QDialog):
    """What an import did, with every skipped file and the reason."""

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None, *, titles: dict[int, str] | None = None,
                 cancelled: bool = False) -> None:  # fmt: skip
        """`titles` name the documents that duplicates match (the library shows no ids)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import cancelled") if cancelled else self.tr("Import finished"))
        layout = QVBoxLayout(self)
        self.headline = plain_text.plain(QLabel(), summary_text(summary))
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        skipped = self.tr("Skipped: {path}\n    {reason}")
        in_part = self.tr("Imported in part: {path}\n    {notice}")
        duplicate = self.tr("Already in the archive: {path} (same content as document {id})")
        same_as = self.tr("Already in the archive: {path} (same content as “{title}”)")
        titles = titles or {}
        lines = [skipped.format(path=p, reason=reason) for p, reason in summary.failed]
        lines += [in_part.format(path=p, notice=notice) for p, notice in summary.notices]
        lines += [same_as.format(path=p, title=titles[i]) if i in titles else duplicate.format(path=p, id=i)
                  for p, i in summary.duplicates]  # fmt: skip
        self.details = QPlainTextEdit("\n".join(lines))
        self.details.setReadOnly(True)
        self.details.setVisible(bool(lines))
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(560, 320 if lines else 120)
