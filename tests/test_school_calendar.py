"""The school calendar the region sets (issue 22, item 5): its periods stored in the database,
edits that move every stored deadline counted in them (occurrences, overdue marks), the
import of a region's .xlsx or .csv list (good files, bad files: a Russian message and nothing
changed), and the migration of a database made at revision 0006."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select, text

from desktop.errors import UserError
from desktop.importers.school_calendar import read_calendar_file
from desktop.models import Item, Level, Roadmap, Section
from desktop.models.database import SCHEMA_HEAD, open_database
from desktop.models.school_calendar import SchoolPeriod, school_calendar
from desktop.services import school_calendar as service
from tests.test_migration_0002 import TABLES_0001, _columns, _rows, old_file_at

SY2526 = (dt.date(2025, 9, 1), dt.date(2026, 8, 31))
HALVES = "По итогам I полугодия (и учебного года)"


def _item(db, deadline: str = HALVES) -> int:
    with db.session() as s:
        roadmap = Roadmap(title="ДК", level=Level.MUNICIPAL, period_start=SY2526[0],
                          period_end=SY2526[1])
        section = Section(title="Раздел", position=0)
        roadmap.sections.append(section)
        s.add(roadmap)
        item = Item(number="1", activity="Отчёт", position=0)
        section.items.append(item)
        s.flush()
        item.set_deadline(deadline, SY2526)
        return item.id


def _dates(db, item_id: int) -> list[str]:
    with db.session() as s:
        item = s.get(Item, item_id)
        return [d.isoformat() for d in item.deadline.occurrence_dates]


def test_editing_a_quarter_end_moves_the_stored_occurrences(db) -> None:
    item_id = _item(db)
    assert _dates(db, item_id) == ["2025-12-26", "2026-05-26"]
    with db.session() as s:
        service.set_period_dates(s, 2025, "quarter", 2, dt.date(2025, 11, 5), dt.date(2025, 12, 30))
    assert _dates(db, item_id) == ["2025-12-30", "2026-05-26"]
    with db.session() as s:
        periods = {(p.kind, p.number): p for p in service.year_periods(s, 2025)}
        assert periods[("half_year", 1)].end == dt.date(2025, 12, 30)  # moved with the quarter
        item = s.get(Item, item_id)
        # overdue follows: on 29.12 the first reporting point has not passed yet
        assert item.deadline.next_due(dt.date(2025, 12, 29)) == dt.date(2025, 12, 30)
        assert len(s.scalars(select(SchoolPeriod)).all()) == 9  # the whole year stored
    with db.session() as s:
        service.set_year(s, 2025, None)  # back to the shipped dates
    assert _dates(db, item_id) == ["2025-12-26", "2026-05-26"]


def test_a_bad_edit_changes_nothing(db) -> None:
    item_id = _item(db)
    with db.session() as s, pytest.raises(UserError, match="позже окончания"):
        service.set_period_dates(s, 2025, "quarter", 2, dt.date(2025, 12, 30), dt.date(2025, 12, 1))
    with db.session() as s, pytest.raises(UserError, match="начинается раньше"):
        service.set_period_dates(s, 2025, "quarter", 2, dt.date(2025, 11, 5), dt.date(2026, 2, 1))
    with db.session() as s:
        assert s.scalars(select(SchoolPeriod)).all() == []
    assert _dates(db, item_id) == ["2025-12-26", "2026-05-26"]


def test_items_written_before_joining_the_session_use_its_calendar(db) -> None:
    with db.session() as s:
        service.set_period_dates(s, 2025, "quarter", 1, dt.date(2025, 9, 1), dt.date(2025, 10, 31))
    with db.session() as s:
        calendar = school_calendar(s)
    item = Item(number="1", activity="x", position=0)
    item.set_deadline("после каждой четверти", SY2526, calendar)
    assert item.deadline.occurrence_dates[0] == dt.date(2025, 10, 31)


# --------------------------------------------------------------------------- import

GOOD_ROWS = [
    ("Период", "Дата начала", "Дата окончания"),
    ("I четверть", "01.09.2026", "23.10.2026"),
    ("Осенние каникулы", "24.10.2026", "03.11.2026"),
    ("II четверть", "04.11.2026", "29.12.2026"),
    ("Зимние каникулы", "30.12.2026", "10.01.2027"),
    ("III четверть", "11.01.2027", "19.03.2027"),
    ("Весенние каникулы", "20.03.2027", "28.03.2027"),
    ("IV четверть", "29.03.2027", "25.05.2027"),
]


def _csv(path: Path, rows, *, delimiter: str = ";", encoding: str = "utf-8-sig") -> Path:
    path.write_text("\n".join(delimiter.join(r) for r in rows) + "\n", encoding=encoding)
    return path


def _xlsx(path: Path, rows, *, dates: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        cells = list(row)
        if dates and "." in cells[1]:
            cells[1:] = [dt.datetime.strptime(c, "%d.%m.%Y") for c in cells[1:]]
        ws.append(cells)
    wb.save(path)
    return path


@pytest.mark.parametrize("variant", ["csv;", "csv,cp1251", "xlsx-text", "xlsx-dates",
                                     "no-header", "english-like-header"])
def test_a_region_list_is_read(tmp_path: Path, variant: str) -> None:
    rows = GOOD_ROWS
    if variant == "no-header":
        rows = GOOD_ROWS[1:]
    if variant == "english-like-header":
        rows = [("Наименование периода", "Начало", "Окончание"), *GOOD_ROWS[1:]]
    if variant == "csv;":
        path = _csv(tmp_path / "k.csv", rows)
    elif variant == "csv,cp1251":
        path = _csv(tmp_path / "k.csv", rows, delimiter=",", encoding="cp1251")
    elif variant.startswith("xlsx"):
        path = _xlsx(tmp_path / "k.xlsx", rows, dates=variant == "xlsx-dates")
    else:
        path = _csv(tmp_path / "k.csv", rows)
    years = read_calendar_file(path)
    assert [y.first for y in years] == [2026]
    year = years[0]
    assert [(p.number, p.end) for p in year.terms] == [
        (1, dt.date(2026, 10, 23)), (2, dt.date(2026, 12, 29)), (3, dt.date(2027, 3, 19)),
        (4, dt.date(2027, 5, 25))]
    assert [p.name for p in year.of_kind("holiday")] == [
        "Осенние каникулы", "Зимние каникулы", "Весенние каникулы"]


@pytest.mark.parametrize(("rows", "message"), [
    ([*GOOD_ROWS[:2], ("II четверть", "04.11.2026", "31.02.2027"), *GOOD_ROWS[4:]],
     "Строка 3: дата «31.02.2027» не читается"),
    ([*GOOD_ROWS[:2], ("Вторая смена", "04.11.2026", "29.12.2026"), *GOOD_ROWS[3:]],
     "Строка 3: период «Вторая смена» не распознан"),
    ([*GOOD_ROWS[:4], ("III четверть", "19.03.2027", "11.01.2027"), *GOOD_ROWS[6:]],
     "начало позже окончания"),
    ([row for row in GOOD_ROWS if row[0] != "III четверть"], "нет периода «3 четверть»"),
    ([*GOOD_ROWS[:4], ("III четверть", "20.12.2026", "19.03.2027"), *GOOD_ROWS[6:]],
     "начинается раньше, чем кончается"),
    ([("Период", "Начало", "Окончание")], "нет ни одного периода"),
])
def test_a_bad_list_is_refused_with_the_row_named(tmp_path: Path, rows, message: str) -> None:
    with pytest.raises(UserError, match=message) as raised:
        read_calendar_file(_csv(tmp_path / "bad.csv", rows))
    assert raised.value.message.startswith("Учебный календарь не загружен, ничего не изменено")


def test_an_unsupported_or_broken_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "k.txt").write_text("x")
    with pytest.raises(UserError, match=r"\.xlsx или \.csv"):
        read_calendar_file(tmp_path / "k.txt")
    (tmp_path / "k.xlsx").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UserError):
        read_calendar_file(tmp_path / "k.xlsx")


def test_an_imported_year_is_stored_and_a_bad_file_changes_nothing(db, tmp_path: Path) -> None:
    with db.session() as s:
        service.import_years(s, read_calendar_file(_csv(tmp_path / "k.csv", GOOD_ROWS)))
    with db.session() as s:
        assert school_calendar(s).quarters(2026)[1] == (dt.date(2026, 11, 4), dt.date(2026, 12, 29))
        before = [(p.kind, p.number, p.end_date) for p in s.scalars(select(SchoolPeriod))]
    bad = [*GOOD_ROWS[:2], ("II четверть", "04.11.2026", "??"), *GOOD_ROWS[3:]]
    with pytest.raises(UserError):
        read_calendar_file(_csv(tmp_path / "bad.csv", bad))
    with db.session() as s:
        assert [(p.kind, p.number, p.end_date) for p in s.scalars(select(SchoolPeriod))] == before


# --------------------------------------------------------------------------- migration


TEXTS = "id, number, activity, deadline_text, status"


def test_a_0006_database_upgrades_with_an_empty_calendar(tmp_path: Path) -> None:
    path = old_file_at(tmp_path / "roadmaps.db", "0006")
    before = {t: (_columns(path, t), _rows(path, t)) for t in TABLES_0001}
    before_texts = _rows(path, "items", TEXTS)
    database = open_database(path, create=False)
    try:
        with database.session() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
            assert s.scalars(select(SchoolPeriod)).all() == []
            assert service.period_rows(s, 2025)[2].end == dt.date(2025, 12, 26)  # shipped
            roadmap_period = s.execute(select(Roadmap.period_start, Roadmap.period_end)).first()
        with database.session() as s:
            service.set_period_dates(s, 2025, "quarter", 1, dt.date(2025, 9, 1),
                                     dt.date(2025, 10, 31))
        with database.session() as s:
            assert school_calendar(s).quarters(2025)[0][1] == dt.date(2025, 10, 31)
    finally:
        database.close()
    for table in TABLES_0001:
        if table != "items":  # the items' readings are re-read after the edit
            columns, rows = before[table]  # later revisions add columns (0007: change stamps)
            assert _rows(path, table, ", ".join(f'"{c}"' for c in columns)) == rows, table
    assert _rows(path, "items", TEXTS) == before_texts  # only the readings may change
    assert len(before_texts) > 0
    assert roadmap_period is not None


# --------------------------------------------------------------------------- command line


def test_the_command_line_prints_and_imports(tmp_path: Path, capsys) -> None:
    from desktop.cli import run

    path = tmp_path / "cli.db"
    open_database(path, create=True).close()
    assert run(["school-calendar", "--db", str(path), "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Учебный год 2025/2026 (даты по умолчанию)" in out
    assert "2 четверть" in out and "05.11.2025–26.12.2025" in out
    bad = _csv(tmp_path / "bad.csv", [*GOOD_ROWS[:2], ("II четверть", "04.11.2026", "??")])
    assert run(["school-calendar", "--db", str(path), "--import", str(bad)]) == 2
    assert "Строка 3" in capsys.readouterr().err
    good = _csv(tmp_path / "good.csv", GOOD_ROWS)
    assert run(["school-calendar", "--db", str(path), "--import", str(good)]) == 0
    assert "Загружен учебный календарь: 2026/2027" in capsys.readouterr().out
    assert run(["school-calendar", "--db", str(path), "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "(задан для района)" in out and "04.11.2026–29.12.2026" in out


def test_the_deadline_command_reads_with_the_databases_calendar(tmp_path: Path, capsys) -> None:
    import json

    from desktop.cli import run

    path = tmp_path / "cli.db"
    database = open_database(path, create=True)
    with database.session() as s:
        service.set_period_dates(s, 2025, "quarter", 2, dt.date(2025, 11, 5), dt.date(2025, 12, 30))
    database.close()
    args = ["deadline", "--occurrences", "--period", "2025-09-01:2026-08-31", HALVES]
    assert run(args) == 0
    assert json.loads(capsys.readouterr().out)["occurrences"] == ["2025-12-26", "2026-05-26"]
    assert run([*args[:1], "--db", str(path), *args[1:]]) == 0
    assert json.loads(capsys.readouterr().out)["occurrences"] == ["2025-12-30", "2026-05-26"]


def test_a_year_without_shipped_dates_is_offered_and_stored_when_edited(db) -> None:
    with db.session() as s:
        assert service.school_years(s, dt.date(2027, 3, 1)) == [2025, 2026, 2027]
        assert service.stored_year(s, 2027) is None
        rows = service.period_rows(s, 2027)  # by the month-day rules
        assert [(r.kind, r.number) for r in rows] == [
            ("quarter", 1), ("quarter", 2), ("quarter", 3), ("quarter", 4),
            ("half_year", 1), ("half_year", 2)]
        service.set_period_dates(s, 2027, "quarter", 4, dt.date(2028, 3, 21), dt.date(2028, 5, 26))
    with db.session() as s:
        calendar = school_calendar(s)
        assert calendar.year(2027)[1] == dt.date(2028, 5, 26)
        assert calendar.half_years(2027)[1][1] == dt.date(2028, 5, 26)
        assert service.school_years(s, dt.date(2025, 10, 1)) == [2025, 2026, 2027]
