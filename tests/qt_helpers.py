"""Helpers for GUI tests.

``qtbot.keyClicks`` aborts the process on non-ASCII text (an assert in Qt's
qasciikey.cpp), so Russian text is typed as key events carrying the text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as if from the keyboard, Cyrillic included."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def destroy_window(qtbot, win) -> None:
    """Destroy ``win`` and wait until it is gone, before the database fixture closes (or, on
    PostgreSQL, drops) its database: its pending timers (the reminders read the database
    300 ms after opening) end with it instead of firing into a dropped database."""
    import shiboken6

    if not shiboken6.isValid(win):
        return
    gone: list[bool] = []
    win.destroyed.connect(lambda: gone.append(True))
    win.close()
    win.deleteLater()
    qtbot.waitUntil(lambda: bool(gone), timeout=5000)


def main_window(database: object) -> object:
    """The main window on ``database``, 1366×768, shown, answering dialogs from a script
    (give it back to :func:`destroy_window` at the end)."""
    from desktop.ui.dialogs import ScriptedDialogs
    from desktop.ui.main_window import MainWindow

    win = MainWindow(database, dialogs=ScriptedDialogs())
    win.resize(1366, 768)
    win.show()
    return win
