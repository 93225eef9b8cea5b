"""Forms for schools: one .xlsx per school with its checklist of a roadmap, to be filled in
and sent back (read by :mod:`desktop.services.school_forms`).

The sheet «Чек-лист» has the header «№», «Мероприятие», «Срок», «Статус», «Дата выполнения»,
«Подтверждающий документ», «Комментарий»; «Статус» has a drop-down of the four cell
statuses; only the four cells a school fills are unlocked, the sheet is protected. A
hidden sheet says which roadmap, school and items the form is for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy.orm import Session

from desktop.atomic import atomic_output
from desktop.errors import UserError
from desktop.export.xlsx_style import SheetWriter, Styles, landscape_a4
from desktop.models import School
from desktop.models.checklist import CELL_LABELS
from desktop.services.checklist import CellState, cell_states, roadmap_schools
from desktop.services.report import load_roadmap
from desktop.services.school_form_layout import (
    COMMENT_COL,
    DATE_COL,
    DOCUMENT_COL,
    FORMAT,
    HEADER_ROW,
    HEADINGS,
    META_KEYS,
    META_SHEET,
    SHEET,
    STATUS_COL,
    WIDTHS,
    evidence_text,
)


@dataclass(frozen=True)
class FormRow:
    item_id: int
    number: str
    activity: str
    deadline: str
    state: CellState


def write_form(target: Path, roadmap_id: int, roadmap_title: str, school: School,
               rows: list[FormRow]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    w = SheetWriter(ws, Styles())
    for col, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    w.merged_text(1, 1, len(HEADINGS), f"Чек-лист: {school.short_name}", "title")
    w.merged_text(2, 1, len(HEADINGS), roadmap_title, "subtitle")
    w.merged_text(3, 1, len(HEADINGS), "Заполните столбцы «Статус» (выберите из списка), «Дата "
                  "выполнения» (ДД.ММ.ГГГГ), «Подтверждающий документ» (название, № и дата) и "
                  "«Комментарий», сохраните файл и отправьте его обратно.", "note")
    ws.row_dimensions[3].height = 30
    for col, heading in enumerate(HEADINGS, 1):
        w.text(HEADER_ROW, col, heading, "header")
    status_list = DataValidation(type="list", formula1='"' + ",".join(CELL_LABELS.values()) + '"',
                                 allow_blank=False, showErrorMessage=True,
                                 errorTitle="Статус", error="Выберите статус из списка")
    dates = DataValidation(type="date", operator="greaterThan", formula1="1",
                           showErrorMessage=True, errorTitle="Дата",
                           error="Введите дату в виде ДД.ММ.ГГГГ")
    ws.add_data_validation(status_list)
    ws.add_data_validation(dates)
    unlocked = Protection(locked=False)
    row = HEADER_ROW
    for row, entry in enumerate(rows, HEADER_ROW + 1):
        w.text(row, 1, entry.number, "center")
        w.text(row, 2, entry.activity, "text")
        w.text(row, 3, entry.deadline, "center")
        w.text(row, STATUS_COL, CELL_LABELS[entry.state.status], "center")
        w.date(row, DATE_COL, entry.state.date)
        w.text(row, DOCUMENT_COL, evidence_text(entry.state), "text")
        w.text(row, COMMENT_COL, entry.state.comment, "text")
        for col in (STATUS_COL, DATE_COL, DOCUMENT_COL, COMMENT_COL):
            cell = ws.cell(row, col)
            cell._style = copy(cell._style)  # the writer's arrays are shared and frozen
            cell.protection = unlocked
    if rows:
        status_list.add(f"D{HEADER_ROW + 1}:D{row}")
        dates.add(f"E{HEADER_ROW + 1}:E{row}")
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widths may be changed
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    landscape_a4(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    for n, value in enumerate((FORMAT, roadmap_id, roadmap_title, school.id, school.short_name), 1):
        meta.cell(n, 1, META_KEYS[n - 1])
        meta.cell(n, 2, value).data_type = "n" if isinstance(value, int) else "s"
    for n, entry in enumerate(rows, len(META_KEYS) + 1):
        meta.cell(n, 1, "item")
        meta.cell(n, 2, entry.item_id)
    with atomic_output(target) as tmp:
        wb.save(tmp)
    return target


def form_filename(school: School) -> str:
    safe = re.sub(r'[\\/:*?"<>|\s]+', "_", school.short_name).strip("_") or f"school{school.id}"
    return f"Чек-лист_{safe}.xlsx"


def _folder_failure(folder: Path, exc: OSError) -> str:
    """Why the folder could not be made, in Russian (the system's text may be English)."""
    import errno

    reasons = {errno.EEXIST: "на её месте или на пути к ней лежит файл",
               errno.ENOTDIR: "на пути к ней лежит файл, а не папка",
               errno.EACCES: "нет прав на запись", errno.EPERM: "нет прав на запись",
               errno.EROFS: "диск доступен только для чтения",
               errno.ENOSPC: "недостаточно места на диске"}
    reason = reasons.get(exc.errno or 0, f"ошибка системы № {exc.errno}")
    return f"Не удалось создать папку {folder}: {reason}"


def export_school_forms(session: Session, roadmap_id: int, folder: Path, *,
                        step: Callable[[int, int], None] | None = None) -> list[Path]:
    """One form per school that any item of the roadmap concerns; returns the files."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"«{folder}» — файл, а не папка. Формы школ сохраняются в папку "
                        "(по файлу на школу): укажите папку, новую или существующую")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(_folder_failure(folder, exc)) from exc
    roadmap = load_roadmap(session, roadmap_id)
    items = roadmap.all_items()
    concerned = roadmap_schools(session, roadmap, items)
    schools: dict[int, School] = {}
    for found in concerned.values():
        schools.update((s.id, s) for s in found)
    if not schools:
        raise UserError("В дорожной карте нет мероприятий, касающихся отдельных школ")
    states = cell_states(session, [(i.id, s.id) for i in items for s in concerned[i.id]])
    written = []
    ordered = sorted(schools.values(), key=lambda s: s.short_name)
    for n, school in enumerate(ordered):
        rows = [FormRow(i.id, i.number, i.activity, i.deadline_text, states[(i.id, school.id)])
                for i in items if any(s.id == school.id for s in concerned[i.id])]
        written.append(write_form(folder / form_filename(school), roadmap.id, roadmap.title,
                                  school, rows))
        if step is not None:
            step(n + 1, len(ordered))
    return written
