"""Cell editors of the roadmap tree, chosen by the column's field: deadline (parsed as you
type, one row high), executors (completion from the directory), status (a combo), schools
(a scope and a checkable list), long text (activity, tasks, indicator …: several lines,
wider than the cell); the number gets a plain line edit. Editors stay inside the viewport."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.columns import Field
from desktop.models.enums import ItemStatus, SchoolScope, label
from desktop.ui.editor.deadline_editor import DeadlineEditor
from desktop.ui.editor.details import LONG_FIELDS
from desktop.ui.editor.nodes import SchoolInfo
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


class LongTextEditor(QPlainTextEdit):
    """Several lines for a long text: Enter stores it, Shift+Enter (or Ctrl/Alt+Enter)
    starts a new line, Esc cancels."""

    #: width and lines of the editor (wider than the cell when the cell is narrow)
    MIN_WIDTH, LINES = 460, 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setToolTip(self.tr("Enter — сохранить, Shift+Enter — новая строка, Esc — отмена"))

    def text(self) -> str:
        return self.toPlainText()

    def preferred_height(self) -> int:
        return self.fontMetrics().lineSpacing() * self.LINES + 2 * self.frameWidth() + 8


class EditorDelegate(QStyledItemDelegate):
    """Picks the editor by the column's :class:`Field` (``FieldRole``)."""

    #: the deadline being typed, as understood (text, warns) — the page shows it
    deadlineInterpreted = Signal(str, bool)
    #: Tab (True) or Shift+Tab (False) in an editor: stored and closed; the page opens
    #: the next (previous) cell of the row, as in a spreadsheet
    tabbed = Signal(bool)

    def __init__(self, model: RoadmapTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        #: directory names offered while typing executors (set by the page)
        self.executor_names: list[str] = []
        self._tab_catcher = _TabCatcher(self)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = self._make_editor(parent, index)
        # Tab in a part of a compound editor (the deadline's line, its calendar button)
        # would move the focus on inside it, or out of the table to the search box; only
        # Tab is caught there (the delegate's own filter would close the editor whenever
        # a part of it loses the focus)
        for child in editor.findChildren(QWidget):
            child.installEventFilter(self._tab_catcher)
        return editor

    def _make_editor(self, parent: QWidget, index: Index) -> QWidget:
        raw = index.data(FieldRole)  # a StrEnum comes back from Qt as a plain str
        field = Field(raw) if raw else None
        data = self.model.roadmap
        if field is Field.DEADLINE:
            deadline = DeadlineEditor(parent, period=data.period if data else None,
                                      school=data.school if data else None, compact=True)
            deadline.interpreted.connect(self.deadlineInterpreted)
            return deadline
        if field in LONG_FIELDS and field is not Field.EXECUTORS:
            return LongTextEditor(parent)
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
        elif isinstance(editor, LongTextEditor):
            editor.setPlainText(str(value or ""))
            editor.selectAll()  # as Qt does for a line edit: a typed key replaces the text
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
        elif isinstance(editor, QLineEdit | LongTextEditor):
            model.setData(index, editor.text())

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, SchoolsEditor):
            rect.setWidth(max(rect.width(), 380))
            rect.setHeight(max(rect.height(), 220))
        elif isinstance(editor, LongTextEditor):
            rect.setWidth(max(rect.width(), LongTextEditor.MIN_WIDTH))
            rect.setHeight(max(rect.height(), editor.preferred_height()))
        elif isinstance(editor, DeadlineEditor):
            rect.setWidth(max(rect.width(), 220))  # one row: the rows below stay visible
        editor.setGeometry(fit_inside(rect, editor.parentWidget().rect()))

    def tab_out(self, watched: QObject, event: QEvent) -> bool:
        """Tab or Shift+Tab in (a part of) an editor: store it, close it, say which way."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) \
                or event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                or not isinstance(watched, QWidget) or isinstance(watched, QAbstractItemView):
            return False
        editor = self._editor_of(watched)
        if editor is None:
            return False
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.tabbed.emit(event.key() == Qt.Key.Key_Tab and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.tab_out(watched, event):
            return True
        if isinstance(watched, LongTextEditor) and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & (Qt.KeyboardModifier.ShiftModifier
                                    | Qt.KeyboardModifier.ControlModifier
                                    | Qt.KeyboardModifier.AltModifier):
                watched.insertPlainText("\n")
            else:
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(watched, event)


    @staticmethod
    def _editor_of(widget: QWidget) -> QWidget | None:
        """The cell editor ``widget`` is (or is part of): the widget on the view's viewport."""
        while widget is not None:
            parent = widget.parentWidget()
            if parent is not None and isinstance(parent.parentWidget(), QAbstractItemView) \
                    and parent is parent.parentWidget().viewport():
                return widget
            widget = parent
        return None


class _TabCatcher(QObject):
    """On the parts of a compound editor: hands Tab to the delegate, nothing else."""

    def __init__(self, delegate: EditorDelegate) -> None:
        super().__init__(delegate)
        self.delegate = delegate

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return self.delegate.tab_out(watched, event)


def fit_inside(rect: QRect, area: QRect) -> QRect:
    """``rect`` moved (and if need be shrunk) to lie within ``area``: an editor wider or
    taller than its cell is never cut at the viewport's edge or the splitter."""
    rect = QRect(rect)
    rect.setWidth(min(rect.width(), area.width()))
    rect.setHeight(min(rect.height(), area.height()))
    if rect.right() > area.right():
        rect.moveRight(area.right())
    if rect.bottom() > area.bottom():
        rect.moveBottom(area.bottom())
    if rect.left() < area.left():
        rect.moveLeft(area.left())
    if rect.top() < area.top():
        rect.moveTop(area.top())
    return rect
