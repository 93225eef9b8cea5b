"""The roadmap document's parts in the Excel export («Паспорт»), and the «Исполнение» and
«График» sheets under the column profile's headings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.export.xlsx import export_roadmap_xlsx
from desktop.models import Roadmap
from desktop.models.columns import Column, Field, preset
from desktop.models.database import open_database
from tests.test_export_docx_support import (
    ACTIVITIES,
    CLOSING,
    HEADINGS,
    INDICATOR,
    PARTS,
    PERIODS,
    add_full_roadmap,
)

#: a profile whose headings differ from every default
PROFILE = (Column(Field.NUMBER, "№ пп"), Column(Field.ACTIVITY, "Описание действия"),
           Column(Field.DEADLINE, "Срок исполнения"), Column(Field.STATUS, "Отметка"),
           Column(Field.EXECUTORS, "Исполнители"))


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("xlsx_parts")
    database = open_database(folder / "db.sqlite", create=True)
    target = folder / "карта.xlsx"
    with database.session() as session:
        roadmap = add_full_roadmap(session)
        roadmap.columns = PROFILE
        session.commit()
        export_roadmap_xlsx(session, roadmap.id, target)
    database.close()
    return load_workbook(target)


def rows(ws) -> list[list]:
    return [[c for c in row if c not in (None, "")] for row in ws.iter_rows(values_only=True)]


def test_parts_sheet_follows_the_table(workbook) -> None:
    assert workbook.sheetnames == ["Дорожная карта", "Паспорт", "Исполнение", "По школам", "График",
                                  "Документ"]


def test_every_typed_value_comes_back_in_document_order(workbook) -> None:
    values = [v for row in rows(workbook["Паспорт"]) for v in row]
    passport = [PARTS[k] for k in ("passport_problem", "passport_developer", "passport_stages",
                                   "passport_working_group")]
    expected = [*passport, "1. Федеральный закон от 29.12.2012 № 273-ФЗ",
                "2. Приказ министерства № 15/2", *PARTS["justification"].splitlines(),
                HEADINGS["goal"], PARTS["goal"], HEADINGS["tasks"], *PARTS["tasks"].splitlines(),
                INDICATOR[0], CLOSING[0], CLOSING[1]]
    found = [values.index(v) for v in expected]  # ValueError names a missing one
    assert found == sorted(found)
    assert "Цель" not in values and "Задачи" not in values  # the document's own headings


def test_passport_rows_pair_label_and_text(workbook) -> None:
    table = rows(workbook["Паспорт"])
    assert ["Проблема", PARTS["passport_problem"]] in table
    assert ["Сроки и этапы реализации", PARTS["passport_stages"]] in table


def test_indicators_have_a_column_per_period(workbook) -> None:
    table = rows(workbook["Паспорт"])
    assert ["№ п/п", "Показатель", "Единица измерения", *PERIODS] in table
    assert ["1", INDICATOR[0], INDICATOR[1], *INDICATOR[2]] in table
    assert [CLOSING[0], CLOSING[1]] in table  # position and name on one row


def test_progress_and_gantt_sheets_use_the_profile_headings(workbook) -> None:
    progress = rows(workbook["Исполнение"])
    assert ["№ пп", "Описание действия", "Срок исполнения", "Отметка", "Дата выполнения",
            "Школ выполнили", "Школ всего"] in progress
    gantt = rows(workbook["График"])
    assert gantt[3][:3] == ["№ пп", "Описание действия", "Срок исполнения"]
    main = rows(workbook["Дорожная карта"])
    assert [h.heading for h in PROFILE] in main


def test_a_roadmap_without_sections_prints_no_empty_band(workbook) -> None:
    for name, header in (("Исполнение", "№ пп"), ("График", "№ пп"), ("Дорожная карта", "№ пп")):
        ws = workbook[name]
        table = [list(r) for r in ws.iter_rows(values_only=True)]
        at = max(i for i, r in enumerate(table) if r[0] == header)
        body = table[at + 2:] if name == "График" else table[at + 1:]  # under the week numbers
        assert [r[1] for r in body[:len(ACTIVITIES)]] == ACTIVITIES, name


def test_a_roadmap_without_parts_has_no_parts_sheet(tmp_path: Path) -> None:
    database = open_database(tmp_path / "db.sqlite", create=True)
    with database.session() as session:
        roadmap = Roadmap(title="Без текста", period_start=dt.date(2026, 1, 1),
                          period_end=dt.date(2026, 12, 31))
        roadmap.columns = preset("default")
        session.add(roadmap)
        session.commit()
        export_roadmap_xlsx(session, roadmap.id, tmp_path / "x.xlsx")
    database.close()
    assert load_workbook(tmp_path / "x.xlsx").sheetnames == [
        "Дорожная карта", "Исполнение", "По школам", "График", "Документ"]
