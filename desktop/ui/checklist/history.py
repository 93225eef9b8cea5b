"""The history panel: every recorded change of the current cell, newest first.

The panel is narrow beside the matrix (a quarter of 1366 px): each change is one row of two
wrapped lines — when and who, then what changed — rather than three columns cut to «вып…».
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.services import checklist
from desktop.services.authors import author_names
from desktop.services.checklist import Cell
from desktop.ui.table_model import ColumnDef, RecordTableModel

if TYPE_CHECKING:
    from desktop.models.database import Database

COLUMNS = (ColumnDef("Изменения", "entry"),)
#: the source of a change made in the window: not worth a word in every row
WINDOW_SOURCE = "окно"


class HistoryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("История ячейки"), self)
        self.title.setWordWrap(True)
        self.model = RecordTableModel(COLUMNS, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setVisible(False)  # the title above says what it is
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # wrapped lines
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
            names = author_names(session, {c.author or "" for c in changes})
            rows = []
            for c in reversed(changes):
                who = names.get(c.author or "", "")
                if c.source and c.source != WINDOW_SOURCE:
                    who = f"{who} ({c.source})" if who else c.source
                what = checklist.describe_change(c.old, c.new)
                head = " · ".join(p for p in (f"{c.changed_at:%d.%m.%Y %H:%M}", who) if p)
                rows.append({"id": c.id, "who": who, "what": what,
                             "entry": f"{head}\n{what}"})
        self.title.setText(self.tr("История (новое сверху): {cell}").format(cell=caption))
        self.model.set_rows(rows)
        self.view.resizeRowsToContents()

    def rows(self) -> list[str]:
        return [self.model.record(n)["what"] for n in range(self.model.rowCount())]

    def authors(self) -> list[str]:
        return [self.model.record(n)["who"] for n in range(self.model.rowCount())]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.view.resizeRowsToContents()  # the lines wrap anew at the new width
