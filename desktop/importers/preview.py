"""What an import found, before anything is written: the preview the window and the CLI show.

Plain dataclasses (no ORM objects): the roadmap's title, period, goal and tasks,
sections with their items, the column mapping (which the user may correct),
what the directories will gain, the order around the table, the document's
other parts, and everything skipped with the reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from desktop.importers.executor_plan import ExecutorGroup
from desktop.models.columns import Field


@dataclass
class PreviewItem:
    number: str = ""
    activity: str = ""
    deadline: str = ""
    executors: str = ""
    tasks: str = ""
    indicator: str = ""
    evidence: str = ""
    info_support: str = ""
    note: str = ""
    #: deadline warnings (parsed against the roadmap's period)
    warnings: list[str] = field(default_factory=list)
    deadline_kind: str = ""

    def field_text(self, name: Field) -> str:
        return str(getattr(self, name.value, "") or "")


@dataclass
class PreviewSection:
    number: str = ""
    title: str = ""
    tasks: str = ""
    indicators: str = ""
    items: list[PreviewItem] = field(default_factory=list)

    @property
    def untitled(self) -> bool:
        return not self.number.strip() and not self.title.strip()


@dataclass
class ColumnMapping:
    """One column of the source table: its heading and the item field it fills (None: ignored)."""

    heading: str
    field: Field | None


@dataclass
class OrderDraft:
    authority: str = ""
    number: str = ""
    date: dt.date | None = None
    place: str = ""
    title: str = ""
    preamble: str = ""
    points: list[tuple[str, list[str]]] = field(default_factory=list)  #: text, sub-points
    signatory_position: str = ""
    signatory_name: str = ""
    appendix_mark: str = ""


@dataclass
class ApprovalDraft:
    kind: str            #: "submitted", "agreed" or "approved" (УТВЕРЖДАЮ)
    position: str = ""
    name: str = ""
    date: dt.date | None = None


@dataclass
class ScheduleDraft:
    title: str = ""
    headings: list[str] = field(default_factory=list)
    #: (is_group, topic, date text, responsible)
    rows: list[tuple[bool, str, str, str]] = field(default_factory=list)


@dataclass
class ImportPreview:
    source: str
    kind: str                                    #: "docx" or "xlsx"
    title: str = ""
    period: tuple[dt.date, dt.date] = (dt.date.today().replace(month=1, day=1),
                                       dt.date.today().replace(month=12, day=31))
    #: «Период реализации: 01.01.2026 – 31.12.2026» when the document says it
    stated_period: tuple[dt.date, dt.date] | None = None
    goal: str = ""
    tasks: str = ""
    sections: list[PreviewSection] = field(default_factory=list)
    columns: list[ColumnMapping] = field(default_factory=list)
    #: the document's «Принятые сокращения»: short, full
    abbreviations: list[tuple[str, str]] = field(default_factory=list)
    #: what the directories gain (see :func:`desktop.importers.writer.plan_directory`)
    organisations: list[tuple[str, str]] = field(default_factory=list)  #: new: short, full
    people: list[tuple[str, str]] = field(default_factory=list)         #: new: name, position
    #: executors written as one (merges, accepted by default) and suggestions to accept
    executor_groups: list[ExecutorGroup] = field(default_factory=list)
    #: the executor names the groups were planned for (a new mapping plans them again)
    executor_names: tuple[str, ...] = ()
    order: OrderDraft | None = None
    approvals: list[ApprovalDraft] = field(default_factory=list)
    basis_documents: str = ""
    justification: str = ""
    passport_problem: str = ""
    passport_developer: str = ""
    passport_stages: str = ""
    passport_working_group: str = ""
    closing_position: str = ""
    closing_name: str = ""
    working_group: list[tuple[str, str]] = field(default_factory=list)  #: name, position
    working_group_title: str = ""
    indicator_periods: list[str] = field(default_factory=list)
    indicators: list[tuple[str, str, list[str]]] = field(default_factory=list)
    schedules: list[ScheduleDraft] = field(default_factory=list)
    layout: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: the sheets of a workbook (the one read first) — to let the user choose another
    sheets: list[str] = field(default_factory=list)
    sheet: str = ""
    #: the title when the document names none (the sheet's or the file's name)
    fallback_title: str = ""
    #: the document cut by :func:`desktop.importers.structure.cut`, kept for :func:`remap`
    source_layout: Any = field(default=None, repr=False, compare=False)

    def items(self) -> list[PreviewItem]:
        return [item for section in self.sections for item in section.items]

    def summary(self) -> dict[str, Any]:
        return {"title": self.title, "sections": sum(1 for s in self.sections if not s.untitled),
                "items": len(self.items()), "warnings": list(self.warnings)}
