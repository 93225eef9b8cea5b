"""Target indicators: the period headings («2025/2026; 2026/2027») and a table of
indicator, unit and one value per period."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.roadmap_parts import IndicatorData

FIXED = ("Показатель", "Единица измерения")


def split_periods(text: str) -> tuple[str, ...]:
    """«2025/2026; 2026/2027» → ("2025/2026", "2026/2027")."""
    return tuple(p.strip() for p in text.split(";") if p.strip())


class IndicatorsTab(QWidget):
    def __init__(self, periods: tuple[str, ...], indicators: tuple[IndicatorData, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.periods_edit = QLineEdit("; ".join(periods), self)
        self.periods_edit.setPlaceholderText(self.tr("например: 2025/2026; 2026/2027"))
        self.periods_edit.editingFinished.connect(self._periods_changed)
        self.table = QTableWidget(0, 0, self)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(self.tr("Добавить показатель"), self)
        self.add_button.clicked.connect(lambda: self.add_row(IndicatorData("")))
        self.remove_button = QPushButton(self.tr("Удалить показатель"), self)
        self.remove_button.clicked.connect(
            lambda: self.table.removeRow(self.table.currentRow()) if self.table.currentRow() >= 0
            else None)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Периоды (через «;»):"), self))
        top.addWidget(self.periods_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._set_periods(periods)
        for indicator in indicators:
            self.add_row(indicator)

    def _set_periods(self, periods: tuple[str, ...]) -> None:
        self.periods = periods
        self.table.setColumnCount(len(FIXED) + len(periods))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in FIXED] + list(periods))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _periods_changed(self) -> None:
        periods = split_periods(self.periods_edit.text())
        if periods != self.periods:
            self._set_periods(periods)

    def add_row(self, indicator: IndicatorData) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate((indicator.name, indicator.unit, *indicator.values)):
            if col < self.table.columnCount():
                self.table.setItem(row, col, QTableWidgetItem(text))
        return row

    def value(self) -> tuple[tuple[str, ...], tuple[IndicatorData, ...]]:
        self._periods_changed()
        rows = []
        for row in range(self.table.rowCount()):
            cells = [(self.table.item(row, c).text().strip() if self.table.item(row, c) else "")
                     for c in range(self.table.columnCount())]
            if not any(cells):
                continue
            values = tuple(cells[len(FIXED):])
            while values and not values[-1]:
                values = values[:-1]
            rows.append(IndicatorData(cells[0], cells[1], values))
        return self.periods, tuple(rows)
