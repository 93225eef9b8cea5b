"""Column profiles: which item fields a roadmap's table shows, in which order, under which heading.

Every region picks and names its columns differently (domain.md). This module
is the one place that knows the fields, their default headings, their relative
widths and the presets taken from the samples; the editor and every exporter
read it. A profile is stored on the roadmap as a JSON list of
``{"field": ..., "heading": ...}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Field(StrEnum):
    NUMBER = "number"
    ACTIVITY = "activity"
    DEADLINE = "deadline"
    EXECUTORS = "executors"
    TASKS = "tasks"
    INDICATOR = "indicator"
    EVIDENCE = "evidence"
    INFO_SUPPORT = "info_support"
    STATUS = "status"
    DONE_DATE = "done_date"
    SCHOOLS = "schools"
    NOTE = "note"


@dataclass(frozen=True)
class FieldSpec:
    title: str          #: the field's name in the profile editor
    heading: str        #: default heading
    weight: float       #: relative width in printed tables


FIELD_SPECS: dict[Field, FieldSpec] = {
    Field.NUMBER: FieldSpec("Номер", "№ п/п", 0.6),
    Field.ACTIVITY: FieldSpec("Мероприятие", "Мероприятие", 4.0),
    Field.DEADLINE: FieldSpec("Срок", "Сроки реализации", 1.5),
    Field.EXECUTORS: FieldSpec("Исполнители", "Ответственные исполнители", 2.0),
    Field.TASKS: FieldSpec("Задачи", "Задачи", 2.5),
    Field.INDICATOR: FieldSpec("Показатель", "Показатель реализации", 2.0),
    Field.EVIDENCE: FieldSpec("Документ", "Документ", 1.8),
    Field.INFO_SUPPORT: FieldSpec("Информационное сопровождение", "Информационное сопровождение", 1.8),
    Field.STATUS: FieldSpec("Статус", "Статус", 1.0),
    Field.DONE_DATE: FieldSpec("Дата выполнения", "Дата выполнения", 1.0),
    Field.SCHOOLS: FieldSpec("Школы", "Школы", 1.5),
    Field.NOTE: FieldSpec("Примечание", "Примечание", 1.5),
}


@dataclass(frozen=True)
class Column:
    field: Field
    heading: str
    #: the executors column prints a directory person with their position
    #: («О.В. Плесецкая – директор МКУО КМЦ»)
    with_position: bool = False

    @property
    def weight(self) -> float:
        return FIELD_SPECS[self.field].weight


def _profile(*pairs: tuple[Field, str]) -> tuple[Column, ...]:
    return tuple(Column(f, h) for f, h in pairs)


#: Layouts of the published samples and the app's default.
PRESETS: dict[str, tuple[str, tuple[Column, ...]]] = {
    "default": ("Муниципальная (по умолчанию)", _profile(
        (Field.NUMBER, "№ п/п"),
        (Field.ACTIVITY, "Мероприятие"),
        (Field.DEADLINE, "Сроки реализации"),
        (Field.EXECUTORS, "Ответственные исполнители"),
        (Field.INDICATOR, "Показатель реализации"),
        (Field.EVIDENCE, "Документ"),
    )),
    "kaliningrad": ("Калининградская область", _profile(
        (Field.NUMBER, "№ пп"),
        (Field.ACTIVITY, "Описание действия"),
        (Field.DEADLINE, "Сроки реализации"),
        (Field.EXECUTORS, "Исполнители"),
        (Field.INDICATOR, "Региональный показатель реализации"),
        (Field.INFO_SUPPORT, "Информационное сопровождение проекта"),
    )),
    "balakhta": ("Балахтинский район", _profile(
        (Field.NUMBER, "№№"),
        (Field.ACTIVITY, "Мероприятие"),
        (Field.DEADLINE, "Срок реализации"),
        (Field.EXECUTORS, "Исполнители"),
        (Field.TASKS, "Задачи"),
        (Field.INDICATOR, "Муниципальный показатель реализации"),
    )),
    "petrogradsky": ("Петроградский район", _profile(
        (Field.NUMBER, "№ п/п"),
        (Field.ACTIVITY, "Мероприятия"),
        (Field.DEADLINE, "Сроки реализации"),
        (Field.EXECUTORS, "Ответственные исполнители"),
    )),
}

DEFAULT_PRESET = "default"


def preset(name: str) -> tuple[Column, ...]:
    return PRESETS[name][1]


def profile_to_json(columns: tuple[Column, ...] | list[Column]) -> list[dict[str, Any]]:
    return [{"field": c.field.value, "heading": c.heading,
             **({"with_position": True} if c.with_position else {})} for c in columns]


#: fields stored as plain text on the item, by attribute name
TEXT_ATTRIBUTES: dict[Field, str] = {
    Field.NUMBER: "number",
    Field.ACTIVITY: "activity",
    Field.TASKS: "tasks",
    Field.INDICATOR: "indicator",
    Field.EVIDENCE: "evidence",
    Field.INFO_SUPPORT: "info_support",
    Field.NOTE: "note",
}
EDITABLE_FIELDS = frozenset({*TEXT_ATTRIBUTES, Field.DEADLINE, Field.STATUS, Field.DONE_DATE})


def prints_positions(columns: tuple[Column, ...]) -> bool:
    """Whether the profile's executors column asks for people's positions."""
    return any(c.field is Field.EXECUTORS and c.with_position for c in columns)


def profile_from_json(data: Any) -> tuple[Column, ...]:
    """Read a stored profile; unknown fields are dropped, an empty one gives the default."""
    columns: list[Column] = []
    seen: set[Field] = set()
    for entry in data or ():
        try:
            field = Field(entry["field"])
        except (KeyError, TypeError, ValueError):
            continue
        if field in seen:
            continue
        seen.add(field)
        heading = str(entry.get("heading") or FIELD_SPECS[field].heading)
        columns.append(Column(field, heading, with_position=entry.get("with_position") is True))
    return tuple(columns) or preset(DEFAULT_PRESET)
