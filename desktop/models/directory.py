"""The directory of organisations and people who execute roadmap items."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base
from desktop.models.executors import initials_name


class Organisation(Base):
    """An executor organisation; short and full name also give the abbreviations list."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    short_name: Mapped[str] = mapped_column(String(200), unique=True)
    full_name: Mapped[str] = mapped_column(Text, default="")

    people: Mapped[list[Person]] = relationship(back_populates="organisation")

    def __repr__(self) -> str:
        return f"Organisation({self.short_name!r})"


class Person(Base):
    """A person: a curator, a director, a specialist of an organisation."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: «Плесецкая Ольга Викторовна» or «О.В. Плесецкая» — as typed
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(Text, default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")

    organisation: Mapped[Organisation | None] = relationship(back_populates="people")

    @property
    def short_name(self) -> str:
        """«О.В. Плесецкая» from «Плесецкая Ольга Викторовна»; other forms unchanged."""
        return initials_name(self.name)

    def __repr__(self) -> str:
        return f"Person({self.name!r})"

