"""The education authority's profile: what the order header, signature and executor mark print."""

from __future__ import annotations

import uuid

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base


class Authority(Base):
    """One row: the district (or regional) education authority using the app."""

    __tablename__ = "authority"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: full name as printed in the order header, may span lines
    full_name: Mapped[str] = mapped_column(Text, default="")
    short_name: Mapped[str] = mapped_column(String(200), default="")
    #: place of issue as printed under the date: «пгт Балахта», «г. Славянск-на-Кубани»
    city: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    head_position: Mapped[str] = mapped_column(Text, default="")
    head_name: Mapped[str] = mapped_column(String(200), default="")
    coordinator_name: Mapped[str] = mapped_column(String(200), default="")
    coordinator_phone: Mapped[str] = mapped_column(String(100), default="")
    coordinator_email: Mapped[str] = mapped_column(String(200), default="")
    #: the district's stable identity in exchange packages, made once with the row
    uuid: Mapped[str] = mapped_column(String(36), default=lambda: str(uuid.uuid4()))
    #: ОКТМО code of the municipality (8 or 11 digits), when given
    oktmo: Mapped[str] = mapped_column(String(11), default="")
