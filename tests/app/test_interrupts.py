"""Ctrl-C during a step that must finish is raised after the step, not in its middle."""

from __future__ import annotations

import os
import signal

import pytest

from app.interrupts import deferred_interrupt


def test_ctrl_c_waits_for_the_end_of_the_step() -> None:
    finished = False
    with pytest.raises(KeyboardInterrupt), deferred_interrupt():
        os.kill(os.getpid(), signal.SIGINT)
        finished = True  # still runs: the interrupt is held back
    assert finished
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_no_interrupt_no_exception() -> None:
    with deferred_interrupt():
        pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
