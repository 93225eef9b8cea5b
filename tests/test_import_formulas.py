"""Formula cells in an imported Excel roadmap: the value Excel saved with the formula is used;
a formula saved without a value (a file written by a program that does not compute) is named
by its cell address in the preview's warnings instead of silently becoming an empty activity."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from desktop.importers import read_file

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _roadmap_with_formulas(path: Path, formulas: dict[str, str]) -> Path:
    """A roadmap sheet whose cells named in ``formulas`` hold formulas (openpyxl saves none of
    their values)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "План"
    ws.append(["№ п/п", "Мероприятие", "Сроки реализации", "Ответственные исполнители"])
    ws.append(["1. Организация"])
    ws.merge_cells("A2:D2")
    ws.append(["1.1", "Совещание директоров", "Январь 2025", "РОО"])
    ws.append(["1.2", "", "Март 2025", "ИМЦ"])
    ws.append(["1.3", "", "Апрель 2025", "ИМЦ"])
    for address, formula in formulas.items():
        ws[address] = formula
    wb.save(path)
    return path


def _save_values(path: Path, values: dict[str, str]) -> None:
    """What Excel does on saving: each formula cell keeps its computed value too."""
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    sheet = etree.fromstring(members["xl/worksheets/sheet1.xml"])
    for cell in sheet.iter(f"{{{MAIN}}}c"):
        if cell.get("r") in values:
            cell.set("t", "str")
            value = cell.find(f"{{{MAIN}}}v")
            if value is None:
                value = etree.SubElement(cell, f"{{{MAIN}}}v")
            value.text = values[cell.get("r")]
    members["xl/worksheets/sheet1.xml"] = etree.tostring(sheet, xml_declaration=True,
                                                         encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


FORMULAS = {"B4": '="Семинар "&"для завучей"', "B5": '=CONCATENATE("Курсы ","ПК")'}


def test_formulas_without_saved_values_are_named_in_a_warning(tmp_path: Path) -> None:
    preview = read_file(_roadmap_with_formulas(tmp_path / "book.xlsx", FORMULAS))
    warnings = [w for w in preview.warnings if "формулами" in w]
    assert len(warnings) == 1, preview.warnings
    assert "B4, B5" in warnings[0] and "сохраните" in warnings[0]
    assert [i.activity for i in preview.items()] == ["Совещание директоров", "", ""]


def test_saved_formula_values_are_used_without_a_warning(tmp_path: Path) -> None:
    path = _roadmap_with_formulas(tmp_path / "book.xlsx", FORMULAS)
    _save_values(path, {"B4": "Семинар для завучей", "B5": "Курсы ПК"})
    preview = read_file(path)
    assert [i.activity for i in preview.items()] == [
        "Совещание директоров", "Семинар для завучей", "Курсы ПК"]
    assert not [w for w in preview.warnings if "формулами" in w], preview.warnings


def test_many_empty_formulas_are_counted(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _roadmap_with_formulas(tmp_path / "book.xlsx", {})
    wb = load_workbook(path)
    for row in range(6, 21):
        wb["План"].append([f"1.{row - 2}", f'="Пункт {row}"', "Май 2025", "РОО"])
    wb.save(path)
    warning = next(w for w in read_file(path).warnings if "формулами" in w)
    assert "B6, B7, B8, B9, B10, B11, B12, B13, B14, B15 и ещё 5" in warning
