"""«Оформление»: which part comes where in the document and under which heading
(«1. Цели реализации дорожной карты» instead of «Цель»)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.roadmap_parts import DEFAULT_HEADINGS, PartKey

KeyRole = Qt.ItemDataRole.UserRole + 1

#: the parts' names in the tab
NAMES: dict[PartKey, str] = {
    PartKey.PASSPORT: "Паспорт", PartKey.BASIS: "Документы-основания",
    PartKey.JUSTIFICATION: "Обоснование", PartKey.GOAL: "Цель", PartKey.TASKS: "Задачи",
    PartKey.TABLE: "Таблица мероприятий", PartKey.INDICATORS: "Целевые показатели",
    PartKey.ABBREVIATIONS: "Принятые сокращения",
}


class LayoutTab(QWidget):
    def __init__(self, order: tuple[str, ...], headings: tuple[tuple[str, str], ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own = dict(headings)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Часть документа"), self.tr("Заголовок в документе")])
        self.tree.setRootIsDecorated(False)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setColumnWidth(0, 220)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        for key in order:
            part = PartKey(key)
            item = QTreeWidgetItem([self.tr(NAMES[part]), own.get(key, DEFAULT_HEADINGS[part])])
            item.setData(0, KeyRole, key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
            self.tree.addTopLevelItem(item)
        up = QPushButton(self.tr("Выше"), self)
        up.clicked.connect(lambda: self.move_current(-1))
        down = QPushButton(self.tr("Ниже"), self)
        down.clicked.connect(lambda: self.move_current(1))
        side = QVBoxLayout()
        side.addWidget(up)
        side.addWidget(down)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.tree, 1)
        body.addLayout(side)
        hint = QLabel(self.tr("Порядок частей — перетаскиванием или кнопками; заголовок меняется "
                              "двойным щелчком. Пустой заголовок — заголовок по умолчанию."), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(body, 1)

    def items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]

    def move_current(self, delta: int) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        row = self.tree.indexOfTopLevelItem(item)
        if 0 <= row + delta < self.tree.topLevelItemCount():
            self.tree.takeTopLevelItem(row)
            self.tree.insertTopLevelItem(row + delta, item)
            self.tree.setCurrentItem(item)

    def value(self) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
        order = tuple(str(i.data(0, KeyRole)) for i in self.items())
        headings = tuple(sorted(
            (key, item.text(1).strip()) for item in self.items()
            if (key := str(item.data(0, KeyRole)))
            and item.text(1).strip() and item.text(1).strip() != DEFAULT_HEADINGS[PartKey(key)]))
        return order, headings
