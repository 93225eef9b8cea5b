"""A ``QGuiApplication`` for painting without a window (the command line's Gantt export)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication


def ensure_gui_application() -> QCoreApplication:
    """The running application, or a new ``QGuiApplication`` (offscreen when there is no
    display); keep it alive while painting."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") \
            and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "desktop"])
