"""The link scorer: dates gate, then publisher and title similarity decide."""

from __future__ import annotations

from dataclasses import replace

from app.library.linking import LINK_THRESHOLD, CandidateFacts, CitationFacts, score

ICBL_RELEASE = CandidateFacts(
    date="2013-09-20",
    title="The International Campaign to Ban Landmines (ICBL) is deeply disturbed",
    publisher="International Campaign to Ban Landmines",
    head=(
        "20 September 2013\n\nThe International Campaign to Ban Landmines (ICBL) is deeply disturbed by recent "
        "information indicating that the army of Nagorno-Karabakh is actively laying antipersonnel mines."
    ),
)
CITATION = CitationFacts(
    date="2013-09-20",
    title="ICBL gravely concerned about use of antipersonnel mines by Nagorno-Karabakh",
    publisher="ICBL",
    author=None,
    text="“ICBL gravely concerned about use of antipersonnel mines by Nagorno-Karabakh,” ICBL (Geneva), "
    "20 September 2013",
)


def test_links_press_release_without_title_line() -> None:
    assert score(CITATION, ICBL_RELEASE) >= LINK_THRESHOLD


def test_other_date_never_links() -> None:
    other = replace(ICBL_RELEASE, date="2013-09-21")
    assert score(CITATION, other) == 0.0


def test_same_day_same_publisher_other_topic_does_not_link() -> None:
    decoy = CandidateFacts(
        date="2013-09-20",
        title="ICBL welcomes new funding for victim assistance in Cambodia",
        publisher="International Campaign to Ban Landmines",
        head="ICBL welcomes new funding for victim assistance in Cambodia. Donors pledged support for survivors.",
    )
    assert score(CITATION, decoy) < LINK_THRESHOLD


def test_citation_without_date_never_links() -> None:
    undated = replace(CITATION, date=None)
    assert score(undated, ICBL_RELEASE) == 0.0


def test_month_only_citation_can_link() -> None:
    monthly = replace(CITATION, date="2013-09")
    titled = replace(ICBL_RELEASE, title="ICBL gravely concerned about use of antipersonnel mines by Nagorno-Karabakh")
    assert score(monthly, titled) >= LINK_THRESHOLD
    assert score(monthly, ICBL_RELEASE) < score(CITATION, ICBL_RELEASE)  # weaker evidence, lower confidence
