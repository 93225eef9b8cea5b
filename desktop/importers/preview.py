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
    #: «ПРИКАЗ», «РАСПОРЯЖЕНИЕ», «ПОСТАНОВЛЕНИЕ» as the document has it
    kind: str = ""
    #: the body above the issuing one («Администрация X района»), when printed
    parent_authority: str = ""
    #: what the appendix mark / approval stamp says about the order («от 30.12.21 № 3872»)
    mark_date: dt.date | None = None
    mark_number: str = ""
    #: the body in the mark, in the genitive («Министерства образования X области»)
    mark_authority: str = ""
    #: the text has the order's own requisites, title or points (not only a mark)
    own: bool = False
    #: how the date line was typed: «от 14.01.2022», «13 января 2023 г.»
    date_with_ot: bool = False
    date_in_words: bool = False


@dataclass
class ApprovalDraft:
    kind: str            #: "submitted", "agreed" or "approved" (УТВЕРЖДАЮ)
    position: str = ""
    name: str = ""
    date: dt.date | None = None


@dataclass
class ScheduleDraft:
    title: str = ""
    #: the appendix's own mark: its number and the document's date and number, when typed
    number: str = ""
    doc_date: dt.date | None = None
    doc_number: str = ""
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
    #: every passport row as the document has it: label, text (known labels included)
    passport_rows: list[tuple[str, str]] = field(default_factory=list)
    #: «regional» / «municipal» / «school» read from the issuing body (or the title)
    level: str = ""
    closing_position: str = ""
    closing_name: str = ""
    working_group: list[tuple[str, str]] = field(default_factory=list)  #: name, position
    working_group_title: str = ""
    indicator_periods: list[str] = field(default_factory=list)
    indicators: list[tuple[str, str, list[str]]] = field(default_factory=list)
    schedules: list[ScheduleDraft] = field(default_factory=list)
    layout: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: the program's own workbook: item's place in the table (from 0) → scope and schools
    item_schools: dict[int, tuple[str, list[str]]] = field(default_factory=dict)
    #: where the order's printed requisites will come from (set by the caller with a session)
    requisite_sources: list[str] = field(default_factory=list)
    #: what the text around the table gave that could not be placed (kept across remap)
    notes: list[str] = field(default_factory=list)
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

    def parts_found(self) -> list[str]:
        """What was read into which part, one line each (for the preview and ``--json``)."""
        found: list[str] = []
        order = self.order
        if order is not None and order.own:
            date = order.date or order.mark_date
            found.append(f"приказ: № {order.number or order.mark_number or '—'} от "
                         f"{date.strftime('%d.%m.%Y') if date else '—'}, «{order.title}», "
                         f"пунктов {len(order.points)}, подписант {order.signatory_name or '—'}")
            for name, value in (("орган", order.authority), ("вышестоящий орган",
                                                            order.parent_authority),
                                ("место", order.place), ("отметка о приложении",
                                                         order.appendix_mark)):
                if value:
                    found.append(f"{name}: {' '.join(value.split())}")
        if order is not None and not order.own and order.appendix_mark:
            found.append(f"отметка об утверждении (приказ не создаётся): "
                         f"{' '.join(order.appendix_mark.split())}")
        for approval in self.approvals:
            word = {"submitted": "Проект внесен", "agreed": "СОГЛАСОВАНО",
                    "approved": "УТВЕРЖДАЮ"}.get(approval.kind, approval.kind)
            found.append(f"гриф «{word}»: {approval.position} {approval.name}".strip())
        found.append(f"название: {self.title}")
        if self.level:
            found.append("уровень: " + {"regional": "региональный", "municipal": "муниципальный",
                                         "school": "школьный"}.get(self.level, self.level))
        for name, value in (("цель", self.goal), ("задачи", self.tasks),
                            ("основания", self.basis_documents),
                            ("обоснование", self.justification)):
            if value:
                found.append(f"{name}: строк {len(value.splitlines())}")
        for label, text in self.passport_rows:
            found.append(f"паспорт: «{label}» — строк {len(text.splitlines())}")
        if self.indicators:
            found.append(f"целевые показатели: {len(self.indicators)}")
        if self.working_group:
            found.append(f"рабочая группа: {len(self.working_group)}")
        for schedule in self.schedules:
            found.append(f"график «{schedule.title}»: строк "
                         f"{sum(1 for r in schedule.rows if not r[0])}")
        found.append(f"таблица: мероприятий {len(self.items())}")
        if self.abbreviations:
            found.append(f"принятые сокращения: {len(self.abbreviations)}")
        if self.closing_name:
            found.append(f"подпись под картой: {self.closing_position} {self.closing_name}")
        return found

    def unplaced(self, text: str, where: str = "") -> None:
        """Text the reader saw but could not place: a warning with its text."""
        short = " ".join(text.split())
        if not short:
            return
        if len(short) > 160:
            short = short[:159] + "…"
        self.notes.append(f"Не распознано{(' (' + where + ')') if where else ''}: «{short}»")

