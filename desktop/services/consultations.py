"""The rows of a roadmap's own schedule appendices (consultations) as dated events: for the
timeline and the overdue checks, with the same overdue rule as items. No Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.models.deadline import Deadline
from desktop.models.enums import ItemStatus

if TYPE_CHECKING:
    from desktop.models import Roadmap


@dataclass(frozen=True)
class Consultation:
    appendix: str          #: the appendix's title («График консультаций»)
    topic: str
    date_text: str
    responsible: str
    deadline: Deadline
    done: bool

    @property
    def status(self) -> ItemStatus:
        return ItemStatus.DONE if self.done else ItemStatus.PLANNED

    def is_overdue(self, today: dt.date) -> bool:
        return self.deadline.is_overdue(today, self.status)


def consultations(roadmap: Roadmap) -> list[Consultation]:
    """Every dated row (not the month rows) of the roadmap's schedule appendices, in order."""
    found = []
    for appendix in roadmap.appendices:
        title = (appendix.title or "").strip() or "Приложение"
        for row in appendix.rows:
            if row.is_group or not (row.topic or row.date_text).strip():
                continue
            found.append(Consultation(title, row.topic, row.date_text, row.responsible,
                                      row.deadline, bool(row.done)))
    return found


def overdue_consultations(roadmap: Roadmap, today: dt.date) -> list[Consultation]:
    return [c for c in consultations(roadmap) if c.is_overdue(today)]
