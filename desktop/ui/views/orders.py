"""«Приказы»: the authority's orders and a preview of the selected one's text."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout, QWidget

from desktop.ui.table_model import ColumnDef
from desktop.ui.views.base import FilteredTable, Page, page_heading

if TYPE_CHECKING:
    from desktop.ui.datasource import DataSource


def _date(value: object) -> str:
    return value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else ""


ORDER_COLUMNS = (
    ColumnDef("№", "number"),
    ColumnDef("Дата", "date", _date),
    ColumnDef("Заголовок", "title"),
    ColumnDef("Статус", "status"),
)


def order_preview_html(order: dict) -> str:
    points = "".join(f"<li>{escape(p)}</li>" for p in order["points"])
    number = escape(order["number"]) or "—"
    return (
        f"<p align='center'><b>ПРИКАЗ</b></p>"
        f"<p>{_date(order['date']) or '___'} &nbsp;&nbsp; № {number}</p>"
        f"<p><b>{escape(order['title'])}</b></p>"
        f"<p>{escape(order['preamble'])} п р и к а з ы в а ю:</p><ol>{points}</ol>"
        f"<p>{escape(order['signatory'])}</p>"
    )


class OrdersPage(Page):
    key = "orders"
    title = "Приказы"

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        self.table = FilteredTable(ORDER_COLUMNS, self, stretch_column=2)
        self.preview = QTextBrowser(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setSizes([250, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading(self.tr("Приказы")))
        layout.addWidget(splitter, 1)
        self.table.view.selectionModel().currentRowChanged.connect(self._show_preview)

    def reload(self) -> None:
        self.table.set_rows(self.source.orders())
        if self.table.proxy.rowCount():
            self.table.view.selectRow(0)
            self._show_preview()
        else:
            self.preview.clear()

    def _show_preview(self, *_args: object) -> None:
        index = self.table.view.currentIndex()
        if not index.isValid():
            return
        order = self.table.model.record(self.table.proxy.mapToSource(index).row())
        self.preview.setHtml(order_preview_html(order))

    def status_text(self) -> str:
        return self.tr("Приказов: {n}").format(n=self.table.model.rowCount())
