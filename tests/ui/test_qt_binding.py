"""Guards the pinned Qt binding against a known crash.

PySide6 6.12.0's abi3 wheel drops a reference to None on every call that returns
nothing when run on Python < 3.12; after some tens of thousands of calls the
process dies with "Fatal Python error: none_dealloc". 6.11.3 is pinned for that
reason: this test fails if a bump brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_calls_do_not_leak_references_to_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(1000):
        widget.resize(10, 10)
    assert sys.getrefcount(None) - before > -50
