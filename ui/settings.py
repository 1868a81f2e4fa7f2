"""What the desktop app remembers between runs (QSettings): window layout and archives.

Kept in one place so the keys are not scattered through the widgets, and so
tests can point it at a temporary file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app.archive.paths import remember_last_archive

MAX_RECENT = 8


class AppSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings()

    def recent_archives(self) -> list[Path]:
        value = self._s.value("archives/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(p) for p in items if p]

    def remember_archive(self, folder: Path) -> None:
        """Make `folder` the last archive (for the commands too) and the first of the recent ones."""
        folder = Path(folder)
        remember_last_archive(folder)
        recent = [p for p in self.recent_archives() if p != folder]
        self._s.setValue("archives/recent", [str(p) for p in [folder, *recent][:MAX_RECENT]])
        self._s.setValue("archives/last", str(folder))

    def forget_archive(self, folder: Path) -> None:
        self._s.setValue("archives/recent", [str(p) for p in self.recent_archives() if p != Path(folder)])

    def last_archive(self) -> Path | None:
        value = self._s.value("archives/last", "")
        return Path(value) if value else None

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self._s.value("window/geometry")
        state = self._s.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def theme(self) -> str:
        value = self._s.value("view/theme", "system")
        return value if isinstance(value, str) else "system"

    def set_theme(self, name: str) -> None:
        self._s.setValue("view/theme", name)

    def language(self) -> str:
        """"system", or a language code of ui.translation.LANGUAGES."""
        value = self._s.value("view/language", "system")
        return value if isinstance(value, str) else "system"

    def set_language(self, code: str) -> None:
        self._s.setValue("view/language", code)

    def value(self, key: str, default: object = None) -> object:
        return self._s.value(key, default)

    def set_value(self, key: str, value: object) -> None:
        self._s.setValue(key, value)

    def sync(self) -> None:
        self._s.sync()
