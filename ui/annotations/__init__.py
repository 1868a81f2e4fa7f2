"""Annotating in the reader: the controller, the editor popover, the Annotations panel, undo commands, and how
notes are shown in widgets (`note_view`: rendered from their one Markdown reading, never as raw text)."""

from ui.annotations.commands import (
    AnnotationValues,
    CreateAnnotationCommand,
    DeleteAnnotationCommand,
    EditAnnotationCommand,
    ReanchorAnnotationCommand,
)
from ui.annotations.controller import AnnotationController
from ui.annotations.editor import AnnotationEditor
from ui.annotations.list_model import AnnotationListModel
from ui.annotations.panel import AnnotationsPanel

__all__ = [
    "AnnotationController",
    "AnnotationEditor",
    "AnnotationListModel",
    "AnnotationValues",
    "AnnotationsPanel",
    "CreateAnnotationCommand",
    "DeleteAnnotationCommand",
    "EditAnnotationCommand",
    "ReanchorAnnotationCommand",
]
