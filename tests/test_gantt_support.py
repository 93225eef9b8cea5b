"""Shared set-up for the timeline tests (no tests here): the demo roadmap in a tree.

The roadmap tree model is being rewritten; this builds it through whichever
loading API it has (``set_data`` with the editor's nodes, or ``set_table``), so
the timeline tests only rely on the roles the timeline reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from desktop.models import Roadmap
from desktop.models.database import Database
from desktop.ui.changes import Changes
from desktop.ui.dialogs import ScriptedDialogs
from desktop.ui.editor.rows import load_roadmap
from desktop.ui.gantt.view import GanttView
from desktop.ui.roadmap_tree_model import DeadlineRole, RoadmapTreeModel, RowIdRole, RowKindRole


def load_model(model: RoadmapTreeModel, database: Database, roadmap_id: int,
               today: dt.date) -> None:
    """Fill ``model`` with the roadmap as the editor page does."""
    with database.session() as session:
        model.set_data(load_roadmap(session, roadmap_id, today))


def roadmap_facts(database: Database, roadmap_id: int) -> tuple[tuple[dt.date, dt.date],
                                                                  list[tuple[dt.date, str]]]:
    with database.session() as session:
        roadmap = session.get(Roadmap, roadmap_id)
        assert roadmap is not None
        return roadmap.period, [(p.date, p.target_text) for p in roadmap.monitoring_points]


@dataclass
class Setup:
    tree: QTreeView
    model: RoadmapTreeModel
    view: GanttView
    stack: QUndoStack
    changes: Changes
    dialogs: ScriptedDialogs


def build(qtbot, database: Database, today: dt.date, roadmap_id: int = 1) -> Setup:
    """A tree over the roadmap and the timeline beside it, shown side by side."""
    model = RoadmapTreeModel(today=today)
    load_model(model, database, roadmap_id, today)
    tree = QTreeView()
    tree.setModel(model)
    tree.setUniformRowHeights(True)
    tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tree.expandAll()
    tree.resize(500, 700)
    period, points = roadmap_facts(database, roadmap_id)
    changes, stack, dialogs = Changes(), QUndoStack(), ScriptedDialogs()
    view = GanttView(tree, database=database, changes=changes, undo_stack=stack, dialogs=dialogs,
                     period=period, monitoring_points=points, today=today)
    view.resize(900, 700)
    qtbot.addWidget(tree)
    qtbot.addWidget(view)
    tree.show()
    view.show()
    qtbot.waitExposed(view)
    changes.itemsChanged.connect(lambda _ids: load_model(model, database, roadmap_id, today)
                                 or tree.expandAll())
    return Setup(tree, model, view, stack, changes, dialogs)


def find_item(model: RoadmapTreeModel, predicate) -> QModelIndex:
    """The first item index (column 0, any depth) whose Deadline satisfies ``predicate``."""
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop(0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            deadline = index.data(DeadlineRole)
            if index.data(RowKindRole) == "item" and deadline is not None and predicate(deadline):
                return index
            stack.append(index)
    raise AssertionError("no such item")


def item_id(index: QModelIndex) -> int:
    return int(index.data(RowIdRole))
