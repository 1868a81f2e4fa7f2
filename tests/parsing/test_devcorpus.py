"""Acceptance floors on the real documents of ../shared/devcorpus (skipped when that folder is absent).

The truth is hand-written in tests/fixtures/devcorpus_truth; `python -m bench.parsing` prints the
same figures. Raise a floor when the parser improves; never lower one to make a change pass.
"""

from __future__ import annotations

import pytest

from bench.parsing import DEFAULT_CORPUS, DEFAULT_TRUTH, load_truth, measure, score, summarise
from tests.parsing.util import parse_text

pytestmark = pytest.mark.skipif(not DEFAULT_CORPUS.is_dir(), reason="../shared/devcorpus is not present")

# Share of correct items, per format and field ("items" is every check of the format).
FLOORS: dict[str, dict[str, float]] = {
    "txt": {"title": 1.0, "date": 1.0, "publisher": 0.85, "kind": 0.95, "footnotes": 1.0, "notes": 1.0, "ibid": 1.0,
            "items": 0.95},
    "html": {"title": 1.0, "date": 1.0, "publisher": 1.0, "kind": 0.75, "footnotes": 1.0, "notes": 1.0, "items": 0.95},
    "md": {"title": 1.0, "date": 1.0, "publisher": 1.0, "kind": 0.7, "footnotes": 1.0, "notes": 1.0, "ibid": 1.0,
           "items": 0.95},
    "pdf": {"title": 0.9, "date": 1.0, "publisher": 0.85, "kind": 0.7, "footnotes": 0.85, "notes": 0.6, "items": 0.85},
}
MAX_INVENTED_PUBLISHERS = 0


@pytest.fixture(scope="module")
def summary() -> dict:
    return summarise(measure(DEFAULT_CORPUS, load_truth(DEFAULT_TRUTH)))


@pytest.mark.parametrize("group", sorted(FLOORS))
def test_accuracy_floors(summary: dict, group: str) -> None:
    row = summary["table"][group]
    for name, floor in FLOORS[group].items():
        correct, total = row[name]
        assert correct / total >= floor, f"{group} {name}: {correct}/{total} is under the floor {floor:.0%}"


def test_few_invented_publishers(summary: dict) -> None:
    invented = summary["invented_publishers"]
    assert len(invented) <= MAX_INVENTED_PUBLISHERS, invented


def test_every_label_names_a_document_and_a_kind() -> None:
    from app.model import KINDS

    truth = load_truth(DEFAULT_TRUTH)
    assert len(truth) >= 61
    for path, labels in truth.items():
        assert (DEFAULT_CORPUS / path).is_file(), path
        assert labels.get("kind", "other") in KINDS, path


def test_the_scorer_fails_a_wrong_answer() -> None:
    doc = parse_text("A Title Line\n\n12 May 2020\n\nSome prose that runs on for long enough to be a paragraph of text.\n")
    checks, invented = score(doc, {"title": "Another title", "date": "2020-05-13", "publisher": None})
    assert [c.ok for c in checks] == [False, False, True]
    assert invented is None
