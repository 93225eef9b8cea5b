"""Suggested file names: short, dated, distinct for every document the window saves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.ui.export_actions import (
    EXPORT_KINDS,
    ORDER,
    REPORT,
    ROADMAP,
    TIMELINE,
    suggested_file_name,
)

YEAR = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


@pytest.mark.parametrize(("args", "kwargs", "expected"), [
    ((ORDER, ".pdf"), {"number": "12/1", "date": dt.date(2026, 1, 28)}, "Приказ 12-1 от 28.01.2026.pdf"),
    ((ORDER, ".docx"), {"number": " 7 ", "period": YEAR}, "Приказ 7.docx"),
    ((ORDER, ".pdf"), {"number": "", "period": YEAR}, "Проект приказа 2026.pdf"),
    ((ORDER, ".pdf"), {}, "Проект приказа.pdf"),
    ((ROADMAP, ".xlsx"), {"period": YEAR}, "Дорожная карта 2026.xlsx"),
    ((ROADMAP, ".pdf"), {"period": (dt.date(2025, 9, 1), dt.date(2026, 5, 31))},
     "Дорожная карта 2025-2026.pdf"),
    ((TIMELINE, ".pdf"), {"period": YEAR}, "График 2026.pdf"),
    ((REPORT, ".xlsx"), {"date": dt.date(2026, 6, 30)}, "Отчёт на 30.06.2026.xlsx"),
    ((ORDER, ".pdf"), {"number": 'а:б*в?"<>|'}, "Приказ а б в.pdf"),
])
def test_suggested_file_name(args, kwargs, expected: str) -> None:
    assert suggested_file_name(*args, **kwargs) == expected


def test_every_export_from_the_window_suggests_its_own_dated_name(window) -> None:
    names = []
    for kind in EXPORT_KINDS:
        window.dialogs.save_paths = [None]  # cancel: only the suggestion is looked at
        assert window.exports.export(kind) is None
        _what, _title, suggested = window.dialogs.shown[-1]
        names.append(Path(suggested).name)
    assert names == ["Дорожная карта 2026.xlsx", "Приказ 12-1 от 28.01.2026.pdf",
                     "Дорожная карта 2026.pdf", "График 2026.pdf",
                     "Приказ 12-1 от 28.01.2026.docx", "Дорожная карта 2026.docx"]
    assert len(set(names)) == len(names)
    assert all(len(name) <= 40 for name in names)


def test_orders_page_and_reports_page_suggest_the_same_kind_of_names(window) -> None:
    from PySide6.QtWidgets import QApplication

    orders = window.show_page("orders")
    QApplication.processEvents()
    assert orders.editor.snapshot is not None
    orders.dialogs.save_paths = [None]
    assert orders.output.save_as() is None
    assert Path(window.dialogs.shown[-1][2]).name == "Приказ 12-1 от 28.01.2026.pdf"
    reports = window.show_page("reports")
    reports.set_day(dt.date(2026, 6, 30))
    window.dialogs.save_paths = [None]
    assert reports.save_report(".pdf") is None
    assert Path(window.dialogs.shown[-1][2]).name == "Отчёт на 30.06.2026.pdf"
