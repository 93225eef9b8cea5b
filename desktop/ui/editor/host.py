"""What the editor's handlers need of the page that holds them (a protocol, no page here).

:class:`desktop.ui.editor.controller.EditorController` acts on the roadmap tree of the
editor page; the page passes itself as an :class:`EditorHost`, so the handlers never
import the page (which imports them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QTreeView

    from desktop.ui.changes import Changes
    from desktop.ui.datasource import DataSource
    from desktop.ui.dialogs import Dialogs
    from desktop.ui.editor.delegates import EditorDelegate
    from desktop.ui.editor.filter_bar import FilterBar
    from desktop.ui.editor.nodes import Node
    from desktop.ui.roadmap_tree_model import RoadmapTreeModel

Key = tuple[str, int]  #: ("item" or "section", id)


class EditorHost(Protocol):
    """The editor page as its handlers see it: the tree, its model and the window's tools.

    The page is a ``QWidget`` too: the handlers' dialogs use it as their parent."""

    source: DataSource | None
    model: RoadmapTreeModel
    tree: QTreeView
    delegate: EditorDelegate
    filter_bar: FilterBar
    undo_stack: QUndoStack | None
    changes: Changes | None
    dialogs: Dialogs

    def tr(self, text: str) -> str: ...

    def rebuild(self) -> None:
        """Re-read the roadmap and show it, keeping the selection and expansion."""

    def current_roadmap_id(self) -> int | None: ...

    def current_node(self) -> Node | None: ...

    def selected_keys(self) -> list[Key]: ...

    def select_keys(self, keys: list[Key], current: Key) -> None: ...

    def select_item(self, item_id: int, column: int = 0) -> QModelIndex: ...
