"""The roadmap's document parts as one plain value: read, applied, copied to a new year.

:class:`PartsData` is what the properties dialog edits and what its undo command
keeps (frozen, comparable). Schedule rows' dates are re-read by the deadline
parser against the roadmap's period whenever they are stored, so consultations
reach the timeline and the overdue checks. No Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.errors import UserError
from desktop.models import Roadmap, RoadmapAppendix, RoadmapAppendixRow, TargetIndicator
from desktop.models.deadline_shift import shift_deadline_text
from desktop.models.roadmap_parts import DEFAULT_HEADINGS, PASSPORT_FIELDS, PartKey, layout_order

#: the text attributes of the roadmap the parts dialog edits
TEXT_FIELDS = ("basis_documents", "justification",
               *(attr for _label, attr in PASSPORT_FIELDS), "closing_position", "closing_name")


@dataclass(frozen=True)
class IndicatorData:
    name: str
    unit: str = ""
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScheduleRowData:
    topic: str
    date_text: str = ""
    responsible: str = ""
    is_group: bool = False
    done: bool = False


@dataclass(frozen=True)
class AppendixData:
    title: str
    number: str = ""
    doc_number: str = ""
    doc_date: dt.date | None = None
    headings: tuple[str, ...] = ()
    text: str = ""
    rows: tuple[ScheduleRowData, ...] = ()


@dataclass(frozen=True)
class PartsData:
    """Everything around the table: texts, indicators, appendices, headings and order."""

    texts: tuple[tuple[str, str], ...] = ()  #: (attribute, text) for :data:`TEXT_FIELDS`
    indicator_periods: tuple[str, ...] = ()
    indicators: tuple[IndicatorData, ...] = ()
    appendices: tuple[AppendixData, ...] = ()
    #: the document's own headings, by part key (only those that differ from the defaults)
    headings: tuple[tuple[str, str], ...] = ()
    order: tuple[str, ...] = field(default_factory=lambda: tuple(p.value for p in layout_order(None)))

    def text(self, attr: str) -> str:
        return dict(self.texts).get(attr, "")


def read_parts(roadmap: Roadmap) -> PartsData:
    layout = roadmap.layout_json or {}
    own = layout.get("headings", {}) if isinstance(layout.get("headings"), dict) else {}
    return PartsData(
        texts=tuple((attr, getattr(roadmap, attr) or "") for attr in TEXT_FIELDS),
        indicator_periods=tuple(str(p) for p in roadmap.indicator_periods or []),
        indicators=tuple(IndicatorData(i.name, i.unit, tuple(str(v) for v in i.values or []))
                         for i in roadmap.indicators),
        appendices=tuple(_appendix_data(a) for a in roadmap.appendices),
        headings=tuple(sorted((k, v) for k, v in own.items()
                              if isinstance(v, str) and v.strip())),
        order=tuple(p.value for p in layout_order(layout)))


def _appendix_data(appendix: RoadmapAppendix) -> AppendixData:
    return AppendixData(
        appendix.title, appendix.number, appendix.doc_number, appendix.doc_date,
        tuple(appendix.headings or []), appendix.text,
        tuple(ScheduleRowData(r.topic, r.date_text, r.responsible, r.is_group, bool(r.done))
              for r in appendix.rows))


def validate_parts(parts: PartsData) -> PartsData:
    """A Russian :class:`UserError` for what cannot be stored."""
    for n, indicator in enumerate(parts.indicators, 1):
        if not indicator.name.strip():
            raise UserError(f"Целевой показатель {n}: укажите его название")
        if len(indicator.values) > len(parts.indicator_periods):
            raise UserError(f"Целевой показатель «{indicator.name}»: значений больше, "
                            "чем периодов")
    for n, appendix in enumerate(parts.appendices, 1):
        if not appendix.title.strip() and not appendix.rows:
            raise UserError(f"Приложение {n} к дорожной карте пустое: укажите название "
                            "или добавьте строки")
    known = {p.value for p in PartKey}
    unknown = [key for key, _ in parts.headings if key not in known]
    if unknown:
        raise UserError(f"Неизвестная часть документа: {', '.join(unknown)}")
    return parts


def apply_parts(roadmap: Roadmap, parts: PartsData) -> None:
    """Store ``parts`` on ``roadmap`` (indicators and appendices replaced as a whole)."""
    parts = validate_parts(parts)
    for attr, text in parts.texts:
        if attr in TEXT_FIELDS:
            setattr(roadmap, attr, text)
    roadmap.indicator_periods = list(parts.indicator_periods)
    roadmap.indicators = [TargetIndicator(position=n, name=i.name, unit=i.unit,
                                          values=list(i.values))
                          for n, i in enumerate(parts.indicators)]
    roadmap.appendices = [_appendix(n, a, roadmap.period) for n, a in enumerate(parts.appendices)]
    headings = {k: v for k, v in parts.headings
                if v.strip() and v.strip() != DEFAULT_HEADINGS[PartKey(k)]}
    roadmap.layout_json = {"order": list(parts.order), "headings": headings}


def _appendix(position: int, data: AppendixData, period: tuple[dt.date, dt.date]) -> RoadmapAppendix:
    appendix = RoadmapAppendix(position=position, title=data.title, number=data.number,
                               doc_number=data.doc_number, doc_date=data.doc_date,
                               headings=list(data.headings), text=data.text)
    for n, row in enumerate(data.rows):
        stored = RoadmapAppendixRow(position=n, is_group=row.is_group, topic=row.topic,
                                    responsible=row.responsible, done=row.done)
        stored.set_date_text(row.date_text, period)
        appendix.rows.append(stored)
    return appendix


def copy_parts(source: Roadmap, target: Roadmap, years: int) -> None:
    """The parts of ``source`` on ``target``, the schedule's dates moved by ``years``."""
    data = read_parts(source)
    moved = tuple(
        AppendixData(a.title, a.number, "", None, a.headings, a.text,
                     tuple(ScheduleRowData(r.topic, shift_deadline_text(r.date_text, years),
                                           r.responsible, r.is_group) for r in a.rows))
        for a in data.appendices)
    apply_parts(target, PartsData(data.texts, data.indicator_periods, data.indicators, moved,
                                  data.headings, data.order))
