"""Property tests: whatever text or bytes arrive, the readers and the parser stay within their contracts.

The parser's public `parse` hides bugs behind a fallback document, so the invariants are checked on
`_parse` (no safety net) and `parse` is checked never to raise. Readers may refuse input, but only
with a ReadError: anything else would be a traceback in the middle of an import.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ReadError
from app.model import ParsedDocument, RawDocument
from app.parsing import _parse, parse
from app.readers.html import read_html
from app.readers.html_refs import numeric_label
from app.readers.markdown import read_markdown
from app.readers.text import read_text

IBID_CHAIN_LIMIT = 10_000  # far more steps than any note list has notes: reaching it means a cycle
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.data_too_large])
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SOUP = ["[", "]", "[1]", "[2]", "[3]", "[12]", "[2000]", "[0]", "[75]-[81]", "0", "1", "7", "99", "Ibid", "Ibid.",
        "Ibid at 5", "Id.", "Id. at 3", "loc. cit.", "op. cit.", "; and ", "\n", "\n\n", "\r\n", " ", "\t", "\x00",
        "“", "”", '"', "(", ")", ".", ",", "Notes", "Footnotes\n", "1. ", "^", "See, ", "www.a.org/x",
        "28 November 2013", "Last Updated: ", "Press release ", "No:1/22, ", "Mine Ban Policy", "\u00a0",
        "\u2028", "\ufeff", "a", "Z"]

bracket_soup = st.lists(st.sampled_from(SOUP), max_size=300).map("".join)
encodings = st.sampled_from(["utf-8", "cp1252", "utf-16", "utf-16-le", "latin-1"])
decoded_bytes = st.builds(lambda data, enc: data.decode(enc, errors="replace"), st.binary(max_size=2000), encodings)
note_lines = st.lists(
    st.tuples(st.integers(min_value=0, max_value=3000),
              st.sampled_from(["Ibid.", "Ibid at 5", "Id.", "Source, 2001.", "[2] Ibid", "", "Ibid; and X, 2001."])),
    max_size=200,
).map(lambda notes: "Title\n\nBody[1][2] text[3].\n\n" + "\n".join(f"[{n}] {t}" for n, t in notes))
any_text = st.one_of(st.text(max_size=2000), decoded_bytes, bracket_soup, note_lines)


def check_invariants(doc: ParsedDocument) -> None:
    """The ParsedDocument contract (app/model.py) that the importer and the reader view rely on."""
    text = doc.text
    assert isinstance(doc.title, str) and doc.title.strip()
    end = 0
    for marker in doc.markers:
        assert end <= marker.start < marker.end <= len(text), "markers sorted, non-overlapping, inside"
        assert text[marker.start:marker.end] == f"[{marker.number}]"
        end = marker.end
    starts = [section.start for section in doc.sections]
    assert starts == sorted(starts)
    assert all(0 <= start <= len(text) and section.level >= 1 for start, section in zip(starts, doc.sections,
                                                                                         strict=True))
    numbers = [note.number for note in doc.footnotes]
    assert len(numbers) == len(set(numbers)), "footnote numbers unique"
    missing = set(doc.missing_footnotes)
    assert not missing & set(numbers)
    for marker in doc.markers:
        assert marker.number in numbers or marker.number in missing, "every marker resolved or listed missing"
    by_number = {note.number: note for note in doc.footnotes}
    for note in doc.footnotes:
        assert (note.ibid_of is None) == (note.resolved_text is None)
        current, steps = note, 0
        while current.ibid_of is not None:
            assert current.ibid_of in by_number, "Ibid points at a footnote that exists"
            current = by_number[current.ibid_of]
            steps += 1
            assert steps <= min(len(by_number), IBID_CHAIN_LIMIT), "Ibid chain has a cycle"
    assert "\x00" not in text and "\r" not in text


def parse_checked(text: str, fmt: str = "txt") -> ParsedDocument:
    raw = RawDocument(text=text, format=fmt)
    assert parse(raw).title  # the public entry point never raises
    doc = _parse(raw)  # the same without the safety net, so a bug is seen, not hidden
    check_invariants(doc)
    return doc


@FAST
@given(any_text)
def test_parse_never_raises_and_keeps_invariants(text: str) -> None:
    parse_checked(text)


@SLOW
@given(st.text(alphabet=st.sampled_from("[]0123456789 .IbidI\n"), min_size=1, max_size=500))
def test_huge_single_lines(chunk: str) -> None:
    """A 100k-character line (hypothesis cannot draw that much; a drawn chunk is repeated)."""
    line = chunk.replace("\n", " ")
    parse_checked((line * (100_000 // len(line) + 1))[:100_000])


@SLOW
@given(st.lists(st.integers(min_value=1, max_value=999), min_size=1, max_size=2000),
       st.sampled_from(["Ibid.", "Id. at 4", "Source, 2001.", "See, Ibid;"]))
def test_many_footnote_lines(numbers: list[int], note: str) -> None:
    body = "Report\n\n" + " ".join(f"word[{n}]" for n in numbers) + ".\n\n"
    parse_checked(body + "\n".join(f"[{n}] {note}" for n in numbers))


@SLOW
@given(st.text(max_size=300), st.dictionaries(st.sampled_from(["title", "date", "publisher", "kind", "tags"]),
                                              st.one_of(st.none(), st.text(max_size=40), st.integers(),
                                                        st.lists(st.text(max_size=10), max_size=3))))
def test_odd_hints_and_headings(text: str, hints: dict[str, object]) -> None:
    raw = RawDocument(text=text, format="html", headings=[(1, text[:20]), ("x", None), (99, "")], hints=hints)  # type: ignore[list-item]
    check_invariants(_parse(raw))


@pytest.mark.parametrize("shape", ["soup", "one line", "notes", "brackets", "markers", "indented notes",
                                   "spaced heading"])
def test_one_megabyte_parses_in_bounded_time(shape: str) -> None:
    """A generous bound on CPU time, not on the clock: it only catches quadratic behaviour (minutes on 1 MB)."""
    texts = {
        "soup": ("[1] x [ ] [22] Ibid Id. \n" * 45_000),
        "one line": "word [3] Ibid. " * 70_000,
        "notes": "Title\n\nBody[1].\n\n" + "\n".join(f"[{i}] Ibid. at {i}" for i in range(1, 60_000)),
        "brackets": "[" * 500_000 + "]" * 500_000,
        "markers": "Text " + "[1][2][3]" * 110_000,
        "indented notes": "Title\n\nOne[1] two[2] three[3].\n\n" + "".join(" " * 300_000 + f"{n} Note.\n" for n in (1, 2, 3)),
        "spaced heading": "Title\n\nOne[1].\n\nNotes" + " " * 1_000_000 + "x\n[1] Note.\n",
    }
    start = time.process_time()  # this process's CPU time: other processes' load does not count
    parse_checked(texts[shape])
    assert time.process_time() - start < 20


@pytest.mark.parametrize("shape", ["unclosed emphasis", "blank line", "deep list", "dashes and blanks", "backticks",
                                   "unclosed comments", "unclosed links", "unclosed tags"])
def test_one_megabyte_of_markdown_reads_in_bounded_time(shape: str) -> None:
    """Markdown's inline and block patterns stay linear on lines built to make them backtrack (the same
    generous CPU bound: each of these took minutes before)."""
    texts = {
        "unclosed emphasis": "# E\n\n" + "*a **b _c __d ~~e " * 60_000,
        "blank line": "# Blanks\n\nbefore\n\n" + " " * 1_000_000 + "x\n\nafter\n",
        "deep list": "".join("  " * i + "- x\n" for i in range(1_000)),
        "dashes and blanks": "| --- " + " \t" * 500_000 + "x\n",
        "backticks": "# Code\n\nx " + "`" * 1_000_000 + "\n",
        "unclosed comments": "# C\n\nx " + "<!--" * 250_000 + "\n",
        "unclosed links": "# L\n\nx[1] " + "<a " * 300_000 + "\n\n[1]: note\n",
        "unclosed tags": "# T\n\nx " + "<" * 1_000_000 + "\n",
    }
    start = time.process_time()
    raw = read_markdown(texts[shape].encode("utf-8"))
    assert time.process_time() - start < 20
    assert raw.text.strip()


def test_a_court_caption_with_countless_blanks_reads_in_bounded_time() -> None:
    """Caption columns are found on collapsed blanks (the column and role patterns backtracked over a run)."""
    from app.parsing.caption import case_title, court_name
    from app.parsing.normalise import Line

    texts = ["UNITED STATES DISTRICT COURT", "DISTRICT OF ARIZONA", "John Doe," + " " * 1_000_000 + ") No. CV-20-1",
             "Plaintiff," + " " * 1_000_000 + ")", "v.", "Acme Corp.,", "Defendant."]  # fmt: skip
    lines = [Line(text, block) for block, text in enumerate(texts)]
    start = time.process_time()
    assert case_title(lines) == "John Doe v. Acme Corp"
    assert court_name(lines) == "United States District Court, District of Arizona"
    assert time.process_time() - start < 20


def test_a_note_label_of_countless_blanks_is_no_label() -> None:
    start = time.process_time()
    assert numeric_label(" " * 200_000) is None and numeric_label(" [12]") == 12
    assert time.process_time() - start < 20


READERS = [read_text, read_markdown, read_html]


def _only_read_errors(reader: object, data: bytes) -> None:
    try:
        raw = reader(data)  # type: ignore[operator]
    except ReadError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    check_invariants(_parse(raw))


@FAST
@given(st.sampled_from(READERS), st.binary(max_size=3000))
def test_readers_on_random_bytes(reader: object, data: bytes) -> None:
    _only_read_errors(reader, data)


MARKUP = ["<", ">", "</", "<p>", "</p>", "<div>", "<sup>", "</sup>", "<a href='#fn1'>", "</a>", "<script>",
          "</script>", "<ol>", "<li id='fn1'>", "<h1>", "</h1>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;",
          "&#xD800;", "<meta charset='utf-16'>", "<br>", "---\ntitle: [\n---\n", "# ", "[^1]", "[^1]: ", "`", "```",
          "\n", "[1]", "text ", "\x00", "\xff", "é"]


@FAST
@given(st.sampled_from(READERS), st.lists(st.sampled_from(MARKUP), max_size=200).map("".join),
       st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_readers_on_markup_soup(reader: object, markup: str, encoding: str) -> None:
    _only_read_errors(reader, markup.encode(encoding, errors="replace"))


@settings(max_examples=6, deadline=None)
@given(st.integers(min_value=1, max_value=20_000), st.sampled_from(["div", "span", "b", "li", "sup", "table"]))
def test_deeply_nested_html(depth: int, tag: str) -> None:
    markup = f"<{tag}>" * depth + "Mine action text.[1]" + f"</{tag}>" * depth
    _only_read_errors(read_html, markup.encode())
