"""The main window (minimal for now): the archive's documents in a sortable table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QStackedWidget, QTableView

from app.archive import Archive
from ui.document_table_model import DocumentTableModel

EMPTY_TEXT = (
    "<h2>This archive is empty</h2>"
    "<p>Import reports from the command line:<br>"
    "<code>python main.py import PATH…</code></p>"
)


class MainWindow(QMainWindow):
    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.setWindowTitle(f"Dossier — {archive.name}")
        self.model = DocumentTableModel(archive, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.setCentralWidget(self.stack)
        self.resize(1100, 700)
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        self.stack.setCurrentWidget(self.table if self.model.total else self.empty)
        self.statusBar().showMessage(f"{self.archive.folder}  ·  {self.model.total} documents")
