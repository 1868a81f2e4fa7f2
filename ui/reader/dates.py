"""A document's own date written for reading, in the user's locale (the reader's meta line, the footnote
panel's archive links, the citation map).

Documents keep their dates as ISO text as precise as the source gave them (YYYY, YYYY-MM or YYYY-MM-DD);
tables show that text, sortable. Where the app writes a date for reading, a full date is the locale's long
date without the weekday (23 September 2021, September 23, 2021, 23 septembre 2021), a month is its name
and the year, and a year stays as it is (never grouped like a number: 2021, not 2,021).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QDate, QLocale

_WEEKDAY = re.compile(r"[\s,،]*dddd[\s,،]*")  # the weekday and the separators around it


def long_date_format(locale: QLocale | None = None) -> str:
    """The locale's long date format without the weekday: a document's date says which day, not which weekday."""
    locale = locale if locale is not None else QLocale()
    full = locale.dateFormat(QLocale.FormatType.LongFormat)
    trimmed = _WEEKDAY.sub(" ", full).strip()
    return trimmed if "d" in trimmed and "y" in trimmed else full


def document_date(iso: str | None, locale: QLocale | None = None) -> str:
    """'2021-09-23' → '23 September 2021' (as the locale writes it); '2021-09' → 'September 2021'; '2021' as is.

    Text that is no such date is returned unchanged (it is data, shown as the document gave it)."""
    if not iso:
        return ""
    locale = locale if locale is not None else QLocale()
    parts = iso.strip().split("-")
    if not all(part.isdigit() for part in parts):
        return iso
    if len(parts) == 3:
        date = QDate(int(parts[0]), int(parts[1]), int(parts[2]))
        return locale.toString(date, long_date_format(locale)) if date.isValid() else iso
    if len(parts) == 2 and 1 <= int(parts[1]) <= 12:
        pattern = QCoreApplication.translate("DocumentDates", "{month} {year}", "a month and its year: September 2021")
        return pattern.format(month=locale.standaloneMonthName(int(parts[1])), year=parts[0])
    return iso
