"""Precision and recall of citation links on every corpus the project has.

The bundled samples and the genre fixtures (plus the seeds when present) are
imported together; the true links are listed by hand below. Any false link
or missed link fails the test.
"""

from __future__ import annotations

from pathlib import Path

from app.archive.folder import Archive
from app.archive.paths import sample_files
from app.importing.importer import run_import
from app.library.listing import document_detail, list_documents
from tests.conftest import FIXTURES_DIR, SEEDS_DIR

TRUE_LINKS = {
    ("serevia-country-profile.txt", 8, "coalition-press-release.md"),
    ("001_c5593ff774b5834c.txt", 3, "000_97c44dc18eda11d2.txt"),  # only when the seeds are present
}


def _links(archive: Archive) -> set[tuple[str, int, str]]:
    names = {}
    details = []
    for row in list_documents(archive):
        detail = document_detail(archive, row.id)
        names[row.id] = Path(detail["source"]["path"]).name
        details.append(detail)
    return {
        (names[d["id"]], f["number"], names[link["document_id"]])
        for d in details
        for f in d["footnotes"]
        for link in f["links"]
    }


def test_links_precision_and_recall(archive: Archive) -> None:
    paths = [*sample_files(), FIXTURES_DIR / "genre"]
    if SEEDS_DIR.is_dir():
        paths.append(SEEDS_DIR)
    summary = run_import(archive, paths)
    assert not summary.failed
    imported = {Path(document_detail(archive, i)["source"]["path"]).name for i in summary.imported}
    expected = {link for link in TRUE_LINKS if link[0] in imported and link[2] in imported}
    found = _links(archive)
    true_positives = found & expected
    precision = len(true_positives) / len(found) if found else 1.0
    recall = len(true_positives) / len(expected) if expected else 1.0
    assert (precision, recall) == (1.0, 1.0), {"false": found - expected, "missed": expected - found}
    assert len(expected) >= 1
