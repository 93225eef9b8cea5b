"""Excel export: sheets, values, merges, print settings, safety of text, errors."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from desktop.errors import UserError
from desktop.export.xlsx import ExportCancelled, export_roadmap_xlsx
from desktop.models import (
    ChecklistRow,
    Item,
    ItemExecutor,
    ItemStatus,
    Roadmap,
    School,
    SchoolScope,
)
from desktop.models.database import open_database
from desktop.services.demo import create_demo

YEAR = 2026
TODAY = dt.date(YEAR, 5, 15)
#: the demo's statuses are those of this day (not the calendar's), so counts are known
DEMO_BUILT = dt.date(YEAR, 11, 22)
TRICKY_ACTIVITY = "=СУММ(A1:A2)"
CONTROL = "Текст\x0bиз\x07Word"


@pytest.fixture()
def db(tmp_path: Path):
    database = open_database(tmp_path / "t.db")
    roadmap_id = create_demo(database, year=YEAR, today=DEMO_BUILT)  # statuses as of 22.11
    with database.session() as session:
        roadmap = session.get(Roadmap, roadmap_id)
        add_tricky_items(session, roadmap)
    yield database, roadmap_id
    database.close()


def add_tricky_items(session, roadmap: Roadmap) -> None:
    section = roadmap.sections[0]
    schools = {s.short_name: s for s in session.scalars(select(School))}
    rows = [
        ("1.10", TRICKY_ACTIVITY, "+7 (391) 555-01-23", "До 01.03.2026", ItemStatus.DONE),
        ("1.11", "@home", "-1", "Ёлки «№ 5» — ещё", ItemStatus.IN_WORK),
        ("1.12", CONTROL, "«Кавычки» и ё, №", "01.02-15.03.2026", ItemStatus.PLANNED),
        ("1.13", "#N/A", "Отменено", "Июнь 2026", ItemStatus.CANCELLED),
    ]
    for n, (number, activity, executor, deadline, status) in enumerate(rows, 50):
        item = Item(number=number, position=n, activity=activity, status=status)
        item.set_deadline(deadline, roadmap.period)
        item.executors = [ItemExecutor(position=0, text=executor)]
        if status is ItemStatus.DONE:
            item.done_date = dt.date(YEAR, 2, 20)
        section.items.append(item)
    chosen = section.items[-3]
    chosen.school_scope = SchoolScope.CHOSEN
    chosen.schools = [schools["ЯСШ"], schools["ЛООШ"]]
    chosen.checklist = [
        ChecklistRow(school=schools["ЯСШ"], status=ItemStatus.DONE, date=dt.date(YEAR, 3, 3)),
        ChecklistRow(school=schools["ЛООШ"], status=ItemStatus.IN_WORK),
    ]
    first = section.items[0]  # all_500, done
    for row in list(first.checklist):  # the demo may tick schools itself
        first.checklist.remove(row)
    session.flush()
    first.checklist.append(ChecklistRow(school=schools["КСОШ1"], status=ItemStatus.DONE))
    session.flush()


def export(db, target: Path, **kwargs) -> Path:
    database, roadmap_id = db
    with database.session() as session:
        return export_roadmap_xlsx(session, roadmap_id, target, today=TODAY, **kwargs)


@pytest.fixture()
def workbook(db, tmp_path: Path):
    path = export(db, tmp_path / "карта.xlsx")
    return openpyxl.load_workbook(path)


def all_values(ws) -> list:
    return [c.value for row in ws.iter_rows() for c in row if c.value is not None]


def find(ws, value):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == value:
                return cell
    raise AssertionError(f"{value!r} not found on {ws.title}")


def test_sheets_and_no_formulas(workbook) -> None:
    # the demo roadmap has a goal and tasks: its «Паспорт» sheet follows the table
    assert workbook.sheetnames == ["Дорожная карта", "Паспорт", "Исполнение", "По школам", "График",
                                  "Документ"]
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                assert cell.data_type != "e", (ws.title, cell.coordinate, cell.value)


def test_main_sheet_title_headings_and_sections(workbook) -> None:
    ws = workbook["Дорожная карта"]
    values = all_values(ws)
    assert values[0].startswith("Управление образования администрации")
    assert any(str(v).startswith("Муниципальная дорожная карта") for v in values)
    assert "Период реализации: 01.01.2026 – 31.12.2026" in values
    assert "Утверждена приказом УО Краснолесского района от 28.01.2026 № 12/1" in values
    header = find(ws, "№ п/п")
    headings = [ws.cell(header.row, c).value for c in range(1, 7)]
    assert headings == ["№ п/п", "Мероприятие", "Сроки реализации", "Ответственные исполнители",
                        "Показатель реализации", "Документ"]
    section = find(ws, "1. Организационно-управленческое и нормативное обеспечение")
    assert section.font.b
    assert section.fill.fgColor.rgb.endswith("DDEBF7")
    assert f"A{section.row}:F{section.row}" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.freeze_panes == f"A{header.row + 1}"
    assert ws.column_dimensions["B"].width > 3 * ws.column_dimensions["A"].width
    item = find(ws, "Информирование общеобразовательных организаций о включении в проект «500+» и перечень ШНОР 2026 года")
    assert item.alignment.wrap_text
    assert item.border.left.style == "thin"


def test_tricky_texts_stay_text(workbook) -> None:
    ws = workbook["Дорожная карта"]
    number = find(ws, "1.10")
    assert number.data_type == "s"
    formula_like = ws.cell(number.row, 2)
    assert formula_like.value == TRICKY_ACTIVITY and formula_like.data_type == "s"
    assert formula_like.quotePrefix
    phone = ws.cell(number.row, 4)
    assert phone.value == "+7 (391) 555-01-23" and phone.quotePrefix
    assert find(ws, "@home").quotePrefix
    assert find(ws, "-1").data_type == "s"
    assert find(ws, "#N/A").data_type == "s"
    assert find(ws, "ТекстизWord").data_type == "s"  # control characters stripped
    assert find(ws, "Ёлки «№ 5» — ещё").data_type == "s"
    assert find(ws, "«Кавычки» и ё, №")


def test_print_setup(workbook) -> None:
    for name in ("Дорожная карта", "Исполнение", "По школам", "График"):
        ws = workbook[name]
        assert ws.page_setup.orientation == "landscape", name
        assert int(ws.page_setup.paperSize) == 9, name  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, name
        assert ws.oddFooter.center.text == "Страница &P из &N", name
    main = workbook["Дорожная карта"]
    header = find(main, "№ п/п").row
    assert main.print_title_rows == f"${header}:${header}"
    assert workbook["График"].print_title_rows == "$4:$5"


def test_progress_sheet(workbook) -> None:
    ws = workbook["Исполнение"]
    values = all_values(ws)
    assert "Исполнение по разделам" in values and "Контрольные точки мониторинга" in values
    row = find(ws, TRICKY_ACTIVITY).row
    assert ws.cell(row, 1).value == "1.10"
    assert ws.cell(row, 3).value == "До 01.03.2026"
    assert ws.cell(row, 4).value == "выполнено"
    done = ws.cell(row, 5)
    assert isinstance(done.value, dt.datetime) and done.value.date() == dt.date(YEAR, 2, 20)
    assert done.number_format == "DD.MM.YYYY"
    chosen = find(ws, "@home").row
    assert (ws.cell(chosen, 6).value, ws.cell(chosen, 7).value) == (1, 2)
    assert ws.cell(chosen, 4).value == "в работе"
    first = find(ws, "Информирование общеобразовательных организаций о включении в проект «500+» и перечень ШНОР 2026 года").row
    assert (ws.cell(first, 6).value, ws.cell(first, 7).value) == (1, 5)
    # Counted on the export's day, 15.05.2026, by hand. Section 1: the demo's 1.1–1.7, done
    # 1.1 (31.01), 1.2 (15.02), 1.3 (28.02), 1.4 (06.03); the tricky 1.10 done (20.02), 1.11
    # in work, 1.12 planned, 1.13 cancelled (left out): 5 done of 10.
    title = find(ws, "Организационно-управленческое и нормативное обеспечение")
    assert (ws.cell(title.row, 3).value, ws.cell(title.row, 4).value) == (5, 10)
    assert ws.cell(title.row, 5).value == 0.5
    # Both points are after 15.05: counted as of 15.05 and «ещё не наступила». Items: the
    # demo's 39 + 3 live tricky = 42; done by 15.05: 1.1 1.2 1.3 1.4, 2.1 (01.03), 2.6 and
    # 4.2 (15.04), and 1.10 = 8 (2.2, done 20.05, and the rest come later).
    point = find(ws, "Первый мониторинг")
    assert ws.cell(point.row, 1).value.date() == dt.date(YEAR, 6, 30)
    assert ws.cell(point.row, 3).value == "30–40 %"
    assert (ws.cell(point.row, 4).value, ws.cell(point.row, 5).value) == (8, 42)
    assert ws.cell(point.row, 6).value == round(8 / 42, 4)
    assert ws.cell(point.row, 7).value == "ещё не наступила"


def test_schools_matrix(workbook) -> None:
    ws = workbook["По школам"]
    header = find(ws, "Мероприятие").row
    schools = {ws.cell(header, c).value: c for c in range(3, ws.max_column + 1)}
    assert {"КСОШ1", "ЯСШ", "ЛООШ", "Выполнили", "Всего школ"} <= set(schools)
    row = find(ws, "@home").row
    done = ws.cell(row, schools["ЯСШ"])
    assert done.value.date() == dt.date(YEAR, 3, 3) and done.fill.fgColor.rgb.endswith("C6EFCE")
    in_work = ws.cell(row, schools["ЛООШ"])
    assert in_work.value is None and in_work.fill.fgColor.rgb.endswith("FFEB9C")
    assert ws.cell(row, schools["КСОШ1"]).value is None
    assert ws.cell(row, schools["Выполнили"]).value == 1
    assert ws.cell(row, schools["Всего школ"]).value == 2
    first = find(ws, "Информирование общеобразовательных организаций о включении в проект «500+» и перечень ШНОР 2026 года").row
    assert ws.cell(first, schools["КСОШ1"]).value == "✓"
    totals = find(ws, "Выполнено").row
    assert ws.cell(totals, schools["ЯСШ"]).value == 1
    done_cells = [ws.cell(r, schools["КСОШ1"]) for r in range(header + 1, totals)]
    ticked = [c for c in done_cells if c.fill.fgColor.rgb.endswith("C6EFCE")]
    assert ws.cell(totals, schools["КСОШ1"]).value == len(ticked) >= 1
    assert ws.cell(totals + 1, schools["ЯСШ"]).value == 1
    # an overdue item (1.7 «по мере…» is never overdue; 2.3 «Июль–август» in work is not yet)
    overdue_fills = [c for r in ws.iter_rows() for c in r if c.fill.fgColor.rgb.endswith("FFC7CE")]
    assert overdue_fills  # the legend at least; real overdue cells come from past deadlines


def test_gantt(workbook) -> None:
    ws = workbook["График"]
    months = [ws.cell(5, c).value for c in range(4, 16)]
    assert months == ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт",
                      "ноя", "дек"]
    assert "D4:O4" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.cell(4, 4).value == "2026"
    assert ws.cell(5, 8).border.left.style == "medium"  # May = today's column
    row = find(ws, "Назначение кураторов школ с низкими образовательными результатами").row
    filled = [c for c in range(4, 16) if ws.cell(row, c).fill.fill_type == "solid"]
    assert filled == [4, 5]  # «До 15.02» resolved from the period start: Jan–Feb, done
    assert ws.cell(row, 4).fill.fgColor.rgb.endswith("C6EFCE")
    cancelled = find(ws, "#N/A").row
    assert ws.cell(cancelled, 9).fill.fgColor.rgb.endswith("D9D9D9")
    assert ws.print_options.gridLines


def test_weekly_columns_for_short_period(db, tmp_path: Path) -> None:
    database, roadmap_id = db
    with database.session() as session:
        roadmap = session.get(Roadmap, roadmap_id)
        roadmap.period_start, roadmap.period_end = dt.date(YEAR, 2, 1), dt.date(YEAR, 4, 30)
    wb = openpyxl.load_workbook(export(db, tmp_path / "w.xlsx"))
    ws = wb["График"]
    labels = [ws.cell(5, c).value for c in range(4, ws.max_column + 1)]
    assert labels[0] == "26" and len(labels) == 14  # weeks from Monday 26.01
    assert ws.cell(4, 4).value == "январь 2026"


def test_cancel_leaves_no_file(db, tmp_path: Path) -> None:
    calls = []

    def stop(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 2

    with pytest.raises(ExportCancelled):
        export(db, tmp_path / "c.xlsx", progress=stop)
    assert list(tmp_path.glob("*.xlsx")) == []
    seen = []
    export(db, tmp_path / "ok.xlsx", progress=lambda d, t: seen.append((d, t)) or True)
    assert seen[-1][0] == seen[-1][1] and len(seen) >= 2


def test_unknown_roadmap(db, tmp_path: Path) -> None:
    database, _ = db
    with database.session() as session, pytest.raises(UserError, match="Дорожная карта № 999 не найдена"):
        export_roadmap_xlsx(session, 999, tmp_path / "x.xlsx")


def _no_files(folder: Path) -> None:
    assert [p.name for p in folder.iterdir()] == []


def test_target_is_a_directory(db, tmp_path: Path) -> None:
    target = tmp_path / "out" / "карта.xlsx"
    target.mkdir(parents=True)
    with pytest.raises(UserError, match="папка"):
        export(db, target)
    assert target.is_dir() and not any(target.parent.glob(".*"))


def test_replace_refused(db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(UserError, match="открыт в другой программе"):
        export(db, folder / "карта.xlsx")
    _no_files(folder)


def test_package_has_no_qt() -> None:
    code = ("import sys, desktop.export, desktop.export.xlsx, desktop.commands.export_xlsx; "
            "assert 'PySide6' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parent.parent)


def test_cli_register_and_run(db, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.commands import export_xlsx

    database, roadmap_id = db
    parser = argparse.ArgumentParser()
    export_xlsx.register(parser.add_subparsers())
    target = tmp_path / "cli.xlsx"
    args = parser.parse_args(["xlsx", "--db", str(database.path), "--roadmap", str(roadmap_id),
                              "-o", str(target)])
    assert args.func(args) == 0
    assert target.exists() and str(target) in capsys.readouterr().out


def test_cli_through_desktop_run(db, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import run

    database, roadmap_id = db
    target = tmp_path / "run.xlsx"
    assert run(["export", "xlsx", "--db", str(database.path), "--roadmap", str(roadmap_id),
                "-o", str(target)]) == 0
    assert openpyxl.load_workbook(target).sheetnames[0] == "Дорожная карта"
    assert run(["export", "xlsx", "--db", str(database.path), "--roadmap", "404",
                "-o", str(target)]) == 2
    assert "Дорожная карта № 404 не найдена" in capsys.readouterr().err


def test_written_file_has_ordinary_permissions(db, tmp_path: Path) -> None:
    """Not mkstemp's 0600: a colleague or a mail client must be able to read it."""
    import stat

    from desktop.atomic import FILE_MODE

    target = export(db, tmp_path / "права.xlsx")
    assert stat.S_IMODE(target.stat().st_mode) == FILE_MODE
    assert FILE_MODE & 0o044  # readable by others under an ordinary umask
