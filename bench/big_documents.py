"""`python -m bench.big_documents [--json FILE]`: the biggest documents, imported and opened in the reader.

For each shape an import keeps at its limits (a million-paragraph page, one 10 MB line, 300,000
superscripts, 40,000 notes, distinct words), it imports the file into a fresh archive in a child
process and reports that process's peak memory, then opens the document in the reader and reports
when the first view is drawn, when all is drawn and the longest turn of the event loop meanwhile (a
turn is how long the window cannot answer). The baseline, measured in the same run, is Qt's own
fastest path: `QPlainTextEdit.setPlainText` of the same text, which blocks until it is done.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

_IMPORT = """
import json, sys
from pathlib import Path
from app.archive.folder import Archive
from app.importing.importer import run_import
with Archive.open(Path(sys.argv[1])) as archive:
    summary = run_import(archive, [Path(sys.argv[2])])
status = Path("/proc/self/status").read_text()
print(json.dumps({"peak_mb": int(status.split("VmHWM:")[1].split()[0]) / 1024, "id": summary.imported[0]}))
"""


def _shapes(folder: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from tests.hostile import big_files

    notes = folder / "notes.txt"
    body = "\n\n".join(f"Paragraph {n} on mine clearance in the north.[{n + 1}]" for n in range(40_000))
    listed = "\n".join(f"[{n + 1}] Note {n + 1}, Report of the survey, 2013." for n in range(40_000))
    notes.write_text(f"Many notes\n\n{body}\n\nNotes\n\n{listed}\n")
    return [
        big_files.many_paragraphs_html(folder / "million-paragraphs.html"),
        big_files.one_line_text(folder / "one-line.txt"),
        big_files.many_superscripts_html(folder / "superscripts.html"),
        notes,
        big_files.unique_words_text(folder / "distinct-words.txt", 3_000_000),
    ]


def _open_in_reader(archive_dir: Path, document_id: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from app.archive.folder import Archive
    from app.library.listing import document_text
    from ui.reader.controller import ReaderController
    from ui.reader.footnote_panel import FootnotePanel
    from ui.reader.pane import ReaderPane

    app = QApplication.instance() or QApplication([])
    with Archive.open(archive_dir) as archive:
        pane, panel = ReaderPane(), FootnotePanel()
        pane.resize(1000, 800)
        pane.show()
        controller = ReaderController(archive, pane, panel)
        start = time.perf_counter()
        controller.open_document(document_id, query="clearance")
        app.processEvents()
        pane.grab()
        first = time.perf_counter() - start
        longest = 0.0
        while not pane.view.fully_drawn:
            turn = time.perf_counter()
            app.processEvents()
            longest = max(longest, time.perf_counter() - turn)
        drawn = time.perf_counter() - start
        text = document_text(archive, document_id)
    plain = QPlainTextEdit()
    plain.resize(1000, 800)
    plain.show()
    start = time.perf_counter()
    plain.setPlainText(text)
    app.processEvents()
    plain.grab()
    baseline = time.perf_counter() - start
    pane.close()
    plain.close()
    return {"first_view_s": first, "all_drawn_s": drawn, "longest_turn_s": longest, "baseline_s": baseline}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path in _shapes(folder):
            archive_dir = folder / f"archive-{path.stem}"
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            done = subprocess.run([sys.executable, "-c", _IMPORT, str(archive_dir), str(path)], cwd=ROOT, env=env,
                                  capture_output=True, text=True, check=True)  # fmt: skip
            imported = json.loads(done.stdout.strip().splitlines()[-1])
            row = {"file_mb": path.stat().st_size / 1e6, "import_peak_mb": imported["peak_mb"]}
            row.update(_open_in_reader(archive_dir, imported["id"]))
            results[path.name] = row
            print(f"{path.name:24} {row['file_mb']:5.1f} MB  import peak {row['import_peak_mb']:4.0f} MB  "
                  f"first view {row['first_view_s']:.2f} s ({row['first_view_s'] / row['baseline_s']:.2f}× baseline)  "
                  f"all drawn {row['all_drawn_s']:.2f} s  longest turn {row['longest_turn_s'] * 1000:.0f} ms  "
                  f"baseline {row['baseline_s']:.2f} s", flush=True)  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
