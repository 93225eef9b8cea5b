"""Districts whose exchange packages the region imported (see :mod:`desktop.importers.package`).

A district is known by the stable UUID its app made at first start
(:attr:`desktop.models.authority.Authority.uuid`). Its roadmaps and schools carry its
``district_id``; the region's own rows have none, so an import that replaces a district's
data never touches them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base


class District(Base):
    """One district as its last imported package describes it."""

    __tablename__ = "districts"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(Text, default="")
    oktmo: Mapped[str] = mapped_column(String(11), default="")
    #: when the district made its last imported package, and when the region imported it
    package_created: Mapped[dt.datetime] = mapped_column(DateTime)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=dt.datetime.now)
    app_version: Mapped[str] = mapped_column(String(40), default="")
    #: sha256 of the package's data: the same package again changes nothing
    digest: Mapped[str] = mapped_column(String(64), default="")
    #: what the preview of the next package compares with: {"roadmaps": {key: [title, sha]},
    #: "schools": {short name: sha}}
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: the district's Ed25519 public key (hex) recorded from its first signed package; NULL
    #: while only unsigned (format 1) packages came. A package signed by another key is
    #: refused unless the user confirms the change.
    public_key: Mapped[str | None] = mapped_column(Text, default=None)
    #: the number of the last imported package (NULL before signed packages): a package
    #: with a number not above it is a replay and is refused
    package_sequence: Mapped[int | None] = mapped_column(Integer, default=None)
