"""The column-profile editor: which item fields the roadmap's table shows, in which order,
under which heading — with the presets of the samples (``PRESETS``) one click away.

Every field is a row: tick it to show it, drag it or use «Выше»/«Ниже» to order it,
double-click the heading to rename it. :meth:`ColumnProfileEditor.profile` gives the
ticked fields in order as :class:`desktop.models.columns.Column` values.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.columns import FIELD_SPECS, PRESETS, Column, Field, prints_positions

FieldRole = Qt.ItemDataRole.UserRole + 1


class ColumnProfileEditor(QWidget):
    def __init__(self, columns: tuple[Column, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset_combo = QComboBox(self)
        for key, (title, _columns) in PRESETS.items():
            self.preset_combo.addItem(title, key)
        self.preset_button = QPushButton(self.tr("Применить образец"), self)
        self.preset_button.clicked.connect(lambda: self.apply_preset(self.preset_combo.currentData()))
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Поле"), self.tr("Заголовок в таблице")])
        self.tree.setRootIsDecorated(False)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setColumnWidth(0, 270)
        self.up_button = QPushButton(self.tr("Выше"), self)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Ниже"), self)
        self.down_button.clicked.connect(lambda: self.move_current(1))
        presets = QHBoxLayout()
        presets.addWidget(QLabel(self.tr("Образец:"), self))
        presets.addWidget(self.preset_combo, 1)
        presets.addWidget(self.preset_button)
        side = QVBoxLayout()
        side.addWidget(self.up_button)
        side.addWidget(self.down_button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.tree, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(presets)
        layout.addWidget(QLabel(self.tr(
            "Отметьте столбцы, расставьте их по порядку (перетаскиванием или кнопками), "
            "заголовок меняется двойным щелчком."), self))
        layout.addLayout(body, 1)
        self.positions_check = QCheckBox(self.tr(
            "Исполнители из справочника — с должностью («О.В. Плесецкая – директор МКУО КМЦ»)"), self)
        layout.addWidget(self.positions_check)
        self.set_profile(columns)
        matching = [key for key, (_title, cols) in PRESETS.items() if cols == tuple(columns)]
        if matching:
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(matching[0]))

    def set_profile(self, columns: tuple[Column, ...]) -> None:
        """Show ``columns`` ticked in their order, then the other fields unticked."""
        self.tree.clear()
        self.positions_check.setChecked(prints_positions(columns))
        chosen = {c.field for c in columns}
        rows = [(c.field, c.heading, True) for c in columns]
        rows += [(f, FIELD_SPECS[f].heading, False) for f in Field if f not in chosen]
        for field, heading, checked in rows:
            item = QTreeWidgetItem([self.tr(FIELD_SPECS[field].title), heading])
            item.setData(0, FieldRole, field.value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
                          | Qt.ItemFlag.ItemIsDragEnabled)
            item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.tree.addTopLevelItem(item)

    def apply_preset(self, key: str) -> None:
        self.set_profile(PRESETS[key][1])
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(key))

    def rows(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]

    def item_for(self, field: Field) -> QTreeWidgetItem:
        return next(i for i in self.rows() if i.data(0, FieldRole) == field.value)

    def move_current(self, delta: int) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        row = self.tree.indexOfTopLevelItem(item)
        target = row + delta
        if not 0 <= target < self.tree.topLevelItemCount():
            return
        self.tree.takeTopLevelItem(row)
        self.tree.insertTopLevelItem(target, item)
        self.tree.setCurrentItem(item)

    def profile(self) -> tuple[Column, ...]:
        """The ticked fields in order; an emptied heading falls back to the default one."""
        columns = []
        for item in self.rows():
            if item.checkState(0) != Qt.CheckState.Checked:
                continue
            field = Field(item.data(0, FieldRole))
            columns.append(Column(field, item.text(1).strip() or FIELD_SPECS[field].heading,
                                  with_position=field is Field.EXECUTORS
                                  and self.positions_check.isChecked()))
        return tuple(columns)
