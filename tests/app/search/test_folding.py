"""Accent folding of Latin letters, and patterns that find folded words in unfolded text."""

from __future__ import annotations

import re

from app.search.engine.folding import accent_tolerant, fold
from app.search.highlights import find_query


def test_latin_diacritics_fold_and_other_scripts_stay() -> None:
    assert [fold(w) for w in ("brûlée", "besançon", "ağdam", "straße", "ærø", "naïve")] == [
        "brulee", "besancon", "agdam", "strasse", "aero", "naive"]  # fmt: skip
    assert fold("край") == "край" and fold("ἀγών") == "ἀγών" and fold("plain") == "plain"


def test_a_folded_word_is_found_with_its_accents_at_the_same_offsets() -> None:
    text = "La crème BRÛLÉE de Besançon."
    found = re.search(accent_tolerant("brulee"), text, re.IGNORECASE)
    assert found is not None and found.group() == "BRÛLÉE"


def test_the_reader_lights_up_accented_words_for_a_plain_query() -> None:
    text = "La crème brûlée de Besançon; the mines of Ağdam."
    assert [text[a:b] for a, b in find_query(text, "brulee OR besancon OR AGDAM OR crem*")] == [
        "crème", "brûlée", "Besançon", "Ağdam"]  # fmt: skip
