"""The reader's plan, term matching, find, history and footnote entries: no Qt, no database."""

from __future__ import annotations

from app.reading import (
    ReaderHistory,
    citation_line,
    display_date,
    find_all,
    footnote_entries,
    plan_document,
    split_urls,
)

TEXT = (
    "Serevia\n\nLast Updated: 14 November 2022\n\nMine Ban Policy\n\nPolicy\n\n"
    "Serevia acceded in 2004.[1] It reports each year.[2]\n\n"
    "Mines were found.[3][4]\nA second line."
)


def detail(**extra: object) -> dict:
    d = {
        "title": "Serevia",
        "date": "2022-11-14",
        "date_label": "last updated",
        "publisher": "Landmine Monitor",
        "kind": "country-profile",
        "sections": [
            {"title": "Mine Ban Policy", "level": 1, "start": TEXT.index("Mine Ban")},
            {"title": "Policy", "level": 2, "start": TEXT.index("Policy\n\nSerevia")},
        ],
        "markers": [
            {"number": n, "start": TEXT.index(f"[{n}]"), "end": TEXT.index(f"[{n}]") + 3} for n in (1, 2, 3, 4)
        ],
        "footnotes": [
            {"number": 1, "text": "Article 7 Report.", "resolved_text": None, "ibid_of": None, "citations": [], "links": []},
            {"number": 2, "text": "Ibid.", "resolved_text": "Article 7 Report.", "ibid_of": 1, "citations": [], "links": []},
            {"number": 4, "text": "See www.example.org/a.", "resolved_text": None, "ibid_of": None,
             "citations": [{"text": "x", "author": None, "title": None, "publisher": None, "place": None,
                            "date": None, "url": "https://www.example.org/a"}],
             "links": [{"document_id": 7, "title": "A release", "date": "2022-09-12", "score": 0.9}]},
        ],
        "missing_footnotes": [3],
    }
    d.update(extra)
    return d


def test_plan_blocks_cover_the_text_in_order() -> None:
    plan = plan_document(detail(), TEXT)
    kinds = [(b.kind, TEXT[b.start : b.end], b.level) for b in plan.blocks]
    assert kinds[0] == ("title", "Serevia", 0)
    assert kinds[1] == ("dateline", "Last Updated: 14 November 2022", 0)  # drawn as the header's meta line
    assert kinds[2] == ("heading", "Mine Ban Policy", 1)
    assert kinds[3] == ("heading", "Policy", 2)
    assert kinds[5][1] == "Mines were found.[3][4]\nA second line."  # a line break stays inside its paragraph
    assert plan.has_title_block


def test_plan_markers_know_whether_their_note_exists() -> None:
    plan = plan_document(detail(), TEXT)
    markers = {m.number: m for m in plan.markers}
    assert TEXT[markers[3].start : markers[3].end] == "[3]"
    assert not markers[3].present and markers[4].present
    assert [m.number for m in plan.blocks[5].markers] == [3, 4]
    assert plan.notes[2] == "Ibid. → Article 7 Report."


def test_plan_ignores_stale_marker_offsets() -> None:
    plan = plan_document(detail(markers=[{"number": 9, "start": 0, "end": 3}]), TEXT)
    assert plan.markers == []


def test_plan_splits_a_heading_glued_to_its_paragraph() -> None:
    text = "Report\n\nMethodology\nTeams surveyed 19 villages."
    plan = plan_document({"title": "Report", "sections": [{"title": "Methodology", "level": 1, "start": 8}]}, text)
    assert [(b.kind, text[b.start : b.end]) for b in plan.blocks] == [
        ("title", "Report"), ("heading", "Methodology"), ("paragraph", "Teams surveyed 19 villages.")
    ]


def test_plan_without_title_line_or_metadata() -> None:
    plan = plan_document({"title": "", "kind": "other"}, "Press release 2 September 2022\n\nText.")
    assert not plan.has_title_block
    assert plan.title == "Untitled document"


def test_display_dates() -> None:
    assert display_date("2013-09") == "September 2013"
    assert display_date("2013") == "2013"
    assert display_date("not-a-date") == "not-a-date"


def test_find_all_is_literal_and_spans_line_breaks() -> None:
    text = "found freshly\nemplaced (PMA-2) mines; FOUND freshly emplaced"
    second = text.index("FOUND")
    assert find_all(text, "found freshly emplaced") == [(0, 22), (second, second + 22)]
    assert [text[s:e] for s, e in find_all(text, "(PMA-2)")] == ["(PMA-2)"]
    assert find_all(text, "   ") == []


def test_history_back_forward_and_positions() -> None:
    h = ReaderHistory()
    assert h.back() is None and not h.can_go_back()
    h.visit(1)
    h.update_position(120)
    h.visit(2, 10)
    h.visit(2, 30)  # reopening the current document only moves
    assert len(h.entries) == 2
    entry = h.back()
    assert entry is not None and (entry.document_id, entry.offset) == (1, 120)
    assert h.can_go_forward()
    h.visit(3)  # a new visit drops the forward entries
    assert not h.can_go_forward()
    assert [e.document_id for e in h.entries] == [1, 3]
    assert h.back() is not None and h.forward() is not None and h.forward() is None


def test_history_forget_keeps_the_current_entry() -> None:
    h = ReaderHistory()
    for doc in (1, 2, 3):
        h.visit(doc)
    h.back()
    h.forget(3)
    assert h.current is not None and h.current.document_id == 2 and not h.can_go_forward()
    h.forget(2)
    assert h.current is not None and h.current.document_id == 1


def test_footnote_entries_include_missing_notes_in_order() -> None:
    entries = footnote_entries(detail())
    assert [(e.number, e.missing) for e in entries] == [(1, False), (2, False), (3, True), (4, False)]
    ibid = entries[1]
    assert ibid.ibid_of == 1 and ibid.resolved_text == "Article 7 Report."
    note4 = entries[3]
    assert note4.urls == ("https://www.example.org/a",)
    assert note4.links[0].document_id == 7 and note4.links[0].date == "2022-09-12"


def test_citation_line() -> None:
    line = citation_line({"author": "Ilse Varga", "title": "Fresh mines", "publisher": "Northern Courier",
                          "place": "Tarvos", "date": "2022-08-09", "url": None})
    assert line == "Ilse Varga · “Fresh mines” · Northern Courier (Tarvos) · 9 August 2022"
    assert citation_line({"text": "plain"}) == ""


def test_split_urls_finds_schemes_www_and_known_bare_urls() -> None:
    text = "See asbarez.com/112014/x/. Also www.icbl.org, and (https://a.example/b_(c))."
    runs = split_urls(text, ["https://asbarez.com/112014/x/"])
    links = [(run, url) for run, url in runs if url]
    assert links == [
        ("asbarez.com/112014/x/", "https://asbarez.com/112014/x/"),
        ("www.icbl.org", "https://www.icbl.org"),
        ("https://a.example/b_(c)", "https://a.example/b_(c)"),
    ]
    assert "".join(run for run, _ in runs) == text


def test_the_documents_own_date_line_is_shown_once() -> None:
    text = "Freedonia\n\nLast Updated: 12 March 2021\n\nMine Ban Policy\n\nFreedonia has not acceded."
    detail = {"title": "Freedonia", "date": "2021-03-12", "date_label": "Last Updated", "publisher": "Landmine Monitor",
              "kind": "country-profile", "sections": [], "markers": [], "footnotes": []}
    plan = plan_document(detail, text)
    assert [b.kind for b in plan.blocks][:2] == ["title", "dateline"]
    undated_line = plan_document({**detail, "date_label": "Published"}, text)
    assert "dateline" not in [b.kind for b in undated_line.blocks]
