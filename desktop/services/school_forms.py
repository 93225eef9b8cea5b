"""Reading a school's filled-in form back (see :mod:`desktop.export.school_forms`): which
roadmap and school it is for, and exactly which cells it changes.

Pure functions, no Qt: :func:`read_form` reads the file, :func:`form_changes` compares it
with the database and returns the new cell states, refusing a form of another roadmap
or school. The ``import FORM.xlsx`` command and the window apply the changes through
:func:`desktop.services.checklist.set_cells` (source «форма школы»), as one change.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.models import Item, Roadmap, School, Section
from desktop.models.checklist import CELL_STATUSES
from desktop.services.checklist import Cell, CellState, Evidence, cell_states, set_cells
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
    evidence_text,
)

#: the history's source of a change read from a school's form
FORM_SOURCE = "форма школы"
MAX_FILE_BYTES = 20 * 2**20
MAX_UNPACKED_BYTES = 200 * 2**20
_DOCUMENT = re.compile(r"^(?P<title>.*?)(?:\s*№\s*(?P<number>[^\s;]+))?"
                       r"(?:\s*от\s*(?P<date>\d{1,2}\.\d{1,2}\.\d{4}))?\s*$")


@dataclass(frozen=True)
class FilledRow:
    item_id: int
    number: str
    status: str
    date: object
    document: str
    comment: str


@dataclass(frozen=True)
class FilledForm:
    roadmap_id: int
    roadmap_title: str
    school_id: int
    school: str
    rows: list[FilledRow]


@dataclass
class FormPreview:
    """What importing the form would change: new states of the changed cells only."""

    form: FilledForm
    changes: dict[Cell, CellState] = field(default_factory=dict)
    #: «1.3: выполнено → в работе» lines for the preview
    lines: list[str] = field(default_factory=list)


def _check_zip(path: Path) -> None:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserError(f"Файл «{path.name}» слишком велик для формы школы")
        with zipfile.ZipFile(path) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise UserError(f"Файл «{path.name}» распаковывается в слишком большой объём")
    except (OSError, zipfile.BadZipFile) as exc:
        raise UserError(f"«{path.name}» — не файл Excel (.xlsx)") from exc


def is_school_form(path: Path) -> bool:
    """True when ``path`` is an .xlsx with the form's hidden sheet (for the import dispatch)."""
    if Path(path).suffix.lower() != ".xlsx":
        return False
    try:
        _check_zip(Path(path))
        wb = load_workbook(path, read_only=True)
    except (UserError, OSError, ValueError, KeyError, zipfile.BadZipFile, InvalidFileException):
        return False
    try:
        return META_SHEET in wb.sheetnames
    finally:
        wb.close()


def read_form(path: Path | str) -> FilledForm:
    """The form's roadmap, school and rows as the school left them."""
    path = Path(path)
    _check_zip(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError) as exc:
        raise UserError(f"Не удалось прочитать «{path.name}»: {exc}") from exc
    try:
        if META_SHEET not in wb.sheetnames or SHEET not in wb.sheetnames:
            raise UserError(f"«{path.name}» — не форма школы «Дорожной карты»")
        meta_rows = [r[:2] for r in wb[META_SHEET].iter_rows(values_only=True)]
        meta = {str(k): v for k, v in meta_rows[:len(META_KEYS)]}
        if meta.get("format") != FORMAT:
            raise UserError(f"«{path.name}»: форма школы неизвестной версии")
        item_ids = [int(v) for k, v in meta_rows[len(META_KEYS):] if k == "item"]
        sheet = list(wb[SHEET].iter_rows(min_row=HEADER_ROW, values_only=True))
    finally:
        wb.close()
    if not sheet or tuple(str(c or "") for c in sheet[0][:len(HEADINGS)]) != HEADINGS:
        raise UserError(f"«{path.name}»: заголовок таблицы изменён; заполните исходную форму")
    body = [r for r in sheet[1:] if any(c not in (None, "") for c in r)]
    if len(body) != len(item_ids):
        raise UserError(f"«{path.name}»: строки таблицы добавлены или удалены; "
                        "заполните исходную форму")
    rows = [FilledRow(item_id, str(r[0] or ""), str(r[STATUS_COL - 1] or "").strip(),
                      r[DATE_COL - 1], str(r[DOCUMENT_COL - 1] or "").strip(),
                      str(r[COMMENT_COL - 1] or "").strip())
            for item_id, r in zip(item_ids, body, strict=True)]
    return FilledForm(int(meta["roadmap_id"]), str(meta["roadmap_title"] or ""),
                      int(meta["school_id"]), str(meta["school"] or ""), rows)


def _date(value: object, number: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.datetime.strptime(str(value).strip(), "%d.%m.%Y").date()
    except ValueError:
        raise UserError(f"Строка {number}: дата «{value}» не понята (нужно ДД.ММ.ГГГГ)") from None


def _documents(text: str, old: CellState) -> tuple[Evidence, ...]:
    if text == evidence_text(old):
        return old.evidence
    kept = {e.text or e.file_name: e for e in old.evidence}
    found = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        if part in kept:
            found.append(kept[part])
            continue
        match = _DOCUMENT.match(part)
        day = match["date"] if match else None
        parsed = dt.datetime.strptime(day, "%d.%m.%Y").date() if day else None
        found.append(Evidence(match["title"] if match else part,
                              (match["number"] or "") if match else "", parsed))
    return tuple(found)


def form_changes(session: Session, form: FilledForm, *, roadmap_id: int | None = None,
                 school_id: int | None = None) -> FormPreview:
    """Compare the form with the database; refuse a form of another roadmap or school
    (also when ``roadmap_id`` / ``school_id`` name the ones expected)."""
    roadmap = session.get(Roadmap, form.roadmap_id)
    if roadmap is None or roadmap.title != form.roadmap_title:
        raise UserError(f"Форма относится к другой дорожной карте («{form.roadmap_title}»)")
    if roadmap_id is not None and roadmap_id != form.roadmap_id:
        raise UserError(f"Форма относится к другой дорожной карте («{form.roadmap_title}»), "
                        "не к выбранной")
    school = session.get(School, form.school_id)
    if school is None or school.short_name != form.school:
        raise UserError(f"Форма относится к школе «{form.school}», которой нет в базе")
    if school_id is not None and school_id != form.school_id:
        raise UserError(f"Форма заполнена школой «{form.school}», а не выбранной")
    items = {i.id: i for i in session.query(Item).join(Section)
             .where(Section.roadmap_id == roadmap.id, Item.id.in_([r.item_id for r in form.rows]))}
    if len(items) != len(form.rows):
        raise UserError("В форме есть мероприятия, которых нет в дорожной карте: "
                        "форма устарела, выгрузите новую")
    cells = [(r.item_id, school.id) for r in form.rows]
    old_states = cell_states(session, cells)
    preview = FormPreview(form)
    for row, cell in zip(form.rows, cells, strict=True):
        status = CELL_STATUSES.get(row.status.lower())
        if status is None:
            raise UserError(f"Строка {row.number}: статус «{row.status}» не из списка "
                            f"({', '.join(CELL_STATUSES)})")
        old = old_states[cell]
        new = CellState(status, _date(row.date, row.number), row.comment,
                        _documents(row.document, old))
        if new != old:
            preview.changes[cell] = new
            preview.lines.append(f"{row.number} {items[row.item_id].activity[:60]}: "
                                 f"{row.status}" + (f", {new.date:%d.%m.%Y}" if new.date else ""))
    return preview


def import_form(session: Session, path: Path | str, *, dry_run: bool = False,
                roadmap_id: int | None = None, school_id: int | None = None) -> FormPreview:
    """Read a filled form and (unless ``dry_run``) write its changes in ``session`` as one
    change with the history source «форма школы» — for the ``import FORM.xlsx`` command."""
    preview = form_changes(session, read_form(path), roadmap_id=roadmap_id, school_id=school_id)
    if not dry_run:
        set_cells(session, preview.changes, source=FORM_SOURCE)
    return preview
