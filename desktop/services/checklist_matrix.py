"""The checklist matrix of a roadmap as plain values: items (with their sections) as rows,
schools as columns, cell states; read with a few queries so that a region-sized roadmap
(300 items × 100 schools) opens quickly. The window's matrix model reads only this."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.models import CellEvidence, ChecklistRow, Item, Section
from desktop.models.enums import ItemStatus
from desktop.services import monitoring
from desktop.services.checklist import Cell, CellState, Evidence, load_schools
from desktop.services.monitoring import due_dates
from desktop.services.progress import concerned_schools
from desktop.services.report import load_roadmap
from desktop.services.table import section_heading


@dataclass(frozen=True)
class MatrixSchool:
    id: int
    short_name: str
    #: the category filter's labels: «ШНОР», «ШССУ», «ШФЗР», «500+ 2026», «постпроектное»
    categories: frozenset[str]


@dataclass(frozen=True)
class MatrixItem:
    id: int
    section_id: int
    section: str
    number: str
    activity: str
    deadline: str
    executors: tuple[str, ...]
    status: ItemStatus
    #: the last due date (overdue after it unless done)
    last_due: dt.date | None
    schools: frozenset[int]

    def overdue(self, today: dt.date) -> bool:
        return (self.status not in (ItemStatus.DONE, ItemStatus.CANCELLED)
                and self.last_due is not None and self.last_due < today)


@dataclass
class Matrix:
    roadmap_id: int
    title: str
    items: list[MatrixItem]
    schools: list[MatrixSchool]
    cells: dict[Cell, CellState] = field(default_factory=dict)
    #: the roadmap's start: a done cell without a date counts from it
    period_start: dt.date = dt.date.min
    #: the day the tallies are counted on (:func:`monitoring.done_on`)
    day: dt.date = field(default_factory=dt.date.today)

    def tally(self, item: MatrixItem) -> tuple[int, int]:
        """(schools done on :attr:`day`, schools concerned) with «не требуется» left out."""
        states = (self.cells.get((item.id, school_id), _EMPTY) for school_id in item.schools)
        return monitoring.count_cells(((c.status, c.date) for c in states), self.day,
                                      self.period_start)


_EMPTY = CellState()


def school_categories(school: object) -> frozenset[str]:
    labels = set()
    for flag, text in (("is_shnor", "ШНОР"), ("is_shssu", "ШССУ"), ("is_shfzr", "ШФЗР"),
                       ("post_project", "постпроектное")):
        if getattr(school, flag):
            labels.add(text)
    labels.update(f"«500+» {p.year}" for p in school.project_years)  # type: ignore[attr-defined]
    return frozenset(labels)


def load_matrix(session: Session, roadmap_id: int, *, today: dt.date | None = None) -> Matrix:
    """The roadmap's matrix; its tallies count the cells done on ``today`` (default: today)."""
    roadmap = load_roadmap(session, roadmap_id)
    schools = load_schools(session, roadmap.district_id)  # a district's roadmap: its schools
    year = roadmap.period_start.year
    items: list[MatrixItem] = []
    for section in roadmap.sections:
        heading = section_heading(section.number, section.title)
        for item in section.items_in_order():
            concerned = concerned_schools(item, schools, year)
            dates = due_dates(item.deadline)
            items.append(MatrixItem(
                item.id, section.id, heading, item.number, item.activity, item.deadline_text,
                tuple(e.display for e in item.executors if e.display), item.status,
                dates[-1] if dates else None, frozenset(s.id for s in concerned)))
    used = set().union(*(i.schools for i in items)) if items else set()
    matrix = Matrix(roadmap.id, roadmap.title, items,
                    [MatrixSchool(s.id, s.short_name, school_categories(s))
                     for s in schools if s.id in used],
                    period_start=roadmap.period_start, day=today or dt.date.today())
    matrix.cells = _cells(session, roadmap_id)
    return matrix


def _cells(session: Session, roadmap_id: int,
           item_ids: set[int] | None = None) -> dict[Cell, CellState]:
    query = select(ChecklistRow.id, ChecklistRow.item_id, ChecklistRow.school_id,
                   ChecklistRow.status, ChecklistRow.date, ChecklistRow.comment,
                   ChecklistRow.evidence)
    if item_ids is None:
        query = (query.join(Item, Item.id == ChecklistRow.item_id)
                 .join(Section, Section.id == Item.section_id)
                 .where(Section.roadmap_id == roadmap_id))
    else:
        query = query.where(ChecklistRow.item_id.in_(item_ids))
    rows = session.execute(query).all()
    documents: dict[int, list[Evidence]] = {}
    query = (select(CellEvidence).where(CellEvidence.row_id.in_([r[0] for r in rows]))
             .options(selectinload(CellEvidence.file)).order_by(CellEvidence.position))
    for doc in session.scalars(query):
        documents.setdefault(doc.row_id, []).append(Evidence(
            doc.title, doc.number, doc.date, doc.file_id,
            doc.file.original_name if doc.file is not None else ""))
    cells = {}
    for row_id, item_id, school_id, status, date, comment, legacy in rows:
        evidence = documents.get(row_id) or ([Evidence(legacy)] if legacy else [])
        cells[(item_id, school_id)] = CellState(status, date, comment or "", tuple(evidence))
    return cells


def item_rows(session: Session, matrix: Matrix, item_ids: list[int]) -> None:
    """Re-read the cells and statuses of ``item_ids`` into ``matrix`` (after an edit)."""
    wanted = set(item_ids)
    fresh = _cells(session, matrix.roadmap_id, wanted)
    for item in matrix.items:  # drop the items' old cells (a school's row may be gone)
        if item.id in wanted:
            for school_id in item.schools:
                matrix.cells.pop((item.id, school_id), None)
    matrix.cells.update(fresh)
    statuses = dict(session.execute(select(Item.id, Item.status).where(Item.id.in_(wanted))).all())
    matrix.items = [
        MatrixItem(**{**i.__dict__, "status": statuses[i.id]}) if i.id in statuses else i
        for i in matrix.items]
