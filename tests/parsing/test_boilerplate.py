import pytest

from app.parsing.boilerplate import is_furniture, strip_furniture


@pytest.mark.parametrize(
    "line",
    [
        "news banner image Desktop news banner image Mobile",
        "Share this page",
        "All rights reserved. Contact us to use any licensed material.",
        "© 2021 Ministry of Foreign Affairs of the Republic of Ruritania. All rights reserved.",
        "Copyright 2020 ICBL",
        "Privacy Policy",
        "Cookie Policy",
        "This website uses cookies to improve your experience.",
        "Print",
        "Back to top",
        "Skip to main content",
        "Facebook | Twitter | Email",
        "Home > News > Press releases",
        "Share on Facebook",
        "Page 3 of 12",
        "Photo: ICBL",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Policy",
        "Use",
        "Contact",
        "Copyright law in Ruritania protects reports of public bodies.",
        "The ICBL shares this view and calls for the cookies to be shared.",
        "Print media reported the explosion on 3 May.",
        "Location of Nagorno-Karabakh",
        "Soviet PMN-2 - the most common AP mine in Karabakh.",
    ],
)
def test_content_lines_are_kept(line: str) -> None:
    assert not is_furniture(line)


def test_strip_furniture_drops_lines_and_empty_blocks_and_reports_them() -> None:
    blocks = [["news banner image Desktop", "Press release 1 May 2020"], ["Body text."], ["Share this page"]]
    kept, dropped = strip_furniture(blocks)
    assert kept == [["Press release 1 May 2020"], ["Body text."]]
    assert dropped == ["news banner image Desktop", "Share this page"]
