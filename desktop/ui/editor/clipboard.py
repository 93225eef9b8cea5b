"""Rows on the clipboard as tab-separated text, the way Excel and Word exchange tables (no Qt).

Copy writes one line per item, cells in the profile's column order; a cell
with a tab, a line break or a quote is quoted as Excel does. Paste reads the
same (Excel's quoting, Word's plain lines) and creates items after the
current row, taking columns in the profile's order; a section row copied with
them («7. Взаимодействие …») becomes a section holding the rows after it
(the importer's rules for section rows).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.importers.rows import number_of, split_heading
from desktop.models.columns import Column, Field
from desktop.models.enums import ItemStatus, label
from desktop.services import structure
from desktop.services.editing import (
    TEXT_ATTRIBUTES,
    resolve_executors,
    set_executors,
    set_item_field,
)

_STATUS_BY_LABEL = {label(s).casefold(): s for s in ItemStatus}


def _quote(cell: str) -> str:
    if any(ch in cell for ch in '\t\n\r"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def rows_to_text(rows: Sequence[Sequence[str]]) -> str:
    """Tab-separated lines (Excel quoting for multi-line cells)."""
    return "".join("\t".join(_quote(c) for c in row) + "\n" for row in rows)


def text_to_rows(text: str) -> list[list[str]]:
    """Tab-separated clipboard text → rows of cells; blank lines are skipped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')
    rows = [[cell.replace("\x0b", "\n").strip() for cell in row] for row in reader]
    return [row for row in rows if any(row)]


@dataclass
class PastedBlock:
    """Rows pasted under one section heading (``heading`` None: under the current row)."""

    heading: tuple[str, str] | None
    rows: list[list[str]]


def _heading(row: list[str], columns: Sequence[Column], numbers: list[str]) -> tuple[str, str] | None:
    """A section row copied from a Word or Excel table, as (number, title); None for an item.

    Either one cell «7. Взаимодействие …» (a merged row), or a whole number and a title
    with nothing else in the row when rows numbered «7.1», «7.2» … follow in the block.
    """
    filled = [(n, cell) for n, cell in enumerate(row) if cell.strip()]
    if len(filled) == 1 and filled[0][0] == 0:
        number, title = split_heading(filled[0][1])
        if number and title:
            return number, title
    if (len(filled) == 2 and [n for n, _ in filled] == [0, 1] and columns
            and columns[0].field is Field.NUMBER):
        number = number_of(row[0])
        if number and "." not in number and any(n.startswith(f"{number}.") for n in numbers):
            return number, row[1].strip()
    return None


def split_blocks(rows: list[list[str]], columns: Sequence[Column]) -> list[PastedBlock]:
    """Pasted rows split at section rows: the first block goes under the current row, each
    heading starts a new section holding the rows after it."""
    numbers = [number_of(r[0]) or "" for r in rows if r]
    blocks = [PastedBlock(None, [])]
    for row in rows:
        heading = _heading(row, columns, numbers)
        if heading is not None:
            blocks.append(PastedBlock(heading, []))
        else:
            blocks[-1].rows.append(row)
    return [b for b in blocks if b.heading is not None or b.rows]


def _date(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text.strip(), "%d.%m.%Y").date()
    except ValueError:
        return None


def paste_rows(session: Session, rows: list[list[str]], columns: Sequence[Column], *,
               section_id: int, parent_id: int | None, position: int) -> list[int]:
    """Create one item per row at ``position`` under (section, parent); returns the new ids."""
    created = []
    for offset, row in enumerate(rows):
        values = dict(zip((c.field for c in columns), row, strict=False))
        item_id = structure.add_item(session, section_id=section_id, parent_id=parent_id,
                                     position=position + offset,
                                     number=values.get(Field.NUMBER))
        for field, value in values.items():
            if not value or field is Field.NUMBER:
                continue
            if field in TEXT_ATTRIBUTES or field is Field.DEADLINE:
                set_item_field(session, item_id, field, value)
            elif field is Field.EXECUTORS:
                set_executors(session, item_id, resolve_executors(session, value)[0])
            elif field is Field.STATUS and value.casefold() in _STATUS_BY_LABEL:
                set_item_field(session, item_id, field, _STATUS_BY_LABEL[value.casefold()])
            elif field is Field.DONE_DATE and _date(value) is not None:
                set_item_field(session, item_id, field, _date(value))
        created.append(item_id)
    return created
