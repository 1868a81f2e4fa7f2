"""What every larger dialog needs from the screen it opens on: a size that fits, buttons tabbed as shown."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import QDialogButtonBox, QWidget


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """`width` × `height`, or nine tenths of the screen's free area where that is smaller (a 1024×700 laptop)."""
    screen = (dialog.parentWidget() or dialog).screen().availableGeometry()
    dialog.resize(min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10))


def tab_as_shown(buttons: QDialogButtonBox) -> None:
    """Tab through the box's buttons in the order the platform's layout shows them (call once shown): the
    focus chain follows creation, and a box's standard buttons are made before those added to it."""
    buttons.layout().activate()
    shown = sorted(buttons.buttons(), key=lambda button: button.x())
    for before, after in pairwise(shown):
        QWidget.setTabOrder(before, after)
