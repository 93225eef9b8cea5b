"""Per-school checklist beyond the cell's status: the append-only history of every change,
the evidence documents of a cell, and the files copied into the data folder.

A cell (:class:`~desktop.models.roadmap.ChecklistRow`) keeps its status, date, comment and
(for older files) the document name in ``evidence``; its documents with number, date and
an attached file live in :class:`CellEvidence`. The checklist's «не требуется» is
``ItemStatus.CANCELLED`` (the cell labels are in :data:`CELL_LABELS`).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from desktop.models.base import Base
from desktop.models.checklist_files import EvidenceFile
from desktop.models.enums import ItemStatus
from desktop.models.roadmap import ChecklistRow

#: how a checklist cell names the item statuses (not started / not required)
CELL_LABELS: dict[ItemStatus, str] = {
    ItemStatus.PLANNED: "не начато",
    ItemStatus.IN_WORK: "в работе",
    ItemStatus.DONE: "выполнено",
    ItemStatus.CANCELLED: "не требуется",
}
CELL_STATUSES: dict[str, ItemStatus] = {text: status for status, text in CELL_LABELS.items()}


def cell_label(status: ItemStatus) -> str:
    return CELL_LABELS[status]


class DocState(StrEnum):
    """Where a school's concept document stands."""

    NONE = "none"
    DRAFT = "draft"
    READY = "ready"
    APPROVED = "approved"


DOC_STATE_LABELS: dict[DocState, str] = {
    DocState.NONE: "нет",
    DocState.DRAFT: "в разработке",
    DocState.READY: "разработан",
    DocState.APPROVED: "утверждён",
}


class CellEvidence(Base):
    """One supporting document of a checklist cell: name, number, date, optional file."""

    __tablename__ = "checklist_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    row_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_rows.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text, default="")
    number: Mapped[str] = mapped_column(String(50), default="")
    date: Mapped[dt.date | None] = mapped_column(Date)
    file_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence_files.id", ondelete="SET NULL"))

    row: Mapped[ChecklistRow] = relationship(backref=backref(
        "documents", cascade="all, delete-orphan", order_by="CellEvidence.position"))
    file: Mapped[EvidenceFile | None] = relationship()


class ChecklistChange(Base):
    """One change of one cell, append-only: what an inspector asks for."""

    __tablename__ = "checklist_history"
    __table_args__ = (Index("ix_checklist_history_cell", "item_id", "school_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=dt.datetime.now)
    #: the system user who made it, when known
    author: Mapped[str] = mapped_column(String(100), default="")
    #: «окно», «отмена», «форма школы» …
    source: Mapped[str] = mapped_column(String(50), default="")
    #: the cell before and after (see :func:`desktop.services.checklist.cell_state`)
    old: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    new: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
