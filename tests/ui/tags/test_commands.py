"""Undo commands on a QUndoStack: each undo gives back exactly the names, links and counts, each redo redoes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from app.archive.folder import Archive
from app.errors import DossierError
from app.library import tags
from tests.ui.tags.conftest import doc_tags, tag_state
from ui.tags.commands import (
    DeleteTagCommand,
    MergeTagCommand,
    RenameTagCommand,
    SetTagColorCommand,
    TagCommand,
    TagDocumentsCommand,
    UntagDocumentsCommand,
)


def _round_trip(archive: Archive, doc_ids: list[int], stack: QUndoStack, command: TagCommand) -> list[str]:
    """Apply, undo, redo, undo; returns what the refresh callback saw."""
    before = (tag_state(archive), doc_tags(archive, doc_ids))
    command.apply(stack)
    after = (tag_state(archive), doc_tags(archive, doc_ids))
    assert after != before and stack.count() == 1 and stack.undoText() == command.text()
    stack.undo()
    assert (tag_state(archive), doc_tags(archive, doc_ids)) == before
    stack.redo()
    assert (tag_state(archive), doc_tags(archive, doc_ids)) == after
    stack.undo()
    assert (tag_state(archive), doc_tags(archive, doc_ids)) == before
    return after  # type: ignore[return-value]


@pytest.mark.parametrize("make", [
    lambda a, d, r: TagDocumentsCommand(a, d[2:4], ["maps", "brand new/level"], r),
    lambda a, d, r: UntagDocumentsCommand(a, d[:3], ["maps", "country/Freedonia"], r),
    lambda a, d, r: RenameTagCommand(a, "country", "Place", r),
    lambda a, d, r: RenameTagCommand(a, "maps", "MAPS", r),  # a change of case only
    lambda a, d, r: RenameTagCommand(a, "country", "place", r, keep_colors={"place/Freedonia": "#123456"}),
    lambda a, d, r: MergeTagCommand(a, "maps", "mine-maps", r),
    lambda a, d, r: MergeTagCommand(a, "mine-maps", "country/Freedonia", r),
    lambda a, d, r: DeleteTagCommand(a, "maps", r),
    lambda a, d, r: SetTagColorCommand(a, "maps", "#123456", r),
], ids=["tag", "untag", "rename-level", "rename-case", "rename-keeping-colours", "merge", "merge-into-child", "delete", "colour"])
def test_undo_and_redo_restore_exactly(tagged: Archive, doc_ids: list[int], stack: QUndoStack, make) -> None:  # type: ignore[no-untyped-def]
    refreshed: list[int] = []
    command = make(tagged, doc_ids, lambda: refreshed.append(1))
    _round_trip(tagged, doc_ids, stack, command)
    assert refreshed == [1, 1, 1]  # undo, redo, undo: not the first apply (its caller refreshes)


def test_undo_of_delete_restores_annotation_links_and_search(tagged: Archive, doc_ids: list[int],  # type: ignore[no-untyped-def]
                                                             stack: QUndoStack) -> None:
    from app.annotating import annotations
    from app.search import service as search

    DeleteTagCommand(tagged, "maps").apply(stack)
    assert search.search(tagged, "tag:maps").total == 0
    stack.undo()
    assert search.search(tagged, "tag:maps").total == 2
    assert [a.tags for a in annotations.list_annotations(tagged)] == [("maps",)]


def test_a_refused_change_never_reaches_the_stack(tagged: Archive, stack: QUndoStack) -> None:
    with pytest.raises(DossierError, match="already exists"):
        RenameTagCommand(tagged, "maps", "mine-maps").apply(stack)
    assert stack.count() == 0


def test_a_replay_the_archive_refuses_drops_the_command(tagged: Archive, stack: QUndoStack) -> None:
    errors: list[str] = []
    RenameTagCommand(tagged, "maps", "atlas", on_error=errors.append).apply(stack)
    tags.tag_documents(tagged, [1], ["maps"])  # outside the stack: "maps" is taken again
    stack.undo()
    assert errors and "already exists" in errors[0]
    assert stack.count() == 0  # obsolete, dropped
    assert "atlas" in tag_state(tagged)


def test_without_a_stack_apply_just_applies(tagged: Archive) -> None:
    change = DeleteTagCommand(tagged, "maps").apply(None)
    assert (change.documents, change.annotations) == (2, 1) and "maps" not in tag_state(tagged)


def test_a_rename_writes_down_the_colours_it_would_change(tagged: Archive, stack: QUndoStack) -> None:
    from ui.tags.colors import colors_kept_by_rename

    tags.tag_documents(tagged, [1], ["maps/old", "atlas"])
    tags.set_color(tagged, "atlas", "#00aa00")
    keep = colors_kept_by_rename(tags.list_tags(tagged), "maps", "atlas/maps", dark=False)
    # under a coloured tag both would take its green; "maps/old" has its own hue, not its parent's
    assert set(keep) == {"atlas/maps", "atlas/maps/old"} and "#00aa00" not in keep.values()
    RenameTagCommand(tagged, "maps", "atlas/maps", keep_colors=keep).apply(stack)
    assert {n: tag_state(tagged)[n][0] for n in keep} == keep
    stack.undo()
    assert tag_state(tagged)["maps"][0] is None and tag_state(tagged)["maps/old"][0] is None
