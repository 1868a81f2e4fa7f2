"""Tagging in the GUI: chips in tables (`chips`, `colors`), tagging selected documents
(`documents_dialog`), the tag manager (`manager_dialog`, `tree_model`), undo commands (`commands`).

Nothing is imported here: the dialogs load with their first use, not with the main window."""
