"""The history panel: every recorded change of the current cell, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.services import checklist
from desktop.services.checklist import Cell
from desktop.ui.table_model import ColumnDef, RecordTableModel

if TYPE_CHECKING:
    from desktop.models.database import Database

COLUMNS = (
    ColumnDef("Когда", "when"),
    ColumnDef("Кто", "who"),
    ColumnDef("Изменение", "what"),
)


class HistoryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("История ячейки"), self)
        self.title.setWordWrap(True)
        self.model = RecordTableModel(COLUMNS, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the change, wrapped
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    def show_cell(self, database: Database, cell: Cell | None, caption: str = "") -> None:
        if cell is None:
            self.title.setText(self.tr("История ячейки: выберите ячейку школы"))
            self.model.set_rows([])
            return
        with database.reading() as session:
            changes = checklist.history(session, *cell)
            rows = [{"id": c.id, "when": f"{c.changed_at:%d.%m.%Y %H:%M}",
                     "who": " · ".join(p for p in (c.author, c.source) if p),
                     "what": checklist.describe_change(c.old, c.new)}
                    for c in reversed(changes)]
        self.title.setText(self.tr("История: {cell}").format(cell=caption))
        self.model.set_rows(rows)
        self.view.resizeRowsToContents()

    def rows(self) -> list[str]:
        return [self.model.record(n)["what"] for n in range(self.model.rowCount())]
