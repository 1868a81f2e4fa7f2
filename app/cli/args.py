"""Argument types shared by the CLI modules, so a bad number is a usage error, not a crash.

SQLite stores ids and offsets as signed 64-bit integers; a larger number reached the
database driver and came back as "internal error: OverflowError". These types check the
range while the arguments are parsed, so argparse reports it in one line like any other
mistyped argument.
"""

from __future__ import annotations

import argparse

SQLITE_MAX = 2**63 - 1


def _bounded(text: str, low: int, what: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not low <= value <= SQLITE_MAX:
        raise argparse.ArgumentTypeError(f"{what} must be from {low} to {SQLITE_MAX}, not {text}")
    return value


def record_id(text: str) -> int:
    """A document, annotation or tag id: a positive whole number the database can hold."""
    return _bounded(text.strip(), 1, "an id")


def count(text: str) -> int:
    """An offset, occurrence or limit: zero or more, within the database's range."""
    return _bounded(text.strip(), 0, "the number")
