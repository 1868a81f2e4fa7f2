from app.parsing.normalise import assemble, flatten, normalise_text, split_blocks


def test_line_endings_and_controls() -> None:
    raw = "Title\r\n\r\nFirst\rline\x00 with NUL\x07\x0cnext page\u2028sep\ufeff"
    assert normalise_text(raw) == "Title\n\nFirst\nline with NUL\nnext page\nsep"


def test_blank_runs_collapse_and_whitespace_only_lines_vanish() -> None:
    raw = "\n\nA  \n\n\n\n \u00a0\t\n\nB\n\n\n"
    assert normalise_text(raw) == "A\n\nB"


def test_nbsp_and_exotic_spaces_become_spaces() -> None:
    assert normalise_text("[2]\u00a0 Lusine\u202fMusayelian") == "[2]  Lusine Musayelian"


def test_lines_of_a_paragraph_stay_together() -> None:
    assert split_blocks("a\nb\n\nc") == [["a", "b"], ["c"]]


def test_flatten_offsets_index_the_assembled_text() -> None:
    blocks = [["Title"], ["one", "two"], ["three"]]
    text = assemble(blocks)
    lines = flatten(blocks)
    assert text == "Title\n\none\ntwo\n\nthree"
    assert [text[line.start : line.end] for line in lines] == ["Title", "one", "two", "three"]
    assert [line.block for line in lines] == [0, 1, 1, 2]


def test_empty_text() -> None:
    assert normalise_text("") == ""
    assert flatten([]) == []
