"""Files copied into the data folder (checklist evidence, schools' concept documents).

A module of its own, depending only on the base, so that :mod:`desktop.models.schools`
can link to it without importing the checklist (which imports the roadmaps).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base


class EvidenceFile(Base):
    """A file copied into the data folder's ``evidence/``, named by its content hash."""

    __tablename__ = "evidence_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    original_name: Mapped[str] = mapped_column(Text)
    #: relative to the database's folder: ``evidence/ab/abcdef….pdf``
    stored_path: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer, default=0)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=dt.datetime.now)
