"""Change notifications: undo commands say what they changed, views refresh just that.

One :class:`Changes` object lives in the main window; every undo command calls one of
its methods after committing (on redo and on undo alike), and pages listen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Changes(QObject):
    #: item ids whose fields changed (same rows, same places)
    itemsChanged = Signal(list)
    #: a roadmap's rows were added, removed, moved or renumbered: rebuild its tree
    roadmapChanged = Signal(int)
    #: schools, directories, profile or the list of roadmaps changed
    referenceChanged = Signal()
    #: orders changed
    ordersChanged = Signal()
    #: an edit met another user's newer change (optimistic lock): the window re-reads
    conflictDetected = Signal()
    #: an undo or redo from the history was refused (the message to show); the first run's
    #: error is shown by whoever pushed the command (see :func:`desktop.ui.commands.push`)
    editFailed = Signal(str)

    def items(self, item_ids: list[int]) -> None:
        self.itemsChanged.emit(list(item_ids))

    def roadmap(self, roadmap_id: int) -> None:
        self.roadmapChanged.emit(roadmap_id)

    def reference(self) -> None:
        self.referenceChanged.emit()

    def orders(self) -> None:
        self.ordersChanged.emit()

    def conflict(self) -> None:
        self.conflictDetected.emit()

    def failed(self, message: str) -> None:
        self.editFailed.emit(message)
