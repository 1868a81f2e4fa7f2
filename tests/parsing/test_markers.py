from app.parsing.markers import find_markers, marker_limit


def numbers(text: str, notes: set[int] | None = None) -> list[int]:
    return [m.number for m in find_markers(text, notes)]


def test_plain_double_and_paragraph_start_markers() -> None:
    text = 'support a ban.[1]\n\n[6][7] It is impossible\n\n"[18] In July 2011'
    found = find_markers(text)
    assert [m.number for m in found] == [1, 6, 7, 18]
    assert all(text[m.start : m.end] == f"[{m.number}]" for m in found)


def test_marker_on_its_own_line() -> None:
    assert numbers("The army stated so.\n[8]\n\nNext paragraph.") == [8]


def test_years_are_not_markers() -> None:
    assert numbers("R v Petrovic [2000] 2 AC 118 and [1999] EWCA Civ 3") == []


def test_pin_cites_are_not_markers() -> None:
    assert numbers("held (at [75]-[81]) and at [31], see [12]–[14], ¶ [4], para [9]; paras [3] – [5]") == []


def test_a_marker_after_a_word_ending_in_at_is_a_marker() -> None:
    assert numbers("the format[3] and that [4]") == [3, 4]


def test_bracketed_words_zero_and_leading_zeros_are_not_markers() -> None:
    assert numbers("fear[citation needed] the [antipersonnel] mine [0] [07] [i]") == []


def test_numbers_far_beyond_the_note_list_are_noise() -> None:
    assert marker_limit(set()) == 500
    assert marker_limit({1, 2, 3}) == 53
    assert numbers("a[2] b[45] c[400]", {1, 2, 3}) == [2, 45]
    assert numbers("a[2] b[499] c[501]") == [2, 499]


def test_offsets_are_in_reading_order() -> None:
    found = find_markers("x[3] y[1] z[2]")
    assert [m.start for m in found] == sorted(m.start for m in found)
