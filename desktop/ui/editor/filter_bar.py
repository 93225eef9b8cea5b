"""The editor's filter bar: text, section, executor, status, overdue, due soon, school."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from desktop.models.enums import ItemStatus, label
from desktop.ui.editor.filter import FilterSpec
from desktop.ui.editor.nodes import RoadmapData


class FilterBar(QWidget):
    """Emits :attr:`changed` with a :class:`FilterSpec` whenever a criterion changes."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Найти (Ctrl+F)…"))
        self.text.setClearButtonEnabled(True)
        self.section = QComboBox(self)
        self.section.setMinimumContentsLength(18)
        self.section.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.executor = QComboBox(self)
        self.executor.setEditable(True)
        self.executor.setMinimumContentsLength(12)
        self.executor.lineEdit().setPlaceholderText(self.tr("исполнитель"))
        self.status = QComboBox(self)
        self.status.addItem(self.tr("любой статус"), None)
        for status in ItemStatus:
            self.status.addItem(label(status), status)
        self.overdue = QCheckBox(self.tr("просроченные"), self)
        self.due_soon = QCheckBox(self.tr("срок в ближайшие"), self)
        self.days = QSpinBox(self)
        self.days.setRange(1, 366)
        self.days.setValue(14)
        self.days.setSuffix(self.tr(" дн."))
        self.school = QComboBox(self)
        self.school.setMinimumContentsLength(10)
        self.clear = QToolButton(self)
        self.clear.setText(self.tr("Сбросить"))
        self.clear.clicked.connect(self.reset)
        self.count = QLabel(self)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(2)
        first = QHBoxLayout()
        for widget, stretch in ((self.text, 3), (self.section, 2), (self.executor, 1),
                                (self.status, 0), (self.school, 1)):
            first.addWidget(widget, stretch)
        second = QHBoxLayout()
        for widget in (self.overdue, self.due_soon, self.days, self.clear, self.count):
            second.addWidget(widget)
        second.addStretch(1)
        layout.addLayout(first, 0, 0)
        layout.addLayout(second, 1, 0)
        self.text.textChanged.connect(self._emit)
        self.executor.currentTextChanged.connect(self._emit)
        for combo in (self.section, self.status, self.school):
            combo.currentIndexChanged.connect(self._emit)
        for box in (self.overdue, self.due_soon):
            box.toggled.connect(self._emit)
        self.days.valueChanged.connect(self._emit)
        self._quiet = False

    def set_choices(self, data: RoadmapData | None, executor_names: list[str]) -> None:
        """Fill the combos for a roadmap, keeping what is chosen where it still exists."""
        self._quiet = True
        section, school, executor = (self.section.currentData(), self.school.currentData(),
                                     self.executor.currentText())
        self.section.clear()
        self.section.addItem(self.tr("все разделы"), None)
        self.school.clear()
        self.school.addItem(self.tr("все школы"), None)
        if data is not None:
            for node in data.root.children:
                self.section.addItem(node.cells[0], node.id)
            for info in data.schools:
                self.school.addItem(info.short_name, info.id)
        self.executor.clear()
        self.executor.addItems(["", *executor_names])
        self.section.setCurrentIndex(max(0, self.section.findData(section)))
        self.school.setCurrentIndex(max(0, self.school.findData(school)))
        self.executor.setEditText(executor)
        self._quiet = False

    def spec(self) -> FilterSpec:
        return FilterSpec(
            text=self.text.text(),
            section_id=self.section.currentData(),
            executor=self.executor.currentText(),
            status=ItemStatus(self.status.currentData()) if self.status.currentData() else None,
            overdue=self.overdue.isChecked(),
            due_within=self.days.value() if self.due_soon.isChecked() else None,
            school_id=self.school.currentData(),
        )

    def reset(self) -> None:
        self._quiet = True
        self.text.clear()
        self.executor.setEditText("")
        for combo in (self.section, self.status, self.school):
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.due_soon.setChecked(False)
        self._quiet = False
        self._emit()

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit(self.spec())
