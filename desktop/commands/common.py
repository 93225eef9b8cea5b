"""Helpers shared by the sub-commands: opening the database named by ``--db``."""

from __future__ import annotations

import argparse

from desktop.models.database import Database, open_database
from desktop.paths import resolve_db_path


def open_db_from_args(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open the database of ``--db`` (or the default); a missing file is an error unless ``create``."""
    return open_database(resolve_db_path(getattr(args, "db", None)), create=create)
