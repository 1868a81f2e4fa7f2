"""The query syntax, shown beside the search field: the README's table, with examples to copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.plain_text import escaped

SYNTAX: tuple[tuple[str, str], ...] = (
    ("mines clearance", "documents with both words (AND is the default) in the title, body or footnotes"),
    ("mine", "also <i>mines</i>, <i>mined</i> (stemming)"),
    ('"line of contact"', "the phrase"),
    ("Armenia OR Azerbaijan", "either word"),
    ("mines NOT cluster", "the first word without the second"),
    ("(survey OR clearance) AND treaty", "boolean logic with parentheses"),
    ("mines OR survey clearance", "<i>(mines or survey) and clearance</i>: OR joins its neighbours first"),
    ("demin*", "words starting with <i>demin</i> (at least 3 letters before <code>*</code>)"),
    ("PMN-2, OZM-72, E-001", "mine models and codes, kept whole"),
    ("title:Azerbaijan", "a word in the title"),
    ("publisher:ICBL", "documents from one publisher"),
    ('author:Smith, author:"Human Rights Watch"', "documents by an author (set in Edit Metadata)"),
    ("lang:fr, lang:pt-BR", "documents in a language (<i>lang:pt</i> also finds pt-BR)"),
    ("kind:press-release", "one kind, e.g. press-release, speech, report, court-decision (all in the metadata editor)"),
    ("tag:survey", "documents or annotations with a tag"),
    ("brulee", "also <i>brûlée</i>: accents do not matter"),
    ("date:2013, date:2013-09", "a year, a month"),
    ("date:[2020 to 2022]", "a range of years"),
)

NOTES = (
    "Results are ranked by relevance (title words count most) or sorted by date, newest first. "
    "A misspelt word gets a suggestion from the archive’s own words. A query that cannot be read "
    "(an unbalanced quote or parenthesis, a dangling AND) is searched as plain words, and you are told so. "
    "Footnotes and annotation notes are searched too."
)


def syntax_html() -> str:
    rows = "".join(
        f"<tr><td style='padding: 3px 14px 3px 0; white-space: nowrap'><code>{escaped(example)}</code></td>"
        f"<td style='padding: 3px 0'>{finds}</td></tr>"
        for example, finds in SYNTAX
    )
    return (
        "<table cellspacing='0'><tr><th align='left' style='padding-bottom: 4px'>You type</th>"
        f"<th align='left' style='padding-bottom: 4px'>Finds</th></tr>{rows}</table>"
        f"<p>{escaped(NOTES)}</p>"
    )


class SearchHelpDialog(QDialog):
    """Non-modal, so the user can keep it open while typing a query."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Search syntax")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(12)
        self.text = QLabel(syntax_html())
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setMinimumWidth(520)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
