"""Editing an order (приказ): fields, the points tree, approvals, appendices, snapshots for undo.

Every function takes an open session and changes stored rows; the caller
commits (one undo command = one transaction). :func:`order_snapshot` and
:func:`restore_order` turn an order with all its child rows into plain data
and back, keeping row ids, so that undo and redo are exact. Qt-free.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.models import (
    AppendixKind,
    ApprovalKind,
    Order,
    OrderAppendix,
    OrderApproval,
    OrderPoint,
    OrderStatus,
    Roadmap,
    ScheduleEntry,
    WorkingGroupMember,
)
from desktop.models.versions import touch
from desktop.services.orders import create_order_from_template

#: points may nest «1.», «1.1.», «1.1.1.», «1.1.1.1.» and no deeper
MAX_POINT_LEVELS = 4
#: order fields the editor may set, with their Russian names for the undo history
ORDER_FIELDS: dict[str, str] = {
    "number": "номер", "date": "дата", "title": "заголовок", "preamble": "преамбула",
    "signatory_position": "должность подписывающего", "signatory_name": "подписывающий",
    "executor_name": "исполнитель", "executor_phone": "телефон исполнителя", "status": "статус",
}
#: the child tables of an order that the editor shows as small tables
ROW_KINDS: dict[str, type] = {
    "approval": OrderApproval, "appendix": OrderAppendix,
    "member": WorkingGroupMember, "schedule": ScheduleEntry,
}
_ROW_FIELDS: dict[str, tuple[str, ...]] = {
    "approval": ("kind", "person_position", "person_name", "date", "signature_line", "date_line"),
    "appendix": ("kind", "title", "roadmap_id", "text"),
    "member": ("name", "job_title", "role"),
    "schedule": ("topic", "date_text", "responsible"),
}
_SCALARS = ("number", "date", "title", "preamble", "signatory_position", "signatory_name",
            "executor_name", "executor_phone", "status", "template")


# --- loading -----------------------------------------------------------------------------
def load_order(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise UserError(f"Приказ с кодом {order_id} не найден в базе данных (его удалили?)")
    return order


def _load_row(session: Session, table: str, row_id: int) -> Any:
    row = session.get(ROW_KINDS[table], row_id)
    if row is None:
        raise UserError("Строка не найдена в базе данных (её удалили?)")
    return row


def _point(session: Session, point_id: int) -> OrderPoint:
    point = session.get(OrderPoint, point_id)
    if point is None:
        raise UserError("Пункт приказа не найден в базе данных (его удалили?)")
    return point


# --- snapshots ---------------------------------------------------------------------------
def _point_data(point: OrderPoint) -> dict[str, Any]:
    return {"id": point.id, "text": point.text,
            "children": [_point_data(c) for c in sorted(point.children, key=lambda p: p.position)]}


def _by_position(rows: list[Any]) -> list[Any]:
    return sorted(rows, key=lambda r: r.position)


def order_snapshot(session: Session, order_id: int) -> dict[str, Any]:
    """The order and all its child rows as plain, JSON-like data (ids included)."""
    order = load_order(session, order_id)
    session.flush()
    top = sorted((p for p in order.points if p.parent_id is None), key=lambda p: p.position)
    return {
        "id": order.id,
        **{name: getattr(order, name) for name in _SCALARS},
        "settings": dict(order.settings or {}),
        "points": [_point_data(p) for p in top],
        "approvals": [{"id": a.id, **{f: getattr(a, f) for f in _ROW_FIELDS["approval"]}}
                      for a in _by_position(order.approvals)],
        "appendices": [
            {"id": a.id, **{f: getattr(a, f) for f in _ROW_FIELDS["appendix"]},
             "members": [{"id": m.id, **{f: getattr(m, f) for f in _ROW_FIELDS["member"]}}
                         for m in _by_position(a.members)],
             "schedule": [{"id": s.id, **{f: getattr(s, f) for f in _ROW_FIELDS["schedule"]}}
                          for s in _by_position(a.schedule)]}
            for a in _by_position(order.appendices)
        ],
    }


def restore_order(session: Session, snapshot: dict[str, Any]) -> int:
    """Make the stored order exactly ``snapshot`` again (re-creating it if it was deleted)."""
    order = session.get(Order, snapshot["id"])
    if order is None:
        order = Order(id=snapshot["id"])
        session.add(order)
    else:
        touch(order)  # its rows are rewritten: another user's older read of it is refused
        order.points.clear()
        order.approvals.clear()
        order.appendices.clear()
        session.flush()  # old child rows gone before rows with the same ids come back
    for name in _SCALARS:
        setattr(order, name, snapshot[name])
    order.settings = dict(snapshot["settings"])
    _restore_points(order, snapshot["points"], None)
    for n, data in enumerate(snapshot["approvals"]):
        order.approvals.append(OrderApproval(position=n, **data))
    for n, data in enumerate(snapshot["appendices"]):
        fields = {k: v for k, v in data.items() if k not in ("members", "schedule")}
        if fields["roadmap_id"] is not None and session.get(Roadmap, fields["roadmap_id"]) is None:
            fields["roadmap_id"] = None
        appendix = OrderAppendix(position=n, **fields)
        appendix.members = [WorkingGroupMember(position=i, **m) for i, m in enumerate(data["members"])]
        appendix.schedule = [ScheduleEntry(position=i, **s) for i, s in enumerate(data["schedule"])]
        order.appendices.append(appendix)
    session.flush()
    return order.id


def _restore_points(order: Order, specs: list[dict[str, Any]], parent: OrderPoint | None) -> None:
    for n, spec in enumerate(specs):
        point = OrderPoint(id=spec["id"], position=n, text=spec["text"], parent=parent)
        order.points.append(point)
        _restore_points(order, spec["children"], point)


def delete_order(session: Session, order_id: int) -> None:
    session.delete(load_order(session, order_id))
    session.flush()


# --- the order itself --------------------------------------------------------------------
def save_draft(session: Session, template_key: str, *, roadmap_id: int | None = None) -> int:
    """Store a new draft made from a template; returns its id."""
    order = create_order_from_template(session, template_key, roadmap_id=roadmap_id)
    session.add(order)
    session.flush()
    return order.id


def set_order_field(session: Session, order_id: int, name: str, value: Any) -> None:
    """Set one requisite (number, date, title …) of the order."""
    if name not in ORDER_FIELDS:
        raise ValueError(name)
    order = load_order(session, order_id)
    if name == "status":
        value = OrderStatus(value)
        if value is OrderStatus.SIGNED and (not order.number.strip() or order.date is None):
            raise UserError("Чтобы отметить приказ подписанным, укажите его номер и дату")
    elif name == "date":
        if value is not None and not isinstance(value, dt.date):
            raise UserError("Дата приказа указана неверно")
    else:
        value = str(value or "").strip() if name != "preamble" else str(value or "")
    setattr(order, name, value)
    session.flush()


def mark_signed(session: Session, order_id: int) -> None:
    set_order_field(session, order_id, "status", OrderStatus.SIGNED)


def set_order_setting(session: Session, order_id: int, key: str, value: Any) -> None:
    """Store one print setting (a key of ``OrderPdfSettings``) in ``order.settings``."""
    order = load_order(session, order_id)
    settings = dict(order.settings or {})
    settings[key] = value
    order.settings = settings  # a new dict: the JSON column does not track mutation
    session.flush()


# --- points ------------------------------------------------------------------------------
def _siblings(order: Order, parent_id: int | None) -> list[OrderPoint]:
    return sorted((p for p in order.points if p.parent_id == parent_id), key=lambda p: p.position)


def _renumber(points: list[OrderPoint]) -> None:
    for n, point in enumerate(points):
        point.position = n


def point_level(point: OrderPoint) -> int:
    """1 for a top point, 2 for «1.1.» …"""
    level = 1
    while point.parent is not None:
        point, level = point.parent, level + 1
    return level


def _height(point: OrderPoint) -> int:
    """Levels the point's subtree occupies (1 for a point without sub-points)."""
    return 1 + max((_height(c) for c in point.children), default=0)


def _check_depth(levels: int) -> None:
    if levels > MAX_POINT_LEVELS:
        raise UserError(f"Пункты приказа можно вкладывать не глубже {MAX_POINT_LEVELS} уровней")


def add_point(session: Session, order_id: int, *, after_id: int | None = None,
              parent_id: int | None = None, text: str = "") -> int:
    """A new point after ``after_id`` (same level) or, without it, last under ``parent_id``."""
    order = load_order(session, order_id)
    if after_id is not None:
        after = _point(session, after_id)
        parent_id = after.parent_id
        siblings = _siblings(order, parent_id)
        index = siblings.index(after) + 1
    else:
        if parent_id is not None:
            _check_depth(point_level(_point(session, parent_id)) + 1)
        siblings = _siblings(order, parent_id)
        index = len(siblings)
    point = OrderPoint(order=order, parent_id=parent_id, text=text)
    session.add(point)
    siblings.insert(index, point)
    _renumber(siblings)
    session.flush()
    return point.id


def set_point_text(session: Session, point_id: int, text: str) -> None:
    _point(session, point_id).text = text.strip()
    session.flush()


def remove_point(session: Session, point_id: int) -> None:
    """Remove the point with its sub-points; the rest close up."""
    point = _point(session, point_id)
    order, parent_id = point.order, point.parent_id
    session.delete(point)
    session.flush()
    session.expire(order, ["points"])
    _renumber(_siblings(order, parent_id))
    session.flush()


def move_point(session: Session, point_id: int, delta: int) -> None:
    """Move the point ``delta`` places up (−) or down (+) among its siblings."""
    point = _point(session, point_id)
    siblings = _siblings(point.order, point.parent_id)
    index = siblings.index(point)
    target = index + delta
    if not 0 <= target < len(siblings):
        raise UserError("Пункт уже на краю списка")
    siblings.insert(target, siblings.pop(index))
    _renumber(siblings)
    session.flush()


def indent_point(session: Session, point_id: int) -> None:
    """Make the point the last sub-point of the point above it (at most 4 levels)."""
    point = _point(session, point_id)
    order = point.order
    siblings = _siblings(order, point.parent_id)
    index = siblings.index(point)
    if index == 0:
        raise UserError("Первый пункт уровня нельзя сделать подпунктом: над ним нет пункта")
    new_parent = siblings[index - 1]
    _check_depth(point_level(new_parent) + _height(point))
    children = _siblings(order, new_parent.id)
    _reparent(session, point, new_parent.id, len(children))
    _renumber([p for p in siblings if p is not point])
    session.flush()


def outdent_point(session: Session, point_id: int) -> None:
    """Make the sub-point a point of its parent's level, right after its parent."""
    point = _point(session, point_id)
    parent = point.parent
    if parent is None:
        raise UserError("Пункт уже на верхнем уровне")
    order = point.order
    old = [p for p in _siblings(order, parent.id) if p is not point]
    upper = _siblings(order, parent.parent_id)
    upper.insert(upper.index(parent) + 1, point)
    _renumber(old)
    _renumber(upper)
    _reparent(session, point, parent.parent_id, point.position)


def _reparent(session: Session, point: OrderPoint, parent_id: int | None, position: int) -> None:
    """Move ``point`` under another parent by its foreign key.

    Moving it between the ``children`` collections would make it an orphan of
    the old parent, which the delete-orphan cascade deletes.
    """
    point.parent_id = parent_id
    point.position = position
    session.flush()
    session.expire_all()


# --- approvals, appendices, members, schedule rows ----------------------------------------
def add_row(session: Session, table: str, owner_id: int, **values: Any) -> int:
    """A new approval / appendix (owner: the order) or member / schedule row (owner: appendix)."""
    if table in ("approval", "appendix"):
        owner = load_order(session, owner_id)
        rows = owner.approvals if table == "approval" else owner.appendices
    else:
        owner = _load_row(session, "appendix", owner_id)
        rows = owner.members if table == "member" else owner.schedule
    defaults: dict[str, Any] = {
        "approval": {"kind": ApprovalKind.AGREED},
        "appendix": {"kind": AppendixKind.TEXT},
        "member": {"name": "", "role": "член рабочей группы"},
        "schedule": {},
    }[table]
    values = {**defaults, **values}
    if "kind" in values:
        values["kind"] = (ApprovalKind if table == "approval" else AppendixKind)(values["kind"])
    row = ROW_KINDS[table](position=len(rows), **values)
    rows.append(row)
    session.flush()
    return row.id


#: yes/no cells of the rows
_FLAGS = ("signature_line", "date_line")


def set_row_field(session: Session, table: str, row_id: int, name: str, value: Any) -> None:
    """Set one cell of an approval, appendix, member or schedule row."""
    if name not in _ROW_FIELDS[table]:
        raise ValueError(name)
    row = _load_row(session, table, row_id)
    if name == "kind":
        value = (ApprovalKind if table == "approval" else AppendixKind)(value)
    elif name == "roadmap_id":
        if value is not None and session.get(Roadmap, value) is None:
            raise UserError("Дорожная карта не найдена в базе данных")
    elif name in _FLAGS:
        value = bool(value)
    elif name != "date":
        value = str(value or "").strip()
    setattr(row, name, value)
    session.flush()


def remove_row(session: Session, table: str, row_id: int) -> None:
    row = _load_row(session, table, row_id)
    owner = row.order if table in ("approval", "appendix") else row.appendix
    rows = {"approval": "approvals", "appendix": "appendices",
            "member": "members", "schedule": "schedule"}[table]
    getattr(owner, rows).remove(row)
    session.flush()
    _renumber(getattr(owner, rows))
    session.flush()
