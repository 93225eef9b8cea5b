"""Enumerations of the domain and their Russian labels (no SQLAlchemy: the window imports
them before the database layer is loaded)."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    REGIONAL = "regional"
    MUNICIPAL = "municipal"
    SCHOOL = "school"


class RoadmapStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


class ItemStatus(StrEnum):
    PLANNED = "planned"
    IN_WORK = "in_work"
    DONE = "done"
    CANCELLED = "cancelled"


class SchoolScope(StrEnum):
    """Which schools an item concerns."""

    NONE = "none"          #: the item is not per school
    ALL_500 = "all_500"    #: every «500+» participant of the roadmap's year
    ALL_SHNOR = "all_shnor"  #: every ШНОР
    CHOSEN = "chosen"      #: the schools linked to the item


class OrderStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"


class AppendixKind(StrEnum):
    ROADMAP = "roadmap"
    WORKING_GROUP = "working_group"
    SCHEDULE = "schedule"
    TEXT = "text"


class ApprovalKind(StrEnum):
    SUBMITTED = "submitted"  #: «Проект внесен»
    AGREED = "agreed"        #: «СОГЛАСОВАНО»


class DocumentKind(StrEnum):
    """Documents a «500+» school produces after its self-diagnosis."""

    SELF_DIAGNOSIS = "self_diagnosis"
    CONCEPT = "concept"
    MID_TERM_PROGRAM = "mid_term_program"
    ANTI_RISK_PROGRAM = "anti_risk_program"


LABELS: dict[StrEnum, str] = {
    Level.REGIONAL: "региональная",
    Level.MUNICIPAL: "муниципальная",
    Level.SCHOOL: "школьная",
    RoadmapStatus.DRAFT: "проект",
    RoadmapStatus.APPROVED: "утверждена",
    ItemStatus.PLANNED: "запланировано",
    ItemStatus.IN_WORK: "в работе",
    ItemStatus.DONE: "выполнено",
    ItemStatus.CANCELLED: "отменено",
    SchoolScope.NONE: "—",
    SchoolScope.ALL_500: "все школы «500+»",
    SchoolScope.ALL_SHNOR: "все ШНОР",
    SchoolScope.CHOSEN: "выбранные школы",
    OrderStatus.DRAFT: "проект",
    OrderStatus.SIGNED: "подписан",
    AppendixKind.ROADMAP: "дорожная карта",
    AppendixKind.WORKING_GROUP: "состав рабочей группы",
    AppendixKind.SCHEDULE: "график",
    AppendixKind.TEXT: "текст",
    ApprovalKind.SUBMITTED: "Проект внесен",
    ApprovalKind.AGREED: "СОГЛАСОВАНО",
    DocumentKind.SELF_DIAGNOSIS: "самодиагностика",
    DocumentKind.CONCEPT: "концепция развития",
    DocumentKind.MID_TERM_PROGRAM: "среднесрочная программа развития",
    DocumentKind.ANTI_RISK_PROGRAM: "антирисковая программа",
}


def label(value: StrEnum) -> str:
    """The Russian word for an enumeration value, as shown to the user."""
    return LABELS.get(value, str(value))


def target_label(low: float, high: float | None) -> str:
    """A monitoring point's target as shown: «30–40 %», «50 %»."""
    return f"{low:g}–{high:g} %" if high is not None else f"{low:g} %"
