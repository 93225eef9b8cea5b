"""Long work (exports, imports, backups) in a worker thread behind a progress dialog.

The work is a plain function taking a ``progress(done, total) -> bool`` callback;
returning False asks it to stop (the exporters then raise their ``…Cancelled``
exception and leave no file). Widgets are touched only from the GUI thread: the
worker reports by signal. While it runs, a local event loop keeps the window alive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from desktop.errors import UserError
from desktop.logs import report_unexpected

ProgressCallback = Callable[[int, int], bool]


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, work: Callable[[ProgressCallback], Any]) -> None:
        super().__init__()
        self.work = work
        self.cancelled = False
        self.result: Any = None
        self.error: BaseException | None = None

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled

    def run(self) -> None:
        try:
            self.result = self.work(self._progress)
        except BaseException as exc:  # handed to the GUI thread, re-raised there
            self.error = exc
        self.finished.emit()


class _DialogBridge(QObject):
    """Lives in the GUI thread, so the worker's signals reach the dialog queued."""

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__()
        self.dialog: QProgressDialog | None = dialog

    @Slot(int, int)
    def on_progress(self, done: int, total: int) -> None:
        if self.dialog is None:  # a report still queued when the work was done
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))


class Outcome:
    """What became of the work: ``result``, or ``cancelled``, or a Russian ``error``."""

    def __init__(self, result: Any = None, *, cancelled: bool = False,
                 error: str | None = None) -> None:
        self.result = result
        self.cancelled = cancelled
        self.error = error

    @property
    def ok(self) -> bool:
        return not self.cancelled and self.error is None


def run_with_progress(parent: QWidget | None, title: str,
                      work: Callable[[ProgressCallback], Any],
                      *, cancelled_types: tuple[type[BaseException], ...] = ()) -> Outcome:
    """Run ``work`` in a thread with a cancellable progress dialog; wait for it."""
    dialog = QProgressDialog(title, "Отмена", 0, 100, parent)
    dialog.setWindowTitle("Дорожная карта")
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setValue(0)
    worker = _Worker(work)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()
    bridge = _DialogBridge(dialog)
    worker.progressed.connect(bridge.on_progress)
    worker.finished.connect(loop.quit)
    dialog.canceled.connect(lambda: setattr(worker, "cancelled", True))
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.canceled.disconnect()  # closing the dialog emits «canceled» too
    worker.progressed.disconnect(bridge.on_progress)
    bridge.dialog = None
    # gone now, not later: a quick job left the dialog's own timer pending, and it showed
    # the dialog («…100%») 300 ms later on top of the question asked next («Открыть?»),
    # whose own event loop does not run a deleteLater
    dialog.hide()
    shiboken6.delete(dialog)
    if worker.error is not None:
        if isinstance(worker.error, cancelled_types) or worker.cancelled:
            return Outcome(cancelled=True)
        if isinstance(worker.error, UserError):
            return Outcome(error=worker.error.message)
        if isinstance(worker.error, Exception):
            return Outcome(error=report_unexpected(worker.error, title.rstrip(".…")))
        raise worker.error
    return Outcome(worker.result, cancelled=worker.cancelled)


def run_in_gui_thread(work: Callable[[ProgressCallback], Any]) -> Outcome:
    """For work that paints with Qt (the timeline's PDF): same outcome, busy cursor."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return Outcome(work(lambda _done, _total: True))
    except UserError as exc:
        return Outcome(error=exc.message)
    except Exception as exc:  # a bug: logged; the user gets a Russian message
        return Outcome(error=report_unexpected(exc))
    finally:
        QApplication.restoreOverrideCursor()
