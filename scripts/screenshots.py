"""Regenerate the README's screenshots from a demo archive of the bundled samples.

Run with `make screenshots` (offscreen Qt); writes docs/screenshots/*.png. Every
picture is the real window driven the way a user would drive it: importing,
searching, opening a document, annotating.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.annotating import annotations  # noqa: E402
from app.archive.folder import Archive  # noqa: E402
from app.archive.paths import sample_files  # noqa: E402
from app.importing.importer import run_import  # noqa: E402
from app.library import listing as library  # noqa: E402
from app.library import tags  # noqa: E402
from app.library.citation_map import citation_map  # noqa: E402
from bench.generator import write_corpus  # noqa: E402
from ui import translation  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings import AppSettings  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)


def _wait(app: QApplication, done: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        app.processEvents()


def _save(widget: QWidget, name: str) -> None:
    widget.grab().save(str(OUT / name))


def _window(archive: Archive, settings_file: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = MainWindow(archive, settings)
    window.resize(*SIZE)
    window.show()
    return window


def _annotate_demo(archive: Archive) -> int:
    """A few real annotations and tags on the Serevia profile, as a researcher would make them."""
    rows = {r.title: r.id for r in library.list_documents(archive)}
    profile = rows["Serevia"]
    marks = [
        ("In August 2022, local media reported that residents of two villages near the northern border had found "
         "freshly emplaced PMA-2 mines on a path to their fields.", "green", ["country/Serevia", "topic/new-use"],
         "First report of new use. Compare with the coalition's press release of 12 September 2022."),
        ("The Ministry of Defence denied that its forces had laid any mines", "pink", ["topic/denials"],
         "Official denial — cite alongside the village testimony."),
        ("mostly PMA-2, PMR-2A and PROM-1 mines.", "yellow", ["topic/stockpile"], ""),
    ]
    for quote, color, names, note in marks:
        annotations.create_from_quote(archive, profile, quote, color=color, tag_names=names, note=note)
    tags.tag_documents(archive, [profile], ["country/Serevia"])
    return profile


def at_a_glance(app: QApplication, tmp: Path) -> None:
    """The timeline over a generated archive of many years, and the citation map of its most linked document."""
    corpus = tmp / "glance-corpus"
    write_corpus(corpus, 300, seed=7)
    with Archive.open(tmp / "glance") as archive:
        run_import(archive, [corpus, *sample_files()])
        window = _window(archive, tmp / "s4.ini")
        _wait(app, lambda: window._index_worker is None and not window.timeline.pending)
        view = window.timeline.view
        window.facets.set_checked("year", sorted(view.bar_rects())[-2])
        _wait(app, lambda: not window.timeline.pending)
        _save(window, "timeline.png")
        window.facets.clear()
        maps = [citation_map(archive, row.id) for row in library.list_documents(archive)]
        busiest = max(maps, key=lambda m: (min(len(m.cites), len(m.cited_by)), len(m.cites) + len(m.cited_by)))
        window.open_document(busiest.document.id)
        window.map_dock.raise_()
        _wait(app, lambda: not window.citation_map.pending and window.citation_map.view.citation_map is not None)
        _save(window, "citation-map.png")
        window.close()


def in_french(app: QApplication, tmp: Path) -> None:
    """The library and the reader with View › Language › Français (the translators a French system gets)."""
    before = set(app.findChildren(QTranslator))
    translation.install(app, "fr")
    with Archive.open(tmp / "french") as archive:
        run_import(archive, sample_files())
        profile = _annotate_demo(archive)
        window = _window(archive, tmp / "s5.ini")
        _wait(app, lambda: window._index_worker is None and not window.timeline.pending)
        _save(window, "library-fr.png")
        window.open_document(profile, "mines")
        _wait(app, lambda: window.reader.document_id == profile)
        _wait(app, lambda: False, timeout=1)
        _save(window, "reader-fr.png")
        window.close()
    for translator in set(app.findChildren(QTranslator)) - before:
        app.removeTranslator(translator)
    translation.install(app, "en")


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    translation.install(app, "en")  # English with its plural forms, whatever the machine's language
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        with Archive.open(tmp / "empty") as empty:
            window = _window(empty, tmp / "s1.ini")
            _wait(app, lambda: window._index_worker is None)
            _save(window, "empty-archive.png")
            window.close()

        corpus = tmp / "corpus"
        write_corpus(corpus, 150, seed=7)
        with Archive.open(tmp / "importing") as importing:
            window = _window(importing, tmp / "s2.ini")
            window.start_import([corpus])
            _wait(app, lambda: window.importer.done >= 60 and window.model.total > 0, timeout=120)
            _save(window, "import-progress.png")
            window.importer.cancel()
            _wait(app, lambda: not window.importer.running, timeout=60)
            window.close()

        with Archive.open(tmp / "demo") as demo:
            run_import(demo, sample_files())
            profile = _annotate_demo(demo)
            window = _window(demo, tmp / "s3.ini")
            _wait(app, lambda: window._index_worker is None)
            _save(window, "library.png")

            window.search_panel.set_query("new mines")
            window.search_panel.search_now()
            _wait(app, lambda: window.search_panel.result() is not None)
            _save(window, "search.png")

            window.open_document(profile, "mines")
            _wait(app, lambda: window.reader.document_id == profile)
            markers = (window.reader.detail or {}).get("markers") or []
            if markers:
                window.reader_pane.view.markerActivated.emit(markers[0]["number"])
            _wait(app, lambda: True)
            _save(window, "reader.png")

            window.notes_dock.raise_()
            annotated = annotations.list_annotations(demo, annotations.AnnotationFilter(document_ids=[profile]))
            if annotated:
                window.annotating.edit_annotation(annotated[0].id)
                window.reader_pane.view.scroll_to_offset(annotated[0].start)
            _wait(app, lambda: True)
            _save(window, "annotated-reader.png")
            window.annotating.editor.hide()

            window.actions_.go_annotations()
            _wait(app, lambda: True)
            _save(window, "annotations-view.png")

            window.actions_.tag_manager_dialog()
            dialog = window.actions_.manager_dialog
            dialog.resize(640, 460)
            _wait(app, lambda: True)
            _save(dialog, "tag-manager.png")
            dialog.close()

            window.open_export_dialog(annotation_ids=[a.id for a in annotations.list_annotations(demo)])
            export_dialog = window.export_dialog
            export_dialog.resize(1000, 680)
            _wait(app, lambda: False, timeout=3)
            _save(export_dialog, "export-dialog.png")
            export_dialog.close()

            window.resize(1024, 700)  # a small laptop screen
            window.open_document(profile, "mines")
            _wait(app, lambda: False, timeout=1)
            _save(window, "reader-1024x700.png")
            window.resize(1920, 1080)
            window.actions_.go_library()
            _wait(app, lambda: False, timeout=1)
            _save(window, "library-1920x1080.png")
            window.resize(*SIZE)
            window.change_theme("dark")
            window.open_document(profile, "mines")
            _wait(app, lambda: False, timeout=1)
            _save(window, "reader-dark.png")
            window.actions_.go_library()
            _wait(app, lambda: False, timeout=1)
            _save(window, "library-dark.png")
            window.change_theme("system")
            window.close()

        at_a_glance(app, tmp)
        in_french(app, tmp)
    print(f"wrote {', '.join(p.name for p in sorted(OUT.glob('*.png')))} to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
