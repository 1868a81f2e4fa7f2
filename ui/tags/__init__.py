"""Tagging in the GUI: chips in tables, tagging selected documents, the tag manager, undo commands."""

from ui.tags.chips import TagChipDelegate
from ui.tags.colors import TagColors
from ui.tags.commands import (
    DeleteTagCommand,
    MergeTagCommand,
    RenameTagCommand,
    SetTagColorCommand,
    TagCommand,
    TagDocumentsCommand,
    UntagDocumentsCommand,
)
from ui.tags.completer import TagListCompleter
from ui.tags.documents_dialog import TagDocumentsDialog
from ui.tags.manager_dialog import TagManagerDialog
from ui.tags.tree_model import TagTreeModel

__all__ = [
    "DeleteTagCommand",
    "MergeTagCommand",
    "RenameTagCommand",
    "SetTagColorCommand",
    "TagChipDelegate",
    "TagColors",
    "TagCommand",
    "TagDocumentsCommand",
    "TagDocumentsDialog",
    "TagListCompleter",
    "TagManagerDialog",
    "TagTreeModel",
    "UntagDocumentsCommand",
]
