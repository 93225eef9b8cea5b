"""Cell editors of the roadmap tree, chosen by the column's field: deadline (parsed as you
type), executors (completion from the directory), status (a combo) and schools (a
scope and a checkable list); every other text field gets a plain line edit."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.columns import Field
from desktop.models.enums import ItemStatus, SchoolScope, label
from desktop.ui.editor.deadline_editor import DeadlineEditor
from desktop.ui.editor.rows import SchoolInfo
from desktop.ui.roadmap_tree_model import FieldRole, RoadmapTreeModel

Index = QModelIndex | QPersistentModelIndex


class ListCompleter(QCompleter):
    """Completes the last of comma-separated names: «ИМЦ, Р» → «ИМЦ, РОО»."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex) -> str:
        head = self.widget().text().rsplit(",", 1)[0] if "," in self.widget().text() else ""
        name = index.data()
        return f"{head}, {name}" if head else name


class SchoolsEditor(QWidget):
    """A scope (none / all «500+» / all ШНОР / chosen) and the checkable list of schools."""

    def __init__(self, schools: list[SchoolInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.scope = QComboBox(self)
        for scope in SchoolScope:
            self.scope.addItem(label(scope) if scope is not SchoolScope.NONE
                               else self.tr("не по школам"), scope)
        self.list = QListWidget(self)
        for school in schools:
            entry = QListWidgetItem(school.short_name, self.list)
            entry.setData(Qt.ItemDataRole.UserRole, school.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
        self.scope.currentIndexChanged.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.scope)
        layout.addWidget(self.list)
        self.setFocusProxy(self.scope)

    def _enable(self) -> None:
        self.list.setEnabled(self.scope.currentData() == SchoolScope.CHOSEN.value)

    def set_value(self, scope: SchoolScope, school_ids: list[int]) -> None:
        self.scope.setCurrentIndex(max(0, self.scope.findData(scope)))
        for row in range(self.list.count()):
            entry = self.list.item(row)
            checked = entry.data(Qt.ItemDataRole.UserRole) in school_ids
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._enable()

    def value(self) -> tuple[SchoolScope, list[int]]:
        scope = SchoolScope(self.scope.currentData())
        ids = [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())
               if self.list.item(r).checkState() == Qt.CheckState.Checked]
        return scope, ids if scope is SchoolScope.CHOSEN else []


class EditorDelegate(QStyledItemDelegate):
    """Picks the editor by the column's :class:`Field` (``FieldRole``)."""

    def __init__(self, model: RoadmapTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        #: directory names offered while typing executors (set by the page)
        self.executor_names: list[str] = []

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        raw = index.data(FieldRole)  # a StrEnum comes back from Qt as a plain str
        field = Field(raw) if raw else None
        data = self.model.roadmap
        if field is Field.DEADLINE:
            return DeadlineEditor(parent, period=data.period if data else None)
        if field is Field.STATUS:
            combo = QComboBox(parent)
            for status in ItemStatus:
                combo.addItem(label(status), status)
            return combo
        if field is Field.SCHOOLS:
            return SchoolsEditor(data.schools if data else [], parent)
        editor = QLineEdit(parent)
        if field is Field.EXECUTORS:
            completer = ListCompleter(self.executor_names, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
            editor.setPlaceholderText(self.tr("через запятую: ИМЦ, РОО, руководители школ"))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, DeadlineEditor):
            editor.set_text(value or "")
        elif isinstance(editor, SchoolsEditor):
            editor.set_value(*value)
        elif isinstance(editor, QComboBox):
            status = index.data(Qt.ItemDataRole.UserRole + 14)
            editor.setCurrentIndex(max(0, editor.findData(status)))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, DeadlineEditor):
            model.setData(index, editor.text())
        elif isinstance(editor, SchoolsEditor):
            model.setData(index, editor.value())
        elif isinstance(editor, QComboBox):
            model.setData(index, ItemStatus(editor.currentData()))
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, DeadlineEditor | SchoolsEditor):
            rect.setWidth(max(rect.width(), 380))
            height = 220 if isinstance(editor, SchoolsEditor) else editor.sizeHint().height()
            rect.setHeight(max(rect.height(), height))
        editor.setGeometry(rect)
