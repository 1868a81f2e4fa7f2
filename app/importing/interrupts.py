"""Ctrl-C held back across a step that must finish once begun.

A Ctrl-C that lands between a batch's commit and the bookkeeping of what it
committed would leave the import's record short of the documents it saved.
Inside `deferred_interrupt()` a SIGINT is remembered and raised as
KeyboardInterrupt when the step is over; outside the main thread (the
desktop app imports in a worker) signals never arrive, so nothing changes.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def deferred_interrupt() -> Iterator[None]:
    """Run the block to its end even if Ctrl-C is pressed; raise KeyboardInterrupt after it."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        yield  # no signals here, or Ctrl-C is ignored anyway (a background job of a non-interactive shell)
        return
    received: list[int] = []

    def remember(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    previous = signal.signal(signal.SIGINT, remember)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if received and previous is signal.default_int_handler:
            raise KeyboardInterrupt
        if received and callable(previous):
            previous(signal.SIGINT, None)
