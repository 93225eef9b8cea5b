"""Orders made from templates: «Об утверждении дорожной карты …», curators, visits, working group.

Templates are JSON files in ``resources/templates/`` (one per order kind) with
``{placeholders}`` filled from the authority's profile and the roadmap. The
result is a new, *unsaved* :class:`Order` (a draft without number and date):
the editor adds it to the session to keep it, the command line prints it and
throws it away. Qt-free.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.grammar import Case, Gender, decline_name, decline_phrase, gender_of
from desktop.models import (
    AppendixKind,
    ApprovalKind,
    Authority,
    Order,
    OrderAppendix,
    OrderApproval,
    OrderPoint,
    OrderStatus,
    Person,
    Roadmap,
    ScheduleEntry,
    School,
    WorkingGroupMember,
)
from desktop.models.executors import initials_name
from desktop.paths import resource_path

APPROVE_ROADMAP = "approve_roadmap"


@cache
def _load_templates() -> dict[str, dict[str, Any]]:
    folder = resource_path("templates")
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(folder.glob("*.json"))}


def list_templates() -> list[tuple[str, str]]:
    """``(key, title)`` of every order template, for a menu."""
    return [(key, data["title"]) for key, data in _load_templates().items()]


def template(key: str) -> dict[str, Any]:
    try:
        return _load_templates()[key]
    except KeyError:
        raise UserError(f"Неизвестный шаблон приказа: «{key}»") from None


# --- declension of a roadmap's title (only what the templates need) ------------------------
#: the head nouns a roadmap's title may start with; another title is quoted after
#: «дорожной карты» instead
_DOCUMENT_NOUNS = ("карта", "план", "план-график", "программа", "комплекс")
_TITLE_CASES = {"gen": Case.GENITIVE, "acc": Case.ACCUSATIVE}


def decline_title(title: str, case: str) -> str:
    """«Муниципальная дорожная карта по …» → «муниципальной дорожной карты по …» (gen/acc).

    The words up to the document's head noun are declined; a title without one gives
    «дорожной карты «…»» instead of a wrong form.
    """
    words = title.strip().split(" ")
    for i, word in enumerate(words[:5]):
        if word.lower() in _DOCUMENT_NOUNS:
            head = decline_phrase(" ".join(words[:i + 1]).lower(), _TITLE_CASES[case])
            return " ".join([head, *words[i + 1:]])
    fallback = "дорожной карты" if case == "gen" else "дорожную карту"
    return f"{fallback} «{title.strip()}»" if title.strip() else fallback


# --- placeholders ------------------------------------------------------------------------
class _Blank(dict):
    """format_map mapping that leaves unknown ``{placeholders}`` as they are."""

    def __missing__(self, key: str) -> str:
        return _Unknown(key)


class _Unknown(str):
    """An unknown placeholder, printed back as it was written (with its case, if any)."""

    def __format__(self, spec: str) -> str:
        return "{" + str(self) + (f":{spec}" if spec else "") + "}"


class _Name(str):
    """A person's name as stored; ``{coordinator_initials:дат}`` prints it in the dative."""

    gender: Gender | None = None

    def __format__(self, spec: str) -> str:
        case = _case(spec)
        return decline_name(str(self), case, gender=self.gender) if case else str(self)


class _Phrase(str):
    """A position or a body's name; ``{head_position:род}`` declines its head words."""

    def __format__(self, spec: str) -> str:
        case = _case(spec)
        return decline_phrase(str(self), case) if case else str(self)


def _case(spec: str) -> Case | None:
    if not spec:
        return None
    case = Case.parse(spec)
    if case is None:
        raise UserError(f"Шаблон приказа: неизвестный падеж «{spec}» "
                        "(нужен им, род, дат, вин, твор или пред)")
    return case


def _name(text: str, gender: Gender | None = None) -> _Name:
    name = _Name(text)
    name.gender = gender
    return name


def placeholders(authority: Authority, roadmap: Roadmap | None, *,
                 genders: dict[str, Gender] | None = None) -> dict[str, str]:
    """Values for the templates' ``{placeholders}``; names, positions and the authority's
    name take a case after a colon (``{coordinator_initials:дат}``).

    ``genders`` holds what the directory knows of a name the profile gives without a
    patronymic («О.Б. Шевчук»), by that name as the profile has it.
    """
    genders = genders or {}
    full_name = " ".join(authority.full_name.split())
    coordinator, head = authority.coordinator_name, authority.head_name
    values: dict[str, str] = {
        "authority_full": _Phrase(full_name),
        "authority_short": _Phrase(authority.short_name or full_name),
        "authority_city": authority.city, "region": authority.region,
        "head_position": _Phrase(authority.head_position),
        "head_name": _name(head, genders.get(head)),
        "coordinator_name": _name(coordinator, genders.get(coordinator)),
        "coordinator_initials": _name(initials_name(coordinator), gender_of(coordinator)
                                      or genders.get(coordinator)),
        "coordinator_phone": authority.coordinator_phone,
        "roadmap_title": "", "roadmap_title_gen": "дорожной карты",
        "roadmap_title_acc": "дорожную карту", "year": "", "period": "",
    }
    if roadmap is not None:
        start, end = roadmap.period_start.year, roadmap.period_end.year
        values.update(
            roadmap_title=roadmap.title.strip(),
            roadmap_title_gen=decline_title(roadmap.title, "gen"),
            roadmap_title_acc=decline_title(roadmap.title, "acc"),
            year=str(start), period=str(start) if start == end else f"{start}–{end}",
        )
    return values


def _fill(text: str, values: dict[str, str]) -> str:
    try:
        filled = text.format_map(_Blank(values))
    except ValueError as error:  # «{year:дат}»: only names, posts and bodies take a case
        raise UserError(f"Шаблон приказа: не удаётся заполнить «{text[:60]}…»: {error}") from None
    filled = re.sub(r"\s*\(\s*\)", "", filled)  # an empty name
    filled = re.sub(r"(?<=[А-ЯЁ]\.)\.", "", filled)  # «… Лысых О.Б.» ends the sentence once
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"[ \t]{2,}", " ", filled)).strip()


# --- the order ---------------------------------------------------------------------------
def create_order_from_template(session: Session, template_key: str, *,
                               roadmap_id: int | None = None) -> Order:
    """A new unsaved draft order from the template, filled from the profile and the roadmap.

    Without ``roadmap_id`` the latest roadmap is used (if any). The order is not
    added to ``session``; ``session.add(order)`` keeps it.
    """
    tpl = template(template_key)
    authority = session.scalar(select(Authority).order_by(Authority.id).limit(1)) or Authority(
        full_name="", short_name="", city="", region="", head_position="", head_name="",
        coordinator_name="", coordinator_phone="")
    roadmap = _find_roadmap(session, roadmap_id)
    if roadmap is None and tpl.get("needs_roadmap"):
        raise UserError("Нет дорожной карты для приказа: сначала создайте или импортируйте её")
    values = placeholders(authority, roadmap, genders=directory_genders(
        session, [authority.head_name, authority.coordinator_name]))
    order = Order(
        number="", date=None, status=OrderStatus.DRAFT, template=template_key,
        title=_fill(tpl["order_title"], values).rstrip("."),
        preamble=_fill(tpl.get("preamble", ""), values),
        signatory_position=authority.head_position, signatory_name=authority.head_name,
        executor_name=authority.coordinator_name, executor_phone=authority.coordinator_phone,
        settings=dict(tpl.get("settings", {})),
    )
    order.points = _points(tpl.get("points", []), values)
    order.approvals = [
        OrderApproval(kind=ApprovalKind(a["kind"]), position=n,
                      person_position=_fill(a.get("position", ""), values),
                      person_name=_fill(a.get("name", ""), values))
        for n, a in enumerate(tpl.get("approvals", []))
    ]
    order.appendices = [
        appendix for n, spec in enumerate(tpl.get("appendices", []))
        if (appendix := _appendix(session, spec, n, values, authority, roadmap)) is not None
    ]
    return order


def directory_genders(session: Session, names: list[str]) -> dict[str, Gender]:
    """The gender of each of ``names`` that the directory tells by a full name with a
    patronymic: «О.Б. Шевчук» is a woman if the directory holds «Шевчук Ольга Борисовна»."""
    wanted = {" ".join(n.split()): n for n in names if n.strip() and gender_of(n) is None}
    found: dict[str, Gender] = {}
    if not wanted:
        return found
    for (full,) in session.execute(select(Person.name)):
        gender = gender_of(full)
        if gender is None:
            continue
        for form in {" ".join(full.split()), " ".join(initials_name(full).split()),
                     _surname_initials(full)}:
            if form in wanted:
                found[wanted[form]] = gender
    return found


def _surname_initials(full: str) -> str:
    """«Шевчук Ольга Борисовна» → «Шевчук О.Б.» (the other way the profile may write it)."""
    parts = full.split()
    return f"{parts[0]} {parts[1][0]}.{parts[2][0]}." if len(parts) == 3 else ""


def _find_roadmap(session: Session, roadmap_id: int | None) -> Roadmap | None:
    if roadmap_id is None:
        return session.scalar(
            select(Roadmap).order_by(Roadmap.period_start.desc(), Roadmap.id.desc()).limit(1))
    roadmap = session.get(Roadmap, roadmap_id)
    if roadmap is None:
        raise UserError(f"Дорожная карта с кодом {roadmap_id} не найдена в базе данных")
    return roadmap


def _points(specs: list[Any], values: dict[str, str],
            parent: OrderPoint | None = None) -> list[OrderPoint]:
    """Points (strings or ``{"text", "children"}``) as a flat depth-first list of a tree."""
    flat: list[OrderPoint] = []
    for n, spec in enumerate(specs):
        text, children = (spec, []) if isinstance(spec, str) else (spec["text"], spec.get("children", []))
        point = OrderPoint(position=n, text=_fill(text, values))
        if parent is not None:
            point.parent = parent
        flat.append(point)
        flat.extend(_points(children, values, point))
    return flat


def _appendix(session: Session, spec: dict[str, Any], position: int, values: dict[str, str],
              authority: Authority, roadmap: Roadmap | None) -> OrderAppendix | None:
    kind = AppendixKind(spec["kind"])
    title = _fill(spec.get("title", ""), values)
    if kind is AppendixKind.ROADMAP:
        if roadmap is None:
            return None
        return OrderAppendix(position=position, kind=kind, roadmap_id=roadmap.id, text="",
                             title=roadmap.title)
    appendix = OrderAppendix(position=position, kind=kind, title=title, text="")
    if kind is AppendixKind.SCHEDULE:
        appendix.schedule = _schedule(session, spec.get("source", ""), values)
    elif kind is AppendixKind.WORKING_GROUP:
        appendix.members = _members(session, authority, roadmap)
    return appendix


def _supported_schools(session: Session) -> list[School]:
    """Schools with a curator: ШНОР, ШССУ, ШФЗР, «500+», post-project — by short name."""
    schools = session.scalars(select(School).order_by(School.short_name)).all()
    return [s for s in schools if s.curator is not None]


def _curator_text(school: School) -> str:
    curator = school.curator
    assert curator is not None
    return ", ".join(p for p in (curator.short_name, curator.position) if p)


def _schedule(session: Session, source: str, values: dict[str, str]) -> list[ScheduleEntry]:
    entries = []
    for n, school in enumerate(_supported_schools(session)):
        date_text = ", ".join(school.categories()) if source == "curators" else ""
        entries.append(ScheduleEntry(position=n, topic=school.full_name, date_text=date_text,
                                     responsible=_curator_text(school)))
    return entries


def _members(session: Session, authority: Authority,
             roadmap: Roadmap | None) -> list[WorkingGroupMember]:
    """Head (chair), coordinator (secretary), then curators and the roadmap's executors."""
    people: dict[int, Person] = {}
    for school in _supported_schools(session):
        people.setdefault(school.curator.id, school.curator)  # type: ignore[union-attr]
    for item in roadmap.all_items() if roadmap is not None else ():
        for executor in item.executors:
            if executor.person is not None:
                people.setdefault(executor.person.id, executor.person)
    by_initials = {initials_name(p.name): p for p in people.values()}
    chair = by_initials.get(authority.head_name)
    secretary = by_initials.get(initials_name(authority.coordinator_name))
    members = [
        WorkingGroupMember(name=chair.name if chair else authority.head_name,
                           job_title=authority.head_position, role="председатель"),
        WorkingGroupMember(name=authority.coordinator_name,
                           job_title=secretary.position if secretary else "муниципальный координатор",
                           role="секретарь"),
    ]
    skip = {id(chair), id(secretary)}
    rest = sorted((p for p in people.values() if id(p) not in skip), key=lambda p: p.name)
    members += [WorkingGroupMember(name=p.name, job_title=p.position, role="член рабочей группы")
                for p in rest]
    for n, member in enumerate(members):
        member.position = n
    return members


def order_for_roadmap(session: Session, roadmap_id: int) -> Order:
    """The roadmap's approving order, or a new unsaved draft from the «approve» template.

    The draft is not added to the session: printing it never stores it.
    """
    roadmap = session.get(Roadmap, roadmap_id)
    if roadmap is None:
        raise UserError(f"Дорожная карта с кодом {roadmap_id} не найдена в базе данных")
    if roadmap.approving_order is not None:
        return roadmap.approving_order
    return create_order_from_template(session, APPROVE_ROADMAP, roadmap_id=roadmap.id)
