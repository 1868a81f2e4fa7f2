"""The UI tests read the app in English as a user does: with its plural forms ("1 document", "2 documents")."""

from __future__ import annotations

import pytest

from ui import translation


@pytest.fixture(autouse=True, scope="session")
def _english_plurals(qapp) -> None:  # type: ignore[no-untyped-def]
    translation.install_english_plurals(qapp)
