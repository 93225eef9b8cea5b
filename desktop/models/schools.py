"""Schools of the district, their categories, risk profiles and concept documents."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from desktop.models.base import Base, Versioned, db_enum
from desktop.models.checklist_files import EvidenceFile
from desktop.models.directory import Person
from desktop.models.enums import DocumentKind

#: The «500+» methodology's default risk factors (domain.md); editable reference data.
DEFAULT_RISK_FACTORS: tuple[str, ...] = (
    "Низкий уровень оснащения школы",
    "Дефицит педагогических кадров",
    "Недостаточная предметная и методическая компетентность педагогических работников",
    "Риски низкой адаптивности учебного процесса",
    "Несформированность внутришкольной системы повышения квалификации",
    "Высокая доля обучающихся с рисками учебной неуспешности",
    "Низкое качество преодоления языковых и культурных барьеров",
    "Пониженный уровень качества школьной образовательной и воспитательной среды",
    "Низкий уровень вовлеченности родителей",
    "Низкая учебная мотивация обучающихся",
)

school_risk_factors = Table(
    "school_risk_factors",
    Base.metadata,
    Column("school_id", ForeignKey("schools.id", ondelete="CASCADE"), primary_key=True),
    Column("risk_factor_id", ForeignKey("risk_factors.id", ondelete="CASCADE"), primary_key=True),
)


class RiskFactor(Base):
    """One factor of the reference list the schools' risk profiles are made of."""

    __tablename__ = "risk_factors"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class School(Versioned, Base):
    """A school with its categories (ШНОР, ШССУ, ШФЗР, «500+» by year, post-project)."""

    __tablename__ = "schools"
    __table_args__ = (UniqueConstraint("district_id", "short_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(Text)
    #: the name used in tables: БСШ1, ОСШ, ООШ № 7 — unique within a district
    short_name: Mapped[str] = mapped_column(String(100))
    #: an imported district's school (see :mod:`desktop.models.district`); None: our own
    district_id: Mapped[int | None] = mapped_column(
        ForeignKey("districts.id", ondelete="CASCADE"), index=True)
    director: Mapped[str] = mapped_column(String(200), default="")
    curator_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    is_shnor: Mapped[bool] = mapped_column(Boolean, default=False)
    is_shssu: Mapped[bool] = mapped_column(Boolean, default=False)
    is_shfzr: Mapped[bool] = mapped_column(Boolean, default=False)
    post_project: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")

    curator: Mapped[Person | None] = relationship()
    project_years: Mapped[list[SchoolProjectYear]] = relationship(
        back_populates="school", cascade="all, delete-orphan", order_by="SchoolProjectYear.year"
    )
    risk_factors: Mapped[list[RiskFactor]] = relationship(
        secondary=school_risk_factors, order_by=RiskFactor.number
    )
    documents: Mapped[list[SchoolDocument]] = relationship(
        back_populates="school", cascade="all, delete-orphan", order_by="SchoolDocument.id"
    )

    def in_500_plus(self, year: int | None = None) -> bool:
        """A «500+» participant in ``year`` (any year when None)."""
        years = {p.year for p in self.project_years}
        return bool(years) if year is None else year in years

    def categories(self) -> list[str]:
        """Short category labels, as the registry shows them."""
        labels = []
        if self.is_shnor:
            labels.append("ШНОР")
        if self.is_shssu:
            labels.append("ШССУ")
        if self.is_shfzr:
            labels.append("ШФЗР")
        if self.project_years:
            labels.append("«500+» " + ", ".join(str(p.year) for p in self.project_years))
        if self.post_project:
            labels.append("постпроектное")
        return labels


class SchoolProjectYear(Base):
    """A year in which the school took part in the «500+» project."""

    __tablename__ = "school_project_years"

    school_id: Mapped[int] = mapped_column(
        ForeignKey("schools.id", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(Integer, primary_key=True)

    school: Mapped[School] = relationship(back_populates="project_years")


class SchoolDocument(Versioned, Base):
    """A concept document of a school (self-diagnosis, programme …) and its confirmation."""

    __tablename__ = "school_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"), index=True)
    kind: Mapped[DocumentKind] = mapped_column(db_enum(DocumentKind))
    #: for an anti-risk programme: the factor it addresses
    risk_factor_id: Mapped[int | None] = mapped_column(
        ForeignKey("risk_factors.id", ondelete="SET NULL")
    )
    title: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[dt.date | None] = mapped_column(Date)
    confirmed_by_curator: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed_on: Mapped[dt.date | None] = mapped_column(Date)
    link: Mapped[str] = mapped_column(Text, default="")
    #: :class:`desktop.models.checklist.DocState` value: нет, в разработке, разработан, утверждён
    state: Mapped[str] = mapped_column(String(20), default="none")
    #: the document's file copied into the data folder (see :mod:`desktop.services.evidence`)
    file_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence_files.id", ondelete="SET NULL"))

    school: Mapped[School] = relationship(back_populates="documents")
    risk_factor: Mapped[RiskFactor | None] = relationship()
    file: Mapped[EvidenceFile | None] = relationship(EvidenceFile)


def seed_risk_factors(session: Session) -> None:
    """Fill the reference list with the default factors when it is empty."""
    if session.scalar(select(RiskFactor.id).limit(1)) is not None:
        return
    session.add_all(
        RiskFactor(number=n, title=title) for n, title in enumerate(DEFAULT_RISK_FACTORS, 1)
    )

