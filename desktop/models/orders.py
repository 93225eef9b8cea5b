"""Orders (приказы): requisites, numbered points, approval blocks and appendices."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Versioned, db_enum
from desktop.models.enums import AppendixKind, ApprovalKind, OrderStatus


class Order(Versioned, Base):
    """A приказ of the authority. Number and date may be empty in a draft."""

    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(50), default="")
    date: Mapped[dt.date | None] = mapped_column(Date)
    #: «Об утверждении дорожной карты …», no full stop
    title: Mapped[str] = mapped_column(Text, default="")
    preamble: Mapped[str] = mapped_column(Text, default="")
    signatory_position: Mapped[str] = mapped_column(Text, default="")
    signatory_name: Mapped[str] = mapped_column(String(200), default="")
    executor_name: Mapped[str] = mapped_column(String(200), default="")
    executor_phone: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[OrderStatus] = mapped_column(db_enum(OrderStatus), default=OrderStatus.DRAFT)
    template: Mapped[str] = mapped_column(String(100), default="")
    #: per-order print settings (worded date, «ПРИКАЗЫВАЮ:» form, margins …)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    points: Mapped[list[OrderPoint]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderPoint.position"
    )
    approvals: Mapped[list[OrderApproval]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderApproval.position"
    )
    appendices: Mapped[list[OrderAppendix]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderAppendix.position"
    )

    def top_points(self) -> list[OrderPoint]:
        return [p for p in self.points if p.parent_id is None and p.parent is None]


class OrderPoint(Base):
    """A numbered point of an order; sub-points (up to 4 levels) hang under a parent."""

    __tablename__ = "order_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("order_points.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")

    order: Mapped[Order] = relationship(back_populates="points")
    parent: Mapped[OrderPoint | None] = relationship(back_populates="children", remote_side=[id])
    children: Mapped[list[OrderPoint]] = relationship(
        back_populates="parent", order_by="OrderPoint.position", cascade="all, delete-orphan"
    )


class OrderApproval(Base):
    """A «Проект внесен» or «СОГЛАСОВАНО» block: position, name, date."""

    __tablename__ = "order_approvals"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ApprovalKind] = mapped_column(db_enum(ApprovalKind))
    position: Mapped[int] = mapped_column(Integer, default=0)
    person_position: Mapped[str] = mapped_column(Text, default="")
    person_name: Mapped[str] = mapped_column(String(200), default="")
    date: Mapped[dt.date | None] = mapped_column(Date)
    #: print a line to sign on («____________»); most documents have none
    signature_line: Mapped[bool] = mapped_column(Boolean, default=False)
    #: print a blank date to fill in by hand when ``date`` is empty
    date_line: Mapped[bool] = mapped_column(Boolean, default=False)

    order: Mapped[Order] = relationship(back_populates="approvals")


class OrderAppendix(Base):
    """An appendix: a roadmap, a working group, a schedule, or free text."""

    __tablename__ = "order_appendices"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[AppendixKind] = mapped_column(db_enum(AppendixKind))
    title: Mapped[str] = mapped_column(Text, default="")
    roadmap_id: Mapped[int | None] = mapped_column(ForeignKey("roadmaps.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text, default="")

    order: Mapped[Order] = relationship(back_populates="appendices")
    members: Mapped[list[WorkingGroupMember]] = relationship(
        back_populates="appendix", cascade="all, delete-orphan", order_by="WorkingGroupMember.position"
    )
    schedule: Mapped[list[ScheduleEntry]] = relationship(
        back_populates="appendix", cascade="all, delete-orphan", order_by="ScheduleEntry.position"
    )


class WorkingGroupMember(Base):
    """A member of a working group appendix: name and position."""

    __tablename__ = "working_group_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    appendix_id: Mapped[int] = mapped_column(
        ForeignKey("order_appendices.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    job_title: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(100), default="")  #: председатель, секретарь, член

    appendix: Mapped[OrderAppendix] = relationship(back_populates="members")


class ScheduleEntry(Base):
    """A row of a schedule appendix (visits, consultations): topic, date, responsible."""

    __tablename__ = "schedule_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    appendix_id: Mapped[int] = mapped_column(
        ForeignKey("order_appendices.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    topic: Mapped[str] = mapped_column(Text, default="")
    date_text: Mapped[str] = mapped_column(String(200), default="")
    responsible: Mapped[str] = mapped_column(Text, default="")

    appendix: Mapped[OrderAppendix] = relationship(back_populates="schedule")

