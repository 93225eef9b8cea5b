"""A roadmap table on an Excel worksheet → blocks for :mod:`analyse`.

Title rows above the header become paragraphs; the header is the first row
recognised as a roadmap's (or another known table's); merged cells span
their columns like Word's ``gridSpan`` (a vertical merge repeats its text
down, like ``vMerge``). A workbook with several sheets is read on the first
sheet holding a roadmap table unless the caller names one.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
from pathlib import Path

from desktop.errors import UserError
from desktop.importers.document_sheet import sheet_rows
from desktop.importers.safe_zip import SafeZip
from desktop.importers.tables import Block, RawRow, RawTable, TableKind, classify_header
from desktop.models.document_sheet import SHEET

_SCAN_ROWS = 40
MAX_CELLS = 2_000_000
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
#: addresses named in the warning about formulas without a saved value; the rest are counted
_SHOWN_ADDRESSES = 10


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").strip()


def _sheet_grid(ws) -> tuple[list[list[str]], dict[tuple[int, int], tuple[int, int, bool]]]:
    """Cell texts and merges: (row, col) → (span, top-left?) for merged cells."""
    if ws.max_row * max(ws.max_column, 1) > MAX_CELLS:
        raise UserError("Лист Excel слишком большой для импорта.")
    grid = [[_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    merges: dict[tuple[int, int], tuple[int, int, bool]] = {}
    for rng in ws.merged_cells.ranges:
        span = rng.max_col - rng.min_col + 1
        for r in range(rng.min_row, rng.max_row + 1):
            merges[(r - 1, rng.min_col - 1)] = (span, rng.min_row - 1, r == rng.min_row)
            for c in range(rng.min_col + 1, rng.max_col + 1):
                merges[(r - 1, c - 1)] = (0, rng.min_row - 1, False)
    return grid, merges


def _rows(grid: list[list[str]], merges: dict[tuple[int, int], tuple[int, int, bool]],
          start: int, width: int) -> list[RawRow]:
    rows = []
    for r in range(start, len(grid)):
        texts = [""] * width
        continued = [False] * width
        cells = []
        c = 0
        line = grid[r]
        while c < width:
            span, top, first = merges.get((r, c), (1, r, True))
            if span == 0:
                c += 1
                continue
            text = line[c] if c < len(line) else ""
            if not first:
                text = grid[top][c] if c < len(grid[top]) else ""
                for k in range(c, min(width, c + span)):
                    continued[k] = True
            texts[c] = text
            cells.append((c, span, text))
            c += span
        rows.append(RawRow(texts, cells, continued))
    return rows


def sheet_blocks(ws) -> list[Block] | None:
    """Paragraphs above the header and the table below it; None when no known header."""
    grid, merges = _sheet_grid(ws)
    width = max((len(r) for r in grid), default=0)
    for index, line in enumerate(grid[:_SCAN_ROWS]):
        if classify_header(line) is not TableKind.OTHER:
            blocks: list[Block] = [" ".join(t for t in above if t) for above in grid[:index]]
            blocks.append(RawTable(_rows(grid, merges, index, width), width))
            return [b for b in blocks if not isinstance(b, str) or b.strip()]
    return None


def formulas_without_values(sheet_xml) -> list[str]:
    """Addresses of a worksheet's formula cells that hold no saved value (a file written by a
    program that does not compute formulas): openpyxl reads them as empty."""
    return [cell.get("r", "?") for cell in sheet_xml.iter(f"{_MAIN}c")
            if cell.find(f"{_MAIN}f") is not None and not (cell.findtext(f"{_MAIN}v") or "")]


def sheet_parts(parsed: dict) -> dict[str, str]:
    """Sheet title → the zip member holding its XML (workbook.xml and its relationships)."""
    workbook, rels = parsed.get("xl/workbook.xml"), parsed.get("xl/_rels/workbook.xml.rels")
    if workbook is None or rels is None:
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(_RELS)}
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_REL_ID), "")
        parts[sheet.get("name", "")] = target.lstrip("/") if target.startswith("/") \
            else f"xl/{target}"
    return parts


def formula_warning(addresses: list[str]) -> str:
    shown = ", ".join(addresses[:_SHOWN_ADDRESSES])
    more = f" и ещё {len(addresses) - _SHOWN_ADDRESSES}" if len(addresses) > _SHOWN_ADDRESSES else ""
    return (f"Ячейки с формулами без сохранённого значения прочитаны пустыми: {shown}{more}. "
            "Откройте книгу в Excel или LibreOffice Calc, сохраните её и импортируйте снова")


def xlsx_blocks(path: Path, sheet: str | None = None, document: list | None = None
                ) -> tuple[list[Block], list[str], str, list[str]]:
    """Blocks of the chosen (or first fitting) sheet, the fitting sheets' names, the chosen one,
    and warnings about it (formula cells without a saved value: their text is unknown).
    ``document`` gets the rows of the program's own «Документ» sheet when the book has one."""
    from openpyxl import load_workbook

    with SafeZip(path) as zf:
        names = zf.names()
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            raise UserError("Файл с макросами (.xlsm) не импортируется: сохраните его как "
                            "обычную книгу Excel (.xlsx).")
        data = {n: zf.read(n) for n in names if not n.endswith("/")}
    buffer = io.BytesIO()
    import zipfile

    from desktop.importers.safe_zip import parse_xml

    parsed = {}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for name, content in data.items():
            if name.endswith(".xml") or name.endswith(".rels"):
                parsed[name] = parse_xml(content, name)  # refuses DOCTYPE before openpyxl
            copy.writestr(name, content)
    buffer.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(buffer, data_only=True)
    except UserError:
        raise
    except Exception as exc:
        raise UserError("Книга Excel повреждена и не читается.") from exc
    fitting: list[tuple[str, list[Block]]] = []
    if document is not None and SHEET in wb.sheetnames:
        document.extend(sheet_rows(wb[SHEET]) or [])
    for ws in wb.worksheets:
        blocks = sheet_blocks(ws)
        if blocks is not None and any(isinstance(b, RawTable) and
                                      classify_header(b.rows[0].texts) is TableKind.ROADMAP
                                      for b in blocks):
            fitting.append((ws.title, blocks))
    if not fitting:
        raise UserError("Ни на одном листе книги не найдена таблица дорожной карты "
                        "(шапка «№ | Мероприятие | Срок | Исполнители» или похожая).")
    chosen = next((f for f in fitting if f[0] == sheet), fitting[0])
    part = parsed.get(sheet_parts(parsed).get(chosen[0], ""))
    empty_formulas = formulas_without_values(part) if part is not None else []
    warnings_ = [formula_warning(empty_formulas)] if empty_formulas else []
    return chosen[1], [f[0] for f in fitting], chosen[0], warnings_
