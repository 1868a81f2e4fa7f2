"""Tag chips: layout with "+N", colours readable on light and dark palettes, painting in a real table."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from app.archive.folder import Archive
from app.library import tags
from ui.document_table_model import COLUMNS, TAGS_ROLE, DocumentTableModel
from ui.tags.chips import GAP, TagChipDelegate, layout_chips, tag_names
from ui.tags.colors import TagColors, _luminance, pastel, readable_text

pytestmark = pytest.mark.gui
TAGS_COLUMN = [key for _label, key in COLUMNS].index("tags")


def _width(name: str) -> int:
    return 10 * len(name)


def test_layout_fits_everything_when_there_is_room() -> None:
    assert layout_chips(["ab", "cde"], _width, 100).widths == (20, 30)
    assert layout_chips([], _width, 10).hidden == 0


def test_layout_summarises_what_does_not_fit() -> None:
    laid = layout_chips(["aaaa", "bbbb", "cccc", "dddd"], _width, 110)
    assert laid.widths == (40, 40) and laid.hidden == 2 and laid.more_width == _width("+2")
    assert sum(laid.widths) + GAP * 2 + laid.more_width <= 110


def test_layout_squeezes_the_first_chip_in_a_narrow_cell() -> None:
    laid = layout_chips(["a long tag name", "b"], _width, 60)
    assert laid.widths == (60 - _width("+1") - GAP,) and laid.hidden == 1


@pytest.mark.parametrize("dark", [False, True])
def test_pastels_are_stable_and_readable(dark: bool) -> None:
    a, b = pastel("country", dark), pastel("Country", dark)
    assert a == b and a != pastel("topic", dark)
    for name in ("country", "maps", "urgent", "x", "press release"):
        fill = pastel(name, dark)
        text = readable_text(fill)
        lighter, darker = sorted((_luminance(fill), _luminance(text)), reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5  # WCAG AA for text


def test_colours_come_from_the_tag_or_its_ancestor(tagged: Archive) -> None:
    tags.set_color(tagged, "country/Freedonia", "#aa0000")
    tags.tag_documents(tagged, [1], ["country/Freedonia/north"])
    colors = TagColors(tagged)
    assert colors.own_color("Country/freedonia/North") == QColor("#aa0000")
    assert colors.own_color("maps") is None
    palette = QPalette(QColor("#ffffff"))
    assert colors.chip("country/Freedonia", palette).text == QColor("#ffffff")  # white on dark red
    with_signal: list[int] = []
    colors.changed.connect(lambda: with_signal.append(1))
    tags.set_color(tagged, "maps", "#ffff00")
    colors.refresh()
    assert with_signal == [1] and colors.own_color("maps") == QColor("#ffff00")


def test_model_gives_tags_as_a_sequence(tagged: Archive, doc_ids: list[int]) -> None:
    model = DocumentTableModel(tagged)
    row = next(r for r in range(model.rowCount()) if model.document_id(r) == doc_ids[0])
    value = model.index(row, 0).data(TAGS_ROLE)
    assert isinstance(value, (list, tuple)) and {"maps", "mine-maps"} <= set(value)
    assert ", ".join(value) == model.index(row, TAGS_COLUMN).data()


def test_delegate_paints_chips_in_a_table(qtbot, tagged: Archive, doc_ids: list[int]) -> None:  # type: ignore[no-untyped-def]
    tags.set_color(tagged, "maps", "#ff00ff")  # a colour no style draws by itself
    model = DocumentTableModel(tagged)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    colors = TagColors(tagged)
    delegate = TagChipDelegate(colors, TAGS_ROLE, view)
    view.setItemDelegateForColumn(TAGS_COLUMN, delegate)
    view.resize(900, 300)
    view.setColumnWidth(TAGS_COLUMN, 220)
    view.show()
    qtbot.waitExposed(view)
    row = model.row_of(doc_ids[0])
    assert row is not None
    rect = view.visualRect(model.index(row, TAGS_COLUMN))
    image = view.viewport().grab(rect).toImage()
    pixels = {QColor(image.pixel(x, y)).name() for x in range(image.width()) for y in range(image.height())}
    assert "#ff00ff" in pixels  # the "maps" chip
    assert any(c != "#ff00ff" and QColor(c).hslSaturation() > 60 for c in pixels)  # the pastel "mine-maps" chip

    option = QStyleOptionViewItem()
    option.font = view.font()
    hint = delegate.sizeHint(option, model.index(row, TAGS_COLUMN))
    fm_height = view.fontMetrics().height()
    assert fm_height < hint.height() <= fm_height * 2 + 12
    assert view.fontMetrics().horizontalAdvance("maps mine-maps") < hint.width() < 400
    empty_row = model.row_of(doc_ids[5])
    assert delegate.sizeHint(option, model.index(empty_row, TAGS_COLUMN)).height() == hint.height()


def test_delegate_reads_display_text_without_a_role(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem("alpha, beta/gamma"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = TagChipDelegate(TagColors(), parent=view)
    view.setItemDelegate(delegate)
    view.show()
    qtbot.waitExposed(view)
    assert not view.grab().isNull()
    option = QStyleOptionViewItem()
    option.font = view.font()
    assert delegate.sizeHint(option, model.index(0, 0)).width() > view.fontMetrics().horizontalAdvance("alphabeta/gamma")
    assert tag_names(model.index(0, 0), None) == ["alpha", "beta/gamma"]


@pytest.mark.parametrize("dark", [False, True])
def test_colours_kept_by_a_rename_are_only_those_it_would_change(dark: bool) -> None:
    from ui.tags.colors import colors_kept_by_rename

    infos = [tags.TagInfo(name, color, 1, 0) for name, color in (
        ("maps", None), ("maps/old", None), ("Maps-extra", None), ("red", "#aa0000"), ("red/child", None),
        ("place", "#0000aa"))]
    assert colors_kept_by_rename(infos, "maps", "MAPS", dark) == {}  # a change of case keeps every hue
    assert colors_kept_by_rename(infos, "red", "crimson", dark) == {}  # an own colour goes with the tag
    kept = colors_kept_by_rename(infos, "maps", "atlas", dark)
    assert kept == {"atlas": pastel("maps", dark).name(), "atlas/old": pastel("maps/old", dark).name()}
    moved = colors_kept_by_rename(infos, "red/child", "place/child", dark)
    assert moved == {"place/child": "#aa0000"}  # it showed its old parent's red, not its new parent's blue
