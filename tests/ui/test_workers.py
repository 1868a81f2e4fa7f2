"""Background work: progress, the result, and failures as one line (a traceback in the log only for bugs)."""

from __future__ import annotations

import logging
from collections.abc import Generator
from typing import Any

import pytest

from app.errors import ArchiveError
from ui.workers import GeneratorWorker

pytestmark = pytest.mark.gui


def _work(error: Exception | None) -> Generator[int, None, str]:
    yield 1
    if error is not None:
        raise error
    return "done"


@pytest.mark.parametrize(("error", "traceback"), [(ArchiveError("index is a file: move it"), False),
                                                   (KeyError("a bug"), True)])  # fmt: skip
def test_a_failure_is_one_line_and_only_a_bug_leaves_a_traceback(error: Exception, traceback: bool, qtbot: Any,
                                                                  caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    worker = GeneratorWorker(lambda: _work(error))
    failed: list[str] = []
    worker.signals.failed.connect(failed.append)
    with caplog.at_level(logging.WARNING, logger="ui.workers"):
        worker.run()  # on this thread: the signals are delivered at once
    assert failed == [str(error)]
    assert [record.exc_info is not None for record in caplog.records] == [traceback]


def test_progress_and_result(qtbot: Any) -> None:
    worker = GeneratorWorker(lambda: _work(None))
    seen: list[object] = []
    worker.signals.progress.connect(seen.append)
    worker.signals.finished.connect(seen.append)
    worker.run()
    assert seen == [1, "done"]
