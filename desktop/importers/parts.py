"""Tables beside the roadmap: the working group, target indicators and schedules."""

from __future__ import annotations

import re

from desktop.importers.around import note_part
from desktop.importers.passport import add_passport_row
from desktop.importers.preview import ImportPreview, ScheduleDraft
from desktop.importers.tables import (
    RawTable,
    TableKind,
    is_column_numbers,
    norm,
    passport_label,
)
from desktop.models.roadmap_parts import PartKey


def _col(header: list[str], *words: str) -> int | None:
    for i, text in enumerate(header):
        if any(w in norm(text) for w in words):
            return i
    return None


def _cell(texts: list[str], col: int | None) -> str:
    return texts[col].strip() if col is not None and col < len(texts) else ""


def read_passport(table: RawTable, preview: ImportPreview) -> None:
    """Label | text rows into the passport fields (and the goal and tasks)."""
    note_part(preview, PartKey.PASSPORT, first=True)
    for row in table.rows:
        cells = [c[2].strip() for c in row.filled]
        if not cells:
            continue
        first = row.texts[0].strip() if row.texts else ""
        if len(cells) == 1 and first and passport_label(first) is None and row.filled[0][1] > 1:
            preview.unplaced(first, "паспорт") if len(first) > 80 else \
                preview.passport_rows.append((first, ""))  # a heading row across the table
            continue
        label = first if len(row.texts) > 1 else ""
        text = "\n".join(t.strip() for t in row.texts[1:] if t.strip()) if label \
            else "\n".join(cells)
        add_passport_row(preview, label, text)


def read_part(kind: TableKind, table: RawTable, header_index: int, preview: ImportPreview,
              heading: str = "") -> None:
    """One table beside the roadmap; ``heading`` is the paragraph just above it (a schedule's
    title, the indicators' or working group's own heading) when there is one."""
    heading = heading.strip().rstrip(":") if len(heading) < 200 else ""
    if kind is TableKind.PASSPORT:
        read_passport(table, preview)
        return
    header = table.rows[header_index].texts
    rows = [r for r in table.rows[header_index + 1:] if r.filled and not is_column_numbers(r)]
    if kind is TableKind.WORKING_GROUP:
        name_col = _col(header, "фио", "ф.и.о", "фамилия")
        pos_col = _col(header, "должност")
        if "групп" in heading.lower():
            preview.working_group_title = heading
        for row in rows:
            name = _cell(row.texts, name_col)
            if name:
                preview.working_group.append((name, _cell(row.texts, pos_col)))
    elif kind is TableKind.INDICATORS:
        note_part(preview, PartKey.INDICATORS, heading if "показател" in heading.lower() else "")
        name_col = _col(header, "показател", "наименование")
        unit_col = _col(header, "единиц", "ед. изм", "ед.изм")
        value_cols = [i for i, t in enumerate(header)
                      if i not in (name_col, unit_col) and t.strip()
                      and (re.search(r"20\d\d", t) or "значен" in norm(t))]
        preview.indicator_periods = [header[i].strip() for i in value_cols]
        for row in rows:
            name = _cell(row.texts, name_col)
            if name and not (len(row.filled) == 1 and name_col != 0):
                preview.indicators.append(
                    (name, _cell(row.texts, unit_col), [_cell(row.texts, i) for i in value_cols]))
    elif kind is TableKind.SCHEDULE:
        topic_col = _col(header, "тема")
        date_col = _col(header, "дата", "месяц", "срок")
        resp_col = _col(header, "ответствен")
        draft = ScheduleDraft(title=heading, headings=[_cell(header, topic_col), _cell(header, date_col),
                                        _cell(header, resp_col)])
        for row in rows:
            filled = row.filled
            if len(filled) == 1 and (filled[0][1] > 1 or filled[0][0] != topic_col):
                draft.rows.append((True, filled[0][2].strip(), "", ""))
                continue
            draft.rows.append((False, _cell(row.texts, topic_col), _cell(row.texts, date_col),
                               _cell(row.texts, resp_col)))
        preview.schedules.append(draft)
