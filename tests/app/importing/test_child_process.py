"""The import's helper processes: how they start and how they end."""

from __future__ import annotations

import atexit
import gc
import os
import signal

from app.importing.child_process import spawn_pool


def _nothing() -> None:
    """The initializer of a helper that needs no setup."""


def _freeze_count_after_exit_handlers() -> int:
    """In a helper: run what it runs as it exits, and say how many objects the collector then skips."""
    atexit._run_exitfuncs()  # what the interpreter runs first as the helper exits
    return gc.get_freeze_count()


def _sigint_handler() -> object:
    return signal.getsignal(signal.SIGINT)


def test_a_helper_skips_the_collectors_last_pass_when_it_exits() -> None:
    pool = spawn_pool(1, _nothing)
    try:
        assert pool.submit(_freeze_count_after_exit_handlers).result() > 0
    finally:
        pool.shutdown(wait=True)


def test_a_helper_leaves_ctrl_c_to_its_parent() -> None:
    pool = spawn_pool(1, _nothing)
    try:
        assert pool.submit(_sigint_handler).result() == signal.SIG_IGN
        assert pool.submit(os.getppid).result() == os.getpid()
    finally:
        pool.shutdown(wait=True)
