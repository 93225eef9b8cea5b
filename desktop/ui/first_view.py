"""The first view: the roadmap editor filled from a plain ``sqlite3`` read while SQLAlchemy loads.

At start-up the window is painted, then :func:`read_first_view` reads what the first page
shows (the roadmaps, the first one's tree, its monitoring points, the directory's names)
in one go, all or nothing. The window shows it at once and takes no input until the
database is open (:meth:`MainWindow.show_first_view`), then reads everything again
through the ordinary :class:`~desktop.ui.datasource.DataSource`. When anything is unsure
— another schema revision, a damaged value, a deadline to re-read — there is no first
view: the window waits for the full open as before.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.models import plain_read
from desktop.models.columns import Column, prints_positions, profile_from_json
from desktop.models.plain_read import NotReadable
from desktop.ui.editor.nodes import (
    Node,
    RoadmapData,
    SchoolInfo,
    executor_texts,
    item_nodes,
    roadmap_tree,
)

__all__ = ["FirstViewSource", "InputGate", "NotReadable", "read_first_view"]


class FirstViewSource:
    """The read side of :class:`~desktop.ui.datasource.DataSource` for the first page, from
    memory; ``database`` is None, so the editor's handlers do nothing yet."""

    database = None

    def __init__(self, authority: str, summaries: list[dict[str, Any]],
                 roadmap: RoadmapData | None, points: list[tuple[dt.date, str]],
                 names: list[str]) -> None:
        self._authority = authority
        self._summaries = summaries
        self._roadmap = roadmap
        self._points = points
        self._names = names

    def authority_name(self) -> str:
        return self._authority

    def roadmaps(self) -> list[dict[str, Any]]:
        return self._summaries

    def _shows(self, roadmap_id: int) -> bool:
        return self._roadmap is not None and self._roadmap.roadmap_id == roadmap_id

    def roadmap_data(self, roadmap_id: int, today: dt.date) -> RoadmapData | None:
        return self._roadmap if self._shows(roadmap_id) else None

    def item_nodes(self, columns: tuple[Column, ...], today: dt.date,
                   ids: list[int]) -> list[Node]:
        return []  # no edits before the database is open

    def monitoring_points(self, roadmap_id: int) -> list[tuple[dt.date, str]]:
        return self._points if self._shows(roadmap_id) else []

    def executor_names(self) -> list[str]:
        return self._names


def _roadmap(conn: Any, roadmap_id: int, today: dt.date) -> RoadmapData | None:
    head = plain_read.roadmap_head(conn, roadmap_id)
    if head is None:
        return None
    title, start, end, profile, district = head
    columns = profile_from_json(profile)
    executors = executor_texts(plain_read.executors(conn, roadmap_id),
                               positions=prints_positions(columns))
    return roadmap_tree(
        roadmap_id, title, (start, end), columns, plain_read.sections(conn, roadmap_id),
        lambda _sections: item_nodes(plain_read.items(conn, roadmap_id), executors,
                                     plain_read.item_schools(conn, roadmap_id), columns, today),
        [SchoolInfo(*row) for row in plain_read.schools(conn, start.year, district)])


def read_first_view(path: Path, today: dt.date) -> FirstViewSource:
    """Everything the first page shows, or :class:`NotReadable`."""
    with plain_read.reading(path) as conn:
        try:
            summaries = plain_read.roadmap_summaries(conn)
            first = summaries[0]["id"] if summaries else None
            roadmap = _roadmap(conn, first, today) if first is not None else None
            points = plain_read.monitoring_points(conn, first) if first is not None else []
            return FirstViewSource(plain_read.authority_name(conn), summaries, roadmap, points,
                                   plain_read.executor_names(conn))
        except NotReadable:
            raise
        except Exception as exc:  # any value the builders refuse: the full open will say
            raise NotReadable(str(exc)) from exc


#: what the first view does not take: clicks, keys (and so shortcuts), menus, drops
_INPUT = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride, QEvent.Type.ContextMenu, QEvent.Type.DragEnter,
    QEvent.Type.Drop,
})


#: keys that only look around a tree: move the current row, extend a selection
_LOOKING_KEYS = frozenset({
    Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Shift,
})
_KEYS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride})


class InputGate(QObject):
    """While the first view shows, the user's input to ``window`` that would change or open
    something is dropped (a shortcut's override is accepted, so no action fires) until the
    database is open. Looking around is taken at once: in ``views`` (the page's tree) a
    click selects and the arrow, page and Home/End keys move (no double click, no other key,
    no modifier but Shift); in ``filters`` (the page's filter bar, which filters what is
    already read) everything. Dialogs (a damaged file's question, an error) take input as
    usual; the window can still be moved, resized and scrolled, and shows a busy cursor
    where it does not take input."""

    def __init__(self, window: QWidget, *, views: tuple[QWidget, ...] = (),
                 filters: tuple[QWidget, ...] = ()) -> None:
        super().__init__(window)
        self.window = window
        self.views, self.filters = views, filters
        QApplication.instance().installEventFilter(self)
        window.setCursor(Qt.CursorShape.BusyCursor)
        for widget in (*views, *filters):
            widget.setCursor(Qt.CursorShape.ArrowCursor)

    def close(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self.window.unsetCursor()
        for widget in (*self.views, *self.filters):
            widget.unsetCursor()

    def _within(self, widget: QWidget, roots: tuple[QWidget, ...]) -> bool:
        return any(root is widget or root.isAncestorOf(widget) for root in roots)

    def looks_around(self, watched: QWidget, event: QEvent) -> bool:
        """Whether ``event`` only looks around (see the class docstring)."""
        if self._within(watched, self.filters):
            return True
        if not self._within(watched, self.views):
            return False
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            return True
        if event.type() in _KEYS and isinstance(event, QKeyEvent):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier \
                & ~Qt.KeyboardModifier.KeypadModifier
            return event.key() in _LOOKING_KEYS and modifiers == Qt.KeyboardModifier.NoModifier
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() in _INPUT and isinstance(watched, QWidget)
                and watched.window() is self.window and not self.looks_around(watched, event)):
            event.accept()  # an accepted ShortcutOverride stops the shortcut
            return True
        return False
