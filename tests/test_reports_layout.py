"""The reports page at 1366×768: called «Отчёты» like the menu, its point names readable."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication, QLabel

from desktop.ui.pages import PAGES


def test_heading_is_the_menu_title_and_point_names_fit(window) -> None:
    page = window.show_page("reports")
    page.set_day(dt.date(2026, 3, 16))
    for _ in range(3):
        QApplication.processEvents()
    title = next(s.title for s in PAGES if s.key == "reports")
    headings = [label.text() for label in page.findChildren(QLabel)
                if label.font().bold() and label.font().pointSize() > window.font().pointSize()]
    assert headings == [title] == ["Отчёты"]
    assert title in [a.text() for a in window.view_menu.actions()]
    view, proxy = page.points.view, page.points.proxy
    assert proxy.rowCount() >= 2
    for row in range(proxy.rowCount()):
        name = proxy.index(row, 1).data()
        assert view.fontMetrics().horizontalAdvance(name) + 8 <= view.columnWidth(1), name
    assert page.combo.toolTip() == page.combo.currentText()
