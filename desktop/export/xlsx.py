"""Excel export of a roadmap for the region: a workbook that opens, prints and reads back cleanly.

Four sheets: «Дорожная карта» (the table in the roadmap's column profile, with
its title block), «Исполнение» (status of every item, totals by section,
monitoring points), «По школам» (the per-school checklist as a matrix) and
«График» (a Gantt chart in cells). Every sheet prints on A4 landscape, fitted
to the page width, with its header rows repeated and page numbers.

The file is written through :func:`desktop.export.atomic.atomic_output`, so a
failure (file open in another program, read-only folder, full disk) becomes a
Russian :class:`~desktop.errors.UserError` and never leaves a half-written file.
No Qt here: the window and the command line both call :func:`export_roadmap_xlsx`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.errors import UserError
from desktop.export.atomic import atomic_output
from desktop.export.xlsx_gantt import write_gantt_sheet
from desktop.export.xlsx_main import write_roadmap_sheet
from desktop.export.xlsx_progress import write_progress_sheet
from desktop.export.xlsx_schools import write_schools_sheet
from desktop.export.xlsx_style import Facts, Styles
from desktop.models import Authority, Item, ItemExecutor, Roadmap, School, Section
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
    """The roadmap with everything the sheets read, loaded in a few queries."""
    item_options = (
        selectinload(Section.items).selectinload(Item.executors).selectinload(ItemExecutor.person),
        selectinload(Section.items).selectinload(Item.executors)
        .selectinload(ItemExecutor.organisation),
        selectinload(Section.items).selectinload(Item.schools),
        selectinload(Section.items).selectinload(Item.checklist),
        selectinload(Section.items).selectinload(Item.children),
    )
    query = (
        select(Roadmap)
        .where(Roadmap.id == roadmap_id)
        .options(
            selectinload(Roadmap.sections).options(*item_options),
            selectinload(Roadmap.monitoring_points),
            selectinload(Roadmap.approving_order),
        )
    )
    roadmap = session.scalars(query).first()
    if roadmap is None:
        raise UserError(f"Дорожная карта № {roadmap_id} не найдена")
    return roadmap


def load_schools(session: Session) -> list[School]:
    query = select(School).options(selectinload(School.project_years)).order_by(School.short_name)
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
    facts = Facts(today, roadmap.period_start.year, schools)
    write_roadmap_sheet(wb.active, styles, roadmap, table, authority, progress.step)
    write_progress_sheet(wb.create_sheet(), styles, roadmap, facts, progress.step)
    write_schools_sheet(wb.create_sheet(), styles, roadmap, facts, progress.step)
    write_gantt_sheet(wb.create_sheet(), styles, roadmap, facts, progress.step)
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
    roadmap = load_roadmap(session, roadmap_id)
    wb = build_workbook(session, roadmap, today or dt.date.today(), tracker)
    tracker.report()
    with atomic_output(target) as tmp:
        wb.save(tmp)
    tracker.finish()
    return target
