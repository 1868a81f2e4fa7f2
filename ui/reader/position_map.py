"""Document.text offsets ⇄ QTextDocument positions.

The reader draws a header the text does not contain, drops the brackets of
`[N]` markers and turns blank lines into block breaks, so positions in the
QTextDocument drift from offsets in Document.text. Everything outside the
view (search hits, annotations, exports) speaks in text offsets; this map is
the one place that translates. Pure Python, so it is tested without Qt.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field


@dataclass(slots=True)
class PositionMap:
    """Runs of text copied verbatim: text[start:end] sits at positions pos..pos+(end-start)."""

    text_starts: list[int] = field(default_factory=list)
    text_ends: list[int] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    position_ends: list[int] = field(default_factory=list)

    def add(self, text_start: int, text_end: int, position: int) -> None:
        """Record a run; runs must come in increasing order of both offset and position."""
        if text_end <= text_start:
            return
        if (
            self.text_ends
            and self.text_ends[-1] == text_start
            and self.position_ends[-1] == position
        ):
            self.text_ends[-1] = text_end
            self.position_ends[-1] = position + text_end - text_start
            return
        self.text_starts.append(text_start)
        self.text_ends.append(text_end)
        self.positions.append(position)
        self.position_ends.append(position + text_end - text_start)

    def __bool__(self) -> bool:
        return bool(self.text_starts)

    def to_position(self, offset: int, *, end: bool = False) -> int:
        """Where a text offset is drawn; an offset in dropped text snaps forward (or back for an end)."""
        if not self.text_starts:
            return 0
        if end:
            i = bisect_left(self.text_starts, offset) - 1
            if i < 0:
                return self.positions[0]
            if offset <= self.text_ends[i]:
                return self.positions[i] + offset - self.text_starts[i]
            return self.position_ends[i]
        i = bisect_right(self.text_starts, offset) - 1
        if i >= 0 and offset < self.text_ends[i]:
            return self.positions[i] + offset - self.text_starts[i]
        if i + 1 < len(self.text_starts):
            return self.positions[i + 1]
        return self.position_ends[-1]

    def to_offset(self, position: int, *, end: bool = False) -> int:
        """The text offset of a drawn position; a position in the header or a gap snaps like to_position."""
        if not self.text_starts:
            return 0
        if end:
            i = bisect_left(self.positions, position) - 1
            if i < 0:
                return self.text_starts[0]
            if position <= self.position_ends[i]:
                return self.text_starts[i] + position - self.positions[i]
            return self.text_ends[i]
        i = bisect_right(self.positions, position) - 1
        if i >= 0 and position < self.position_ends[i]:
            return self.text_starts[i] + position - self.positions[i]
        if i + 1 < len(self.positions):
            return self.text_starts[i + 1]
        return self.text_ends[-1]
