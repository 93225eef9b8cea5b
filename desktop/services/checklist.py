"""Per-school checklist: read and write cells, keep the history, keep items in step.

Every write goes through :func:`set_cells`: it stores the new cell states, appends one
history record per changed cell (when, who, old → new) and brings each touched item's
own status in line — an item that concerns schools is done when every school it
concerns is (cells «не требуется» left out), on the last of their dates. The undo
commands in ``ui/checklist`` and the school-form import call it; nothing else writes cells.

A done cell or item always has its date (without one every report would have to guess,
see :mod:`desktop.services.monitoring`):

- a cell set to «выполнено» without a date (a school's form with the date left empty,
  an older undo record) is stored with the day of the change;
- an item that all its schools have done takes the last of their dates; if none of its
  cells has a date (rows stored before this rule), it keeps its own date, or takes the
  day of the change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.errors import UserError
from desktop.models import (
    CellEvidence,
    ChecklistChange,
    ChecklistRow,
    Item,
    Roadmap,
    School,
    SchoolProjectYear,
    Section,
)
from desktop.models.enums import ItemStatus
from desktop.services import authors
from desktop.services.authors import login
from desktop.services.progress import concerned_schools
from desktop.visible import visible


@dataclass(frozen=True)
class Evidence:
    """A supporting document: «Приказ», № 12, от 01.03; optionally a stored file."""

    title: str = ""
    number: str = ""
    date: dt.date | None = None
    file_id: int | None = None
    file_name: str = ""

    @property
    def text(self) -> str:
        parts = [self.title]
        if self.number:
            parts.append(f"№ {self.number}")
        if self.date:
            parts.append(f"от {self.date:%d.%m.%Y}")
        return " ".join(p for p in parts if p)

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "number": self.number,
                "date": self.date.isoformat() if self.date else None,
                "file_id": self.file_id, "file_name": self.file_name}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Evidence:
        day = data.get("date")
        return cls(str(data.get("title", "")), str(data.get("number", "")),
                   dt.date.fromisoformat(day) if day else None, data.get("file_id"),
                   str(data.get("file_name", "")))


@dataclass(frozen=True)
class CellState:
    """What one checklist cell holds."""

    status: ItemStatus = ItemStatus.PLANNED
    date: dt.date | None = None
    comment: str = ""
    evidence: tuple[Evidence, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status.value, "date": self.date.isoformat() if self.date else None,
                "comment": self.comment, "evidence": [e.to_json() for e in self.evidence]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CellState:
        day = data.get("date")
        return cls(ItemStatus(data.get("status", "planned")),
                   dt.date.fromisoformat(day) if day else None, str(data.get("comment", "")),
                   tuple(Evidence.from_json(e) for e in data.get("evidence") or ()))

    def done(self, day: dt.date) -> CellState:
        """This cell marked done on ``day`` (its evidence and comment kept)."""
        return replace(self, status=ItemStatus.DONE, date=day)


EMPTY = CellState()
Cell = tuple[int, int]  #: (item id, school id)


@dataclass(frozen=True)
class ItemMark:
    """An item's own status and done date, kept so that an undo restores them exactly."""

    status: ItemStatus
    done_date: dt.date | None


def row_state(row: ChecklistRow | None) -> CellState:
    """The state of a stored cell; an older file's bare document name becomes its evidence."""
    if row is None:
        return EMPTY
    documents = tuple(
        Evidence(d.title, d.number, d.date, d.file_id,
                 visible(d.file.original_name) if d.file is not None else "")
        for d in row.documents)
    if not documents and row.evidence:
        documents = (Evidence(title=row.evidence),)
    return CellState(row.status, row.date, row.comment or "", documents)


def _write_row(row: ChecklistRow, state: CellState, old: CellState) -> None:
    row.status, row.date, row.comment = state.status, state.date, state.comment
    if state.evidence == old.evidence:  # documents untouched (an older file's name stays)
        return
    row.evidence = state.evidence[0].title if state.evidence else ""
    row.documents = [
        CellEvidence(position=n, title=e.title, number=e.number, date=e.date, file_id=e.file_id)
        for n, e in enumerate(state.evidence)]


def _rows(session: Session, cells: Iterable[Cell]) -> dict[Cell, ChecklistRow]:
    cells = list(cells)
    # items × schools covers the cells asked for (and a few more when both vary)
    query = (select(ChecklistRow).where(ChecklistRow.item_id.in_({i for i, _ in cells}),
                                        ChecklistRow.school_id.in_({s for _, s in cells}))
             .options(selectinload(ChecklistRow.documents).selectinload(CellEvidence.file)))
    return {(r.item_id, r.school_id): r for r in session.scalars(query)}


def cell_states(session: Session, cells: Iterable[Cell]) -> dict[Cell, CellState]:
    """The states of ``cells`` (a cell never ticked is :data:`EMPTY`)."""
    cells = list(cells)
    rows = _rows(session, cells)
    return {cell: row_state(rows.get(cell)) for cell in cells}


def item_marks(session: Session, item_ids: Iterable[int]) -> dict[int, ItemMark]:
    items = session.scalars(select(Item).where(Item.id.in_(set(item_ids))))
    return {i.id: ItemMark(i.status, i.done_date) for i in items}


def restore_item_marks(session: Session, marks: dict[int, ItemMark]) -> None:
    for item in session.scalars(select(Item).where(Item.id.in_(marks))):
        item.status, item.done_date = marks[item.id].status, marks[item.id].done_date


def author() -> str:
    """The system user's login, when it can be found (shown as a name by
    :mod:`desktop.services.authors`)."""
    return authors.login()


def set_cells(session: Session, states: dict[Cell, CellState], *, source: str = "окно",
              when: dt.datetime | None = None) -> list[int]:
    """Store ``states``, record the history of each changed cell and update the items'
    statuses; returns the ids of the items touched, in order. A cell done without a date
    is stored with the day of the change (``when``)."""
    if not states:
        return []
    items = _items(session, {i for i, _ in states})
    rows = _rows(session, states)
    when = when or dt.datetime.now()
    who = login()  # the same author as every change keeps (desktop.services.authors)
    touched: set[int] = set()
    for (item_id, school_id), new in states.items():
        if item_id not in items:
            raise UserError("Мероприятие удалено; отметка не сохранена")
        if new.status is ItemStatus.DONE and new.date is None:
            new = replace(new, date=when.date())
        row = rows.get((item_id, school_id))
        old = row_state(row)
        if old == new:
            continue
        if row is None:
            row = ChecklistRow(item_id=item_id, school_id=school_id)
            session.add(row)
        _write_row(row, new, old)
        session.add(ChecklistChange(item_id=item_id, school_id=school_id, changed_at=when,
                                    author=who, source=source, old=old.to_json(),
                                    new=new.to_json()))
        touched.add(item_id)
    session.flush()
    _sync(session, [items[i] for i in sorted(touched)], when.date())
    return sorted(touched)


def _items(session: Session, ids: set[int]) -> dict[int, tuple[Item, int]]:
    """Each item with its roadmap's year (the schools of a «chosen» item load lazily)."""
    query = (select(Item, Roadmap.period_start).join(Section, Section.id == Item.section_id)
             .join(Roadmap, Roadmap.id == Section.roadmap_id).where(Item.id.in_(ids)))
    return {item.id: (item, start.year) for item, start in session.execute(query)}


def sync_items(session: Session, item_ids: Iterable[int], *,
               today: dt.date | None = None) -> None:
    """Bring each item's own status in line with its schools' cells (an item done
    without any dated cell nor date of its own is done ``today``)."""
    _sync(session, list(_items(session, set(item_ids)).values()), today or dt.date.today())


def _sync(session: Session, items: list[tuple[Item, int]], today: dt.date) -> None:
    if not items:
        return
    ids = [item.id for item, _ in items]
    cells: dict[int, dict[int, tuple[ItemStatus, dt.date | None]]] = {}
    for item_id, school_id, status, day in session.execute(
            select(ChecklistRow.item_id, ChecklistRow.school_id, ChecklistRow.status,
                   ChecklistRow.date).where(ChecklistRow.item_id.in_(ids))):
        cells.setdefault(item_id, {})[school_id] = (status, day)
    schools = light_schools(session)
    for item, year in items:
        concerned = concerned_schools(item, schools, year)  # type: ignore[arg-type]
        if concerned:
            _sync_item(item, [cells.get(item.id, {}).get(s.id, (ItemStatus.PLANNED, None))
                              for s in concerned], today)


@dataclass(frozen=True)
class LightSchool:
    """What :func:`concerned_schools` asks of a school, read without ORM objects (a tick
    must not load the whole registry)."""

    id: int
    is_shnor: bool
    years: frozenset[int]

    def in_500_plus(self, year: int | None = None) -> bool:
        return bool(self.years) if year is None else year in self.years


def light_schools(session: Session) -> list[LightSchool]:
    """Every school in registry order, in one query."""
    found: dict[int, tuple[bool, set[int]]] = {}
    query = (select(School.id, School.is_shnor, SchoolProjectYear.year)
             .outerjoin(SchoolProjectYear, SchoolProjectYear.school_id == School.id)
             .order_by(School.short_name))
    for school_id, shnor, year in session.execute(query):
        entry = found.setdefault(school_id, (bool(shnor), set()))
        if year is not None:
            entry[1].add(year)
    return [LightSchool(i, shnor, frozenset(years)) for i, (shnor, years) in found.items()]


def _sync_item(item: Item, cells: list[tuple[ItemStatus, dt.date | None]],
               today: dt.date) -> None:
    """``cells``: (status, date) of each school the item concerns."""
    live = [c for c in cells if c[0] is not ItemStatus.CANCELLED]
    if not live or item.status is ItemStatus.CANCELLED:
        return
    if all(status is ItemStatus.DONE for status, _ in live):
        dates = [day for _, day in live if day is not None]
        item.status = ItemStatus.DONE
        item.done_date = max(dates) if dates else item.done_date or today
        return
    started = any(status in (ItemStatus.DONE, ItemStatus.IN_WORK) for status, _ in live)
    if item.status is ItemStatus.DONE or (started and item.status is ItemStatus.PLANNED):
        item.status = ItemStatus.IN_WORK if started else ItemStatus.PLANNED
        item.done_date = None


def load_schools(session: Session, district_id: int | None = None) -> list[School]:
    """Our own schools, or an imported district's (``district_id``)."""
    owner = School.district_id.is_(None) if district_id is None \
        else School.district_id == district_id
    query = (select(School).where(owner).options(selectinload(School.project_years))
             .order_by(School.short_name))
    return list(session.scalars(query))


def history(session: Session, item_id: int, school_id: int) -> list[ChecklistChange]:
    """Every recorded change of one cell, oldest first."""
    query = (select(ChecklistChange)
             .where(ChecklistChange.item_id == item_id, ChecklistChange.school_id == school_id)
             .order_by(ChecklistChange.changed_at, ChecklistChange.id))
    return list(session.scalars(query))


def describe_change(old: dict[str, Any], new: dict[str, Any]) -> str:
    """«выполнено, 12.03.2026 → в работе; документ: Приказ № 5» — the changed parts only."""
    from desktop.models.checklist import cell_label

    before, after = CellState.from_json(old or {}), CellState.from_json(new or {})

    def status(s: CellState) -> str:
        return cell_label(s.status) + (f", {s.date:%d.%m.%Y}" if s.date else "")

    parts = []
    if (before.status, before.date) != (after.status, after.date):
        parts.append(f"{status(before)} → {status(after)}")
    if before.evidence != after.evidence:
        shown = "; ".join(e.text or e.file_name for e in after.evidence) or "—"
        parts.append(f"документ: {shown}")
    if before.comment != after.comment:
        parts.append(f"комментарий: {after.comment or '—'}")
    return "; ".join(parts)


def roadmap_schools(session: Session, roadmap: Roadmap,
                    items: Sequence[Item]) -> dict[int, list[School]]:
    """The schools each item concerns (item id → schools, registry order)."""
    schools = load_schools(session)
    year = roadmap.period_start.year
    return {item.id: concerned_schools(item, schools, year) for item in items}


def school_marks(session: Session, roadmap: Roadmap) -> dict[int, list[dict[str, Any]]]:
    """Per item, each concerned school's cell as plain JSON values (for ``list --json``)."""
    items = roadmap.all_items()
    concerned = roadmap_schools(session, roadmap, items)
    states = cell_states(session, [(i.id, s.id) for i in items for s in concerned[i.id]])
    marks: dict[int, list[dict[str, Any]]] = {}
    for item in items:
        marks[item.id] = []
        for school in concerned[item.id]:
            state = states[(item.id, school.id)].to_json()
            marks[item.id].append({"school": school.short_name, "status": state["status"],
                                   "done_date": state["date"], "evidence": state["evidence"]})
    return marks
