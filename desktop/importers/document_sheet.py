"""Reading back the «Документ» sheet of the program's own workbook (see
:mod:`desktop.models.document_sheet`): what it says replaces what the roadmap sheet's
title block alone could tell — the order with its requisites and points, approval
blocks, the passport's rows, goal, tasks, basis, justification, indicators, the
working group, the closing signature and the schedules. A row it does not know is
reported, never dropped silently.
"""

from __future__ import annotations

import datetime as dt

from desktop.importers.passport import add_passport_row
from desktop.importers.preview import ApprovalDraft, ImportPreview, OrderDraft, ScheduleDraft
from desktop.importers.requisites import find_date
from desktop.models import document_sheet as ds
from desktop.models.roadmap_parts import PartKey

Row = tuple[str, str, str]


def sheet_rows(ws) -> list[Row] | None:
    """The rows of a «Документ» sheet (None when the sheet is not one)."""
    values = [[("" if v is None else str(v)) for v in row[:3]]
              for row in ws.iter_rows(values_only=True)]
    if not values or not values[0] or values[0][0].strip() != ds.MARKER:
        return None
    rows: list[Row] = []
    for row in values[2:]:
        cells = [*row, "", "", ""][:3]
        if any(c.strip() for c in cells):
            rows.append((cells[0].strip(), cells[1].strip(), cells[2].strip()))
    return rows


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(ds.SEPARATOR.strip())]


def _period(text: str) -> tuple[dt.date, dt.date] | None:
    parts = [find_date(p) for p in text.replace("–", "-").split("-") if p.strip()]
    if len(parts) == 2 and parts[0] and parts[1] and parts[0] <= parts[1]:
        return parts[0], parts[1]
    return None


def apply_document_sheet(preview: ImportPreview, rows: list[Row]) -> None:
    order_fields = dict(ds.ORDER_FIELDS)
    levels = {v: k for k, v in ds.LEVELS.items()}
    approvals = {v: k for k, v in ds.APPROVAL_WORDS.items()}
    order: OrderDraft | None = None
    headings: dict[str, str] = {}
    preview.approvals, preview.passport_rows, preview.schedules = [], [], []
    preview.working_group, preview.indicators = [], []
    for part, name, text in rows:
        if part == ds.TITLE:
            preview.title = text
        elif part == ds.LEVEL:
            preview.level = levels.get(text, "")
        elif part == ds.PERIOD:
            preview.stated_period = _period(text) or preview.stated_period
        elif part == ds.ORDER_OF_PARTS:
            known = {p.value for p in PartKey}
            preview.layout["order"] = [p.strip() for p in text.split(",") if p.strip() in known]
        elif part in order_fields:
            if order is None:
                order = OrderDraft(own=True)
            attr = order_fields[part]
            if attr == "date":
                order.date = find_date(text)
            elif attr == "kind":
                order.kind = text
            else:
                setattr(order, attr, text)
        elif part in (ds.DATE_IN_WORDS, ds.DATE_WITH_OT):
            if order is None:
                order = OrderDraft(own=True)
            if part == ds.DATE_IN_WORDS:
                order.date_in_words = text == ds.YES
            else:
                order.date_with_ot = text == ds.YES
        elif part == ds.ORDER_POINT:
            if order is None:
                order = OrderDraft(own=True)
            first, *subs = text.split("\n")
            order.points.append((first, [s.split(") ", 1)[-1] for s in subs]))
        elif part == ds.APPROVAL and name in approvals:
            position, _, person = text.rpartition("\n")
            preview.approvals.append(ApprovalDraft(approvals[name], position.strip(),
                                                   person.strip()))
        elif part in (ds.GOAL, ds.TASKS, ds.BASIS, ds.JUSTIFICATION):
            attr = {ds.GOAL: "goal", ds.TASKS: "tasks", ds.BASIS: "basis_documents",
                    ds.JUSTIFICATION: "justification"}[part]
            setattr(preview, attr, text)
            key = {ds.GOAL: PartKey.GOAL, ds.TASKS: PartKey.TASKS, ds.BASIS: PartKey.BASIS,
                   ds.JUSTIFICATION: PartKey.JUSTIFICATION}[part]
            if name:
                headings[key.value] = name
        elif part == ds.PASSPORT_HEADING:
            headings[PartKey.PASSPORT.value] = text
        elif part == ds.PASSPORT:
            add_passport_row(preview, name, text)
        elif part == ds.INDICATOR_PERIODS:
            preview.indicator_periods = _split(text) if text else []
        elif part == ds.INDICATOR:
            unit, *values = _split(text)
            preview.indicators.append((name, unit, values))
        elif part == ds.WORKING_GROUP:
            preview.working_group.append((name, text))
        elif part == ds.CLOSING:
            preview.closing_position, preview.closing_name = name, text
        elif part == ds.ITEM_SCHOOLS and name.isdigit():
            scope, *schools = _split(text)
            scopes = {v: k for k, v in ds.SCOPES.items()}
            preview.item_schools[int(name) - 1] = (scopes.get(scope, "chosen"),
                                                   [s for s in schools if s])
        elif part == ds.SCHEDULE:
            preview.schedules.append(ScheduleDraft(title=name, headings=_split(text)))
        elif part == ds.SCHEDULE_ROW and preview.schedules:
            topic, date, responsible = [*_split(text), "", "", ""][:3]
            preview.schedules[-1].rows.append((name == ds.GROUP, topic, date, responsible))
        else:
            preview.unplaced(" ".join((part, name, text)), f"лист «{ds.SHEET}»")
    if order is not None:
        preview.order = order
    elif preview.order is not None and not preview.order.own:
        preview.order = None  # the title block's stamp only repeats the approving order
    if headings:
        preview.layout["headings"] = {**preview.layout.get("headings", {}), **headings}
    preview.warnings = [w for w in preview.warnings if w not in preview.notes] + preview.notes
