"""Sheet «Документ»: every part of the roadmap document as rows «часть | название | текст».

The other sheets show the document as it prints; this one carries what they cannot
(the order with its requisites and points, approval blocks, the passport's own rows,
the working group, schedules) so that the importer reads the workbook back whole
(:mod:`desktop.importers.document_sheet`).
"""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from desktop.models import AppendixKind, Roadmap
from desktop.models import document_sheet as ds
from desktop.models.roadmap_parts import PartKey, layout_heading
from desktop.services.document_parts import passport_rows
from desktop.services.table import roadmap_table


def _clean(text: object) -> str:
    value = "" if text is None else str(text)
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def document_rows(roadmap: Roadmap) -> list[tuple[str, str, str]]:
    """The rows of the sheet, in the order a reader goes through the document."""
    layout = roadmap.layout_json or {}
    rows: list[tuple[str, str, str]] = [
        (ds.TITLE, "", roadmap.title or ""),
        (ds.LEVEL, "", ds.LEVELS.get(roadmap.level.value, roadmap.level.value)),
        (ds.PERIOD, "", f"{roadmap.period_start:%d.%m.%Y} – {roadmap.period_end:%d.%m.%Y}"),
        (ds.ORDER_OF_PARTS, "", ", ".join(str(p) for p in layout.get("order") or [])),
    ]
    order = roadmap.approving_order
    if order is not None:
        settings = order.settings if isinstance(order.settings, dict) else {}
        for label, attr in ds.ORDER_FIELDS:
            if attr == "date":
                value = f"{order.date:%d.%m.%Y}" if order.date else ""
            elif attr == "kind":
                value = settings.get("kind") or "ПРИКАЗ"
            elif attr == "appendix_mark":
                value = settings.get("appendix_mark_text", "")
            elif attr == "mark_authority":
                value = settings.get("authority_in_mark", "")
            elif hasattr(order, attr) and attr not in ("authority", "place", "parent_authority"):
                value = getattr(order, attr) or ""
            else:
                value = settings.get(attr, "")
            if value:
                rows.append((label, "", str(value)))
        if settings.get("date_style") == "words":
            rows.append((ds.DATE_IN_WORDS, "", ds.YES))
        if settings.get("date_with_ot"):
            rows.append((ds.DATE_WITH_OT, "", ds.YES))
        for n, point in enumerate(order.top_points(), 1):
            subs = "\n".join(f"{k}) {c.text}" for k, c in enumerate(point.children, 1))
            rows.append((ds.ORDER_POINT, str(n), point.text + (f"\n{subs}" if subs else "")))
        for approval in order.approvals:
            rows.append((ds.APPROVAL, ds.APPROVAL_WORDS.get(
                "submitted" if approval.kind.value == "submitted" else "agreed"),
                f"{approval.person_position}\n{approval.person_name}"))
        for appendix in order.appendices:
            if appendix.kind is AppendixKind.WORKING_GROUP:
                for member in appendix.members:
                    rows.append((ds.WORKING_GROUP, member.name, member.job_title or ""))
    for entry in layout.get("approvals") or []:
        if isinstance(entry, dict):
            rows.append((ds.APPROVAL, ds.APPROVAL_WORDS.get(str(entry.get("kind")), ""),
                         f"{entry.get('position', '')}\n{entry.get('name', '')}"))
    for key, label, text in ((PartKey.GOAL, ds.GOAL, roadmap.goal),
                             (PartKey.TASKS, ds.TASKS, roadmap.tasks),
                             (PartKey.BASIS, ds.BASIS, roadmap.basis_documents),
                             (PartKey.JUSTIFICATION, ds.JUSTIFICATION, roadmap.justification)):
        if (text or "").strip():
            rows.append((label, layout_heading(layout, key), text))
    heading = (layout.get("headings") or {}).get(PartKey.PASSPORT.value)
    if heading:
        rows.append((ds.PASSPORT_HEADING, "", heading))
    for label, text in passport_rows(roadmap):
        rows.append((ds.PASSPORT, label, text))
    periods = [p for p in (roadmap.indicator_periods or []) if isinstance(p, str)]
    if roadmap.indicators:
        rows.append((ds.INDICATOR_PERIODS, "", ds.SEPARATOR.join(periods)))
    for indicator in roadmap.indicators:
        rows.append((ds.INDICATOR, indicator.name,
                     ds.SEPARATOR.join([indicator.unit or "", *map(str, indicator.values or [])])))
    if roadmap.closing_name or roadmap.closing_position:
        rows.append((ds.CLOSING, roadmap.closing_position or "", roadmap.closing_name or ""))
    items = {item.id: item for item in roadmap.all_items()}
    for n, row in enumerate(roadmap_table(roadmap).item_rows(), 1):
        item = items.get(row.item_id)
        if item is None or (item.school_scope.value == "none" and not item.schools):
            continue
        rows.append((ds.ITEM_SCHOOLS, str(n), ds.SEPARATOR.join(
            [ds.SCOPES.get(item.school_scope.value, ""), *(s.short_name for s in item.schools)])))
    for appendix in roadmap.appendices:
        rows.append((ds.SCHEDULE, appendix.title or "",
                     ds.SEPARATOR.join(appendix.column_headings)))
        for row in appendix.rows:
            rows.append((ds.SCHEDULE_ROW, ds.GROUP if row.is_group else "",
                         ds.SEPARATOR.join((row.topic or "", row.date_text or "",
                                            row.responsible or ""))))
    return rows


def write_document_sheet(ws: Worksheet, roadmap: Roadmap) -> None:
    ws.title = ds.SHEET
    ws.cell(1, 1, ds.MARKER).font = Font(bold=True)
    for col, heading in enumerate(ds.HEADINGS, 1):
        ws.cell(2, col, heading).font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, values in enumerate(document_rows(roadmap), 3):
        for col, value in enumerate(values, 1):
            cell = ws.cell(r, col, _clean(value))
            cell.data_type = "s"
            cell.quotePrefix = str(value).startswith(("=", "+", "-", "@", "#"))
            cell.alignment = wrap
    for letter, width in (("A", 28), ("B", 40), ("C", 90)):
        ws.column_dimensions[letter].width = width
