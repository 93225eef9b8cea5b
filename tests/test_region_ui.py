"""«Районы» in the window: File → Import of district packages (preview confirmed, then one
transaction), the table of districts with their figures, a district's report saved, the
summary saved, and File → Export → the package. ``REGION_SCREENSHOT=path`` saves the page."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import func, select

from PySide6.QtCore import QDate

from desktop.exchange.sample import sample_data, sample_district, sample_signer
from desktop.export.package import pack
from desktop.importers.package import read_package
from desktop.models import District, Roadmap

DAY = dt.date(2026, 7, 1)


def test_region_page_imports_shows_and_opens_districts(window, demo_db, tmp_path: Path) -> None:
    with demo_db.session() as s:
        own = s.scalar(select(func.count(Roadmap.id)))
    packages = [pack(tmp_path / f"d{n}.dkp", sample_district(n),
                     sample_data(n, 60, 8, done_shift=n), now=dt.datetime(2026, 6, n),
                     signer=sample_signer(n), sequence=1)
                for n in (3, 1, 2)]
    window.dialogs.answers = [False, True, True, True]  # the first preview is declined
    assert window.import_file(packages[0]) is None
    with demo_db.session() as s:
        assert s.scalar(select(func.count(District.id))) == 0  # declined: nothing written
    confirms = [m for m in window.dialogs.shown if m[0] == "confirm"]
    assert "УО района № 3" in confirms[-1][2] and "впервые" in confirms[-1][2]
    for path in packages:
        window.import_file(path)
    page = window.page("region")
    assert window.stack.currentWidget() is page
    page.date.setDate(QDate(DAY.year, DAY.month, DAY.day))
    rows = [page.table.model.record(r) for r in range(page.table.model.rowCount())]
    assert [r["district"] for r in rows] == ["УО района № 1", "УО района № 2", "УО района № 3"]
    with demo_db.session() as s:
        assert s.scalar(select(func.count(Roadmap.id))) == own + 3
    for row, district in zip(rows, page.districts, strict=True):
        (roadmap,) = district.roadmaps
        assert row["overdue"] == len(roadmap.overdue)
        assert row["done"] == f"{roadmap.overall.done} из {roadmap.overall.total}"
        assert "30.06:" in row["points"] and "(цель 30–40 %" in row["points"]

    shown = len(window.dialogs.shown)
    window.import_file(packages[1])  # the same package again
    assert window.dialogs.shown[shown][0] == "info" and "ничего не изменится" in \
        window.dialogs.shown[shown][2]

    page.table.view.setCurrentIndex(page.table.proxy.index(1, 0))
    if os.environ.get("REGION_SCREENSHOT"):
        window.resize(1366, 768)
        page.table.view.clearSelection()
        window.grab().save(os.environ["REGION_SCREENSHOT"])
        page.table.view.setCurrentIndex(page.table.proxy.index(1, 0))
    roadmap_id = page.current_record()["roadmap_id"]
    report = window.open_roadmap("reports", roadmap_id, page.day())  # its «Отчёт» button
    assert report.combo.currentData() == roadmap_id and report.day() == DAY
    report_pdf = report.save_report(".pdf", tmp_path / "district.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(report_pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    with demo_db.session() as s:
        title = s.get(Roadmap, roadmap_id).title
    assert "Исполнение дорожной карты на 01.07.2026" in text and title in " ".join(text.split())
    window.show_page("region")

    out = page.save_summary(".xlsx", tmp_path / "summary.xlsx")
    names = load_workbook(out, read_only=True).sheetnames
    assert names == ["Сводка", "УО района № 1", "УО района № 2", "УО района № 3"]


def test_export_menu_writes_the_package(window, tmp_path: Path) -> None:
    assert window.exports.package_action.text().startswith("Пакет для региона")
    target = window.exports.export_package(tmp_path / "out", with_evidence=False)
    assert target == tmp_path / "out.dkp"
    package = read_package(target)
    assert package.data["roadmaps"] and package.district["uuid"]


def test_profile_oktmo_is_checked_and_travels_in_the_package(window, demo_db, tmp_path: Path,
                                                              monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog

    from desktop.models import Authority

    attempts = []

    def fill(dialog) -> bool:
        for text in ("12345", "04603000"):
            dialog.editors["oktmo"].setText(text)
            dialog.accept()
            attempts.append((text, dialog.result() == QDialog.DialogCode.Accepted,
                             dialog.error.text()))
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(window, "run_dialog", fill)
    assert window.database_actions.edit_profile()
    assert attempts[0][1] is False and "8 или 11 цифр" in attempts[0][2] and attempts[1][1]
    with demo_db.session() as s:
        uuid = s.scalar(select(Authority.uuid))
    package = read_package(window.exports.export_package(tmp_path / "p.dkp", with_evidence=False))
    assert package.district["oktmo"] == "04603000" and package.district["uuid"] == uuid
