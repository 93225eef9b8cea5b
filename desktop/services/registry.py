"""The registry (schools) and the directories (organisations, people, risk factors) as plain
functions over a session: records for the tables, validated edits, creation, deletion
that can be undone exactly, and a school list pasted from Excel. No Qt.

An entity is named by its kind: ``"school"``, ``"organisation"``, ``"person"``,
``"risk_factor"``. Values of fields are plain: text, ``bool``, an id or ``None`` for a
link (``curator_id``, ``organisation_id``), a list of years (``project_years``) or of
risk factor ids (``risk_factor_ids``). Every function raises :class:`UserError` with a
Russian message, before changing anything, when a value is not acceptable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from desktop.errors import UserError
from desktop.models import ItemExecutor, Organisation, Person, RiskFactor, School, SchoolProjectYear
from desktop.models.base import Base, Versioned
from desktop.models.versions import RecordKey, Seen, Version, keys, read_versions, touch

ENTITIES: dict[str, type[Any]] = {
    "school": School,
    "organisation": Organisation,
    "person": Person,
    "risk_factor": RiskFactor,
}


def seen_versions(session: Session, kind: str, ids: Iterable[int]) -> dict[RecordKey, Version]:
    """The versions (or fingerprints) of the rows of ``kind`` a page shows: what an edit of
    one of them began from (see :func:`desktop.ui.commands.push`)."""
    table = ENTITIES[kind].__table__.name
    return Seen(read_versions(session, keys(ENTITIES[kind], ids)), (table,))


NOUNS = {"school": "Школа", "organisation": "Организация", "person": "Человек",
         "risk_factor": "Фактор риска"}
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "school": ("short_name", "full_name", "director", "address", "phone", "note"),
    "organisation": ("short_name", "full_name"),
    "person": ("name", "position", "phone", "email"),
    "risk_factor": ("title",),
}
BOOL_FIELDS: dict[str, tuple[str, ...]] = {
    "school": ("is_shnor", "is_shssu", "is_shfzr", "post_project"),
    "risk_factor": ("active",),
}
CATEGORY_LABELS = {"ШНОР": "is_shnor", "ШССУ": "is_shssu", "ШНСУ": "is_shssu",
                   "ШФЗР": "is_shfzr", "ПОСТПРОЕКТНОЕ": "post_project"}
_YEAR = re.compile(r"\d{4}")


# -- records for the tables ---------------------------------------------------------------
def school_records(session: Session) -> list[dict[str, Any]]:
    # our own schools: an imported district's are the «Районы» page's
    stmt = select(School).where(School.district_id.is_(None)).order_by(School.short_name).options(
        selectinload(School.project_years), selectinload(School.risk_factors),
        selectinload(School.curator))
    return [{
        "id": s.id, "short_name": s.short_name, "full_name": s.full_name,
        "director": s.director, "curator_id": s.curator_id,
        "curator": s.curator.short_name if s.curator else "",
        "is_shnor": s.is_shnor, "is_shssu": s.is_shssu, "is_shfzr": s.is_shfzr,
        "post_project": s.post_project, "project_years": [p.year for p in s.project_years],
        "risk_factor_ids": [f.id for f in s.risk_factors],
        "risk_factors": [f"{f.number}. {f.title}" for f in s.risk_factors],
        "risk_numbers": ", ".join(str(f.number) for f in s.risk_factors),
        "categories": s.categories(),
    } for s in session.scalars(stmt)]


def organisation_records(session: Session) -> list[dict[str, Any]]:
    stmt = select(Organisation).order_by(Organisation.short_name)
    return [{"id": o.id, "short_name": o.short_name, "full_name": o.full_name}
            for o in session.scalars(stmt)]


def person_records(session: Session) -> list[dict[str, Any]]:
    stmt = select(Person).options(selectinload(Person.organisation)).order_by(Person.name)
    return [{"id": p.id, "name": p.name, "position": p.position,
             "organisation_id": p.organisation_id,
             "organisation": p.organisation.short_name if p.organisation else "",
             "phone": p.phone, "email": p.email} for p in session.scalars(stmt)]


def risk_factor_records(session: Session) -> list[dict[str, Any]]:
    stmt = select(RiskFactor).order_by(RiskFactor.number, RiskFactor.id)
    return [{"id": f.id, "number": f.number, "title": f.title, "active": f.active}
            for f in session.scalars(stmt)]


# -- validation -----------------------------------------------------------------------------
def parse_years(text: str | list[int] | tuple[int, ...]) -> list[int]:
    """«2025, 2026» → [2025, 2026]; anything but four-digit years is refused."""
    if isinstance(text, list | tuple):
        parts = [str(y) for y in text]
    else:
        parts = [p.strip() for p in re.split(r"[,;\s]+", text or "") if p.strip()]
    bad = [p for p in parts if not _YEAR.fullmatch(p)]
    if bad:
        raise UserError(
            f"Годы участия в «500+» указываются четырьмя цифрами через запятую, "
            f"например «2025, 2026»; не год: «{bad[0]}»")
    return sorted({int(p) for p in parts})


def _require(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise UserError(f"{what} не может быть пустым")
    return value


def _unique(session: Session, model: type[Any], column: str, value: str, own_id: int | None,
            message: str) -> None:
    attr = getattr(model, column)
    stmt = select(model.id, attr)
    if model is School:  # unique among our own schools (an imported district has its own)
        stmt = stmt.where(School.district_id.is_(None))
    for other_id, other in session.execute(stmt):
        if other_id != own_id and other.strip().casefold() == value.casefold():
            raise UserError(message)


def _load(session: Session, kind: str, row_id: int) -> Any:
    obj = session.get(ENTITIES[kind], row_id)
    if obj is None:
        raise UserError(f"{NOUNS[kind]} № {row_id} не найдена (возможно, удалена)")
    return obj


def clean_value(session: Session, kind: str, row_id: int | None, name: str, value: Any) -> Any:
    """``value`` checked and normalised for ``name`` of ``kind`` (``row_id`` None: a new row)."""
    if name in TEXT_FIELDS.get(kind, ()):
        value = str(value or "").strip()
    if (kind, name) == ("school", "short_name"):
        value = _require(value, "Краткое наименование школы")
        _unique(session, School, "short_name", value, row_id,
                f"Школа с кратким наименованием «{value}» уже есть в реестре")
    elif (kind, name) == ("school", "full_name"):
        value = _require(value, "Полное наименование школы")
    elif (kind, name) == ("organisation", "short_name"):
        value = _require(value, "Сокращённое наименование организации")
        _unique(session, Organisation, "short_name", value, row_id,
                f"Организация «{value}» уже есть в справочнике")
    elif (kind, name) == ("person", "name"):
        value = _require(value, "ФИО")
    elif (kind, name) == ("risk_factor", "title"):
        value = _require(value, "Название фактора риска")
    elif name in BOOL_FIELDS.get(kind, ()):
        value = bool(value)
    elif name == "project_years":
        value = parse_years(value)
    elif name == "risk_factor_ids":
        value = sorted({int(v) for v in value})
        found = set(session.scalars(select(RiskFactor.id).where(RiskFactor.id.in_(value))))
        if found != set(value):
            raise UserError("Фактор риска не найден в справочнике (возможно, удалён)")
    elif name in ("curator_id", "organisation_id"):
        target = Person if name == "curator_id" else Organisation
        if value is not None and session.get(target, int(value)) is None:
            raise UserError("Выбранная запись справочника не найдена (возможно, удалена)")
        value = None if value is None else int(value)
    elif name == "number":
        try:
            value = int(value)
        except (TypeError, ValueError):
            raise UserError("Номер фактора риска должен быть целым числом") from None
    elif name not in TEXT_FIELDS.get(kind, ()):
        raise ValueError(f"{kind}.{name} is not editable")
    return value


# -- reading and writing one field -----------------------------------------------------------
def get_value(session: Session, kind: str, row_id: int, name: str) -> Any:
    obj = _load(session, kind, row_id)
    if name == "project_years":
        return [p.year for p in obj.project_years]
    if name == "risk_factor_ids":
        return [f.id for f in obj.risk_factors]
    return getattr(obj, name)


def _assign(session: Session, obj: Any, name: str, value: Any) -> None:
    if name == "project_years":
        keep = {p.year: p for p in obj.project_years}
        obj.project_years = [keep.get(y) or SchoolProjectYear(year=y) for y in value]
    elif name == "risk_factor_ids":
        obj.risk_factors = [session.get(RiskFactor, i) for i in value]
    else:
        setattr(obj, name, value)


def set_value(session: Session, kind: str, row_id: int, name: str, value: Any) -> None:
    """Validate and store one field; the caller commits.

    A new school's full name is its placeholder («Новая школа»): it follows the short name
    while the two are the same and one of them is the placeholder, so that naming the new
    row names it whole (and undoing the name brings the placeholder back to both)."""
    obj = _load(session, kind, row_id)
    cleaned = clean_value(session, kind, row_id, name, value)
    if (kind == "school" and name == "short_name" and obj.full_name == obj.short_name
            and (is_placeholder(kind, obj.short_name) or is_placeholder(kind, cleaned))):
        obj.full_name = cleaned
    _assign(session, obj, name, cleaned)
    if isinstance(obj, Versioned) and name in ("project_years", "risk_factor_ids"):
        touch(obj)  # links of their own: the school's version counts them too


def create(session: Session, kind: str, values: dict[str, Any]) -> int:
    """A new row from ``values`` (validated as a whole); returns its id."""
    required = {"school": ("short_name", "full_name"), "organisation": ("short_name",),
                "person": ("name",), "risk_factor": ("title",)}[kind]
    values = {**dict.fromkeys(required, ""), **values}
    if kind == "risk_factor" and "number" not in values:
        values["number"] = (session.scalar(select(func.max(RiskFactor.number))) or 0) + 1
    cleaned = {name: clean_value(session, kind, None, name, v) for name, v in values.items()}
    obj = ENTITIES[kind]()
    for name, value in cleaned.items():
        _assign(session, obj, name, value)
    session.add(obj)
    session.flush()
    return obj.id


# -- deletion that undo can reverse exactly --------------------------------------------------
@dataclass
class Snapshot:
    """A deleted row and everything the database changed with it."""

    table: str
    row: dict[str, Any]
    #: rows deleted by ON DELETE CASCADE, by table, parents before children
    cascaded: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    #: rows whose link was set to NULL (full rows, to be written back as they were)
    relinked: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _rows(session: Session, table: Table, where: Any) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in session.execute(select(table).where(where))]


def _collect(session: Session, table: Table, rows: list[dict[str, Any]], snap: Snapshot) -> None:
    """Record the rows that deleting ``rows`` of ``table`` would cascade to or unlink."""
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is not table or not rows:
                continue
            keys = [r[fk.column.name] for r in rows]
            found = _rows(session, child, fk.parent.in_(keys))
            if not found:
                continue
            if (fk.ondelete or "").upper() == "CASCADE":
                snap.cascaded.append((child.name, found))
                _collect(session, child, found, snap)
            else:
                snap.relinked.append((child.name, found))


def delete_row(session: Session, kind: str, row_id: int) -> Snapshot:
    """Delete one row; the snapshot brings it back with its links (:func:`restore_row`).

    Item executors that named a deleted organisation or person keep the name as text.
    """
    obj = _load(session, kind, row_id)
    table = ENTITIES[kind].__table__
    snap = Snapshot(table.name, _rows(session, table, table.c.id == row_id)[0])
    _collect(session, table, [snap.row], snap)
    if kind in ("organisation", "person"):
        column = ItemExecutor.organisation_id if kind == "organisation" else ItemExecutor.person_id
        session.execute(update(ItemExecutor).where(column == row_id).values(text=obj.short_name))
    session.expunge_all()
    session.execute(delete(table).where(table.c.id == row_id))
    return snap


def restore_row(session: Session, snap: Snapshot) -> None:
    """Put back what :func:`delete_row` removed, with the same ids and links."""
    session.execute(insert(_table(snap.table)), [snap.row])
    for name, rows in snap.cascaded:
        session.execute(insert(_table(name)), rows)
    for name, rows in snap.relinked:
        table = _table(name)
        keys = [c for c in table.primary_key.columns]
        for row in rows:
            where = [c == row[c.name] for c in keys]
            session.execute(update(table).where(*where).values(**row))


# -- a school list pasted from Excel ---------------------------------------------------------
@dataclass(frozen=True)
class PastedSchool:
    line: int
    values: dict[str, Any]


@dataclass
class PastePreview:
    """What a pasted list would add, and what is skipped and why (line numbers from 1)."""

    added: list[PastedSchool] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  #: (line, text, reason)


def _categories(text: str) -> tuple[dict[str, bool], list[int], str | None]:
    flags: dict[str, bool] = {}
    years: list[int] = []
    for part in re.split(r"[,;]+", text):
        token = part.strip().strip("«»\"").strip()
        if not token:
            continue
        if _YEAR.fullmatch(token):
            years.append(int(token))
            continue
        key = token.upper().replace("«", "").replace("»", "")
        if key.startswith("500+"):
            years.extend(int(y) for y in re.findall(r"\d{4}", key[4:]))
        elif key in CATEGORY_LABELS:
            flags[CATEGORY_LABELS[key]] = True
        else:
            return flags, years, f"неизвестная категория «{token}»"
    return flags, years, None


def parse_pasted_schools(session: Session, text: str) -> PastePreview:
    """Rows «short name ⇥ full name ⇥ director [⇥ categories] [⇥ «500+» year]».

    A header row (starting with «Краткое») and blank rows are ignored; rows with an
    empty name, an unknown category, a bad year, or a short name already in the
    registry or earlier in the list are skipped with the reason.
    """
    preview = PastePreview()
    taken = {n.strip().casefold() for n in session.scalars(
        select(School.short_name).where(School.district_id.is_(None)))}
    for number, line in enumerate(text.splitlines(), 1):
        cells = [c.strip() for c in line.split("\t")]
        if not any(cells):
            continue
        if number == 1 and cells[0].casefold().startswith("краткое"):
            continue
        cells += [""] * (5 - len(cells))
        short, full, director, categories, year = cells[:5]
        reason = None
        if not short:
            reason = "не указано краткое наименование"
        elif not full:
            reason = "не указано полное наименование"
        elif short.casefold() in taken:
            reason = f"школа «{short}» уже есть в реестре или выше в списке"
        flags, years, bad = _categories(categories)
        reason = reason or bad
        if reason is None and year:
            try:
                years += parse_years(year)
            except UserError as exc:
                reason = exc.message
        if reason is not None:
            preview.skipped.append((number, line.replace("\t", " | "), reason))
            continue
        taken.add(short.casefold())
        values = {"short_name": short, "full_name": full, "director": director, **flags}
        if years:
            values["project_years"] = sorted(set(years))
        preview.added.append(PastedSchool(number, values))
    return preview


#: the field a new row is created with, and its placeholder text
PLACEHOLDERS = {"school": ("short_name", "Новая школа"),
                "organisation": ("short_name", "Новая организация"),
                "person": ("name", "Новый сотрудник"),
                "risk_factor": ("title", "Новый фактор риска")}


def is_placeholder(kind: str, value: Any) -> bool:
    """«Новая школа», «Новая школа 2» …: the name «Добавить» gave a row of ``kind``."""
    text = PLACEHOLDERS[kind][1]
    return isinstance(value, str) and re.fullmatch(re.escape(text) + r"( \d+)?", value) is not None


def new_row_values(session: Session, kind: str) -> dict[str, Any]:
    """Values for a row added by «Добавить»: a placeholder name not yet taken."""
    name, text = PLACEHOLDERS[kind]
    column = getattr(ENTITIES[kind], name)
    taken = {v.casefold() for v in session.scalars(select(column))}
    n, value = 1, text
    while value.casefold() in taken:
        n += 1
        value = f"{text} {n}"
    return {name: value, "full_name": value} if kind == "school" else {name: value}
