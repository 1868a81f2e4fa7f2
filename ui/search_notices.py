"""A search's notices in the user's language.

Their English texts are marked for lupdate where they are made (`app.search.notices`); this
looks each up by the notice's key, fills in what it quotes, and translates the parts it joins. A
plain string (an error message) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.search.notices import ENGLISH, Notice

_CONTEXT = "SearchNotice"  # untranslated: the translation context, as marked in app.search.notices


def translated(notice: str | None) -> str:
    """`notice` in the app's language (its quoted values as typed); "" for none."""
    if not notice:
        return ""
    if not isinstance(notice, Notice) or notice.key not in ENGLISH:
        return notice
    template = QCoreApplication.translate(_CONTEXT, ENGLISH[notice.key])
    parts = "; ".join(translated(part) for part in notice.parts)
    try:
        return template.format(*notice.values, parts=parts)
    except (IndexError, KeyError, ValueError):  # a translation that names a value the notice lacks
        return str(notice)
