"""Forms for schools: ``export forms`` writes one protected .xlsx per school; a form filled in
with openpyxl and read back changes exactly the cells filled in, and a form of another
roadmap or school is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop import cli
from desktop.errors import UserError
from desktop.models import Roadmap
from desktop.models.enums import ItemStatus
from desktop.services import checklist
from desktop.services.checklist import CellState, Evidence
from desktop.services.school_forms import form_changes, import_form, is_school_form, read_form
from tests.checklist_data import build

HEADER = ("№", "Мероприятие", "Срок", "Статус", "Дата выполнения", "Подтверждающий документ",
          "Комментарий")


def _export(db, tmp_path: Path):
    built = build(db)
    with db.session() as s:  # one school in «500+» has a cell already, with a document
        checklist.set_cells(s, {(built.items["2.5"], built.schools["СОШ2"]): CellState(
            ItemStatus.IN_WORK, evidence=(Evidence("План", "3", dt.date(2026, 4, 1)),))})
    folder = tmp_path / "формы"
    assert cli.run(["export", "forms", "--db", db.address, "--roadmap",
                    str(built.roadmap_id), "-o", str(folder)]) == 0
    return built, folder


def test_export_forms_writes_one_protected_form_per_school(db, tmp_path: Path) -> None:
    _built, folder = _export(db, tmp_path)
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["Чек-лист_СОШ1.xlsx", "Чек-лист_СОШ2.xlsx"]  # СОШ3 is not in «500+»
    ws = load_workbook(folder / "Чек-лист_СОШ2.xlsx")["Чек-лист"]
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert rows[0] == HEADER
    assert rows[1][:4] == ("2.5", "Мероприятие 2.5", "До 31.05.2026", "в работе")
    assert rows[1][5] == "План № 3 от 01.04.2026"
    assert ws.protection.sheet
    assert not ws["D5"].protection.locked and ws["B5"].protection.locked
    (validation,) = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert validation.formula1 == '"не начато,в работе,выполнено,не требуется"'
    assert "D5" in validation.sqref
    assert is_school_form(folder / "Чек-лист_СОШ2.xlsx")


def test_filled_form_changes_exactly_the_cells_filled_in(db, tmp_path: Path) -> None:
    built, folder = _export(db, tmp_path)
    item = built.items["2.5"]
    for name, school in (("СОШ1", "СОШ1"), ("СОШ2", "СОШ2")):
        path = folder / f"Чек-лист_{name}.xlsx"
        wb = load_workbook(path)
        ws = wb["Чек-лист"]
        if school == "СОШ1":  # СОШ1 reports done with a document; СОШ2 sends the form unchanged
            ws["D5"] = "выполнено"
            ws["E5"] = dt.datetime(2026, 5, 20)
            ws["F5"] = "Приказ № 17 от 19.05.2026"
            ws["G5"] = "проведено совещание"
        wb.save(path)
    with db.session() as s:
        unchanged = form_changes(s, read_form(folder / "Чек-лист_СОШ2.xlsx"))
        assert unchanged.changes == {}
        preview = form_changes(s, read_form(folder / "Чек-лист_СОШ1.xlsx"))
        assert list(preview.changes) == [(item, built.schools["СОШ1"])]
        assert preview.lines == ["2.5 Мероприятие 2.5: выполнено, 20.05.2026"]
        history_before = len(checklist.history(s, item, built.schools["СОШ2"]))
        dry = import_form(s, folder / "Чек-лист_СОШ1.xlsx", dry_run=True)
        assert dry.changes == preview.changes
        assert checklist.history(s, item, built.schools["СОШ1"]) == []
        import_form(s, folder / "Чек-лист_СОШ1.xlsx")
    with db.session() as s:
        states = checklist.cell_states(s, [(item, built.schools["СОШ1"]),
                                           (item, built.schools["СОШ2"])])
        done = states[(item, built.schools["СОШ1"])]
        assert (done.status, done.date, done.comment) == (
            ItemStatus.DONE, dt.date(2026, 5, 20), "проведено совещание")
        assert done.evidence == (Evidence("Приказ", "17", dt.date(2026, 5, 19)),)
        kept = states[(item, built.schools["СОШ2"])]
        assert kept.status is ItemStatus.IN_WORK and kept.evidence[0].number == "3"
        assert len(checklist.history(s, item, built.schools["СОШ2"])) == history_before
        assert checklist.history(s, item, built.schools["СОШ1"])[-1].source == "форма школы"


def test_form_of_another_roadmap_or_school_is_refused(db, tmp_path: Path) -> None:
    built, folder = _export(db, tmp_path)
    form = read_form(folder / "Чек-лист_СОШ1.xlsx")
    with db.session() as s:
        with pytest.raises(UserError, match="не выбранной"):
            form_changes(s, form, school_id=built.schools["СОШ2"])
        with pytest.raises(UserError, match="другой дорожной карте"):
            form_changes(s, form, roadmap_id=built.roadmap_id + 1)
    wb = load_workbook(folder / "Чек-лист_СОШ1.xlsx")
    wb["Чек-лист"]["D5"] = "почти"
    wb.save(folder / "bad.xlsx")
    with db.session() as s, pytest.raises(UserError, match="не из списка"):
        form_changes(s, read_form(folder / "bad.xlsx"))
    with db.session() as s:  # the same id in another district's database: another title
        s.get(Roadmap, built.roadmap_id).title = "Дорожная карта другого района"
        s.flush()
        with pytest.raises(UserError, match="другой дорожной карте"):
            form_changes(s, form)
    (folder / "not.xlsx").write_bytes(b"not a zip")
    with pytest.raises(UserError, match="не файл Excel"):
        read_form(folder / "not.xlsx")


def test_import_command_recognises_a_school_form(db, tmp_path: Path, capsys) -> None:
    """``python -m desktop import FORM.xlsx`` goes through the one import command: a form is
    recognised by its hidden sheet and its changes written; --dry-run writes nothing."""
    import json

    built, folder = _export(db, tmp_path)
    path = folder / "Чек-лист_СОШ1.xlsx"
    wb = load_workbook(path)
    wb["Чек-лист"]["D5"] = "выполнено"
    wb["Чек-лист"]["E5"] = dt.datetime(2026, 5, 20)
    wb.save(path)
    cell = (built.items["2.5"], built.schools["СОШ1"])
    capsys.readouterr()
    assert cli.run(["import", str(path), "--db", db.address, "--dry-run", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["form"] and summary["school"] == "СОШ1" and summary["changes"] == 1
    with db.session() as s:
        assert cell not in checklist.cell_states(s, [cell]) or \
            checklist.cell_states(s, [cell])[cell].status is not ItemStatus.DONE
    assert cli.run(["import", str(path), "--db", db.address]) == 0
    assert "форма школы СОШ1, изменений: 1" in capsys.readouterr().out
    with db.session() as s:
        assert checklist.cell_states(s, [cell])[cell].status is ItemStatus.DONE


def test_one_decision_for_what_a_file_is(db, tmp_path: Path) -> None:
    """The window and `import` ask one function: a package, a school's form, or a roadmap —
    by content, so a form renamed «.xlsx» or a package without its «.dkp» is still known."""
    from desktop.export.package import write_package
    from desktop.services.file_kind import FileKind, file_kind
    from tests.test_import_fixtures import fixture

    _built, folder = _export(db, tmp_path)
    with db.session() as s:
        package = write_package(s, tmp_path / "пакет.zip", db_path=db.path)
    assert file_kind(sorted(folder.glob("*.xlsx"))[0]) is FileKind.SCHOOL_FORM
    assert file_kind(package) is FileKind.PACKAGE
    assert file_kind(fixture("kaliningrad-region-2023.xlsx")) is FileKind.ROADMAP
    assert file_kind(fixture("balakhta-500plus-2022.docx")) is FileKind.ROADMAP
