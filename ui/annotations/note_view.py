"""Notes in widgets, drawn from their one reading (`app.annotating.note_text`), never from the raw text.

The only rich text a widget is given for a note is what that reading renders — every character
of the note escaped, no images, links only to web and mail addresses — plus text escaped here.
One-line previews are laid out in an InertDocument, which loads nothing even if asked, so a
note can never make Qt read a file or reach the network.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QPainter, QPalette, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.annotating.note_text import Run, note_html, note_summary, runs_html, runs_text
from ui.plain_text import InertDocument, escaped

TOOLTIP_NOTE_CHARS = 600  # of the note's source: a tooltip is a glance, the editor shows the rest
ELLIPSIS = "…"

Index = QModelIndex | QPersistentModelIndex


def clipped(note: str, limit: int = TOOLTIP_NOTE_CHARS) -> tuple[str, bool]:
    """The note cut near `limit` characters at a line break (else a space), and whether it was cut."""
    if len(note) <= limit:
        return note, False
    cut = note.rfind("\n", 0, limit)
    if cut < limit // 2:
        cut = note.rfind(" ", 0, limit)
    return note[: cut if cut > 0 else limit].rstrip(), True


def note_tooltip_html(note: str, limit: int = TOOLTIP_NOTE_CHARS) -> str:
    """The note rendered for a tooltip, shortened to about `limit` characters of its text."""
    text, cut = clipped(note, limit)
    return f"<div>{note_html(text)}{f'<p>{ELLIPSIS}</p>' if cut else ''}</div>"


def annotation_tooltip(note: str, tags: Sequence[str] = (), quote: str | None = None) -> str | None:
    """Rich text for an annotation's tooltip: its quote (as text), its note (rendered) and its tags."""
    parts: list[str] = []
    if quote:
        parts.append(f"<p style='white-space:pre-wrap'>“{escaped(quote)}”</p>")
    if note.strip():
        parts.append(note_tooltip_html(note))
    if tags:
        parts.append(f"<p>{escaped(' '.join(f'#{tag}' for tag in tags))}</p>")
    body = "".join(part for part in parts if part)
    return f"<div>{body}</div>" if body else None


# --- one-line previews --------------------------------------------------------------------------


def _line_document(html: str, font: QFont) -> InertDocument:
    document = InertDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    document.setDefaultTextOption(option)
    document.setHtml(html)
    return document


def _prefix(runs: Sequence[Run], chars: int) -> tuple[Run, ...]:
    kept: list[Run] = []
    for run in runs:
        if chars <= 0:
            break
        kept.append(Run(run.text[:chars], run.bold, run.italic, run.code, run.href))
        chars -= len(run.text)
    if kept:
        last = kept[-1]
        kept[-1] = Run(last.text.rstrip(), last.bold, last.italic, last.code, last.href)
    return tuple(kept)


@lru_cache(maxsize=2048)
def _elided_html(note: str, font_key: str, width: int) -> str:
    font = QFont()
    font.fromString(font_key)
    runs = note_summary(note)
    html = runs_html(runs, links=False)
    if _line_document(html, font).idealWidth() <= width:
        return html
    low, high = 0, len(runs_text(runs))
    while low < high:  # the longest start of the line that fits with an ellipsis
        middle = (low + high + 1) // 2
        trial = runs_html((*_prefix(runs, middle), Run(ELLIPSIS)), links=False)
        if _line_document(trial, font).idealWidth() <= width:
            low = middle
        else:
            high = middle - 1
    return runs_html((*_prefix(runs, low), Run(ELLIPSIS)), links=False)


def summary_html(note: str, font: QFont, width: int) -> str:
    """The note's first line, read and styled, elided with "…" to fit `width` pixels in `font`."""
    return _elided_html(note, font.toString(), max(0, width))


def paint_note_line(painter: QPainter, rect: QRect, note: str, font: QFont, color: QColor) -> None:
    """Draw the note's first line in `rect`: bold as bold, never the asterisks; links underlined."""
    if not note.strip() or rect.width() <= 0:
        return
    document = _line_document(summary_html(note, font, rect.width()), font)
    painter.save()
    painter.setClipRect(rect)
    painter.translate(rect.left(), rect.top() + max(0, (rect.height() - round(document.size().height())) // 2))
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, color)
    document.documentLayout().draw(painter, context)
    painter.restore()


class NoteDelegate(QStyledItemDelegate):
    """A table cell showing a note: the item's `note_role` holds the note, drawn as its first line read."""

    def __init__(self, note_role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note_role = note_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        active = bool(opt.state & QStyle.StateFlag.State_Active)
        group = QPalette.ColorGroup.Normal if active else QPalette.ColorGroup.Inactive
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        paint_note_line(painter, text_rect.adjusted(margin, 0, -margin, 0), str(index.data(self.note_role) or ""),
                        opt.font, opt.palette.color(group, role))
