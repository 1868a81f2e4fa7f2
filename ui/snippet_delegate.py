"""Paints a search hit: title, meta line, snippets with the matched words marked, annotation note.

Each row is one QTextDocument, so wrapping and height come from the same layout
that paints it (sizeHint never disagrees with paint, rows never clip). The
snippet HTML comes from the index; everything in it is escaped again except the
<b> tags around matches, so document text can never inject markup.
"""

from __future__ import annotations

import html
import math
import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.plain_text import InertDocument, escaped
from ui.search_results_model import ANNOTATIONS_ROLE, MATCHED_IN_ROLE, META_ROLE, SNIPPETS_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex

PAD_X = 12
PAD_Y = 9
FALLBACK_WIDTH = 400
_BOLD_TAG = re.compile(r"(</?b>)", re.IGNORECASE)


def safe_snippet_html(snippet: str) -> str:
    """The snippet with only its <b>…</b> kept as markup, balanced, and ellipses where it was cut."""
    out: list[str] = []
    depth = 0
    for part in _BOLD_TAG.split(snippet):
        tag = part.lower()
        if tag == "<b>":
            if depth == 0:
                out.append("<b>")
            depth += 1
        elif tag == "</b>":
            if depth == 1:
                out.append("</b>")
            depth = max(0, depth - 1)
        else:
            out.append(escaped(html.unescape(part)))
    if depth:
        out.append("</b>")
    text = "".join(out).strip()
    plain = re.sub(r"<[^>]+>", "", text)
    if plain and plain[0].islower():
        text = "…" + text
    if plain and plain[-1] not in ".!?”\"":
        text += " …"
    return text


def _mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    return QColor(
        round(a.red() * share_of_a + b.red() * (1 - share_of_a)),
        round(a.green() * share_of_a + b.green() * (1 - share_of_a)),
        round(a.blue() * share_of_a + b.blue() * (1 - share_of_a)),
    )


def _style_sheet(palette: QPalette, selected: bool, point_size: float) -> str:
    """CSS for one row, taken from the palette so light and dark themes both read well."""
    role = QPalette.ColorRole
    if selected:
        text = palette.color(role.HighlightedText)
        muted = text
        mark_bg = _mix(text, palette.color(role.Highlight), 0.28)
    else:
        text = palette.color(role.Text)
        muted = _mix(text, palette.color(role.Base), 0.62)
        mark_bg = _mix(palette.color(role.Highlight), palette.color(role.Base), 0.30)
    return (
        f"body {{ color: {text.name()}; }}"  # untranslated: CSS
        f"p.title {{ font-size: {point_size * 1.08:.1f}pt; font-weight: 600; margin: 0; }}"
        f"p.meta {{ font-size: {point_size * 0.92:.1f}pt; color: {muted.name()}; margin-top: 2px; margin-bottom: 0; }}"
        f"p.snippet {{ margin-top: 5px; margin-bottom: 0; }}"
        f"p.note {{ font-size: {point_size * 0.92:.1f}pt; color: {muted.name()}; font-style: italic;"
        f" margin-top: 5px; margin-bottom: 0; }}"
        f"b {{ font-weight: 600; background-color: {mark_bg.name()}; color: {text.name()}; }}"
    )


def hit_html(title: str, meta: str, snippets: list[str], annotations: int, matched_in: list[str]) -> str:
    """The row's rich text; the title and meta are plain text and escaped here."""
    parts = [f'<p class="title">{escaped(title)}</p>']
    if meta:
        parts.append(f'<p class="meta">{escaped(meta)}</p>')
    parts.extend(f'<p class="snippet">{safe_snippet_html(s)}</p>' for s in snippets)
    in_footnotes = bool(matched_in) and not {"title", "body"} & set(matched_in) and "footnotes" in matched_in
    note = SearchHitDelegate.match_note(annotations, in_footnotes)
    if note:
        parts.append(f'<p class="note">{escaped(note)}</p>')
    return "".join(parts)


class SearchHitDelegate(QStyledItemDelegate):
    """Multi-line rows for SearchResultsModel; width follows the view, height follows the text."""

    @staticmethod
    def match_note(annotations: int, in_footnotes: bool) -> str:
        """Where else the query matched: in the document's annotations, in its footnotes only."""
        if annotations and in_footnotes:
            return SearchHitDelegate.tr("Matched in %Ln annotation(s) and in footnotes", "", annotations)
        if annotations:
            return SearchHitDelegate.tr("Matched in %Ln annotation(s)", "", annotations)
        return SearchHitDelegate.tr("Matched in footnotes") if in_footnotes else ""

    def _document(self, option: QStyleOptionViewItem, index: ModelIndex, selected: bool) -> QTextDocument:
        doc = InertDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        point_size = option.font.pointSizeF() if option.font.pointSizeF() > 0 else 10.0
        doc.setDefaultStyleSheet(_style_sheet(option.palette, selected, point_size))
        doc.setHtml(hit_html(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            str(index.data(META_ROLE) or ""),
            list(index.data(SNIPPETS_ROLE) or []),
            int(index.data(ANNOTATIONS_ROLE) or 0),
            list(index.data(MATCHED_IN_ROLE) or []),
        ))
        doc.setTextWidth(max(80, self._row_width(option) - 2 * PAD_X))
        return doc

    @staticmethod
    def _row_width(option: QStyleOptionViewItem) -> int:
        """The view's width as if its scroll bar were showing, so heights don't change when it appears.

        (Otherwise rows laid out before the bar appears overlap for the 100 ms until QListView re-lays them.)
        """
        view = option.widget
        if isinstance(view, QAbstractItemView):
            width = view.viewport().width()
            bar = view.verticalScrollBar()
            if not bar.isVisible() and view.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                width -= view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
            return width
        if isinstance(view, QWidget):
            return view.width()
        return option.rect.width() if option.rect.width() > 0 else FALLBACK_WIDTH

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index, selected=False)
        return QSize(self._row_width(opt), math.ceil(doc.size().height()) + 2 * PAD_Y + 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        painter.save()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not selected:
            line = _mix(opt.palette.color(QPalette.ColorRole.Text), opt.palette.color(QPalette.ColorRole.Base), 0.12)
            painter.setPen(line)
            bottom = opt.rect.bottom()
            painter.drawLine(opt.rect.left() + PAD_X, bottom, opt.rect.right() - PAD_X, bottom)
        doc = self._document(opt, index, selected)
        painter.translate(opt.rect.left() + PAD_X, opt.rect.top() + PAD_Y)
        clip = QRectF(0, 0, opt.rect.width() - 2 * PAD_X, opt.rect.height() - 2 * PAD_Y)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = opt.palette
        context.clip = clip
        doc.documentLayout().draw(painter, context)
        painter.restore()
