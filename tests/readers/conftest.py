"""Helpers for reader tests: write bytes to a file in tmp_path and read it back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.model import RawDocument
from app.readers import read_file


@pytest.fixture
def read_bytes_as(tmp_path: Path) -> Callable[[str, bytes], RawDocument]:
    """Write `data` to a file called `name` and read it with read_file."""

    def read(name: str, data: bytes) -> RawDocument:
        path = tmp_path / name
        path.write_bytes(data)
        return read_file(path)

    return read
