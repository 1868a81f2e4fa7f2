"""`python -m bench.parsing [--corpus DIR] [--truth DIR] [--json FILE] [--failures]`: parser accuracy.

Reads every labelled document of a corpus through the real readers and parser
and compares what Dossier finds with hand-written truth (see
`tests/fixtures/devcorpus_truth/README.md` for the format): title, date,
publisher, kind, footnote count, note texts, Ibid targets, missing and
unreferenced notes. It prints the share of correct items per field and per
format, the publishers Dossier invented, the seconds per document and the PDF pages per second. The
default corpus is `../shared/devcorpus`, kept outside the project because the
documents' licences vary.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from app.errors import ReadError
from app.model import ParsedDocument
from app.parsing import parse
from app.readers import read_file

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "devcorpus"
DEFAULT_TRUTH = ROOT / "tests" / "fixtures" / "devcorpus_truth"
FIELDS = ("title", "date", "publisher", "kind", "footnotes", "notes", "ibid", "missing", "unreferenced")
_NOTE_PREFIX = 60  # characters of a labelled note's start that must agree


@dataclass(slots=True)
class Check:
    field: str
    ok: bool
    detail: str = ""


@dataclass(slots=True)
class DocumentResult:
    path: str
    format: str
    seconds: float
    checks: list[Check] = field(default_factory=list)
    invented_publisher: str | None = None
    error: str | None = None
    pages: int = 0  # of a PDF, for pages per second


def load_truth(truth_dir: Path) -> dict[str, dict[str, Any]]:
    """Every YAML truth file of the folder, merged: devcorpus path -> labels."""
    truth: dict[str, dict[str, Any]] = {}
    for path in sorted(truth_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, labels in data.items():
            truth[str(key)] = labels if isinstance(labels, dict) else {}
    return truth


def normal(text: object) -> str:
    """Case, accents, punctuation and spacing ignored: how a reader compares two titles."""
    text = unicodedata.normalize("NFKC", str(text or "")).casefold()
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def _same_text(found: str | None, wanted: list[str]) -> bool:
    if not found:
        return False
    got = normal(found)
    return any(got == normal(w) or fuzz.ratio(got, normal(w)) >= 90 for w in wanted if normal(w))


def _same_publisher(found: str, wanted: list[str]) -> bool:
    got = normal(found)
    for name in (normal(w) for w in wanted):
        if name and (got == name or fuzz.token_set_ratio(got, name) >= 90 or fuzz.ratio(got, name) >= 85):
            return True
    return False


def _alternatives(labels: dict[str, Any], key: str) -> list[str]:
    extra = labels.get(f"{key}_also") or []
    return [str(labels[key])] + [str(item) for item in (extra if isinstance(extra, list) else [extra])]


def _date_text(value: object) -> str | None:
    return None if value is None else str(value)


def score(parsed: ParsedDocument, labels: dict[str, Any]) -> tuple[list[Check], str | None]:
    """One check per labelled item; also the publisher Dossier gave where the truth has another or none."""
    checks: list[Check] = []
    invented: str | None = None
    if labels.get("title") is not None:  # an untitled document: any made-up title will do
        checks.append(Check("title", _same_text(parsed.title, _alternatives(labels, "title")), parsed.title))
    if "date" in labels:
        wanted = _date_text(labels["date"])
        checks.append(Check("date", parsed.date == wanted, f"{parsed.date} (want {wanted})"))
    if "publisher" in labels:
        if labels["publisher"] is None:
            ok = parsed.publisher is None
        else:
            ok = parsed.publisher is not None and _same_publisher(parsed.publisher, _alternatives(labels, "publisher"))
        if parsed.publisher is not None and not ok:
            invented = parsed.publisher
        checks.append(Check("publisher", ok, f"{parsed.publisher} (want {labels['publisher']})"))
    if "kind" in labels:
        checks.append(Check("kind", parsed.kind == labels["kind"], f"{parsed.kind} (want {labels['kind']})"))
    notes = {note.number: note for note in parsed.footnotes}
    if "footnotes" in labels:
        wanted = int(labels["footnotes"] or 0)
        checks.append(Check("footnotes", len(notes) == wanted, f"{len(notes)} (want {wanted})"))
    for number, start in (labels.get("notes") or {}).items():
        note = notes.get(int(number))
        want = normal(start)[:_NOTE_PREFIX]
        got = normal(note.text)[: len(want)] if note else ""
        ok = bool(note) and (got == want or fuzz.ratio(got, want) >= 90)
        checks.append(Check("notes", ok, f"{number}: {note.text[:70] if note else None!r}"))
    for number, target in (labels.get("ibid") or {}).items():
        note = notes.get(int(number))
        found = note.ibid_of if note else None
        checks.append(Check("ibid", found == int(target), f"{number} -> {found} (want {target})"))
    for key, found in (("missing", parsed.missing_footnotes), ("unreferenced", parsed.unreferenced_footnotes)):
        if key in labels:
            wanted_set = {int(n) for n in labels[key] or []}
            got = set(found)
            checks.append(Check(key, got == wanted_set, f"{sorted(got)[:12]} (want {sorted(wanted_set)[:12]})"))
    return checks, invented


def measure(corpus: Path, truth: dict[str, dict[str, Any]]) -> list[DocumentResult]:
    """Read and parse each labelled document that is present, timing both."""
    results: list[DocumentResult] = []
    for rel, labels in truth.items():
        path = corpus / rel
        if not path.is_file():
            continue
        fmt = rel.split("/", 1)[0] if "/" in rel else path.suffix.lstrip(".")
        started = time.perf_counter()
        try:
            parsed = parse(read_file(path))
        except ReadError as exc:
            results.append(DocumentResult(rel, fmt, time.perf_counter() - started, error=str(exc)))
            continue
        result = DocumentResult(rel, fmt, time.perf_counter() - started, pages=_pdf_pages(path))
        result.checks, result.invented_publisher = score(parsed, labels)
        results.append(result)
    return results


def _pdf_pages(path: Path) -> int:
    """Page count of a PDF (outside the timed read), 0 for anything else or a file pypdf cannot count."""
    if path.suffix.lower() != ".pdf":
        return 0
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        return len(PdfReader(str(path), strict=False).pages)
    except Exception:
        return 0


def summarise(results: list[DocumentResult]) -> dict[str, Any]:
    """Correct/total per format and field, 'all' items, invented publishers, seconds per document."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    seconds: dict[str, list[float]] = defaultdict(list)
    for result in results:
        if result.error:
            continue
        seconds[result.format].append(result.seconds)
        seconds["all"].append(result.seconds)
        for check in result.checks:
            for group in (result.format, "all"):
                for name in (check.field, "items"):
                    cell = table[group][name]
                    cell[0] += check.ok
                    cell[1] += 1
    return {
        "table": {group: {name: tuple(cell) for name, cell in row.items()} for group, row in table.items()},
        "seconds_per_document": {group: sum(v) / len(v) for group, v in seconds.items() if v},
        "documents": {group: len(v) for group, v in seconds.items()},
        "pdf_pages": sum(r.pages for r in results if not r.error),
        "pdf_seconds": sum(r.seconds for r in results if r.pages and not r.error),
        "invented_publishers": [(r.path, r.invented_publisher) for r in results if r.invented_publisher],
        "not_read": [(r.path, r.error) for r in results if r.error],
    }


def _cell(cell: tuple[int, int] | None) -> str:
    if not cell or not cell[1]:
        return "—"
    return f"{100 * cell[0] / cell[1]:.0f} % ({cell[0]}/{cell[1]})"


def render(summary: dict[str, Any]) -> str:
    """The summary as a Markdown table (the one docs/PARSING.md quotes), then the notes under it."""
    groups = [g for g in ("txt", "html", "md", "pdf", "docx") if g in summary["table"]] + ["all"]
    head = ["format", "docs", *FIELDS, "all items", "s/doc"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for group in groups:
        row = summary["table"].get(group, {})
        cells = [_cell(row.get(name)) for name in (*FIELDS, "items")]
        per_doc = summary["seconds_per_document"].get(group, 0.0)
        lines.append(f"| {group} | {summary['documents'].get(group, 0)} | " + " | ".join(cells) + f" | {per_doc:.3f} |")
    invented = summary["invented_publishers"]
    lines.append("")
    if summary["pdf_pages"] and summary["pdf_seconds"]:
        rate = summary["pdf_pages"] / summary["pdf_seconds"]
        lines.append(f"PDF reading and parsing: {summary['pdf_pages']} pages in {summary['pdf_seconds']:.1f} s, "
                     f"{rate:.1f} pages/s")
    lines.append(f"Publishers given that the document does not name: {len(invented)}")
    lines.extend(f"- {path}: {name!r}" for path, name in invented)
    if summary["not_read"]:
        lines.append(f"Not read (no reader for the format yet): {len(summary['not_read'])}")
        lines.extend(f"- {path}: {error}" for path, error in summary["not_read"])
    return "\n".join(lines)


def render_failures(results: list[DocumentResult]) -> str:
    lines: list[str] = []
    for result in results:
        failed = [check for check in result.checks if not check.ok]
        if failed:
            lines.append(result.path)
            lines.extend(f"    {check.field}: {check.detail}" for check in failed)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.parsing", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of documents")
    parser.add_argument("--truth", type=Path, default=DEFAULT_TRUTH, help="folder of YAML truth files")
    parser.add_argument("--json", type=Path, help="also write the summary as JSON")
    parser.add_argument("--failures", action="store_true", help="list every failed check")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus folder not found: {args.corpus}", file=sys.stderr)
        return 2
    results = measure(args.corpus, load_truth(args.truth))
    if not results:
        print("no labelled document of the truth files is in the corpus", file=sys.stderr)
        return 2
    summary = summarise(results)
    print(render(summary))
    if args.failures:
        print()
        print(render_failures(results))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
