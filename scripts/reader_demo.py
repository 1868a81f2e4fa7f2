"""Render the reader and its footnote panel for sample documents into PNGs, to look at them.

    .venv/bin/python scripts/reader_demo.py [--out /tmp/reader-demo] [--dark] [--seeds DIR]

Imports the bundled samples (and the seeds, when present) into a temporary
archive, opens a few documents and saves `ReaderPane + FootnotePanel` side by
side at 1024×700, as a researcher would first see them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSplitter

from app.archive.folder import Archive
from app.archive.paths import sample_files
from app.importing.importer import run_import
from app.library.listing import list_documents
from ui.reader import FootnotePanel, ReaderController, ReaderPane
from ui.theme import dark_palette

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"




def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/reader-demo"))
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    if args.dark:
        app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory() as tmp, Archive.open(Path(tmp) / "archive") as archive:
        sources = [*sample_files()] + ([args.seeds] if args.seeds.is_dir() else [])
        run_import(archive, sources)
        window = QSplitter(Qt.Orientation.Horizontal)
        pane = ReaderPane()
        panel = FootnotePanel()
        window.addWidget(pane)
        window.addWidget(panel)
        window.resize(1024, 700)
        window.setSizes([664, 360])
        controller = ReaderController(archive, pane, panel)
        window.show()
        suffix = "-dark" if args.dark else ""
        panel.show_message("No document open")
        app.processEvents()
        window.grab().save(str(args.out / f"empty{suffix}.png"))
        for row in list_documents(archive):
            controller.open_document(row.id, terms=["mine"] if row.kind == "country-profile" else ())
            detail = controller.detail or {}
            notes = detail.get("footnotes") or []
            if notes:  # show a note that links into the archive when there is one
                linked = [f for f in notes if f["links"]]
                chosen = linked[0] if linked else notes[min(2, len(notes) - 1)]
                panel.select_footnote(chosen["number"])
                pane.view.scroll_to_marker(chosen["number"])
            app.processEvents()
            name = f"doc{row.id:02d}-{row.kind}{suffix}.png"
            window.grab().save(str(args.out / name))
            print(args.out / name, "—", row.title[:60])
        pane.find_bar.open_bar()
        pane.find_bar.edit.setText("mines")
        app.processEvents()
        window.grab().save(str(args.out / f"find{suffix}.png"))
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
