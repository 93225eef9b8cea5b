"""Excel export of a roadmap for the region: a workbook that opens, prints and reads back cleanly.

Four or five sheets: «Дорожная карта» (the table in the roadmap's column profile,
with its title block), «Паспорт» (the document's parts around the table, when it
has any: passport, basis, justification, goal, tasks, indicators, signature),
«Исполнение» (status of every item, totals by section,
monitoring points), «По школам» (the per-school checklist as a matrix) and
«График» (a Gantt chart in cells). Every sheet prints on A4 landscape, fitted
to the page width, with its header rows repeated and page numbers.

The file is written through :func:`desktop.atomic.atomic_output`, so a
failure (file open in another program, read-only folder, full disk) becomes a
Russian :class:`~desktop.errors.UserError` and never leaves a half-written file.
No Qt here: the window and the command line both call :func:`export_roadmap_xlsx`.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from desktop.atomic import atomic_output
from desktop.errors import UserError
from desktop.export.xlsx_document import write_document_sheet
from desktop.export.xlsx_facts import Check, Facts
from desktop.export.xlsx_gantt import write_gantt_sheet
from desktop.export.xlsx_main import write_roadmap_sheet
from desktop.export.xlsx_parts import has_parts, write_parts_sheet
from desktop.export.xlsx_progress import write_progress_sheet
from desktop.export.xlsx_schools import write_schools_sheet
from desktop.export.xlsx_style import Styles
from desktop.models import (
    Authority,
    ChecklistRow,
    Item,
    Order,
    OrderAppendix,
    OrderPoint,
    Organisation,
    Person,
    Roadmap,
    RoadmapAppendix,
    School,
    Section,
)
from desktop.services.table import roadmap_table

ProgressCallback = Callable[[int, int], bool]

#: how many rows pass between two calls of the progress callback
REPORT_EVERY = 50


class ExportCancelled(Exception):
    """The user cancelled the export through the progress callback; no file was written."""


class _Progress:
    """Counts work units and asks the callback now and then whether to go on."""

    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback = callback
        self.total = max(total, 1)
        self.done = 0

    def report(self) -> None:
        if self.callback is not None and self.callback(self.done, self.total) is False:
            raise ExportCancelled("Выгрузка в Excel отменена")

    def finish(self) -> None:
        """The last call, after the file is in place (its answer no longer matters)."""
        self.done = self.total
        if self.callback is not None:
            self.callback(self.done, self.total)

    def step(self) -> None:
        self.done += 1
        if self.done % REPORT_EVERY == 0:
            self.report()


def load_roadmap(session: Session, roadmap_id: int) -> Roadmap:
    """The roadmap with everything the sheets read, loaded in a few queries.

    Only what the sheets need becomes ORM objects: the checklist is read as plain
    rows (:func:`load_checks`), the children lists are linked from the items
    already loaded, and executors' people and organisations are fetched in one
    query each and linked so that ``ItemExecutor.display`` needs no query.
    """
    items = selectinload(Roadmap.sections).selectinload(Section.items)
    query = (
        select(Roadmap)
        .where(Roadmap.id == roadmap_id)
        .options(
            items.selectinload(Item.executors),
            items.selectinload(Item.schools),
            selectinload(Roadmap.monitoring_points),
            selectinload(Roadmap.approving_order),
            # the «Документ» sheet: the order's parts, indicators and schedules, one query each
            selectinload(Roadmap.approving_order).selectinload(Order.points)
            .selectinload(OrderPoint.children),
            selectinload(Roadmap.approving_order).selectinload(Order.approvals),
            selectinload(Roadmap.approving_order).selectinload(Order.appendices)
            .selectinload(OrderAppendix.members),
            selectinload(Roadmap.indicators),
            selectinload(Roadmap.appendices).selectinload(RoadmapAppendix.rows),
        )
    )
    roadmap = session.scalars(query).first()
    if roadmap is None:
        raise UserError(f"Дорожная карта № {roadmap_id} не найдена")
    _link_children(roadmap)
    _link_directory(session, roadmap)
    return roadmap


def _link_children(roadmap: Roadmap) -> None:
    """Fill ``Item.children`` (and ``Item.parent``) from the loaded items, without a query."""
    everything = [item for section in roadmap.sections for item in section.items]
    by_id = {item.id: item for item in everything}
    children: dict[int, list[Item]] = {item.id: [] for item in everything}
    for item in sorted(everything, key=lambda i: i.position):  # ``children`` is by position
        if item.parent_id in children:
            children[item.parent_id].append(item)
    for item in everything:
        set_committed_value(item, "children", children[item.id])
        if item.parent_id in by_id:
            set_committed_value(item, "parent", by_id[item.parent_id])


def _link_directory(session: Session, roadmap: Roadmap) -> None:
    """Give every executor its person and organisation, fetched in one query each."""
    executors = [e for section in roadmap.sections for item in section.items
                 for e in item.executors]
    for model, key, attr in ((Person, "person_id", "person"),
                             (Organisation, "organisation_id", "organisation")):
        ids = {getattr(e, key) for e in executors} - {None}
        found = ({row.id: row for row in session.scalars(select(model).where(model.id.in_(ids)))}
                 if ids else {})
        for executor in executors:
            set_committed_value(executor, attr, found.get(getattr(executor, key)))


def load_checks(session: Session, roadmap_id: int) -> dict[int, dict[int, Check]]:
    """The roadmap's checklist as plain rows: item id → school id → (status, date)."""
    query = (
        select(ChecklistRow.item_id, ChecklistRow.school_id, ChecklistRow.status,
               ChecklistRow.date)
        .join(Item, Item.id == ChecklistRow.item_id)
        .join(Section, Section.id == Item.section_id)
        .where(Section.roadmap_id == roadmap_id)
    )
    checks: dict[int, dict[int, Check]] = {}
    for item_id, school_id, status, date in session.execute(query):
        checks.setdefault(item_id, {})[school_id] = Check(status, date)
    return checks


def load_schools(session: Session) -> list[School]:
    query = (select(School).where(School.district_id.is_(None))
             .options(selectinload(School.project_years)).order_by(School.short_name))
    return list(session.scalars(query))


def build_workbook(session: Session, roadmap: Roadmap, today: dt.date,
                   progress: _Progress) -> Workbook:
    """The four sheets in memory."""
    authority = session.scalars(select(Authority).order_by(Authority.id)).first()
    schools = load_schools(session)
    table = roadmap_table(roadmap)
    progress.total = len(table.rows) + 3 * len(table.item_rows()) + 1
    progress.report()
    wb = Workbook()
    wb.properties.title = roadmap.title
    wb.properties.creator = "«Дорожная карта»"
    styles = Styles()
    facts = Facts(today, roadmap.period_start, schools, load_checks(session, roadmap.id))
    facts.remember_deadlines({row.item_id: row.deadline for row in table.item_rows()
                              if row.deadline is not None})
    write_roadmap_sheet(wb.active, styles, roadmap, table, authority, progress.step)
    write_progress_sheet(wb.create_sheet(), styles, roadmap, facts, progress.step)
    write_schools_sheet(wb.create_sheet(), styles, roadmap, facts, progress.step)
    write_gantt_sheet(wb.create_sheet(), styles, roadmap, facts, progress.step)
    if has_parts(roadmap):  # the document's text next to its table
        write_parts_sheet(wb.create_sheet(index=1), styles, roadmap)
    write_document_sheet(wb.create_sheet(), roadmap)  # every part, read back on import
    wb.active = 0
    return wb


def export_roadmap_xlsx(session: Session, roadmap_id: int, target: Path, *,
                        today: dt.date | None = None,
                        progress: ProgressCallback | None = None) -> Path:
    """Write the roadmap ``roadmap_id`` to ``target`` (.xlsx) and return the path.

    ``progress(done, total)`` is called now and then; returning False cancels
    the export (:class:`ExportCancelled`, no file written). Problems with the
    target raise :class:`UserError` in Russian.
    """
    target = Path(target)
    tracker = _Progress(progress, 1)
    with _no_cyclic_gc():
        roadmap = load_roadmap(session, roadmap_id)
        wb = build_workbook(session, roadmap, today or dt.date.today(), tracker)
        tracker.report()
        with atomic_output(target) as tmp:
            wb.save(tmp)
    tracker.finish()
    return target


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the workbook is built and saved.

    The export allocates a few hundred thousand objects (ORM rows, cells) that all
    stay alive until the file is written, so every full collection the allocations
    trigger scans the whole heap and frees nothing — about a quarter of the export's
    time on a 2,000-item roadmap. Reference counting still frees everything as
    usual; the collector is switched back on (if it was on) even on errors.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
