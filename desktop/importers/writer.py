"""Writing a confirmed preview: the roadmap, its order, parts and directory entries in one
transaction (the caller's session; nothing is flushed outside it).

Executors are split and their spellings merged by :mod:`desktop.importers.executor_plan`
(the preview's accepted merges and suggestions). An executor whose name matches an
organisation of the directory (or one the document's «Принятые сокращения» add) by
:func:`desktop.models.executor_match.match_key` is linked to it; «И.О. Фамилия» or
«Фамилия И.О.» goes to the people directory and, written alone, is linked to that
person; as «Name – position» it stays text, so it prints as the document had it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.importers import ImportCancelledError
from desktop.importers.executor_plan import executor_texts, final_names, plan_merges, split_cell
from desktop.importers.executor_write import (
    describe_new,
    directory_links,
    directory_names,
    item_executors,
)
from desktop.importers.preview import ImportPreview, PreviewItem
from desktop.importers.tables import passport_label
from desktop.models import (
    Item,
    Order,
    OrderAppendix,
    OrderApproval,
    OrderPoint,
    Organisation,
    Person,
    Roadmap,
    RoadmapAppendix,
    RoadmapAppendixRow,
    School,
    Section,
    TargetIndicator,
    WorkingGroupMember,
)
from desktop.models.columns import Column
from desktop.models.deadline_school_year import SchoolCalendar
from desktop.models.enums import AppendixKind, ApprovalKind, ItemStatus, Level, SchoolScope
from desktop.models.executor_match import Key, match_key
from desktop.models.roadmap_parts import PartKey
from desktop.models.school_calendar import school_calendar

_PERSON = re.compile(r"^([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё-]+|[А-ЯЁ][а-яё-]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.)"
                     r"(?:\s*[–—-]\s*(.+))?$")
_ABBR = re.compile(r"^[А-ЯЁA-Z][А-ЯЁA-Z0-9+-]{1,14}(?:\s+«[^»]{1,60}»)?$")


def split_executors(text: str) -> list[str]:
    """«РОО, ИМЦ» → [«РОО», «ИМЦ»]; commas inside «…» or (…) do not split
    (:func:`desktop.importers.executor_plan.split_cell`)."""
    return split_cell(text)


def plan_directory(session: Session, preview: ImportPreview) -> None:
    """Fill ``preview.organisations`` / ``preview.people`` with only what is new: the
    abbreviations, organisations named as executors, people named as executors and the
    working group; and ``preview.executor_groups`` with the merges of executor names
    (kept as the user left them while the names stay the same). Run again after the
    column mapping or the merges change."""
    known = {o.lower() for o in session.scalars(select(Organisation.short_name))}
    orgs: dict[str, str] = {}
    for short, full in preview.abbreviations:
        if short.lower() not in known:
            orgs.setdefault(short, full)
    directory = directory_names(session, orgs)
    texts = executor_texts(item.executors for item in preview.items())
    if tuple(texts) != preview.executor_names:
        preview.executor_groups = plan_merges(texts, directory)
        preview.executor_names = tuple(texts)
    final = final_names(preview.executor_groups)
    taken = {match_key(name) for entry in directory for name in entry.names if name.strip()}
    new_people: dict[str, str] = {}
    for name, position in preview.working_group:
        if match_key(name) not in taken:
            taken.add(match_key(name))
            new_people.setdefault(name, position)
    for text in dict.fromkeys(final.get(t, t) for t in texts):
        key = match_key(text)
        if key in taken:
            continue
        match = _PERSON.match(text)
        if match:
            taken.add(key)
            new_people.setdefault(match.group(1), (match.group(2) or "").strip())
        elif _ABBR.match(text) and text.lower() not in known and text not in orgs:
            taken.add(key)
            orgs[text] = ""
    preview.organisations = list(orgs.items())
    preview.people = list(new_people.items())
    if preview.item_schools:
        known_schools = _own_schools(session)
        missing = sorted({n for _scope, names in preview.item_schools.values() for n in names
                          if n.lower() not in known_schools})
        for name in missing:
            warning = (f"Школа «{name}» не найдена в справочнике школ: её связь с "
                       "мероприятиями не восстановлена")
            if warning not in preview.warnings:
                preview.warnings.append(warning)
    describe_new(preview)


@dataclass(frozen=True)
class Written:
    """What one import added (so that undo can take exactly that away again)."""

    roadmap_id: int
    order_id: int | None
    organisation_ids: tuple[int, ...]
    person_ids: tuple[int, ...]


def write_import(session: Session, preview: ImportPreview,
                 progress: Callable[[int, int], bool] | None = None) -> Written:
    """:func:`write_preview`, returning the ids of everything it added."""
    before_orgs = set(session.scalars(select(Organisation.id)))
    before_people = set(session.scalars(select(Person.id)))
    roadmap = write_preview(session, preview, progress)
    return Written(
        roadmap.id, roadmap.approving_order_id,
        tuple(sorted(set(session.scalars(select(Organisation.id))) - before_orgs)),
        tuple(sorted(set(session.scalars(select(Person.id))) - before_people)))


def remove_import(session: Session, written: Written) -> None:
    """Undo of an import: its roadmap, order and the directory entries it added."""
    session.expunge_all()
    session.execute(delete(Roadmap).where(Roadmap.id == written.roadmap_id))
    if written.order_id is not None:
        session.execute(delete(Order).where(Order.id == written.order_id))
    if written.person_ids:
        session.execute(delete(Person).where(Person.id.in_(written.person_ids)))
    if written.organisation_ids:
        session.execute(delete(Organisation).where(Organisation.id.in_(written.organisation_ids)))


def write_preview(session: Session, preview: ImportPreview,
                  progress: Callable[[int, int], bool] | None = None) -> Roadmap:
    """Add everything in ``preview`` to ``session`` (not committed here); returns the roadmap.
    ``progress(done, total)`` returning False raises :class:`ImportCancelledError`."""
    orgs = {o.short_name.lower(): o for o in session.scalars(select(Organisation))}
    school = school_calendar(session)  # the items are read before they join the session
    people = {p.name.lower(): p for p in session.scalars(select(Person))}
    for short, full in preview.organisations:
        if short.lower() not in orgs:
            org = Organisation(short_name=short, full_name=full)
            session.add(org)
            orgs[short.lower()] = org
    for name, position in preview.people:
        if name.lower() not in people:
            person = Person(name=name, position=position)
            session.add(person)
            people[name.lower()] = person
    links = directory_links(orgs.values(), people.values())
    final = final_names(preview.executor_groups)
    roadmap = Roadmap(
        title=preview.title, level=Level(preview.level) if preview.level else Level.MUNICIPAL, period_start=preview.period[0],
        period_end=preview.period[1], goal=preview.goal, tasks=preview.tasks,
        basis_documents=preview.basis_documents, justification=preview.justification,
        passport_problem=preview.passport_problem, passport_developer=preview.passport_developer,
        passport_stages=preview.passport_stages,
        passport_working_group=preview.passport_working_group,
        closing_position=preview.closing_position,
        closing_name=preview.closing_name, indicator_periods=list(preview.indicator_periods),
        layout_json=_layout(preview))
    roadmap.columns = tuple(Column(c.field, c.heading.strip() or c.field.value)
                            for c in preview.columns if c.field is not None)
    session.add(roadmap)
    total = max(1, len(preview.items()))
    flat: list[Item] = []  #: the items in the table's order (the «Документ» sheet counts so)
    done = 0
    for s_pos, draft in enumerate(preview.sections):
        section = Section(position=s_pos, number=draft.number, title=draft.title,
                          tasks=draft.tasks, indicators=draft.indicators)
        roadmap.sections.append(section)
        by_number: dict[str, Item] = {}
        counts: dict[int | None, int] = {}
        for draft_item in draft.items:
            item = _item(draft_item, preview, links, final, school)
            flat.append(item)
            parent = _parent(draft_item.number, by_number)
            key = id(parent) if parent is not None else None
            item.position = counts.get(key, 0)
            counts[key] = item.position + 1
            item.section = section
            if parent is not None:
                item.parent = parent
            key_number = draft_item.number.strip().rstrip(".")
            if key_number and key_number not in by_number:
                by_number[key_number] = item
            session.add(item)
            done += 1
            if progress is not None and done % 20 == 0 and not progress(done, total):
                raise ImportCancelledError
    if preview.item_schools:
        link_item_schools(session, flat, preview.item_schools)
    for pos, (name, unit, values) in enumerate(preview.indicators):
        roadmap.indicators.append(TargetIndicator(position=pos, name=name, unit=unit,
                                                  values=list(values)))
    for pos, schedule in enumerate(preview.schedules):
        appendix = RoadmapAppendix(position=pos, title=schedule.title,
                                   number=schedule.number or str(pos + 1),
                                   doc_number=schedule.doc_number, doc_date=schedule.doc_date,
                                   headings=list(schedule.headings))
        for r_pos, (is_group, topic, date_text, responsible) in enumerate(schedule.rows):
            row = RoadmapAppendixRow(position=r_pos, is_group=is_group, topic=topic,
                                     responsible=responsible)
            row.set_date_text(date_text, preview.period, school)
            appendix.rows.append(row)
        roadmap.appendices.append(appendix)
    if preview.working_group and not (preview.order and preview.order.own) \
            and not roadmap.passport_working_group:
        roadmap.passport_working_group = "\n".join(
            f"{name} – {position}" if position else name for name, position in preview.working_group)
    appendix = _order(session, preview, roadmap)
    session.flush()
    if appendix is not None:
        appendix.roadmap_id = roadmap.id
        session.flush()
    if progress is not None:
        progress(total, total)
    return roadmap


def _own_schools(session: Session) -> dict[str, School]:
    return {s.short_name.lower(): s
            for s in session.scalars(select(School).where(School.district_id.is_(None)))}


def link_item_schools(session: Session, items: list[Item],
                      item_schools: dict[int, tuple[str, list[str]]]) -> None:
    """The schools of each item (by its place in the table) from the program's own workbook,
    linked to the district's schools of the same short name (unknown ones were warned about
    in :func:`plan_directory`)."""
    schools = _own_schools(session)
    for index, (scope, names) in item_schools.items():
        if not 0 <= index < len(items):
            continue
        item = items[index]
        item.school_scope = SchoolScope(scope) if scope in SchoolScope._value2member_map_ \
            else SchoolScope.CHOSEN
        item.schools = [schools[n.lower()] for n in names if n.lower() in schools]


def _parent(number: str, by_number: dict[str, Item]) -> Item | None:
    parts = number.strip().rstrip(".").split(".")
    for cut in range(len(parts) - 1, 0, -1):
        parent = by_number.get(".".join(parts[:cut]))
        if parent is not None:
            return parent
    return None


def _item(draft: PreviewItem, preview: ImportPreview, links: dict[Key, Organisation | Person],
          final: dict[str, str], school: SchoolCalendar) -> Item:
    item = Item(number=draft.number, activity=draft.activity, tasks=draft.tasks,
                indicator=draft.indicator, evidence=draft.evidence,
                info_support=draft.info_support, note=draft.note)
    deadline = item.set_deadline(draft.deadline, preview.period, school)
    if deadline.done:  # «17.01.2022 – 04.02.2022 (исполнено)»
        item.status = ItemStatus.DONE
        item.done_date = deadline.last_due
    item.executors.extend(item_executors(draft.executors, links, final))
    return item


def _layout(preview: ImportPreview) -> dict:
    """The parts in the order the document has them (TABLE always among them)."""
    layout = dict(preview.layout)
    if preview.passport_rows:
        layout["passport_rows"] = [[label, passport_label(label) or "", text]
                                   for label, text in preview.passport_rows]
    own_order = preview.order is not None and preview.order.own
    kept = [a for a in preview.approvals if not own_order or a.kind == "approved"]
    if kept:  # the roadmap's own «УТВЕРЖДАЮ» / «СОГЛАСОВАНО»: no order is made of them
        layout["approvals"] = [{"kind": a.kind, "position": a.position, "name": a.name,
                                "date": a.date.isoformat() if a.date else ""} for a in kept]
    draft = preview.order
    if draft is not None and not own_order and (draft.mark_number or draft.mark_date
                                                or draft.appendix_mark):
        layout["approved_by"] = {"text": draft.appendix_mark, "number": draft.mark_number,
                                 "date": draft.mark_date.isoformat() if draft.mark_date else "",
                                 "authority": draft.mark_authority}
    order = list(layout.get("order", []))
    if PartKey.TABLE.value not in order:
        order.append(PartKey.TABLE.value)
    layout["order"] = order
    return layout


def _order(session: Session, preview: ImportPreview, roadmap: Roadmap) -> OrderAppendix | None:
    """The approving order (or the approval blocks' holder) with the roadmap as appendix 1."""
    draft = preview.order
    if draft is None or not draft.own:
        return None  # only the document's own order makes an order, never a stamp or block
    approvals = [a for a in preview.approvals if a.kind != "approved"]
    settings = {k: v for k, v in (
        ("authority", draft.authority), ("parent_authority", draft.parent_authority),
        ("place", draft.place), ("kind", draft.kind if draft.kind != "ПРИКАЗ" else ""),
        ("appendix_mark_text", draft.appendix_mark),
        ("authority_in_mark", draft.mark_authority)) if v}
    if draft.date_with_ot:
        settings["date_with_ot"] = True
    if draft.date_in_words:
        settings["date_style"] = "words"
    mark = draft.appendix_mark.lstrip().upper()
    if mark.startswith(("УТВЕРЖДЕН", "УТВЕРЖДЁН")):
        settings["appendix_mark"] = "stamp"
    order = Order(number=draft.number or draft.mark_number, date=draft.date or draft.mark_date,
                  title=draft.title, preamble=draft.preamble,
                  signatory_position=draft.signatory_position,
                  signatory_name=draft.signatory_name, settings=settings)
    if draft is not None:
        for pos, (text, subs) in enumerate(draft.points):
            point = OrderPoint(position=pos, text=text)
            for s_pos, sub in enumerate(subs):
                child = OrderPoint(position=s_pos, text=sub)
                child.order = order
                point.children.append(child)
            order.points.append(point)
    for pos, approval in enumerate(approvals):
        order.approvals.append(OrderApproval(
            kind=ApprovalKind.SUBMITTED if approval.kind == "submitted" else ApprovalKind.AGREED,
            position=pos, person_position=approval.position, person_name=approval.name,
            date=approval.date))
    appendix = OrderAppendix(position=0, kind=AppendixKind.ROADMAP, title=roadmap.title,
                             text=draft.appendix_mark)
    order.appendices.append(appendix)
    if preview.working_group:
        group = OrderAppendix(position=1, kind=AppendixKind.WORKING_GROUP,
                              title=preview.working_group_title or "Состав рабочей группы")
        for pos, (name, position) in enumerate(preview.working_group):
            group.members.append(WorkingGroupMember(position=pos, name=name, job_title=position))
        order.appendices.append(group)
    session.add(order)
    roadmap.approving_order = order
    return appendix
