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
    assert marker_limit(set(range(1, 1201))) == 2400
    assert numbers("a[2] b[45] c[400]", {1, 2, 3}) == [2, 45]
    assert numbers("a[2] b[499] c[500] d[501]") == [2, 499, 500]  # 501: beyond any list-less numbering


def test_markers_of_any_size() -> None:
    notes = set(range(1, 1301))
    text = " ".join(f"w[{n}]" for n in range(990, 1301))
    assert numbers(text, notes) == list(range(990, 1301))


def test_a_year_among_markers_is_told_by_the_sequence() -> None:
    notes = set(range(1, 2501))
    assert numbers("so.[14] As R v Petrovic [2000] 2 AC 118 holds.[15]", notes) == [14, 15]
    assert numbers("so.[14] In the year [2000] it was.[15]", notes) == [14, 15]  # far ahead of the running order
    assert numbers("a.[1998] b.[1999] c.[2000] d.[2001]", notes) == [1998, 1999, 2000, 2001]  # in order
    assert numbers("a.[1999] see [2000] HCA 3 and b.[2000]", notes) == [1999, 2000]  # a law report is no marker


def test_a_jump_is_believed_when_the_markers_go_on_from_it() -> None:
    assert numbers("a[1201] b[1202] c[1203]", set(range(1201, 1204))) == [1201, 1202, 1203]
    assert numbers("a[1] b[2] c[97] d[3]", set(range(1, 60))) == [1, 2, 3]  # no note 97: noise
    # a note numbered after the main run (an explanatory note) may be cited early; a year may not
    assert numbers("a[1] b[2] c[97] d[3]", set(range(1, 100))) == [1, 2, 97, 3]
    assert numbers("a[1] b[2] in [1999] d[3]", set(range(1, 2100))) == [1, 2, 3]
    assert numbers("a[1] b[1] c[2] d[1]") == [1, 1, 2, 1]  # a note cited again


def test_offsets_are_in_reading_order() -> None:
    found = find_markers("x[3] y[1] z[2]")
    assert [m.start for m in found] == sorted(m.start for m in found)
