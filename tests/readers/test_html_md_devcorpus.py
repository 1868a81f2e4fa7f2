"""The HTML and Markdown readers on the real pages of ../shared/devcorpus (skipped when it is absent).

Each row: the note numbers the reader lists, and the title/date/publisher hints
it declares (None: no such hint). Labels come from reading each document.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.readers import read_file

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "devcorpus"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/devcorpus is not present")

# file: (notes, first, last, title hint, date hint (or fallback), publisher hint)
EXPECTED: dict[str, tuple[int, int, int, str | None, str | None, str | None]] = {
    "html/016_wikipedia-new-zealand-2019.html": (379, 1, 379, "New Zealand", "2019-09-26", "Wikipedia"),
    "html/017_wikipedia-time-loop-films-2024.html": (80, 1, 80, "List of films featuring time loops", "2024-04-02",
                                                     "Wikipedia"),
    "html/018_idpro-intro-to-cryptography.html": (4, 1, 4, "An Introduction to Cryptography", "2024", "IDPro"),
    "html/019_ietf-remotestorage-draft-04.html": (0, 0, 0, "remoteStorage", "2014-12-15", "IETF Trust"),
    "html/020_iij-security-diary-masscan-zmap-ja.html": (5, 1, 5, "Masscan と ZMap によるスキャンの違い", "2019-02-13",
                                                         "IIJ Security Diary"),
    "html/021_takagi-diary-ja.html": (15, 1, 15, "改正NICT法がプチ炎上、工場出荷時共通初期パスワードが識別符号に"
                                      "当たらないことが理解されていない", "2019-02-11", None),
    "html/022_obama-wh-weekly-address-community-college.html": (0, 0, 0, "Weekly Address: Tuition-Free Community "
                                                                "College", "2015-04-11", "whitehouse.gov"),
    "html/024_nytimes-us-to-lift-sudan-sanctions.html": (0, 0, 0, "United States to Lift Sudan Sanctions",
                                                         "2017-01-13", "The New York Times"),
    "html/027_wapo-north-africa-instability.html": (0, 0, 0, "Attack stokes instability fears in North Africa",
                                                    "2015-03-18", "Washington Post"),
    "html/028_politico-imf-world-bank-outlook.html": (0, 0, 0, "Grim global outlook for IMF-World Bank meetings",
                                                      "2022-10-11", "POLITICO"),
    "html/030_bbc-obama-gun-laws.html": (0, 0, 0, "Obama admits US gun laws are his 'biggest frustration'",
                                         "2015-07-24", "BBC News"),
    "md/031_idpro-account-recovery.md": (10, 1, 10, "Account Recovery", "2023-10-27", "IDPro"),
    "md/033_idpro-laws-governing-identity-systems.md": (15, 1, 15, None, "2021-06-30", "IDPro"),
    "md/034_idpro-intro-to-privacy-consumers.md": (49, 1, 49, "Introduction to Privacy and Compliance for Consumers",
                                                   "2022-12-18", "IDPro"),
    "md/035_idpro-ethics-and-digital-identity-kiser.md": (20, 1, 20, "Idpro ethics and digital identity kiser",
                                                          "2024", "IDPro"),
    "md/036_idpro-hipaa-security-rule-iam.md": (19, 1, 21, None, "2025", "IDPro"),
    "md/037_idpro-intro-to-identity-part2.md": (19, 1, 19, "Introduction to Identity - Part 2: Access Management",
                                                "2020", "IDPro"),
    "md/038_cybercat-open-games-bootcamp-i.md": (4, 1, 4, "The Build Your Own Open Games Engine Bootcamp — Part I: "
                                                 "Lenses", "2024-04-22", None),
    "md/040_cybercat-categorical-semantics-backprop.md": (3, 1, 3, "Autodiff through function types: Categorical "
                                                          "semantics the ultimate backpropagator", "20/02/2026", None),
}

NOTE_STARTS = {
    "html/016_wikipedia-new-zealand-2019.html": {16: "McKinnon, Malcolm (November 2009). \"Place names",
                                                 100: "\"New Zealand country brief\". Australian Department"},
    "html/018_idpro-intro-to-cryptography.html": {2: "Please note, this is not actually a password."},
    "html/020_iij-security-diary-masscan-zmap-ja.html": {1: "Masscan は GNU General Public License Version 3"},
    "html/021_takagi-diary-ja.html": {5: "原文ママ。同書第2版", 11: "ファイル暗号化用の鍵としてのパスワード"},
    "md/034_idpro-intro-to-privacy-consumers.md": {2: "Cormack, Andrew, “Introduction to the GDPR (v2),”"},
    "md/037_idpro-intro-to-identity-part2.md": {10: "Wikipedia contributors, \"Kerberos (protocol),\""},
    "md/038_cybercat-open-games-bootcamp-i.md": {2: "Sometimes it will be useful to represent certain lenses"},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reader_notes_and_hints(name: str) -> None:
    doc = read_file(CORPUS / name)
    numbers = [int(n) for n in re.findall(r"(?m)^\[(\d+)\] ", doc.text)]
    count, first, last, title, date, publisher = EXPECTED[name]
    assert (len(numbers), numbers[0] if numbers else 0, numbers[-1] if numbers else 0) == (count, first, last)
    assert doc.hints.get("title") == title
    assert (doc.hints.get("date") or doc.hints.get("fallback_date")) == date
    assert doc.hints.get("publisher") == publisher
    notes = {int(n): text for n, text in re.findall(r"(?m)^\[(\d+)\] (.*)$", doc.text)}
    for number, start in NOTE_STARTS.get(name, {}).items():
        assert notes[number].startswith(start)


def test_markers_are_never_glued_to_note_text() -> None:
    for name in EXPECTED:
        text = read_file(CORPUS / name).text
        assert not re.search(r"(?m)^\[\d+\] \d{1,3}[^\d\s.,:)/-]", text), name
