"""Offsets ⇄ positions across dropped brackets, block breaks and a header."""

from __future__ import annotations

from ui.reader.position_map import PositionMap


def make() -> PositionMap:
    # text:  "Policy\n\nSaid so.[1] More."   header of 10 positions, brackets dropped
    m = PositionMap()
    m.add(0, 6, 10)  # "Policy" at 10..16, then a block break at 16
    m.add(8, 16, 17)  # "Said so." at 17..25
    m.add(17, 18, 25)  # "1" (brackets at 16 and 18 dropped) at 25
    m.add(19, 24, 26)  # " More" at 26..31
    return m


def test_runs_merge_when_contiguous() -> None:
    m = PositionMap()
    m.add(0, 3, 5)
    m.add(3, 6, 8)
    m.add(6, 6, 11)  # empty runs are ignored
    assert m.text_starts == [0] and m.text_ends == [6]


def test_offsets_inside_runs_round_trip() -> None:
    m = make()
    for offset in [0, 5, 8, 12, 17, 19, 23]:
        assert m.to_offset(m.to_position(offset)) == offset


def test_dropped_text_snaps_forward_for_starts_and_back_for_ends() -> None:
    m = make()
    assert m.to_position(16) == 25  # "[" → the marker digit
    assert m.to_position(16, end=True) == 25  # end of "Said so."
    assert m.to_position(18, end=True) == 26  # after the digit
    assert m.to_position(7) == 17  # the blank line → next paragraph
    assert m.to_position(7, end=True) == 16


def test_positions_outside_the_text_snap() -> None:
    m = make()
    assert m.to_offset(0) == 0  # the header maps to the start of the text
    assert m.to_offset(3, end=True) == 0
    assert m.to_offset(16) == 8  # the block break → next paragraph
    assert m.to_offset(16, end=True) == 6
    assert m.to_offset(99) == 24 and m.to_offset(99, end=True) == 24


def test_empty_map() -> None:
    m = PositionMap()
    assert not m and m.to_position(5) == 0 and m.to_offset(5) == 0
