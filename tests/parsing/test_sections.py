from app.parsing.normalise import flatten, split_blocks
from app.parsing.sections import detect_sections, is_heading_line

PROSE = "This paragraph is running text about mines, long enough to read as prose in any document."


def sections(text: str, skip: set[int] | None = None, **kwargs: object) -> list[tuple[str, int]]:
    lines = flatten(split_blocks(text))
    found = detect_sections(lines, skip or set(), **kwargs)  # type: ignore[arg-type]
    assert all(lines[0].start <= s.start for s in found)
    return [(s.title, s.level) for s in found]


def test_heading_shapes() -> None:
    assert is_heading_line("Use, production, transfer, and stockpiling")
    assert is_heading_line("1.2 Funding")
    assert not is_heading_line("This sentence ends with a period.")
    assert not is_heading_line("Mr. President,")
    assert not is_heading_line("lowercase start")
    assert not is_heading_line("[3]")
    assert not is_heading_line("Thank you")
    assert not is_heading_line("28 November 2013")
    assert not is_heading_line("A heading that is far too long to be a heading because it has many many words in it")
    assert is_heading_line("Stockpile destruction")
    assert not is_heading_line("Stockpile destruction", strict=True)
    assert is_heading_line("Stockpile Destruction", strict=True)


def test_group_heading_then_subheadings() -> None:
    text = f"Mine Ban Policy\n\nPolicy\n\n{PROSE}\n\nUse, production, transfer, and stockpiling\n\n{PROSE}"
    assert sections(text) == [("Mine Ban Policy", 1), ("Policy", 2), ("Use, production, transfer, and stockpiling", 2)]


def test_header_lines_are_transparent_and_never_sections() -> None:
    text = f"Azerbaijan\n\nMine Ban Policy\n\nLast updated: 28 September 2022\n\nPolicy\n\n{PROSE}\n\nUse\n\n{PROSE}"
    assert sections(text, skip={0, 2}) == [("Mine Ban Policy", 1), ("Policy", 2), ("Use", 2)]


def test_flat_headings_are_level_one() -> None:
    assert sections(f"Background\n\n{PROSE}\n\nOutlook\n\n{PROSE}") == [("Background", 1), ("Outlook", 1)]


def test_numbered_headings_take_their_depth() -> None:
    text = f"1. Introduction\n\n{PROSE}\n\n1.1 Scope\n\n{PROSE}\n\n1.1.2 Limits\n\n{PROSE}"
    assert sections(text) == [("1. Introduction", 1), ("1.1 Scope", 2), ("1.1.2 Limits", 3)]


def test_last_block_and_multi_line_blocks_are_not_headings() -> None:
    assert sections(f"{PROSE}\n\nCaption one\nCaption two\n\n{PROSE}\n\nJohn Smith") == []


def test_explicit_headings_win_with_their_levels() -> None:
    text = f"Title\n\nContext\n\n{PROSE}\n\nWhat the data show, in detail.\n\n{PROSE}"
    found = sections(text, skip={0}, explicit=[(1, "Title"), (2, "Context"), (3, "What the data show, in detail.")])
    assert found == [("Context", 2), ("What the data show, in detail.", 3)]
