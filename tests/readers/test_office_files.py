"""Word and OpenDocument files saved by real software: LibreOffice fixtures and ../shared/devcorpus/docx.

`tests/fixtures/office/profile.fodt` was written by hand; `profile_libreoffice.docx`
and `.odt` are LibreOffice 7.4's conversions of it (`soffice --headless
--convert-to docx|odt profile.fodt`), with its tracked deletion, insertion and
comment. LibreOffice is not needed to run these tests. The devcorpus files
are skipped when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ReadError
from app.parsing import parse
from app.readers import read_file

OFFICE = Path(__file__).resolve().parents[1] / "fixtures" / "office"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "devcorpus" / "docx"
NOTES = {
    1: "Letter from the Ministry of Foreign Affairs of Freedonia, 12 March 2013.",
    2: "Ibid.",
    3: "ICBL, “Freedonia must join the treaty,” press release, 20 September 2013, http://www.icbl.org/news/freedonia.",
    4: "Statement of Freedonia, Intersessional Meetings, Geneva, 27 May 2013.",
}


@pytest.mark.parametrize("name", ["profile.fodt", "profile_libreoffice.docx", "profile_libreoffice.odt"])
def test_a_profile_saved_by_libreoffice(name: str) -> None:
    raw = read_file(OFFICE / name)
    assert raw.format == ("docx" if name.endswith(".docx") else "odt")
    assert raw.headings == [(1, "Freedonia"), (1, "Mine Ban Policy"), (2, "Use, production, transfer, and stockpiling")]
    language = {"language": "en-US"} if name.endswith(".docx") else {}  # LibreOffice writes it in core.xml only
    assert raw.hints == {"title": "Freedonia", "fallback_title": "Freedonia: Mine Action Profile", **language}
    assert "In 2013 the government reported its remaining stock to the treaty's president." in raw.text
    assert "withdrew" not in raw.text and "Check the stock figure" not in raw.text  # deletion, comment
    assert "Year | Mines destroyed\n2012 | 1,200" in raw.text
    assert "The Monitor (http://www.the-monitor.org/) has received no reports of new use.[3]" in raw.text
    parsed = parse(raw)
    assert (parsed.title, parsed.date, parsed.kind) == ("Freedonia", "2013-11-28", "country-profile")
    assert {f.number: f.text for f in parsed.footnotes} == NOTES
    assert [m.number for m in parsed.markers] == [1, 2, 3, 4]
    assert parsed.footnotes[1].ibid_of == 1
    assert [s.title for s in parsed.sections] == ["Mine Ban Policy", "Use, production, transfer, and stockpiling"]
    assert parsed.missing_footnotes == [] and parsed.unreferenced_footnotes == []


def _corpus_file(pattern: str) -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/devcorpus is not present")
    return next(CORPUS.glob(pattern))


def test_devcorpus_policy_brief_docx() -> None:
    raw = read_file(_corpus_file("059_*.docx"))
    assert raw.hints["title"] == "Towards a Vision for Team Science at Tilburg University"
    assert raw.headings[:4] == [(1, "Towards a Vision for Team Science at Tilburg University"),
                                (1, "NOTE FOR FEEDBACK"), (1, "1. Introduction"),
                                (2, "1.1 Team Science and Tilburg University")]  # fmt: skip
    assert (3, "1.1.1 Curiosity") in raw.headings
    assert "The fully formatted document is available here. (https://github.com/cjvanlissa/team_science/" in raw.text
    assert "TOC \\o" not in raw.text  # the table of contents' field code
    parsed = parse(raw)
    assert parsed.title == "Towards a Vision for Team Science at Tilburg University"
    assert parsed.footnotes == [] and parsed.markers == []  # only separator notes: none are invented
    assert parsed.date is None  # the file's creation date is not the document's


def test_devcorpus_review_board_decision_docx() -> None:
    raw = read_file(_corpus_file("060_*.docx"))
    assert raw.hints == {"fallback_title": "DEPARTMENT OF THE NAVY", "language": "en-US"}  # creator "CAP": a login
    assert raw.headings == []  # a heading style on whole paragraphs of prose is not taken
    paragraphs = raw.text.split("\n\n")
    assert paragraphs[0] == "ex- Cpl, USMCR"  # the form's drop-down shows its chosen entry
    assert "Application Received: 20161018" in paragraphs
    assert "FORMTEXT" not in raw.text and "FORMDROPDOWN" not in raw.text
    assert "DEPARTMENT OF THE NAVY" in paragraphs
    parsed = parse(raw)
    assert parsed.footnotes == []
    assert parsed.title != "DEPARTMENT OF THE NAVY"  # the letterhead is only a fallback


def test_devcorpus_legacy_doc_gets_the_named_reason() -> None:
    with pytest.raises(ReadError) as caught:
        read_file(_corpus_file("061_*.doc"))
    assert str(caught.value) == ".doc is not read: a legacy Word file (Word 97-2003): save it as .docx and import that"
