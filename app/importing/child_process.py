"""Helper processes of an import (the readers and parsers, the index writer): started one way.

They are spawned (safe from any thread, the GUI's included), and each one leaves
with its parent: a killed import must leave no orphans, and a helper blocked on
its queue would wait forever. When the pipes close under an orphan, its task
loop fails and multiprocessing prints a traceback that says nothing useful to
the user (the import was killed), so an orphan's stderr is silenced. Ctrl-C is
the parent's to handle: helpers ignore it. A helper skips the collector's last full
pass at its exit (`gc.freeze`): it has nothing left to release, and the pass over
its parser's or index's objects held up the import's end by a tenth of a second.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TextIO


def spawn_pool(workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...] = ()) -> ProcessPoolExecutor:
    """A pool of `workers` spawned processes that run `initializer(*initargs)` first and die with this one."""
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start,
                               initargs=(os.getpid(), initializer, initargs))  # fmt: skip


def _start(parent: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    # Ctrl-C reaches the whole process group; the parent decides what stops (a helper interrupted
    # while waiting for work would print a traceback that tells the user nothing)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stderr = _QuietOrphanStream(sys.stderr, parent)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    atexit.register(gc.freeze)  # run as the helper exits: the interpreter's last collection then skips its objects
    initializer(*initargs)


class _QuietOrphanStream:
    """A helper's stderr, silent once its parent has died; while the parent lives, everything is written."""

    def __init__(self, inner: TextIO, parent: int) -> None:
        self._inner = inner
        self._parent = parent

    def write(self, text: str) -> int:
        if os.getppid() != self._parent:
            return len(text)
        return self._inner.write(text)

    def flush(self) -> None:
        if os.getppid() == self._parent:
            self._inner.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)
