"""Files copied into the data folder (checklist evidence, schools' concept documents).

A module of its own, depending only on the base, so that :mod:`desktop.models.schools`
can link to it without importing the checklist (which imports the roadmaps).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base

EVIDENCE_DIR = "evidence"
#: the layout every stored copy follows: ``evidence/<first two hex digits>/<sha256><.ext>``
#: (the extension may be Russian, «.пдф», but holds no separator: it names a file, not a way)
_STORED = re.compile(r"evidence/(?P<fan>[0-9a-f]{2})/(?P<sha>[0-9a-f]{64})(\.[^/\\\x00]{1,9})?")


def stored_name(digest: str, original_name: str) -> str:
    """Where a copy with this content is kept, relative to the database's folder."""
    suffix = re.sub(r"[/\\\x00]", "", PurePosixPath(original_name).suffix.lower())[:10]
    return f"{EVIDENCE_DIR}/{digest[:2]}/{digest}{suffix if len(suffix) > 1 else ''}"


def is_valid_stored_path(stored_path: str, digest: str) -> bool:
    """The stored path follows the hash-named layout for this content: nothing else is ever
    read or written (``../../x.txt`` in a damaged or hostile database leads nowhere)."""
    match = _STORED.fullmatch(stored_path or "")
    return bool(match) and match["sha"] == digest and match["fan"] == digest[:2]


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
