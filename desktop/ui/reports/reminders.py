"""Reminders without a network: on start, a panel beside the pages (never a modal box)
lists what is overdue and what falls due this week; double-click an entry to open it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from desktop.ui.table_model import ColumnDef, RecordTableModel

KIND_LABELS = {"overdue": "просрочено", "soon": "на этой неделе"}
COLUMNS = (
    ColumnDef("Состояние", "kind", lambda k: KIND_LABELS.get(str(k), "")),
    ColumnDef("Срок", "due", lambda d: f"{d:%d.%m}" if isinstance(d, dt.date) else ""),
    ColumnDef("№", "number"),
    ColumnDef("Мероприятие", "activity"),
)


class RemindersPanel(QWidget):
    #: (roadmap id, item id) of the entry double-clicked
    itemActivated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = RecordTableModel(COLUMNS, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.doubleClicked.connect(lambda index: self.activate(index.row()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def set_entries(self, entries: list[dict[str, Any]]) -> None:
        self.model.set_rows(entries)
        overdue = sum(1 for e in entries if e["kind"] == "overdue")
        self.summary.setText(self.tr("Просрочено: {a}; срок на этой неделе: {b}. "
                                     "Двойной щелчок — открыть мероприятие.").format(
            a=overdue, b=len(entries) - overdue))
        self.view.resizeColumnsToContents()

    def activate(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            record = self.model.record(row)
            self.itemActivated.emit(record["roadmap_id"], record["id"])
