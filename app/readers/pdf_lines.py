"""The text of a PDF page as lines of runs that know where they sit and how large they are.

The layout analysis (`pdf_layout`) needs, for every piece of text, its
position, its size and where it ends: a raised, smaller "1" after a word is
a footnote marker, smaller lines at the page foot are notes. pypdf's
plain-mode visitor reports whole runs with the size at their start, so when
the size is set through the text matrix (as Word does) a raised marker and
the words after it arrive as one piece. pypdf's layout mode computes the
state of every string a text operator shows (position, effective size, end);
those states are read here. Should a later pypdf move those internals, the
plain visitor is used instead: coarser, but reading goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdf
from pypdf import PageObject
from pypdf.errors import LimitReachedError
from pypdf.generic import ArrayObject, DictionaryObject

# The only module that touches pypdf's private internals; they are used with the release they
# were read against, and any other pypdf falls back to the public visitor.
TESTED_PYPDF = "7.1."
try:
    from pypdf._text_extraction._layout_mode._fixed_width_page import recurse_to_target_op, set_font_operation
    from pypdf._text_extraction._layout_mode._text_state_manager import TextStateManager
    from pypdf._text_extraction._layout_mode._text_state_params import TextStateParams
    from pypdf.generic._font import Font
except ImportError:  # pragma: no cover - depends on the installed pypdf
    recurse_to_target_op = None
if not pypdf.__version__.startswith(TESTED_PYPDF):  # pragma: no cover - depends on the installed pypdf
    recurse_to_target_op = None
INTERNALS_IN_USE = recurse_to_target_op is not None

_SAME_LINE = 0.5  # of the larger size: baselines closer than this share a line
_SPACE_GAP = 0.15  # of the size: a horizontal gap wider than this is a word space
_RAISED = 0.15  # of the line's size: a smaller run this far above the baseline is raised
_CELL_GAP = 3.0  # of the line's size: a gap this wide inside a line separates table cells
_MOVES = frozenset((b"Td", b"TD", b"Tm", b"T*", b"'", b'"', b"ET", b"Q", b"q", b"cm"))


@dataclass(slots=True)
class Run:
    """A piece of text drawn in one go: left and right edge, baseline (growing upwards), size."""

    text: str
    x0: float
    x1: float
    y: float
    size: float


@dataclass(slots=True)
class Line:
    """Runs on one baseline; `text` joins them, `raised` holds the spans of raised runs in it.

    `runs` is emptied once the page's lines are made: a long document keeps only its lines.
    """

    page: int
    runs: list[Run]
    x0: float = 0.0
    x1: float = 0.0
    y: float = 0.0
    size: float = 0.0
    text: str = ""
    raised: list[tuple[int, int]] = field(default_factory=list)
    tabular: bool = False  # has a gap as wide as a table's between columns


MAX_FONT_ENTRIES = 1_000_000  # widths and character mappings read from one document's fonts


class FontCache:
    """The fonts read on a document's pages, each once: pages share them, and reading one (its widths and
    character map) is costly. Only the fonts a page's text selects are read, and a document's fonts hold
    at most MAX_FONT_ENTRIES entries in all: fifty fonts of 65,000 mappings each, in a 12 KB file, took a
    gigabyte. Past the budget a page needing a font not yet read raises LimitReachedError (it is skipped)."""

    def __init__(self) -> None:
        self._read: dict[int, tuple[DictionaryObject, Any]] = {}  # the dict kept, so that ids stay unique
        self.entries = 0

    def font(self, resource: DictionaryObject) -> Any:
        found = self._read.get(id(resource))
        if found is None:
            if self.entries > MAX_FONT_ENTRIES:
                raise LimitReachedError(f"fonts hold more than {MAX_FONT_ENTRIES:,} entries")
            parsed = Font.from_font_resource(resource)
            self.entries += len(parsed.character_map) + len(parsed.character_widths)
            found = self._read[id(resource)] = (resource, parsed)
        return found[1]


def page_runs(page: PageObject, ops: list[tuple[Any, bytes]] | None, fonts_seen: FontCache) -> list[Run]:
    """The page's runs in drawing order, from the parsed content stream `ops`."""
    if recurse_to_target_op is None or ops is None:
        return visitor_runs(page)
    fonts = _page_fonts(page, fonts_seen, {operands[0] for operands, operator in ops if operator == b"Tf" and operands})
    states: list[Any] = []
    manager = _Manager()
    stream = _moving_pen(ops, manager)
    for operands, operator in stream:
        if operator in (b"BT", b"q"):
            end = b"ET" if operator == b"BT" else b"Q"
            states.extend(recurse_to_target_op(stream, manager, end, fonts, True)[1])
        elif operator == b"Tf":
            set_font_operation(manager, fonts, operands)
        else:
            manager.set_state_param(operator, operands)
    return [Run(s.text, s.tx, s.displaced_tx, -s.ty if s.flip_vertical else s.ty, s.font_height)
            for s in states if s.text and not s.rotated and s.font.interpretable]


class _Manager(TextStateManager if recurse_to_target_op is not None else object):  # type: ignore[misc]
    """pypdf's text state manager, with the moves inside a TJ array folded into one matrix.

    pypdf stacks one matrix per number in a TJ array and multiplies the whole
    stack for every string shown, which makes a line set glyph by glyph (as
    Word justifies) cost the square of its length; one folded matrix is the
    same product.
    """

    def add_trm(self, operands: list[float]) -> Any:
        top = self.transform_stack.maps[0]
        if not top["is_render"]:
            return super().add_trm(operands)
        m = self._complete_matrix(operands)
        self.transform_stack.maps[0] = self.new_transform(
            m[0] * top[0] + m[1] * top[2], m[0] * top[1] + m[1] * top[3],
            m[2] * top[0] + m[3] * top[2], m[2] * top[1] + m[3] * top[3],
            m[4] * top[0] + m[5] * top[2] + top[4], m[4] * top[1] + m[5] * top[3] + top[5],
            is_text=True, is_render=True)
        return self.transform_stack


def _page_fonts(page: PageObject, seen: FontCache, used: set[Any]) -> dict[str, Any]:
    """The `used` fonts among those the page's resources name (inherited ones too)."""
    fonts: dict[str, Any] = {}
    node: Any = page
    visited: set[int] = set()
    while isinstance(node, DictionaryObject) and id(node) not in visited:
        visited.add(id(node))
        resources = node.get("/Resources")
        resources = resources.get_object() if resources is not None else None
        table = resources.get("/Font") if isinstance(resources, DictionaryObject) else None
        table = table.get_object() if table is not None else None
        if isinstance(table, DictionaryObject):
            for name in table:
                if name in fonts or name not in used:
                    continue
                font = table[name].get_object()
                if isinstance(font, DictionaryObject):
                    fonts[name] = seen.font(font)
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return fonts


def _moving_pen(ops: list[tuple[Any, bytes]], manager: Any) -> Iterator[tuple[Any, bytes]]:
    """The operators, with three fixes to pypdf's layout-mode bookkeeping.

    BT starts at the identity text matrix (pypdf keeps a `Td` of an empty BT
    block); `Q` restores the spacing and rise that `q` saved (pypdf keeps a
    superscript's `Ts` for the rest of the page); and a string shown right
    after another without a move starts where the other ended (pypdf leaves
    the pen at the start of the last string, so `(a) Tj (b) Tj` and
    `[(a)(b)] TJ` drew b over a). A show of nothing (`() Tj`, `[()] TJ`) is left
    out: it neither draws nor moves the pen, and pypdf's bookkeeping of it costs
    as much as a word's.
    """
    pending: tuple[Any, ...] | None = None
    saved: list[tuple[float, ...]] = []
    for operands, operator in ops:
        if operator in (b"Tj", b"TJ") and operands and _shows_nothing(operands[0]):
            continue
        if operator == b"BT":
            manager.reset_tm()
            pending = None
        elif operator in _MOVES:
            pending = None
            if operator == b"q":
                saved.append((manager.Tc, manager.Tw, manager.Tz, manager.TL, manager.Ts))
            elif operator == b"Q" and saved:
                manager.Tc, manager.Tw, manager.Tz, manager.TL, manager.Ts = saved.pop()
        elif operator in (b"Tj", b"TJ") and pending is not None:
            manager.add_trm(TextStateParams(*pending).displacement_matrix())
            pending = None
        if operator == b"TJ" and operands and isinstance(operands[0], list):
            operands = [_joined_strings(operands[0])]
        yield operands, operator
        if operator in (b"Tj", b"TJ") and operands and manager.font is not None:
            shown = operands[0]
            if operator == b"TJ":
                shown = shown[-1] if isinstance(shown, list) and shown else None
            if isinstance(shown, bytes | str) and shown:
                pending = (shown, manager.font, manager.font_size, manager.Tc, manager.Tw, manager.Tz)


def _shows_nothing(shown: Any) -> bool:
    """An empty string, or a TJ array of empty strings only (a number in it moves the pen)."""
    if isinstance(shown, list):
        return all(isinstance(item, bytes | str) and not item for item in shown)
    return isinstance(shown, bytes | str) and not shown


def _joined_strings(items: list[Any]) -> list[Any]:
    """A TJ array with adjacent strings joined (they are shown one after the other)."""
    joined: list[Any] = []
    for item in items:
        if joined and isinstance(item, bytes) and isinstance(joined[-1], bytes):
            joined[-1] = joined[-1] + item
        else:
            joined.append(item)
    return ArrayObject(joined)


def visitor_runs(page: PageObject) -> list[Run]:
    """Runs from pypdf's public text visitor; a run's end is estimated from its length."""
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        text = text.strip("\n")
        if not text:
            return
        c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]  # text matrix times CTM
        x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        height = size * (c * c + d * d) ** 0.5
        runs.append(Run(text, x, x + 0.5 * height * len(text), -y if d < 0 else y, height))

    page.extract_text(visitor_text=visit)
    return runs


def page_lines(runs: list[Run], page: int) -> list[Line]:
    """Group runs into lines in drawing order, then join pieces of one baseline drawn apart."""
    lines: list[Line] = []
    current: list[Run] = []
    ref_y = ref_size = end = 0.0
    for run in runs:
        if run.text.isspace():
            if current:
                current.append(run)
            continue
        size = max(ref_size, run.size)
        if current and abs(run.y - ref_y) <= _SAME_LINE * size and run.x0 >= end - 0.5 * size:
            current.append(run)
            if run.size > ref_size:
                ref_y, ref_size = run.y, run.size
        else:
            if current:
                lines.append(finish_line(current, page))
            current = [run]
            ref_y, ref_size = run.y, run.size
        end = max(end, run.x1) if len(current) > 1 else run.x1
    if current:
        lines.append(finish_line(current, page))
    merged = _merge_same_baseline(lines)
    for line in merged:
        line.runs = []  # geometry is summed up in the line; the runs would only hold memory
    return merged


def _merge_same_baseline(lines: list[Line]) -> list[Line]:
    """Join consecutive lines on one baseline whose pieces do not overlap (margin numbers, table cells)."""
    merged: list[Line] = []
    for line in lines:
        if merged:
            last = merged[-1]
            close = abs(line.y - last.y) <= 0.25 * max(line.size, last.size)
            if close and (line.x0 >= last.x1 - 1 or line.x1 <= last.x0 + 1):
                runs = last.runs + line.runs if line.x0 >= last.x1 - 1 else line.runs + last.runs
                merged[-1] = finish_line(runs, line.page)
                continue
        merged.append(line)
    return merged


def finish_line(runs: list[Run], page: int) -> Line:
    """Size (the one most characters have), baseline, edges and text of a line of runs."""
    weights: dict[float, int] = {}
    for run in runs:
        key = round(run.size * 2) / 2
        weights[key] = weights.get(key, 0) + len(run.text.strip())
    size = max(weights, key=lambda key: (weights[key], key))
    solid = [run for run in runs if not run.text.isspace()]
    base = next(run for run in solid if round(run.size * 2) / 2 == size)
    line = Line(page, runs, min(run.x0 for run in solid), max(run.x1 for run in solid), base.y, size)
    _render(line)
    return line


def _render(line: Line) -> None:
    """Join the runs' text, a space where the gap between them is a word space; mark raised runs."""
    parts: list[str] = []
    length = 0
    previous: Run | None = None
    raised_start = -1
    for run in line.runs:
        text = run.text
        if previous is not None and not text.isspace():
            gap = run.x0 - previous.x1
            if gap > _SPACE_GAP * min(run.size, previous.size) and not parts[-1][-1:].isspace() \
                    and not text[:1].isspace():
                parts.append(" ")
                length += 1
            if gap > _CELL_GAP * line.size and length > 4:
                line.tabular = True
        raised = (not text.isspace() and run.size < 0.92 * line.size
                  and run.y - line.y > _RAISED * line.size)
        if raised and raised_start < 0:
            raised_start = length
        elif not raised and raised_start >= 0 and not text.isspace():
            line.raised.append((raised_start, length))
            raised_start = -1
        parts.append(text)
        length += len(text)
        if not text.isspace():
            previous = run
    if raised_start >= 0:
        line.raised.append((raised_start, length))
    line.text = text = "".join(parts)
    line.raised = [(start, start + len(text[start:end].rstrip())) for start, end in line.raised]
