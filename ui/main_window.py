"""The main window (minimal for now): the archive's documents in a sortable table.

On an empty archive it shows an empty state that offers the bundled sample
documents, imported on a worker with a progress dialog that can be cancelled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.archive import Archive
from app.importer import ImportEvent, ImportSummary, import_paths
from app.paths import sample_files
from ui.document_table_model import DocumentTableModel
from ui.workers import GeneratorWorker, start

EMPTY_TEXT = (
    "<h2>This archive is empty</h2>"
    "<p>Start with the bundled sample reports, or import your own from the command line:<br>"
    "<code>python main.py import PATH…</code></p>"
)


class MainWindow(QMainWindow):
    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.worker: GeneratorWorker | None = None
        self.setWindowTitle(f"Dossier — {archive.name}")
        self.model = DocumentTableModel(archive, self)
        self.table = self._make_table()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self._make_empty_state())
        self.setCentralWidget(self.stack)
        self.resize(1100, 700)
        self.refresh()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _make_empty_state(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch()
        label = QLabel(EMPTY_TEXT)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(label)
        self.samples_button = QPushButton("Import the sample reports")
        self.samples_button.setEnabled(bool(sample_files()))
        self.samples_button.clicked.connect(self.import_samples)
        layout.addWidget(self.samples_button, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addStretch()
        return page

    def refresh(self) -> None:
        self.model.reload()
        self.stack.setCurrentIndex(0 if self.model.total else 1)
        self.statusBar().showMessage(f"{self.archive.folder}  ·  {self.model.total} documents")

    def import_samples(self) -> None:
        self.start_import(sample_files())

    def start_import(self, paths: list[Path]) -> None:
        """Import on the thread pool with a cancellable progress dialog."""
        dialog = QProgressDialog("Importing…", "Cancel", 0, 0, self)
        dialog.setWindowTitle("Import")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        worker = GeneratorWorker(lambda: import_paths(self.archive, paths))

        def on_progress(event: ImportEvent) -> None:
            dialog.setMaximum(event.total)
            dialog.setValue(event.done)
            dialog.setLabelText(f"Importing {event.path.name}")

        def on_finished(summary: ImportSummary) -> None:
            dialog.reset()
            self.refresh()
            if summary.failed:
                lines = "\n".join(f"{p.name}: {reason}" for p, reason in summary.failed[:20])
                QMessageBox.warning(self, "Import", f"{len(summary.failed)} files were skipped:\n\n{lines}")

        def on_failed(message: str) -> None:
            dialog.reset()
            self.refresh()
            QMessageBox.critical(self, "Import", f"The import stopped: {message}")

        worker.signals.progress.connect(on_progress)
        worker.signals.finished.connect(on_finished)
        worker.signals.failed.connect(on_failed)
        worker.signals.cancelled.connect(lambda: (dialog.reset(), self.refresh()))
        dialog.canceled.connect(worker.cancel)
        self.worker = start(worker)
