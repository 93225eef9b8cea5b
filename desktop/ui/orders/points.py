"""The points tree with its buttons: add, add a sub-point, remove, up/down, indent/outdent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import order_editing as ed
from desktop.ui.orders.points_model import PointIdRole, PointsModel
from desktop.ui.orders.sink import FAILED, EditSink


class PointsEditor(QWidget):
    def __init__(self, sink: EditSink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sink = sink
        self.order_id: int | None = None
        #: the point to select after the next reload (a new or moved point)
        self.wanted_id: int | None = None
        self.model = PointsModel(self)
        self.model.on_edit = self._edit_text
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.setMinimumHeight(160)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, tip, slot in (
            ("add", "Пункт", "Добавить пункт после выбранного", self.add_point),
            ("add_child", "Подпункт", "Добавить подпункт в выбранный пункт", self.add_child),
            ("remove", "Удалить", "Удалить пункт с подпунктами", self.remove_point),
            ("up", "↑", "Выше", lambda: self.move(-1)),
            ("down", "↓", "Ниже", lambda: self.move(1)),
            ("indent", "→", "Сделать подпунктом пункта выше", self.indent),
            ("outdent", "←", "Поднять на уровень выше", self.outdent),
        ):
            button = QPushButton(self.tr(text), self)
            button.setToolTip(self.tr(tip))
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # the buttons above the list: at 768 px, with the reminders panel open, a row of
        # buttons under it fell below the scrolled form's edge
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

    def load(self, order_id: int, points: list[dict[str, Any]]) -> None:
        keep = self.wanted_id if self.wanted_id is not None else self.current_id()
        self.order_id = order_id
        self.model.set_points(points)
        self.view.expandAll()
        self.wanted_id = None
        if keep is not None:
            self.select(keep)

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(PointIdRole) if index.isValid() else None

    def select(self, point_id: int) -> None:
        index = self.model.index_of(point_id)
        if index.isValid():
            self.view.setCurrentIndex(index)

    # -- actions -----------------------------------------------------------------------------
    def _run(self, text: str, mutate: Callable[[Any], Any], *, select_result: bool = False) -> Any:
        result = self.sink.edit(text, mutate)
        if result is not FAILED:
            self.wanted_id = result if select_result else self.current_id()
        return result

    def _edit_text(self, point_id: int, text: str) -> None:
        self._run(self.tr("изменение пункта приказа"),
                  lambda s: ed.set_point_text(s, point_id, text))

    def add_point(self) -> Any:
        order_id, after = self.order_id, self.current_id()
        if order_id is None:
            return FAILED
        return self._run(self.tr("новый пункт приказа"),
                         lambda s: ed.add_point(s, order_id, after_id=after,
                                                text=self.tr("Новый пункт.")),
                         select_result=True)

    def add_child(self) -> Any:
        order_id, parent = self.order_id, self.current_id()
        if order_id is None or parent is None:
            return FAILED
        return self._run(self.tr("новый подпункт приказа"),
                         lambda s: ed.add_point(s, order_id, parent_id=parent,
                                                text=self.tr("Новый подпункт.")),
                         select_result=True)

    def remove_point(self) -> Any:
        point = self.current_id()
        if point is None:
            return FAILED
        return self._run(self.tr("удаление пункта приказа"), lambda s: ed.remove_point(s, point))

    def move(self, delta: int) -> Any:
        point = self.current_id()
        if point is None:
            return FAILED
        return self._run(self.tr("перемещение пункта приказа"),
                         lambda s: ed.move_point(s, point, delta))

    def indent(self) -> Any:
        point = self.current_id()
        if point is None:
            return FAILED
        return self._run(self.tr("понижение пункта до подпункта"), lambda s: ed.indent_point(s, point))

    def outdent(self) -> Any:
        point = self.current_id()
        if point is None:
            return FAILED
        return self._run(self.tr("повышение подпункта до пункта"), lambda s: ed.outdent_point(s, point))
