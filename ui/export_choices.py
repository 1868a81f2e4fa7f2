"""What the export dialog remembers between exports: the folder, the format and what to include."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox

from ui.export_texts import as_bool
from ui.settings import AppSettings


def restore(settings: AppSettings, format_combo: QComboBox, checks: dict[str, QCheckBox]) -> None:
    fmt = str(settings.value("export/format", "md") or "md")
    format_combo.setCurrentIndex(max(0, format_combo.findData(fmt)))
    for name, check in checks.items():
        check.setChecked(as_bool(settings.value(f"export/{name}", True), True))


def remember(settings: AppSettings, path: Path, fmt: str, checks: dict[str, QCheckBox]) -> None:
    settings.set_value("export/folder", str(path.parent))
    settings.set_value("export/format", fmt)
    for name, check in checks.items():
        settings.set_value(f"export/{name}", check.isChecked())
