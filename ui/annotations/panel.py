"""The Annotations dock: the open document's annotations, orphans apart, with Edit, Delete and Re-anchor.

It only shows and asks: the AnnotationController fills it and acts on its signals.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.annotating.annotations import AnnotationInfo
from ui.annotations.delegate import AnnotationDelegate
from ui.annotations.list_model import AnnotationListModel

EMPTY_TEXT = QT_TRANSLATE_NOOP("AnnotationsPanel", "No annotations yet — select text and press Ctrl+Shift+H")
NO_DOCUMENT_TEXT = QT_TRANSLATE_NOOP("AnnotationsPanel", "No document open")


class AnnotationsPanel(QWidget):
    annotationChosen = Signal(object)  # AnnotationInfo clicked or moved to: show it in the reader
    editRequested = Signal(int)  # annotation id (Edit, Enter, double-click)
    deleteRequested = Signal(int)  # annotation id (Delete button or key)
    currentChanged = Signal(object)  # AnnotationInfo or None: the selected row changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsPanel")
        self.model = AnnotationListModel(self)
        self.list = QListView()
        self.list.setObjectName("annotationList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(AnnotationDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setMouseTracking(True)
        self.empty = QLabel(QCoreApplication.translate("AnnotationsPanel", NO_DOCUMENT_TEXT))
        self.empty.setObjectName("annotationsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setMargin(16)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.list)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the selected annotation (Enter)"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected annotation (Delete); Ctrl+Z brings it back"))
        self.reanchor_button = QToolButton()
        self.reanchor_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.reanchor_button.hide()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 4, 6, 6)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reanchor_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._restoring = False
        self.edit_button.clicked.connect(self._edit_current)
        self.delete_button.clicked.connect(self._delete_current)
        self.list.clicked.connect(self._on_clicked)
        self.list.activated.connect(lambda _index: self._edit_current())
        self.list.selectionModel().selectionChanged.connect(self._on_selection_changed)
        delete = QAction(self.tr("Delete Annotation"), self.list)
        delete.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence(Qt.Key.Key_Backspace)])
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._delete_current)
        self.list.addAction(delete)
        self._update_buttons()

    def set_reanchor_action(self, action: QAction) -> None:
        """Show "Re-anchor here" as a button under the list (used when orphans are listed)."""
        self.reanchor_button.setDefaultAction(action)

    def set_annotations(self, items: Sequence[AnnotationInfo], tag_colors: dict[str, str | None] | None = None,
                        *, has_document: bool = True) -> None:
        """Replace the list, keeping the selected annotation selected when it is still there."""
        keep = self.current_annotation()
        self._restoring = True
        try:
            self.model.set_annotations(items, tag_colors)
            if keep is not None:
                self.select_annotation(keep.id)
        finally:
            self._restoring = False
        empty = EMPTY_TEXT if has_document else NO_DOCUMENT_TEXT
        self.empty.setText(QCoreApplication.translate("AnnotationsPanel", empty))
        self.stack.setCurrentWidget(self.list if self.model.rowCount() else self.empty)
        self.reanchor_button.setVisible(self.model.orphan_count() > 0)
        self._update_buttons()
        self.currentChanged.emit(self.current_annotation())

    def current_annotation(self) -> AnnotationInfo | None:
        selected = self.list.selectionModel().selectedIndexes()
        return self.model.annotation_at(selected[0].row()) if selected else None

    def select_annotation(self, annotation_id: int) -> bool:
        row = self.model.row_of(annotation_id)
        if row is None:
            return False
        index = self.model.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        return True

    def _on_clicked(self, index: QModelIndex) -> None:
        info = self.model.annotation_at(index.row())
        if info is not None:
            self.annotationChosen.emit(info)

    def _on_selection_changed(self) -> None:
        self._update_buttons()
        if not self._restoring:
            self.currentChanged.emit(self.current_annotation())

    def _edit_current(self) -> None:
        info = self.current_annotation()
        if info is not None:
            self.editRequested.emit(info.id)

    def _delete_current(self) -> None:
        info = self.current_annotation()
        if info is not None:
            self.deleteRequested.emit(info.id)

    def _update_buttons(self) -> None:
        has = self.current_annotation() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
