"""Tables beside the roadmap: the working group, target indicators and schedules."""

from __future__ import annotations

import re

from desktop.importers.around import note_part
from desktop.importers.passport import add_passport_row
from desktop.importers.preview import ImportPreview, ScheduleDraft
from desktop.importers.requisites import find_date, find_number
from desktop.importers.rows import join_continuation
from desktop.importers.tables import (
    HeaderMatcher,
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
    mark, heading = split_heading_lines(heading)
    if kind is TableKind.PASSPORT:
        if heading.lower().startswith("паспорт"):
            note_part(preview, PartKey.PASSPORT, heading, first=True)
        elif heading:
            preview.passport_rows.append((heading, ""))  # «Сведения к паспорту …» above rows
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
        draft = read_schedule(table, header_index, heading, preview)
        if mark:
            flat = " ".join(mark)
            number = re.match(r"приложение\s*№?\s*(\d+)", flat, re.IGNORECASE)
            draft.number = number.group(1) if number else ""
            draft.doc_date, draft.doc_number = find_date(flat), find_number(flat)
        preview.schedules.append(draft)


def split_heading_lines(heading: str) -> tuple[list[str], str]:
    """The lines above a table → (an appendix mark's lines, the title on one line)."""
    lines = [line.strip() for line in heading.split("\n") if line.strip()]
    mark: list[str] = []
    if lines and lines[0].lower().startswith("приложение"):
        mark.append(lines.pop(0))
        while lines and (lines[0][:1].islower() or lines[0].lower().startswith(("от ", "№"))):
            mark.append(lines.pop(0))
    title = " ".join(lines).strip().rstrip(":").strip()
    return mark, title if len(title) < 400 else ""


_MONTH_WORDS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
                "октябр", "ноябр", "декабр")


def _is_month(text: str) -> bool:
    """«Январь», «январь 2022 г.», «Сентябрь – октябрь» (a month written for a group)."""
    low = norm(text)
    return bool(low) and len(low) < 40 and not any(ch.isdigit() for ch in low[:2]) \
        and low.split()[0].startswith(_MONTH_WORDS) and not low.startswith(("мая ", "мах"))


def read_schedule(table: RawTable, header_index: int, heading: str,
                  preview: ImportPreview) -> ScheduleDraft:
    """A schedule (consultations, visits) grouped by month: the month written once (a group
    row across the table, or a cell merged down a «Месяц» column) is inherited by every
    row of its group; the header typed again on each page is skipped; a row split at a page
    break (no number, the topic carried on) is joined to the row above."""
    header = table.rows[header_index].texts
    topic_col = _col(header, "тема")
    month_col = _col(header, "месяц")
    date_col = _col(header, "дата", "срок")
    if date_col is None:
        date_col = month_col
    resp_col = _col(header, "ответствен")
    num_col = next((i for i, t in enumerate(header) if norm(t).startswith(("№", "n п/п"))), None)
    matcher = HeaderMatcher(header)
    draft = ScheduleDraft(title=heading, headings=[_cell(header, topic_col),
                                                   _cell(header, date_col),
                                                   _cell(header, resp_col)])
    month = ""
    for row in table.rows[header_index + 1:]:
        if not row.filled or is_column_numbers(row):
            continue
        if matcher.matches(row):
            preview.skipped.append("Повтор шапки графика на новой странице")
            continue
        continued = row.continued or [False] * len(row.texts)
        own = [c for c in row.filled if not continued[c[0]]]
        if len(own) == 1 and (own[0][1] > 1 or own[0][0] != topic_col) \
                and own[0][0] not in (month_col, date_col, resp_col):
            text = own[0][2].strip()
            draft.rows.append((True, text, "", ""))
            month = text if _is_month(text) else ""
            continue
        topic = _cell(row.texts, topic_col)
        date = _cell(row.texts, date_col) if date_col is not None else ""
        responsible = _cell(row.texts, resp_col)
        if date_col is not None and date == _cell(header, date_col):
            date = ""  # a merge carried on through a header typed again
        if month_col is not None and month_col != date_col:
            month_text = _cell(row.texts, month_col)
            month_text = "" if month_text == _cell(header, month_col) else month_text
            date = date if date and month_text in date else \
                " ".join(t for t in (date, month_text) if t)
        if date and (month_col is not None or _is_month(date)):
            month = date if _is_month(date) or date_col == month_col else month
        elif not date and month:
            date = month  # the month written once for its group
        number = _cell(row.texts, num_col) if num_col is not None else ""
        last = draft.rows[-1] if draft.rows and not draft.rows[-1][0] else None
        if last is not None and not number and topic and not continued[topic_col or 0] \
                and (topic[:1].islower() or last[1].rstrip().endswith("-")) \
                and responsible in ("", last[3]) and (date in ("", last[2]) or date == month):
            draft.rows[-1] = (False, join_continuation(last[1], topic), last[2], last[3])
            continue
        if not topic and not responsible:
            if date:
                preview.unplaced(date, f"график «{heading or 'без заголовка'}»")
            continue
        draft.rows.append((False, topic, date, responsible))
    return draft
