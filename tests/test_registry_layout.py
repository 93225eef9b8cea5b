"""The schools registry at office-screen sizes: every full name can be read in its cell
(wrapped over as many lines as it needs), the name column is never squeezed, and the
whole name is also in the cell's tool tip."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.registry.table import WIDE_FLOOR


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _cut_names(page) -> list[str]:
    view, proxy = page.table.view, page.table.proxy
    column = page.table.model.column_of("full_name")
    metrics = view.fontMetrics()
    cut = []
    for row in range(proxy.rowCount()):
        text = proxy.index(row, column).data()
        width, height = view.columnWidth(column) - 8, view.rowHeight(row)
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000),
                                      Qt.TextFlag.TextWordWrap, text).height()
        if needed > height:
            cut.append(text)
    return cut


@pytest.mark.parametrize(("first", "then"), [(1366, 1366), (1600, 1366), (1366, 1024),
                                             (1024, 1366)])
def test_full_names_are_never_cut(window, first: int, then: int) -> None:
    window.resize(first, 768)
    page = window.show_page("schools")
    _settle()
    window.resize(then, 768)
    _settle()
    names = [page.table.proxy.index(r, 1).data() for r in range(page.table.proxy.rowCount())]
    assert any("Краснолесская средняя общеобразовательная школа" in n for n in names)
    assert _cut_names(page) == []
    column = page.table.model.column_of("full_name")
    assert page.table.view.columnWidth(column) >= min(WIDE_FLOOR, page.table.view.wide_floor) > 150


def test_the_name_column_takes_the_free_width_and_the_tool_tip_has_the_whole_name(window) -> None:
    page = window.show_page("schools")
    _settle()
    view = page.table.view
    header = view.horizontalHeader()
    assert header.length() >= view.viewport().width() - 2  # no empty strip on the right
    index = page.table.proxy.index(0, page.table.model.column_of("full_name"))
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()
    short = page.table.model.column_of("short_name")
    assert view.columnWidth(short) >= view.fontMetrics().horizontalAdvance("КСОШ1")
