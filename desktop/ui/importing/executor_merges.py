"""The import preview's «Исполнители» tab: spellings merged into one executor, and
suggestions, each with a check box (accept) and the name it becomes (editable).

The widget edits the preview's :class:`desktop.importers.executor_plan.ExecutorGroup`
list in place and emits ``changed`` so that the dialog can plan the directory again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.importers.executor_plan import ExecutorGroup

SUGGESTION_BRUSH = QBrush(QColor("#eef4ff"))
HEADINGS = ("Объединить", "Как написано в документе", "Станет", "Справочник", "Упоминаний")
ACCEPT, VARIANTS, NAME, DIRECTORY, MENTIONS = range(5)


class ExecutorMergesView(QWidget):
    """A table of merges (ticked) and suggestions (unticked, tinted)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[ExecutorGroup] = []
        self.model = QStandardItemModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.hint = QLabel(self.tr(
            "Отмеченные варианты будут записаны одним исполнителем под именем из столбца "
            "«Станет» (его можно исправить двойным щелчком). Голубые строки — предложения: "
            "похожие, но не одинаковые названия; отметьте, если это один исполнитель."), self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        self.model.itemChanged.connect(self._item_changed)

    def set_groups(self, groups: list[ExecutorGroup]) -> None:
        self.groups = groups
        self.model.blockSignals(True)
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr(h) for h in HEADINGS])
        for group in groups:
            accept = QStandardItem(self.tr("предложение") if group.suggestion else "")
            accept.setCheckable(True)
            accept.setEditable(False)
            accept.setCheckState(Qt.CheckState.Checked if group.accepted
                                 else Qt.CheckState.Unchecked)
            cells = [accept, QStandardItem("\n".join(group.variants)),
                     QStandardItem(group.name), QStandardItem(group.directory),
                     QStandardItem(str(group.mentions))]
            for col, cell in enumerate(cells):
                if col != NAME:
                    cell.setEditable(False)
                if group.suggestion:
                    cell.setBackground(SUGGESTION_BRUSH)
            self.model.appendRow(cells)
        self.model.blockSignals(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in ((ACCEPT, 130), (NAME, 300), (DIRECTORY, 260), (MENTIONS, 110)):
            self.view.setColumnWidth(col, width)
        header.setSectionResizeMode(VARIANTS, QHeaderView.ResizeMode.Stretch)
        self.view.resizeRowsToContents()

    def refresh_directory(self) -> None:
        """The «Справочник» column again (what the import adds follows the user's choices)."""
        self.model.blockSignals(True)
        for row, group in enumerate(self.groups):
            item = self.model.item(row, DIRECTORY)
            if item is not None and item.text() != group.directory:
                item.setText(group.directory)
        self.model.blockSignals(False)
        self.view.viewport().update()

    def set_accepted(self, row: int, accepted: bool) -> None:
        """Tick or untick one row as the user would (tests drive the tab with it)."""
        self.model.item(row, ACCEPT).setCheckState(
            Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)

    def _item_changed(self, item: QStandardItem) -> None:
        row = item.row()
        if not 0 <= row < len(self.groups):
            return
        group = self.groups[row]
        if item.column() == ACCEPT:
            group.accepted = item.checkState() == Qt.CheckState.Checked
        elif item.column() == NAME:
            name = " ".join(item.text().split())
            if not name:  # an empty name is no name: keep the old one
                self.model.blockSignals(True)
                item.setText(group.name)
                self.model.blockSignals(False)
                return
            old, group.name = group.name, name
            if not group.suggestion:  # a suggestion to join this merge joins it renamed
                self._rename_suggestions(old, name)
        self.changed.emit()

    def _rename_suggestions(self, old: str, new: str) -> None:
        self.model.blockSignals(True)
        for row, other in enumerate(self.groups):
            if other.suggestion and other.name == old:
                other.name = new
                self.model.item(row, NAME).setText(new)
        self.model.blockSignals(False)
        self.view.viewport().update()
