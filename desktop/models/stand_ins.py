"""Stand-ins for values a damaged file lacks, so that no reader meets None or a wrong type.

Another program, a disk error or a hand edit can leave a date column with text in it
(``period_start = 'xx'``, read as None by :class:`desktop.models.base.LenientDate`), text in a
number column (``position = 'abc'``: SQLite returns the text as it is), or NULL where the
program always writes a value. Readers — the list, every export, the window — rely on those
columns holding their type, and used to stop with a generic error. When an object is loaded,
each such value is replaced in memory (never written back: the record keeps its damage until
the user edits it) by a stand-in: the column's own default, else an empty text, zero, the
enumeration's first member, or a date derived from the record's other dates. The damage scan
(:mod:`desktop.models.damage`) lists every such record in the one warning, so the substitution
is never silent.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Enum, Integer, event
from sqlalchemy.orm import Mapper
from sqlalchemy.orm.attributes import set_committed_value

from desktop.models.base import Base

_NO_STAND_IN = object()


@dataclass(frozen=True)
class _Checked:
    key: str
    required: bool
    integer: bool
    column: Any


_CHECKED: dict[Mapper, tuple[_Checked, ...]] = {}


def _checked_columns(mapper: Mapper) -> tuple[_Checked, ...]:
    """The mapped columns worth a look on load: required ones and integers (cached)."""
    found = _CHECKED.get(mapper)
    if found is None:
        found = tuple(
            _Checked(prop.key, not column.nullable, isinstance(column.type, Integer), column)
            for prop in mapper.column_attrs
            for column in prop.columns[:1]
            if not column.primary_key and (not column.nullable or isinstance(column.type, Integer)))
        _CHECKED[mapper] = found
    return found


def _date_stand_in(key: str, values: dict[str, Any]) -> dt.date:
    """A missing start is the first day of the end's year, a missing end the last day of the
    start's year; otherwise today."""
    if key.endswith("_start"):
        other = values.get(key[:-len("_start")] + "_end")
        if isinstance(other, dt.date):
            return dt.date(other.year, 1, 1)
    if key.endswith("_end"):
        other = values.get(key[:-len("_end")] + "_start")
        if isinstance(other, dt.date):
            return dt.date(other.year, 12, 31)
    return dt.date.today()


def period(start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    """A roadmap's period as readers need it, for code that reads the columns without loading
    the object: a missing (damaged) end or start stands in as on load."""
    values = {"period_start": start, "period_end": end}
    return (start if isinstance(start, dt.date) else _date_stand_in("period_start", values),
            end if isinstance(end, dt.date) else _date_stand_in("period_end", values))


def stand_in(checked: _Checked, values: dict[str, Any]) -> Any:
    """The value a required column reads as when the file holds none it can use."""
    column = checked.column
    default = column.default
    if default is not None and default.is_scalar:
        return default.arg
    kind = column.type
    if isinstance(kind, Enum) and kind.enum_class is not None and issubclass(
            kind.enum_class, enum.Enum):
        return next(iter(kind.enum_class))
    if isinstance(kind, DateTime):
        return dt.datetime.now()
    if isinstance(kind, Date):
        return _date_stand_in(checked.key, values)
    if isinstance(kind, Integer):
        return 0
    if isinstance(kind, JSON):
        if default is not None and default.is_callable:  # default=list, default=dict
            try:
                return default.arg(None)
            except Exception:  # a default that needs the insert's context: none to give
                return _NO_STAND_IN
        return _NO_STAND_IN
    try:
        python_type = kind.python_type
    except NotImplementedError:
        return _NO_STAND_IN
    return "" if python_type is str else _NO_STAND_IN


@event.listens_for(Base, "load", propagate=True)
def _fill_in(target: Base, context: object) -> None:
    values = target.__dict__
    for checked in _checked_columns(target.__mapper__):
        if checked.key not in values:  # not loaded (deferred)
            continue
        value = values[checked.key]
        if checked.integer and value is not None and type(value) is not int:
            value = None  # text in a number column
        if value is None and checked.required:
            value = stand_in(checked, values)
            if value is _NO_STAND_IN:
                continue
        if value is not values[checked.key]:
            set_committed_value(target, checked.key, value)
