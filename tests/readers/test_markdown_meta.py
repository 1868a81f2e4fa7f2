"""Markdown metadata: front matter spellings, file names, bylines, copyright lines and change logs."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.readers import read_file
from app.readers.markdown import read_markdown


def _hints(source: str, name: str | None = None) -> dict[str, object]:
    return read_markdown(source.encode(), name=name).hints


def test_common_front_matter_keys() -> None:
    hints = _hints("---\nlayout: post\ntitle: \"Open Games: Lenses\"\nauthor: Daniele Palombi\ndate: 2024-04-22\n"
                   "categories: [game theory, haskell]\ntags: lenses\nexcerpt: The first part.\n---\nBody.\n")
    assert hints == {"title": "Open Games: Lenses", "date": "2024-04-22", "tags": ["lenses", "game theory", "haskell"],
                     "description": "The first part.", "authors": ["Daniele Palombi"]}


@pytest.mark.parametrize("key", ["publisher", "source", "organization", "organisation"])
def test_publisher_spellings(key: str) -> None:
    assert _hints(f"---\n{key}: HALO Trust\nauthor: A. Person\n---\nx\n")["publisher"] == "HALO Trust"


def test_author_is_never_the_publisher() -> None:
    assert "publisher" not in _hints("---\nauthor: Jules Hedges\n---\nx\n")


def test_toml_front_matter_and_pandoc_title_block() -> None:
    assert _hints('+++\ntitle = "Hugo post"\ndate = 2020-05-04\n+++\nx\n') == {"title": "Hugo post", "date": "2020-05-04"}
    hints = _hints("% Mine action review\n% J. Smith; A. Jones\n% 12 March 2021\n\nBody.\n")
    assert hints == {"title": "Mine action review", "date": "12 March 2021", "authors": ["J. Smith", "A. Jones"]}


def test_day_first_front_matter_date_is_passed_for_the_parser() -> None:
    assert _hints("---\ndate: 20/02/2026\n---\nx\n")["date"] == "20/02/2026"


def test_jekyll_file_name_gives_weak_date_and_title() -> None:
    hints = _hints("Some text.\n", name="2024-04-22-open-games-bootcamp-i.md")
    assert hints == {"fallback_date": "2024-04-22", "fallback_title": "Open games bootcamp i"}


def test_byline_is_not_a_title_the_heading_named_like_the_file_is() -> None:
    source = ("Dean H. Saxe, Sr. Security Engineer, Amazon Web Services\n\n© 2021, 2022, 2023 IDPro, Dean Saxe\n\n"
              "Terminology/Glossary\n====================\n\nTerms.\n\nAccount Recovery\n================\n\nText.\n")
    hints = _hints(source, name="idpro-account-recovery-final.md")
    assert hints["title"] == "Account Recovery"
    assert hints["publisher"] == "IDPro" and hints["fallback_date"] == "2023"


def test_by_line_without_a_matching_heading_takes_the_file_name() -> None:
    hints = _hints("By Ian Glazer\n\n©2023 IDPro, Ian Glazer\n\nIntroduction\n============\n\nText.\n",
                   name="intro-to-ciam.md")
    assert hints["title"] == "Intro to ciam" and hints["publisher"] == "IDPro"


def test_a_leading_heading_is_the_title_not_the_file_name() -> None:
    hints = _hints("# Laws Governing Identity Systems\n\nThomas J. Smedinghoff\n\n© 2021, IDPro, Thomas J. Smedinghoff\n",
                   name="laws.md")
    assert "title" not in hints and hints["publisher"] == "IDPro"


def test_change_log_latest_date() -> None:
    source = ("Text.\n\nChange Log\n==========\n\n| Date | Change |\n|---|---|\n| 2021-04-19 | V1 published |\n"
              "| 2023-10-27 | V3 published |\n\n[1] A note.\n")
    assert _hints(source)["date"] == "2023-10-27"


def test_read_file_passes_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "2019-02-13-scan-report.md"
    path.write_text("Body text.\n", encoding="utf-8")
    assert read_file(path).hints["fallback_date"] == "2019-02-13"
