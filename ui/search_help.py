"""The query syntax, shown beside the search field: the README's table, with examples to copy."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.plain_text import escaped

# What the user types (kept as typed: field names, operators and examples are the query language) and what it finds.
SYNTAX: tuple[tuple[str, str], ...] = (
    ("mines clearance",  # untranslated: an example query
     QT_TRANSLATE_NOOP("SearchHelp", "documents with both words (AND is the default) in the title, body or footnotes")),
    ("mine", QT_TRANSLATE_NOOP("SearchHelp", "also <i>mines</i>, <i>mined</i> (stemming)")),
    ('"line of contact"', QT_TRANSLATE_NOOP("SearchHelp", "the phrase")),  # untranslated: an example query
    ("Armenia OR Azerbaijan", QT_TRANSLATE_NOOP("SearchHelp", "either word")),  # untranslated: an example query
    ("mines NOT cluster",  # untranslated: an example query
     QT_TRANSLATE_NOOP("SearchHelp", "the first word without the second")),
    ("(survey OR clearance) AND treaty",  # untranslated: an example query
     QT_TRANSLATE_NOOP("SearchHelp", "boolean logic with parentheses")),
    ("mines OR survey clearance",  # untranslated: an example query
     QT_TRANSLATE_NOOP("SearchHelp", "<i>(mines or survey) and clearance</i>: OR joins its neighbours first")),
    ("demin*",
     QT_TRANSLATE_NOOP("SearchHelp", "words starting with <i>demin</i> (at least 3 letters before <code>*</code>)")),
    ("PMN-2, OZM-72, E-001",  # untranslated: an example query
     QT_TRANSLATE_NOOP("SearchHelp", "mine models and codes, kept whole")),
    ("title:Azerbaijan", QT_TRANSLATE_NOOP("SearchHelp", "a word in the title")),
    ("publisher:ICBL", QT_TRANSLATE_NOOP("SearchHelp", "documents from one publisher")),
    ('author:Smith, author:"Human Rights Watch"',  # untranslated: an example query
     QT_TRANSLATE_NOOP("SearchHelp", "documents by an author (set in Edit Metadata)")),
    ("lang:fr, lang:pt-BR",  # untranslated: an example query
     QT_TRANSLATE_NOOP("SearchHelp", "documents in a language (<i>lang:pt</i> also finds pt-BR)")),
    ('kind:press-release, kind:"press release"', QT_TRANSLATE_NOOP(  # untranslated: an example query
        "SearchHelp", "one kind, e.g. press-release, speech, report, court-decision (all in the metadata editor)")),
    ("tag:survey", QT_TRANSLATE_NOOP("SearchHelp", "documents or annotations with a tag")),
    ("brulee", QT_TRANSLATE_NOOP("SearchHelp", "also <i>brûlée</i>: accents do not matter")),
    ("date:2013, date:2013-09", QT_TRANSLATE_NOOP("SearchHelp", "a year, a month")),  # untranslated: an example query
    ("date:[2020 to 2022]", QT_TRANSLATE_NOOP("SearchHelp", "a range of years")),  # untranslated: an example query
)

NOTES = QT_TRANSLATE_NOOP(
    "SearchHelp",
    "Results are ranked by relevance (title words count most) or sorted by date, newest first. "
    "A misspelt word gets a suggestion from the archive’s own words. A query that cannot be read "
    "(an unbalanced quote or parenthesis, a dangling AND) is searched as plain words, and you are told so. "
    "Footnotes and annotation notes are searched too.",
)


def syntax_html() -> str:
    """The syntax table and notes, in the app's language (the examples stay as they are typed)."""
    rows = "".join(
        f"<tr><td style='padding: 3px 14px 3px 0; white-space: nowrap'><code>{escaped(example)}</code></td>"
        f"<td style='padding: 3px 0'>{QCoreApplication.translate('SearchHelp', finds)}</td></tr>"
        for example, finds in SYNTAX
    )
    you_type = QCoreApplication.translate("SearchHelp", "You type")
    finds = QCoreApplication.translate("SearchHelp", "Finds")
    notes = escaped(QCoreApplication.translate("SearchHelp", NOTES))
    return (
        f"<table cellspacing='0'><tr><th align='left' style='padding-bottom: 4px'>{you_type}</th>"
        f"<th align='left' style='padding-bottom: 4px'>{finds}</th></tr>{rows}</table>"
        f"<p>{notes}</p>"
    )


class SearchHelpDialog(QDialog):
    """Non-modal, so the user can keep it open while typing a query."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search syntax"))
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
