"""The district's own package-signing identity: its Ed25519 key and its package counter.

One row, made on the first export of an exchange package. The private key lives in the
database (not in a file beside it) so that it goes wherever the data goes: the daily
backups and «Резервная копия…» copy it, a restored copy or a file moved to a new computer
(README, «Переезд на новый компьютер») signs with the same key, and on a PostgreSQL server
every coordinator of the district signs as the same district. ``package_sequence`` numbers
the packages: the region orders a district's packages by it, not by anyone's clock.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base


class SigningIdentity(Base):
    """One row: the private key (hex seed), its public half and the last package's number."""

    __tablename__ = "signing_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    private_key: Mapped[str] = mapped_column(Text)
    public_key: Mapped[str] = mapped_column(Text)
    #: the number of the last package made (0: none yet); each export adds one
    package_sequence: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=dt.datetime.now)
