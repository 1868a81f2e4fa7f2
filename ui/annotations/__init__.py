"""Annotating in the reader: the controller, the editor popover, the Annotations panel and undo commands."""

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
