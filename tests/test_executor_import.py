"""A Word roadmap whose executors are spelled many ways and cut at page breaks: after import
they are the right people and organisations, and the report has one row per executor."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from sqlalchemy import func, select

from desktop.importers import read_file
from desktop.importers.writer import plan_directory, write_preview
from desktop.models import ItemExecutor, Organisation, Person, Roadmap
from desktop.services.report import build_report

#: (number, activity, deadline, executors); a row with an empty number continues the row
#: above on the next page (a page break is put before it)
ROWS = [
    ("1", "Совещание с руководителями школ", "Январь 2026",
     "Кураторы, Муниципальный координатор, ИМЦ"),
    ("2", "Семинар для учителей по", "Февраль 2026", "кураторы., ГОО «Кузбасский"),
    ("", "формированию функциональной грамотности", "",
     "РЦППМС», муниципальные координаторы"),
    ("3", "Анализ результатов ВПР", "Март 2026",
     "Методисты УО», Хняч И.Н., Информационно-методический центр, руководители О"),
    ("", "", "", "О"),
    ("4", "Консультации для школ", "Апрель 2026",
     "И.Н. Хняч, кураторы школ, методисты УО, Руководители ОО."),
]


def build_roadmap(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Дорожная карта по поддержке школ с низкими результатами на 2026 год")
    table = document.add_table(rows=1, cols=4)
    for cell, heading in zip(table.rows[0].cells, ("№", "Мероприятие", "Сроки", "Исполнители"),
                             strict=True):
        cell.text = heading
    for number, activity, deadline, executors in ROWS:
        cells = table.add_row().cells
        if number:
            cells[0].text = number
        else:  # the row goes on over a page break
            cells[0].paragraphs[0].add_run().add_break(WD_BREAK.PAGE)
        for cell, text in zip(cells[1:], (activity, deadline, executors), strict=True):
            cell.paragraphs[0].add_run(text)
    document.save(str(path))
    return path


def _import(db, path: Path, *, accept_suggestions: bool = False) -> int:
    preview = read_file(path)
    with db.session() as session:
        session.add(Organisation(short_name="ИМЦ", full_name="Информационно-методический центр"))
        session.add(Person(name="Хняч Игорь Николаевич", position="директор МКУО ЦОКО"))
        session.commit()
        plan_directory(session, preview)
        if accept_suggestions:
            for group in preview.executor_groups:
                group.accepted = True
            plan_directory(session, preview)
        roadmap_id = write_preview(session, preview).id
        session.commit()
    return roadmap_id


def _executors(db, roadmap_id: int) -> dict[str, list[str]]:
    with db.session() as session:
        roadmap = session.get(Roadmap, roadmap_id)
        return {item.number: [e.display for e in item.executors] for item in roadmap.all_items()}


@pytest.mark.both_backends
def test_executor_variants_across_a_page_break_become_one_each(tmp_path: Path, db) -> None:
    preview = read_file(build_roadmap(tmp_path / "executors.docx"))
    assert [i.number for i in preview.items()] == ["1", "2", "3", "4"]
    roadmap_id = _import(db, tmp_path / "executors.docx")
    found = _executors(db, roadmap_id)
    assert found == {
        "1": ["Кураторы", "Муниципальный координатор", "ИМЦ"],
        # «ГОО «Кузбасский» + «РЦППМС»» across the break: one name, no comma inside
        "2": ["Кураторы", "ГОО «Кузбасский РЦППМС»", "Муниципальный координатор"],
        # «руководители О» + «О»: one word again; the full name of ИМЦ is ИМЦ
        "3": ["Методисты УО", "И.Н.\u00a0Хняч", "ИМЦ", "руководители ОО"],
        # «кураторы школ» is only a suggestion: not merged unless accepted
        "4": ["И.Н.\u00a0Хняч", "кураторы школ", "Методисты УО", "руководители ОО"],
    }
    with db.session() as session:
        # the directory's person and organisation are linked, not duplicated
        assert session.scalar(select(func.count()).select_from(Person)) == 1
        assert session.scalar(select(func.count()).select_from(Organisation).where(
            Organisation.short_name == "ИМЦ")) == 1
        person = session.scalar(select(Person))
        linked = session.scalars(select(ItemExecutor).where(
            ItemExecutor.person_id == person.id)).all()
        assert len(linked) == 2
        # ИМЦ twice (once by its full name), the new ГОО «Кузбасский РЦППМС» once
        linked_orgs = session.scalars(select(Organisation.short_name).join(
            ItemExecutor, ItemExecutor.organisation_id == Organisation.id)).all()
        assert sorted(linked_orgs) == ["ГОО «Кузбасский РЦППМС»", "ИМЦ", "ИМЦ"]


@pytest.mark.both_backends
def test_preview_lists_the_merges_and_the_suggestion(tmp_path: Path, db) -> None:
    preview = read_file(build_roadmap(tmp_path / "executors.docx"))
    with db.session() as session:
        session.add(Organisation(short_name="ИМЦ", full_name="Информационно-методический центр"))
        session.flush()
        plan_directory(session, preview)
        session.rollback()
    merges = {g.name: g.variants for g in preview.executor_groups if not g.suggestion}
    assert merges == {
        "Кураторы": ["Кураторы", "кураторы"],
        "Муниципальный координатор": ["Муниципальный координатор",
                                      "муниципальные координаторы"],
        "ИМЦ": ["ИМЦ", "Информационно-методический центр"],
        "Методисты УО": ["Методисты УО", "методисты УО"],
        "Хняч И.Н.": ["Хняч И.Н.", "И.Н. Хняч"],
        "руководители ОО": ["руководители ОО", "Руководители ОО"],
    }
    [suggestion] = [g for g in preview.executor_groups if g.suggestion]
    assert (suggestion.name, suggestion.variants, suggestion.accepted) == (
        "Кураторы", ["кураторы школ"], False)
    # the person is new: planned once, under the first spelling
    assert preview.people == [("Хняч И.Н.", "")]
    # «ГОО «Кузбасский РЦППМС»» reads as an organisation: one, whole
    assert preview.organisations == [("ГОО «Кузбасский РЦППМС»", "")]


@pytest.mark.both_backends
def test_report_by_executor_has_one_row_per_executor(tmp_path: Path, db) -> None:
    roadmap_id = _import(db, build_roadmap(tmp_path / "executors.docx"), accept_suggestions=True)
    with db.session() as session:
        report = build_report(session, roadmap_id, dt.date(2026, 12, 31))
    assert [(row.title, row.total) for row in report.executors] == [
        ("ГОО «Кузбасский РЦППМС»", 1),
        ("И.Н.\u00a0Хняч", 2),
        ("ИМЦ", 2),
        ("Кураторы", 3),  # «кураторы школ» accepted as «Кураторы»
        ("Методисты УО", 2),
        ("Муниципальный координатор", 2),
        ("руководители ОО", 2),
    ]


@pytest.mark.both_backends
def test_report_groups_spellings_already_in_the_database(db) -> None:
    """A roadmap imported before the merges (typed spellings as they were) still reports
    one row per executor."""
    from desktop.models import Item, Section
    with db.session() as session:
        roadmap = Roadmap(title="Карта", period_start=dt.date(2026, 1, 1),
                          period_end=dt.date(2026, 12, 31))
        section = Section(position=0, number="1", title="Раздел")
        roadmap.sections.append(section)
        for pos, names in enumerate((["Кураторы", "Хняч И.Н."], ["кураторы."],
                                     ["И.Н. Хняч", "Методисты УО»"], ["методисты УО"])):
            item = Item(number=str(pos + 1), activity=f"Мероприятие {pos}", position=pos)
            item.set_deadline("Май 2026", (roadmap.period_start, roadmap.period_end))
            item.executors = [ItemExecutor(position=n, text=t) for n, t in enumerate(names)]
            section.items.append(item)
        session.add(roadmap)
        session.commit()
        report = build_report(session, roadmap.id, dt.date(2026, 12, 31))
    assert [(row.title, row.total) for row in report.executors] == [
        ("Кураторы", 2), ("Методисты УО", 2), ("Хняч И.Н.", 2)]


@pytest.mark.both_backends
def test_real_roadmaps_executors(db) -> None:
    """The published Kaliningrad plan ran its roles together in one line; Balakhta spells
    one coordinator three ways and cuts «руководители ОО» to «руководители О»."""
    from tests.test_import_fixtures import fixture

    kaliningrad = read_file(fixture("kaliningrad-region-2023.docx"))
    with db.session() as session:
        plan_directory(session, kaliningrad)
        roadmap_id = write_preview(session, kaliningrad).id
        session.commit()
        report = build_report(session, roadmap_id, dt.date(2023, 12, 31))
    titles = [row.title for row in report.executors]
    assert titles == sorted(set(titles), key=titles.index)  # no title twice
    for role in ("Региональный координатор", "Муниципальные координаторы", "Руководители школ",
                 "Детский технопарк «Кванториум»", "Учителя школ"):
        assert role in titles
    assert not any("координатор Муниципальные" in t or "школ Муниципальные" in t
                   for t in titles)

    balakhta = read_file(fixture("balakhta-500plus-2022.docx"))
    with db.session() as session:
        plan_directory(session, balakhta)
    merges = {g.name: g.variants for g in balakhta.executor_groups if not g.suggestion}
    assert merges["Муниципальный координатор"] == [
        "Муниципальный координатор", "муниципальный координатор", "муниципальные координаторы"]
    suggestions = {(g.variants[0], g.name) for g in balakhta.executor_groups if g.suggestion}
    assert ("руководители О", "руководители ОО") in suggestions
    assert ("кураторы школ", "кураторы") in suggestions


def test_cli_import_lists_the_merges(tmp_path: Path, capsys) -> None:
    from desktop.cli import run

    path = build_roadmap(tmp_path / "executors.docx")
    db = str(tmp_path / "cli.db")
    assert run(["import", str(path), "--db", db, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    groups = {(g["name"], g["suggestion"]): g for g in summary["executors"]}
    assert groups[("Кураторы", False)]["variants"] == ["Кураторы", "кураторы"]
    assert groups[("Кураторы", True)] == {"name": "Кураторы", "variants": ["кураторы школ"],
                                          "suggestion": True, "accepted": False}
    assert run(["import", str(path), "--db", db, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "исполнители: «Кураторы», «кураторы» — объединено «Кураторы»" in out
    assert "исполнители: «кураторы школ» — похоже на (не объединено) «Кураторы»" in out
