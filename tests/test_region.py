"""The region's figures and its summary: a row per district (the demo and a generated one),
then a sheet or section per district; the figures are the districts' own report's."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.exchange.sample import sample_data, sample_district, sample_signer
from desktop.export.package import pack, write_package
from desktop.importers.package import read_package
from desktop.models.database import Database, open_database
from desktop.services.operations import DistrictRows, writing
from desktop.services.region import region_overview
from desktop.services.region_import import import_package
from desktop.services.report import build_report

DAY = dt.date(2026, 7, 1)


@pytest.fixture
def region(demo_db: Database, tmp_path: Path):
    with writing(demo_db) as s:
        demo = write_package(s, tmp_path / "demo.dkp", now=dt.datetime(2026, 6, 1))
    other = pack(tmp_path / "d7.dkp", sample_district(7), sample_data(7, 40, 6),
                 now=dt.datetime(2026, 6, 2), signer=sample_signer(7), sequence=1)
    database = open_database(tmp_path / "region.db")
    for path in (demo, other):
        with writing(database, districts=DistrictRows.ALLOW) as s:
            import_package(s, read_package(path), database.path)
    yield database
    database.close()


def test_overview_has_every_district_with_its_report_figures(region: Database) -> None:
    with region.session() as s:
        districts = region_overview(s, DAY)
        assert [d.name for d in districts][1] == "УО района № 7"
        for district in districts:
            (roadmap,) = district.roadmaps
            report = build_report(s, roadmap.roadmap_id, DAY)
            assert roadmap.overall == report.overall and roadmap.points == report.points
            assert [ln.id for ln in roadmap.lines] == [ln.id for ln in report.lines]
            assert district.overdue == len(report.overdue) and report.overall.total > 0
    generated = districts[1]
    data = sample_data(7, 40, 6)
    live = [i for sec in data["roadmaps"][0]["sections"] for i in sec["items"]
            if i["status"] != "cancelled"]
    done = [i for i in live if i["status"] == "done" and i["done_date"] <= DAY.isoformat()]
    assert (generated.overall.done, generated.overall.total) == (len(done), len(live))
    assert generated.package_created == dt.datetime(2026, 6, 2)


def test_export_region_xlsx_and_pdf_from_the_command_line(region: Database,
                                                          tmp_path: Path) -> None:
    with region.session() as s:
        districts = region_overview(s, DAY)
    outputs = {}
    for suffix in (".xlsx", ".pdf"):
        out = tmp_path / f"region{suffix}"
        done = subprocess.run([sys.executable, "-m", "desktop", "export", "region", "--db",
                               str(region.path), "--date", DAY.isoformat(), "-o", str(out)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        outputs[suffix] = out
    wb = load_workbook(outputs[".xlsx"], read_only=True)
    assert wb.sheetnames[0] == "Сводка" and len(wb.sheetnames) == 1 + len(districts)
    rows = [r for r in wb["Сводка"].iter_rows(values_only=True) if r and r[0]]
    by_name = {r[0]: r for r in rows}
    for district in districts:
        row = by_name[district.name]
        assert (row[3], row[4], row[7]) == (district.overall.done, district.overall.total,
                                            district.overdue)
    assert "УО района № 7" in wb.sheetnames
    sheet_text = " ".join(str(v) for r in wb["УО района № 7"].iter_rows(values_only=True)
                          for v in r if v)
    assert districts[1].roadmaps[0].title in sheet_text and "Просрочено" in sheet_text
    text = subprocess.run(["pdftotext", "-layout", str(outputs[".pdf"]), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Сводка по районам" in text and "УО района № 7" in text
    assert f"просрочено: {districts[1].overdue}" in text


def test_export_region_without_districts_is_a_clear_error(db: Database, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "desktop", "export", "region", "--db",
                           db.address, "-o", str(tmp_path / "r.xlsx")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "нет импортированных районов" in done.stderr
    assert not (tmp_path / "r.xlsx").exists()
