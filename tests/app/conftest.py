"""A two-document corpus in the genre (a profile citing a press release), for import and search tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.test_importer import PROFILE, RELEASE


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "profile.txt").write_text(PROFILE, encoding="utf-8")
    (src / "release.txt").write_text(RELEASE, encoding="utf-8")
    return src
